import "@testing-library/jest-dom/vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { clearToasts } from "../src/feedback/toasts";

// findBy*/waitFor: allow for a loaded machine (the default is 1 s).
configure({ asyncUtilTimeout: 4_000 });

afterEach(() => {
  cleanup();
  clearMocks();
  clearToasts();
});

afterEach(() => {
  // Every test starts at the app's first route.
  window.history.replaceState(null, "", "/");
});
