//! The rules the fake backend answers with, each mirroring the Rust function it names (the
//! replayed contract, test/contract.test.ts, checks every message and value against Rust's).
import type { AppError, ItemKind, ItemStatus, StatusOption } from "../src/api/client";

const MAX_TITLE_CHARS = 300;
const MAX_TEXT_BYTES = 1024 * 1024;
const EXCERPT_CHARS = 140;

export const STATUS_OPTIONS: StatusOption[] = [
  { value: "idea", label: "Idea" },
  { value: "discovery", label: "Discovery" },
  { value: "ready", label: "Ready" },
  { value: "in_progress", label: "In progress" },
  { value: "shipped", label: "Shipped" },
  { value: "archived", label: "Archived" },
];

export const KINDS: readonly ItemKind[] = ["feature", "opportunity", "story"];

/** Tauri rejects a failed command with the serialised error itself, not an `Error`: do the same. */
export function fail(error: AppError | string): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw error;
}

export function invalid(field: string, reason: string): AppError {
  return { kind: "Invalid", detail: { field, reason } };
}

export function notFound(entity: string, id: string): AppError {
  return { kind: "NotFound", detail: { entity, id } };
}

/** Rust's `text::quoted`. */
export function quoted(title: string): string {
  const trimmed = title.trim();
  const already = /^["“]/.test(trimmed) || /["”]$/.test(trimmed);
  return already ? title : `“${title}”`;
}

/** Rust's `validate_title`. */
export function validTitle(field: string, noun: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") fail(invalid(field, `Give the ${noun} a ${field}.`));
  const length = [...trimmed].length;
  if (length > MAX_TITLE_CHARS) {
    fail(invalid(field, `The ${noun} ${field} can be at most ${MAX_TITLE_CHARS} characters; this one has ${length}.`));
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) {
    fail(invalid(field, `The ${noun} ${field} must fit on one line (no line breaks or tabs).`));
  }
  return trimmed;
}

/** Rust's `validate_long_text`. */
export function validLongText(field: string, text: string): string {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_TEXT_BYTES) {
    fail(invalid(field, `The ${field} can be at most 1 MB; this one is ${(bytes / MAX_TEXT_BYTES).toFixed(1)} MB.`));
  }
  return text;
}

/** Rust's `validate_database_path`, without its file-system checks (a folder, a missing folder). */
export function validDatabasePath(path: unknown): string {
  const trimmed = typeof path === "string" ? path.trim() : "";
  if (trimmed === "") fail(invalid("path", "Enter the path of a Northstar database file."));
  if (trimmed.includes("\0")) fail(invalid("path", "That path contains a character no file name can have."));
  return trimmed;
}

export function parseStatus(text: string): ItemStatus {
  const status = STATUS_OPTIONS.find((option) => option.value === text)?.value;
  if (status === undefined) {
    const known = STATUS_OPTIONS.map((option) => option.value).join(", ");
    fail(invalid("status", `“${text}” is not a status. Use one of: ${known}.`));
  }
  return status;
}

export function parseKind(text: string): ItemKind {
  const kind = KINDS.find((candidate) => candidate === text);
  if (kind === undefined) fail(invalid("kind", `“${text}” is not an item kind. Use feature, opportunity or story.`));
  return kind;
}

/** A stand-in for the plain-text excerpt Rust computes (the replayed session checks it). */
export function fakeExcerpt(markdown: string): string {
  for (const rawLine of markdown.split("\n")) {
    const line = rawLine
      .replace(/^ {0,3}(#{1,6}[ \t]+|> ?|[-*+] +(\[[ xX]\] +)?|\d+[.)] +)/, "")
      .replace(/!\[/g, "[")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/<[A-Za-z/!?][^>]*>/g, "")
      .replace(/[*_`~]/g, "")
      .split(/\s+/)
      .filter((word) => word !== "")
      .join(" ");
    if (line === "" || /^[-=|: ]+$/.test(line)) continue;
    const characters = [...line];
    return characters.length <= EXCERPT_CHARS
      ? line
      : `${characters
          .slice(0, EXCERPT_CHARS - 1)
          .join("")
          .trimEnd()}…`;
  }
  return "";
}
