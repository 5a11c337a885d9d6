//! The page's style nonce, for the one library that must inject `<style>` at run time (the
//! note editor, CodeMirror). Tauri replaces a token in `index.html` with a fresh nonce each time
//! it serves the page and allows it in the CSP's `style-src`; `<meta name="csp-nonce">` carries
//! it. Read once at boot.

/** The token as written in `index.html`; still there means the page was not served by Tauri. */
export const NONCE_TOKEN = "__TAURI_STYLE_NONCE__";

let cached: string | null | undefined;

/** The nonce, or null when the page has none (the token was not replaced, or no carrier). */
export function styleNonce(): string | null {
  if (cached !== undefined) return cached;
  const content = document.querySelector('meta[name="csp-nonce"]')?.getAttribute("content") ?? "";
  cached = content === "" || content === NONCE_TOKEN ? null : content;
  return cached;
}
