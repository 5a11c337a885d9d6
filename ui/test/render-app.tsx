import { QueryClientProvider } from "@tanstack/react-query";
import { emit } from "@tauri-apps/api/event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { render } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { createQueryClient, useDataChangedRefresh } from "../src/api";
import { Feedback } from "../src/feedback/Feedback";
import { createFakeBackend, type FakeOptions } from "./fake-backend";

/** What App does for every screen: refetch when the backend emits `data-changed`. */
function DataChangedRefresh() {
  useDataChangedRefresh();
  return null;
}

/** A fresh fake backend behind Tauri's mocked IPC (events included), and a query client. */
export function withFakeBackend(options: FakeOptions = {}) {
  const fake = createFakeBackend(options);
  mockWindows("main");
  mockIPC((command, args) => fake.handle(command, (args ?? {}) as Record<string, unknown>), {
    shouldMockEvents: true,
  });
  fake.onChange((change) => void emit("data-changed", change));
  const queryClient = createQueryClient();
  /** For `renderHook`: the query client, refreshed by `data-changed` as App does. */
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <DataChangedRefresh />
      {children}
    </QueryClientProvider>
  );
  return { fake, queryClient, wrapper };
}

/** Renders `ui` against a fresh fake backend behind Tauri's mocked IPC (events included). */
export function renderWithBackend(ui: ReactElement, options: FakeOptions = {}) {
  const { fake, queryClient } = withFakeBackend(options);
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
