//! Markdown → sanitised HTML for previews. Descriptions are user data (and may be imported
//! from elsewhere), so:
//! - raw HTML inside the Markdown is shown as text, never parsed as HTML. Besides being
//!   predictable, this keeps the window's CSP quiet: Chromium reports a violation as soon as
//!   any parser (even DOMPurify's inert one) meets an `on…=` attribute.
//! - the HTML that `marked` produces always goes through DOMPurify anyway: no scripts, no
//!   event-handler attributes, no `javascript:` URLs, and no remote content.
import DOMPurify from "dompurify";
import { Marked } from "marked";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

const purifier = DOMPurify(window);
purifier.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "IMG") {
    const src = node.getAttribute("src") ?? "";
    // Local-first: never fetch anything from the network, even an image.
    if (!src.startsWith("data:image/")) {
      node.removeAttribute("src");
      node.setAttribute("data-blocked-src", src);
      node.setAttribute("title", "Images from the web are not loaded");
    }
  }
  if (node.tagName === "A") {
    node.setAttribute("rel", "noreferrer noopener");
  }
  // A code block scrolls sideways: keyboard users must be able to reach and scroll it.
  if (node.tagName === "PRE") {
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "region");
    node.setAttribute("aria-label", "Code block");
  }
});

const FORBIDDEN_TAGS = ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed", "link", "meta", "base"];

/** Sanitises an HTML string for insertion with `dangerouslySetInnerHTML`. */
export function sanitizeHtml(html: string): string {
  return purifier.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: ["style"],
  });
}

/** Renders Markdown to sanitised HTML. */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html);
}
