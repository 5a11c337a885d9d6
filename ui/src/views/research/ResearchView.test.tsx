import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { act } from "react";
import { describe, expect, it } from "vitest";
import type { Highlight, Product, ResearchNote } from "../../api";
import { requestFocus } from "../../shell/focusRequests";
import { withFakeBackend } from "../../../test/render-app";
import { ResearchView } from "./ResearchView";

describe("ResearchView and highlight focus requests", () => {
  it("opens the note of a requested highlight, whichever note was open", async () => {
    const { fake, queryClient } = withFakeBackend();
    const product = (fake.handle("list_products") as Product[])[0] as Product;
    const addNote = (title: string, notedOn: string, body: string) =>
      (fake.handle("create_note", { input: { productId: product.id, noteType: "interview", title, notedOn, source: null, body } }) as {
        value: ResearchNote;
      }).value;
    const older = addNote("Interview with Dana", "2026-01-05", "Dana: PDF takes forever.");
    addNote("Ticket 42", "2026-02-01", "The bank export fails.");
    const highlight = fake.handle("create_highlight", {
      input: { noteId: older.id, start: 6, end: 9, tagIds: [], itemIds: [] },
    }) as { value: Highlight };
    expect(highlight.value.exact).toBe("PDF");

    render(
      <QueryClientProvider client={queryClient}>
        <ResearchView product={product} goTo={() => undefined} />
      </QueryClientProvider>,
    );
    // The newest note is open first.
    expect(await screen.findByRole("article", { name: "Note Ticket 42" })).toBeTruthy();

    act(() => requestFocus({ kind: "highlight", noteId: older.id, highlightId: highlight.value.id }));
    expect(await screen.findByRole("article", { name: "Note Interview with Dana" })).toBeTruthy();
    // Its highlights are read for the note (the passage is then selected in the editor).
    await waitFor(() =>
      expect(fake.calls.some((call) => call.command === "list_highlights" && (call.args.filter as { noteId: string }).noteId === older.id)).toBe(true),
    );
  });
});
