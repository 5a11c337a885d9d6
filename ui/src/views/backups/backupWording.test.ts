import { describe, expect, it } from "vitest";
import type { DatabaseSummary } from "../../api";
import { formatDateTime } from "../../lib/format";
import { backupMadeMessage, backupTimes, describeRestore, restoredMessage } from "./backupWording";

const summary = (products: number, items: number, lastChangeAt: string | null = null): DatabaseSummary => ({
  schemaVersion: 2,
  products,
  items,
  lastChangeAt,
});
const backup = { createdAt: "2026-11-30T14:02:00.000Z" };
const when = formatDateTime(backup.createdAt);

describe("describeRestore", () => {
  it("says what is open now, when it last changed, and what the backup holds", () => {
    const wording = describeRestore(when, {
      restored: summary(1, 25),
      replaced: summary(2, 1, "2026-12-01T09:15:00.000Z"),
    });
    expect(wording.title).toBe(`Restore the backup of ${when}?`);
    expect(wording.current).toEqual({
      contents: "2 products, 1 item",
      time: `last changed ${formatDateTime("2026-12-01T09:15:00.000Z")}`,
    });
    expect(wording.backup).toEqual({ contents: "1 product, 25 items", time: `backed up ${when}` });
    expect(wording.consequences).toMatch(/backs up the database as it is now first/);
  });

  it("says so when the open database never changed, or can't be read", () => {
    expect(describeRestore(when, { restored: summary(0, 0), replaced: summary(0, 0) }).current).toEqual({
      contents: "0 products, 0 items",
      time: "never changed",
    });
    expect(describeRestore(when, { restored: summary(1, 1), replaced: null }).current.contents).toMatch(/can’t read/);
  });
});

describe("backupTimes", () => {
  it("names each backup to the minute, and to the second when another shares its minute", () => {
    const times = backupTimes([
      { fileName: "a", createdAt: "2026-11-30T14:02:59.000Z" },
      { fileName: "b", createdAt: "2026-11-30T14:02:01.000Z" },
      { fileName: "c", createdAt: "2026-11-30T13:00:00.000Z" },
    ]);
    expect(times.get("a")).toBe(formatDateTime("2026-11-30T14:02:59.000Z", { seconds: true }));
    expect(times.get("b")).toBe(formatDateTime("2026-11-30T14:02:01.000Z", { seconds: true }));
    expect(times.get("a")).not.toBe(times.get("b"));
    expect(times.get("c")).toBe(formatDateTime("2026-11-30T13:00:00.000Z"));
  });
});

describe("messages", () => {
  it("name the backup's time and contents", () => {
    const info = {
      fileName: "northstar.20261130T140200000Z.manual.db",
      path: "/x",
      createdAt: backup.createdAt,
      reason: "manual" as const,
      reasonLabel: "Backed up by you",
      sizeBytes: 1,
      summary: summary(1, 3),
      problem: null,
    };
    expect(backupMadeMessage(info)).toBe(`Backed up on ${when}: 1 product, 3 items.`);
    expect(restoredMessage(when, { restored: summary(1, 3), replaced: null, safetyBackup: null })).toBe(
      `Restored the backup of ${when}: 1 product, 3 items.`,
    );
  });
});
