import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The Content-Security-Policy of the Tauri window (`tauri.conf.json` → `app.security.csp`), kept
 * identical here: `vite preview` sends it, so the browser tests fail when a dependency starts
 * injecting `<style>`/`<script>` tags or inline handlers at run time. Update both together.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src ipc: http://ipc.localhost",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join("; ");

/** Port of `vite preview` used by the Playwright browser tests (another with PREVIEW_PORT=…). */
export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4179);

export default defineConfig({
  // Relative asset URLs: the bundle is served from tauri://localhost (and from vite preview).
  base: "./",
  plugins: [react()],
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // One local bundle loaded from disk by the webview: no network cost to splitting it for.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // Tauri's `devUrl` is http://localhost:1420.
    port: 1420,
    strictPort: true,
  },
  preview: {
    port: PREVIEW_PORT,
    strictPort: true,
    headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY },
  },
});
