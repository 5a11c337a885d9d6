// The global styles first: the components' CSS Modules, imported through App, come after them
// in the bundle and so win over them at equal specificity.
import "@fontsource-variable/inter";
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/controls.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./api";
import { App } from "./App";
import { applyTheme, readThemePreference } from "./theme/theme";

// Before the first paint, so a dark-theme user never sees a white flash.
applyTheme(readThemePreference());

// react-aria adds a <style> element for touch handling unless one with this id exists. The window's
// CSP (style-src 'self') would block it, so provide the marker; the rule itself is in base.css.
if (!document.getElementById("react-aria-pressable-style")) {
  const marker = document.createElement("meta");
  marker.id = "react-aria-pressable-style";
  document.head.append(marker);
}

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
