import { describe, expect, it } from "vitest";
import { formatCount, formatDateTime, formatSize } from "./format";

describe("formatDateTime", () => {
  it("reads as weekday, day, month, year and a 24-hour time", () => {
    expect(formatDateTime("2026-11-30T14:02:09.123Z", { timeZone: "UTC" })).toBe("Mon 30 Nov 2026, 14:02");
    expect(formatDateTime("2026-01-05T09:00:00.000Z", { timeZone: "UTC" })).toBe("Mon 5 Jan 2026, 09:00");
  });

  it("is in the given (local) time zone, across midnight", () => {
    expect(formatDateTime("2026-11-30T23:30:00.000Z", { timeZone: "Europe/Paris" })).toBe("Tue 1 Dec 2026, 00:30");
    expect(formatDateTime("2026-07-01T01:15:00.000Z", { timeZone: "America/New_York" })).toBe("Tue 30 Jun 2026, 21:15");
  });

  it("shows the seconds when asked (two backups in the same minute)", () => {
    expect(formatDateTime("2026-11-30T14:02:09.123Z", { seconds: true, timeZone: "UTC" })).toBe("Mon 30 Nov 2026, 14:02:09");
  });

  it("leaves text that is not a date as it is", () => {
    expect(formatDateTime("soon")).toBe("soon");
  });
});

describe("formatCount", () => {
  it("uses the singular for one only", () => {
    expect(formatCount(0, "item")).toBe("0 items");
    expect(formatCount(1, "product")).toBe("1 product");
    expect(formatCount(12_500, "item")).toBe("12,500 items");
  });
});

describe("formatSize", () => {
  it("rounds to a unit people read", () => {
    expect(formatSize(812)).toBe("812 bytes");
    expect(formatSize(1)).toBe("1 byte");
    expect(formatSize(98_304)).toBe("96 KB");
    expect(formatSize(1536)).toBe("1.5 KB");
    expect(formatSize(1024 * 1024)).toBe("1 MB");
    expect(formatSize(1.44 * 1024 * 1024)).toBe("1.4 MB");
    expect(formatSize(3 * 1024 ** 3)).toBe("3 GB");
  });

  it("says so when the size is unknown", () => {
    expect(formatSize(null)).toBe("Unknown size");
    expect(formatSize(Number.NaN)).toBe("Unknown size");
  });
});
