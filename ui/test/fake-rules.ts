//! The rules the fake backend answers with, each mirroring the Rust function it names (the
//! replayed contract, test/contract.test.ts, checks every message and value against Rust's).
import type {
  AppError,
  IceMode,
  ItemKind,
  ItemStatus,
  ScoreChange,
  ScoreInput,
  ScoringScales,
  StatusOption,
} from "../src/api/client";

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

/** Rust's `IceMode::parse`. */
export function parseIceMode(text: string): IceMode {
  if (text === "product" || text === "average") return text;
  fail(invalid("iceMode", `“${text}” is not a way to combine ICE. Use product or average.`));
}

/** Rust's `scoring::format::format_number`, for the numbers in undo labels. */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  let text: string;
  if (Number.isInteger(magnitude)) text = magnitude.toFixed(0);
  else {
    const decimals = magnitude < 1 ? Math.max(0, Math.floor(-Math.log10(magnitude))) + 2 : 2;
    text = magnitude.toFixed(decimals).replace(/\.?0+$/, "");
  }
  const [whole = "", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** What several inputs of one framework read as (Rust's `Framework::inputs_phrase`). */
const INPUTS_PHRASES: Record<string, string> = {
  rice: "RICE inputs",
  ice: "ICE inputs",
  wsjf: "WSJF inputs",
  moscow: "MoSCoW",
  kano: "Kano category",
  matrix: "value and effort",
};

/** Rust's `scoring::inputs::describe_changes`, with the labels of the recorded scales. */
export function describeScoreChanges(changes: readonly ScoreChange[], target: string, scales: ScoringScales): string {
  const spec = (input: ScoreInput) => {
    const found = scales.inputs.find((candidate) => candidate.input === input);
    if (!found) throw new Error(`no scale for ${input}`);
    return found;
  };
  const valueLabel = (input: ScoreInput, value: number | string) => {
    const { scale } = spec(input);
    if (scale.type === "choices") {
      return scale.choices.find((choice) => choice.value === value)?.label ?? String(value);
    }
    if (typeof value === "string") return value;
    if (input === "riceEffort") return `${formatNumber(value)} ${value === 1 ? "person-month" : "person-months"}`;
    return formatNumber(value);
  };
  const [only] = changes;
  if (changes.length === 1 && only) {
    const label = spec(only.input).label;
    return only.value === null
      ? `Clear ${label} of ${target}`
      : `Set ${label} of ${target} to ${valueLabel(only.input, only.value)}`;
  }
  const frameworks = new Set(changes.map((change) => spec(change.input).framework));
  const [framework] = frameworks;
  const what = frameworks.size === 1 && framework !== undefined ? (INPUTS_PHRASES[framework] ?? "scores") : "scores";
  const verb = changes.every((change) => change.value === null) ? "Clear" : "Set";
  return `${verb} ${what} of ${target}`;
}

/** Rust's refusals of a `set_score_inputs` request as a whole (the values are the book's). */
export function checkScoreRequest(itemIds: readonly string[], changes: readonly ScoreChange[]) {
  if (itemIds.length === 0) fail(invalid("itemIds", "Choose at least one item."));
  if (changes.length === 0) fail(invalid("changes", "Choose at least one score input to set."));
}
