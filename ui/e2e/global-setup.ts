import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
export const FAKE_BUNDLE = resolve(here, ".generated/fake-backend.js");

/** Bundles the fake backend (test/install-fake.ts) into one classic script for addInitScript. */
export default async function globalSetup() {
  if (!existsSync(resolve(here, "../dist/index.html"))) {
    throw new Error("ui/dist is missing: run `npm run build` (npm run test:browser does it for you).");
  }
  await build({
    configFile: false,
    publicDir: false,
    logLevel: "warn",
    build: {
      outDir: dirname(FAKE_BUNDLE),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: resolve(here, "../test/install-fake.ts"),
        formats: ["iife"],
        name: "NorthstarFakeBackend",
        fileName: () => "fake-backend.js",
      },
    },
  });
}
