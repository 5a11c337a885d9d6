//! What the decision forms need beyond Rust's answers: today's date for the date field, and
//! where Rust's refusal goes (beside the field it names).
import type { UiError } from "../../api";

export type FieldErrors = Partial<Record<"decision" | "rationale" | "decidedOn" | "itemIds" | "other", string>>;

const FIELDS = ["decision", "rationale", "decidedOn", "itemIds"] as const;

/** Rust's refusal, filed under the field it names; any other error under `other`. */
export function fieldErrors(error: UiError, describe: (error: UiError) => string): FieldErrors {
  if (error.kind === "Invalid") {
    const field = FIELDS.find((candidate) => candidate === error.detail.field);
    if (field) return { [field]: error.detail.reason };
  }
  return { other: describe(error) };
}

/** Today on this computer's calendar, as a date field writes it (`YYYY-MM-DD`). */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A decision's day as "Sun 1 Mar 2026" (a calendar day: no time zone moves it). */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const parts = new Intl.DateTimeFormat("en-US", { weekday: "short", day: "numeric", month: "short", year: "numeric" }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}
