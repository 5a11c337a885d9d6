import { useEffect } from "react";

/**
 * Focus never falls to `<body>`: when the focused element is removed (a deleted row, an undone
 * item) or disabled, the keyboard goes to the current view's heading instead of the page's start.
 * Lists and dialogs put focus somewhere better first when they can; this is the safety net.
 */
export function useFocusRescue() {
  useEffect(() => {
    const onFocusOut = (event: FocusEvent) => {
      const lost = event.target;
      if (!(lost instanceof HTMLElement)) return;
      // Two frames: a closing dialog or menu gives the focus back in the next one.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const now = document.activeElement;
          if (now !== null && now !== document.body) return;
          const gone = !lost.isConnected || lost.matches(":disabled") || lost.closest("[inert]") !== null;
          if (!gone) return;
          document.querySelector<HTMLElement>("main h1")?.focus({ preventScroll: true });
        }),
      );
    };
    document.addEventListener("focusout", onFocusOut);
    return () => document.removeEventListener("focusout", onFocusOut);
  }, []);
}
