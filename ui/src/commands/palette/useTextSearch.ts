//! The palette's full-text search: Rust's `search` over the open product's notes and items, as
//! you type (after a short pause, so each keystroke does not cost a query), the best few hits
//! with their snippets. The text goes to Rust as typed: Rust turns it into a quoted FTS query.
import { useEffect, useState } from "react";
import { useSearch, type SearchHit } from "../../api";

/** How long typing pauses before the palette searches. */
export const TEXT_SEARCH_DELAY_MS = 200;
/** How many hits the palette shows. */
export const TEXT_SEARCH_HITS = 8;

export function useTextSearch(query: string, productId: string | null): readonly SearchHit[] {
  const [settled, setSettled] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), TEXT_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const active = productId !== null && settled.trim() !== "" && query.trim() !== "";
  const search = useSearch({
    text: active ? settled : "",
    productId,
    kind: null,
    noteType: null,
    tagId: null,
    participantId: null,
    from: null,
    to: null,
    limit: TEXT_SEARCH_HITS,
  });
  return active ? (search.data ?? []) : [];
}
