//! Search-as-you-type over a product's items for the decision log's pickers: every word typed
//! must appear in the title (case and accents ignored), titles in backlog order. A finding aid,
//! not data: nothing here ranks or scores.

/** The words of `text`, lower case, without accents. */
function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** The items whose title holds every word of `query`, at most `limit`, and how many matched. */
export function searchItems<T extends { title: string }>(
  items: readonly T[],
  query: string,
  limit: number,
): { shown: T[]; matched: number } {
  const wanted = words(query);
  const matching = wanted.length === 0 ? items : items.filter((item) => {
    const title = words(item.title).join(" ");
    return wanted.every((word) => title.includes(word));
  });
  return { shown: matching.slice(0, limit), matched: matching.length };
}
