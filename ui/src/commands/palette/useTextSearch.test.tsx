import { renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Product } from "../../api";
import { withFakeBackend } from "../../../test/render-app";
import { TEXT_SEARCH_HITS, useTextSearch } from "./useTextSearch";

describe("useTextSearch", () => {
  it("searches once typing pauses, sends the text as typed, and asks for the top hits", async () => {
    const { fake, wrapper } = withFakeBackend();
    const product = (fake.handle("list_products") as Product[])[0] as Product;
    const { result, rerender } = renderHook(({ query }) => useTextSearch(query, product.id), { wrapper, initialProps: { query: "b" } });
    rerender({ query: "ba" });
    rerender({ query: 'bank "sync' });
    await waitFor(() => expect(result.current.map((hit) => hit.kind)).toContain("item"));
    const searches = fake.calls.filter((call) => call.command === "search");
    // One search for the settled text, not one per keystroke; the quote goes to Rust unchanged.
    expect(searches.map((call) => (call.args.request as { text: string }).text)).toEqual(['bank "sync']);
    expect((searches[0]?.args.request as { limit: number }).limit).toBe(TEXT_SEARCH_HITS);
  });

  it("shows nothing for an empty query or without a product", async () => {
    const { fake, wrapper } = withFakeBackend();
    const { result } = renderHook(() => useTextSearch("   ", null), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(result.current).toEqual([]);
    expect(fake.calls.some((call) => call.command === "search")).toBe(false);
  });
});
