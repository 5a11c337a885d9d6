import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    setupFiles: ["./test/setup.ts"],
    restoreMocks: true,
    // Generous: CI may run these beside a Rust build on two cores.
    testTimeout: 20_000,
    // Two cores are shared with a Rust build: keep the worker count small.
    maxWorkers: 2,
  },
});
