//! Presentation of dates, counts and sizes in the UI's own sentences. Values come from Rust
//! (RFC 3339 timestamps in UTC, byte counts); only how they read is decided here.

const DATE_TIME_PARTS: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

/**
 * A moment in the person's local time, as "Mon 30 Nov 2026, 14:02" (with `seconds`,
 * "…, 14:02:09"). Assembled from parts (English names, 24-hour clock), so it reads the same
 * whatever the locale's punctuation. `timeZone` is for tests; the app uses the system's.
 */
export function formatDateTime(
  timestamp: string,
  { seconds = false, timeZone }: { seconds?: boolean; timeZone?: string } = {},
): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const options = { ...DATE_TIME_PARTS, timeZone, second: seconds ? ("2-digit" as const) : undefined };
  const parts = new Intl.DateTimeFormat("en-US", options).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  const time = `${part("hour")}:${part("minute")}${seconds ? `:${part("second")}` : ""}`;
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}, ${time}`;
}

/** "1 product", "25 items": a count and its noun. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}

const UNITS = ["KB", "MB", "GB"] as const;

/** A file size as people read it: "812 bytes", "96 KB", "1.4 MB" (1 KB = 1,024 bytes). */
export function formatSize(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return "Unknown size";
  if (bytes < 1024) return formatCount(bytes, "byte");
  let value = bytes;
  let unit: (typeof UNITS)[number] = "KB";
  for (const next of UNITS) {
    value /= 1024;
    unit = next;
    if (value < 1024) break;
  }
  const shown = value < 10 ? value.toFixed(1).replace(/\.0$/, "") : Math.round(value).toString();
  return `${shown} ${unit}`;
}
