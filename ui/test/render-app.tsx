import { QueryClientProvider } from "@tanstack/react-query";
import { emit } from "@tauri-apps/api/event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createQueryClient, useDataChangedRefresh } from "../src/api";
import { Feedback } from "../src/feedback/Feedback";
import { createFakeBackend, type FakeOptions } from "./fake-backend";

/** What App does for every screen: refetch when the backend emits `data-changed`. */
function DataChangedRefresh() {
  useDataChangedRefresh();
  return null;
}

/** Renders `ui` against a fresh fake backend behind Tauri's mocked IPC (events included). */
export function renderWithBackend(ui: ReactElement, options: FakeOptions = {}) {
  const fake = createFakeBackend(options);
  mockWindows("main");
  mockIPC((command, args) => fake.handle(command, (args ?? {}) as Record<string, unknown>), {
    shouldMockEvents: true,
  });
  fake.onChange((change) => void emit("data-changed", change));
  const queryClient = createQueryClient();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <DataChangedRefresh />
      {ui}
      <Feedback />
    </QueryClientProvider>,
  );
  return { fake, queryClient, ...view };
}

/** What the app's live region says now (dnd-kit has a silent one of its own). */
export function announcement(): string {
  return document.getElementById("announcements")?.textContent ?? "";
}
