import { describe, expect, it } from "vitest";
import type { ScoringScales } from "../../api";
import { unscoredRow } from "../../../test/item-rows";
import { cardFacts } from "./cardFacts";

const SCALES = {
  frameworks: [
    { framework: "rice", label: "RICE" },
    { framework: "ice", label: "ICE" },
  ],
  inputs: [
    {
      input: "kano",
      scale: { type: "choices", choices: [{ value: "attractive", label: "Attractive" }] },
    },
  ],
  iceModes: [],
} as unknown as ScoringScales;

const STATUS = new Map([["ready", "Ready"]]);

function row() {
  const item = unscoredRow("a", 1);
  return { ...item, kind: "feature" as const, status: "ready" as const };
}

describe("cardFacts", () => {
  it("reads the shown framework's score off Rust's breakdown, then the kind and status", () => {
    const item = { ...row(), scores: { ...row().scores, rice: { value: 800, breakdown: "2,000 × 2 × 80 % / 4 = 800" } } };
    expect(cardFacts(item, "rice", SCALES, STATUS)).toBe("RICE 800 · Feature · Ready");
  });
  it("says when the shown framework has no score", () => {
    expect(cardFacts(row(), "ice", SCALES, STATUS)).toBe("ICE not scored · Feature · Ready");
  });
  it("shows the Kano category's label and the value and effort", () => {
    const item = { ...row(), inputs: { ...row().inputs, kano: "attractive" as const, value: 8, effort: 3 } };
    expect(cardFacts(item, "kano", SCALES, STATUS)).toBe("Attractive · Feature · Ready");
    expect(cardFacts(item, "matrix", SCALES, STATUS)).toBe("Value 8, effort 3 · Feature · Ready");
    expect(cardFacts(row(), "matrix", SCALES, STATUS)).toBe("Value/effort not set · Feature · Ready");
  });
});
