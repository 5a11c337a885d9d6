import "@testing-library/jest-dom/vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { clearToasts } from "../src/feedback/toasts";
import { forgetAllDrafts } from "../src/views/home/productDrafts";

// findBy*/waitFor: allow for a loaded machine (the default is 1 s).
configure({ asyncUtilTimeout: 4_000 });

afterEach(() => {
  cleanup();
  clearMocks();
  clearToasts();
  forgetAllDrafts();
});

afterEach(() => {
  // Every test starts at the app's first route.
  window.history.replaceState(null, "", "/");
});

// jsdom lays nothing out, so a virtualised list would see a 0-px viewport and render no rows:
// give the ranked list's scroll box the size of a window.
for (const [property, size] of [
  ["clientHeight", 600],
  ["clientWidth", 800],
] as const) {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, property);
  Object.defineProperty(Element.prototype, property, {
    configurable: true,
    get(this: Element) {
      return this.getAttribute("role") === "grid" ? size : ((original?.get?.call(this) as number | undefined) ?? 0);
    },
  });
}

// jsdom has no ResizeObserver (cmdk measures its list with one) and no scrollIntoView.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoResizeObserver;
if (!("scrollIntoView" in Element.prototype)) {
  Object.defineProperty(Element.prototype, "scrollIntoView", { configurable: true, value: () => undefined });
}
