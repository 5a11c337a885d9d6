import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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

/** The token Tauri replaces with a fresh style nonce each time it serves `index.html`. */
const STYLE_NONCE_TOKEN = "__TAURI_STYLE_NONCE__";

/**
 * `vite preview` serves the page as the Tauri window does: a fresh nonce in place of the token,
 * allowed in `style-src`, so the browser tests run the note editor under the same CSP rule.
 */
function tauriStyleNonce(): Plugin {
  return {
    name: "northstar-tauri-style-nonce",
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? "/").split("?")[0];
        if (path !== "/" && path !== "/index.html") {
          next();
          return;
        }
        const nonce = randomBytes(16).toString("base64");
        const html = readFileSync(resolve(server.config.root, "dist/index.html"), "utf8").replaceAll(STYLE_NONCE_TOKEN, nonce);
        const policy = CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`);
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Content-Type", "text/html; charset=utf-8");
        response.end(html);
      });
    },
  };
}

/** Port of `vite preview` used by the Playwright browser tests (another with PREVIEW_PORT=…). */
export const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 4179);

export default defineConfig({
  // Relative asset URLs: the bundle is served from tauri://localhost (and from vite preview).
  base: "./",
  plugins: [react(), tauriStyleNonce()],
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
