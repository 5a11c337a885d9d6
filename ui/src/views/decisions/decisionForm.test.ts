import { describe, expect, it } from "vitest";
import { describeError } from "../../api";
import { fieldErrors, formatDay, localToday } from "./decisionForm";

describe("fieldErrors", () => {
  it("files Rust's refusal under the field it names", () => {
    const refusal = { kind: "Invalid", detail: { field: "rationale", reason: "Give the decision a rationale: why was it taken?" } } as const;
    expect(fieldErrors(refusal, describeError)).toEqual({ rationale: "Give the decision a rationale: why was it taken?" });
  });

  it("puts any other error under the form", () => {
    const gone = { kind: "NotFound", detail: { entity: "decision", id: "d-1" } } as const;
    expect(fieldErrors(gone, describeError).other).toBe(describeError(gone));
    const unknownField = { kind: "Invalid", detail: { field: "productId", reason: "No." } } as const;
    expect(fieldErrors(unknownField, describeError)).toEqual({ other: describeError(unknownField) });
  });
});

describe("localToday", () => {
  it("writes the local calendar day as a date field does", () => {
    expect(localToday(new Date(2026, 2, 1, 23, 59))).toBe("2026-03-01");
    expect(localToday(new Date(2026, 11, 31, 0, 0))).toBe("2026-12-31");
  });
});

describe("formatDay", () => {
  it("reads a calendar day without moving it across time zones", () => {
    expect(formatDay("2026-03-01")).toBe("Sun 1 Mar 2026");
    expect(formatDay("not a day")).toBe("not a day");
  });
});
