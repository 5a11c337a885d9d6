//! The palette's search, as pure functions: fuzzy matching of what was typed against commands,
//! products and items, best matches first, recently used ones ahead of equals.

export type PaletteEntry = {
  /** A command id, or `item:<id>` for an item. */
  id: string;
  kind: "command" | "item";
  label: string;
  /** Shown on the right: a command's group, an item's place in the backlog. */
  detail: string;
  keywords: readonly string[];
  shortcut?: string;
  run: () => void;
};

/** Lower case without accents, so "resume" finds "Résumé". */
export function normalise(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function isWordStart(text: string, index: number): boolean {
  return index === 0 || /[\s\-_/.“"(]/.test(text[index - 1] ?? "");
}

/**
 * How well `query` (one word, normalised) matches `text` (normalised), or null when it does not.
 * A substring beats a scattered match; a match at the start of a word beats one inside it;
 * consecutive letters beat gaps.
 */
export function fuzzyScore(query: string, text: string): number | null {
  if (query === "") return 0;
  const at = text.indexOf(query);
  if (at >= 0) {
    let score = 100 + query.length * 10 - Math.min(at, 30);
    if (at === 0) score += 40;
    else if (isWordStart(text, at)) score += 25;
    return score;
  }
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const character of query) {
    const index = text.indexOf(character, from);
    if (index < 0) return null;
    score += 3;
    if (index === previous + 1) score += 6;
    if (isWordStart(text, index)) score += 8;
    score -= Math.min(index - from, 10) * 0.5;
    previous = index;
    from = index + 1;
  }
  return score;
}

/** The score of an entry: every word typed must match its label or one of its keywords. */
export function entryScore(query: string, entry: PaletteEntry): number | null {
  const words = normalise(query).split(/\s+/).filter((word) => word !== "");
  const label = normalise(entry.label);
  const keywords = entry.keywords.map(normalise);
  let total = 0;
  for (const word of words) {
    const inLabel = fuzzyScore(word, label);
    const inKeywords = keywords.map((keyword) => fuzzyScore(word, keyword)).filter((score) => score !== null);
    const best = Math.max(inLabel ?? -Infinity, ...inKeywords.map((score) => score * 0.8));
    if (best === -Infinity) return null;
    total += best;
  }
  return total;
}

const KIND_ORDER: Record<PaletteEntry["kind"], number> = { command: 0, item: 1 };

/**
 * The entries to show for `query`, at most `limit`. Without a query: the recently used commands
 * (most recent first), then the other commands in their declared order; items only show up when
 * searched for. With a query: best score first; recently used entries get a head start.
 */
export function searchPalette(
  query: string,
  entries: readonly PaletteEntry[],
  recent: readonly string[],
  limit = 50,
): PaletteEntry[] {
  const recency = (id: string) => {
    const index = recent.indexOf(id);
    return index < 0 ? 0 : recent.length - index;
  };
  if (query.trim() === "") {
    const commands = entries.filter((entry) => entry.kind === "command");
    const used = commands.filter((entry) => recency(entry.id) > 0).sort((a, b) => recency(b.id) - recency(a.id));
    const rest = commands.filter((entry) => recency(entry.id) === 0);
    return [...used, ...rest].slice(0, limit);
  }
  const scored: { entry: PaletteEntry; score: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    const score = entryScore(query, entry);
    if (score !== null) scored.push({ entry, score: score + recency(entry.id) * 4, order });
  });
  scored.sort(
    (a, b) => b.score - a.score || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.order - b.order,
  );
  return scored.slice(0, limit).map(({ entry }) => entry);
}
