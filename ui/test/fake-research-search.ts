//! The fake backend's full-text search, answering as `search::search` does on the short texts
//! the tests use: FTS5's unicode61 tokens (lower case, diacritics removed), each word of the
//! input a quoted phrase (the last one a prefix from three letters on, while typing), every
//! phrase in one column, title matches first, then the note's source, participants and tags,
//! then the body. A snippet is the best column whole (FTS5's snippet is the whole text when it has
//! at most 16 tokens, as every text of the contract does), the matched tokens marked.
import type { Segment } from "../src/api/client";

const MAX_QUERY_CHARS = 500;
const MAX_QUERY_WORDS = 16;
const MIN_PREFIX_CHARS = 3;
const SNIPPET_TOKENS = 16;

type Token = { text: string; start: number; end: number };
type Phrase = { tokens: string[]; prefix: boolean };

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({
    text: fold(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Rust's `query::fts_query`, as the phrases FTS5 reads from it; null when nothing to search. */
export function phrasesOf(input: string): Phrase[] | null {
  const capped = [...input].slice(0, MAX_QUERY_CHARS).join("");
  const words = capped
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  const complete = /\s$/.test(capped);
  return words.map((word, index) => {
    const letters = [...word].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
    return {
      tokens: tokenize(word).map((token) => token.text),
      prefix: index === words.length - 1 && !complete && letters >= MIN_PREFIX_CHARS,
    };
  });
}

/** The token indexes of `text` that a phrase matches (every match of every phrase). */
function matchesIn(tokens: Token[], phrase: Phrase): number[] {
  const found: number[] = [];
  const length = phrase.tokens.length;
  if (length === 0) return found;
  for (let start = 0; start + length <= tokens.length; start++) {
    const fits = phrase.tokens.every((wanted, offset) => {
      const token = tokens[start + offset]?.text ?? "";
      const last = offset === length - 1;
      return last && phrase.prefix ? token.startsWith(wanted) : token === wanted;
    });
    if (fits) for (let offset = 0; offset < length; offset++) found.push(start + offset);
  }
  return found;
}

function marked(text: string, tokens: Token[], hit: ReadonlySet<number>, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  const push = (piece: string, matched: boolean) => {
    if (piece === "") return;
    const last = segments.at(-1);
    if (last && last.matched === matched) last.text += piece;
    else segments.push({ text: piece, matched });
  };
  let cursor = from === 0 ? 0 : (tokens[from]?.start ?? 0);
  if (from > 0) push("…", false);
  for (let index = from; index < to; index++) {
    const token = tokens[index] as Token;
    push(text.slice(cursor, token.start), false);
    push(text.slice(token.start, token.end), hit.has(index));
    cursor = token.end;
  }
  push(to >= tokens.length ? text.slice(cursor) : "…", false);
  return segments;
}

/** Rust's `snippet::readable`: Markdown marks out of the unmatched text, spaces collapsed. */
function readable(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const text = segment.matched ? segment.text : segment.text.replace(/[*`#]/g, "").replace(/[\n\r\t]/g, " ").replace(/ {2,}/g, " ");
    if (text === "") continue;
    const last = out.at(-1);
    if (last && last.matched === segment.matched) last.text += text;
    else out.push({ text, matched: segment.matched });
  }
  const first = out[0];
  if (first && !first.matched) first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last && !last.matched) last.text = last.text.trimEnd();
  return out.filter((segment) => segment.text !== "");
}

export type Searchable = { title: string; body: string; extra: string };

/** The document's score (higher is better) and its marked title and snippet, or null. */
export function searchDocument(doc: Searchable, phrases: readonly Phrase[]) {
  const columns = [doc.title, doc.body, doc.extra].map((text) => ({ text, tokens: tokenize(text) }));
  const hits = columns.map(() => new Set<number>());
  for (const phrase of phrases) {
    let anywhere = false;
    columns.forEach((column, index) => {
      const found = matchesIn(column.tokens, phrase);
      if (found.length > 0) anywhere = true;
      for (const position of found) hits[index]?.add(position);
    });
    if (!anywhere) return null;
  }
  const weights = [10, 1, 2];
  const score = hits.reduce((sum, set, index) => sum + set.size * (weights[index] ?? 1), 0);
  const best = hits.findIndex((set) => set.size > 0);
  const column = columns[best] ?? columns[0];
  const bestHits = hits[best] ?? new Set<number>();
  const first = Math.min(...bestHits);
  const from = column && column.tokens.length > SNIPPET_TOKENS ? Math.max(0, first - 2) : 0;
  const to = column ? Math.min(column.tokens.length, from + SNIPPET_TOKENS) : 0;
  const title = columns[0] as { text: string; tokens: Token[] };
  return {
    score,
    title: marked(title.text, title.tokens, hits[0] ?? new Set(), 0, title.tokens.length),
    snippet: column ? readable(marked(column.text, column.tokens, bestHits, from, to)) : [],
  };
}
