import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ItemSummary, ScorePosition } from "../../api";
import { ScoreCell } from "./scoreColumns";
import { describeRowScores, driftFlag, driftSentence, scoreText } from "./scoreLabels";

const score = { value: 800, breakdown: "2,000 × 2 × 80 % / 4 = 800" };
const far = (drift: number): ScorePosition => ({ position: 2, drift, far: true });

describe("ScoreCell", () => {
  it("shows the score as its breakdown rounds it, with the breakdown for hover and focus", () => {
    render(<ScoreCell score={{ value: 1066.6666666666667, breakdown: "2,000 × 2 × 80 % / 3 = 1,066.67" }} position={null} label="RICE" showDrift />);
    expect(screen.getByText("1,066.67")).toBeInTheDocument();
    expect(screen.getByText("RICE: 2,000 × 2 × 80 % / 3 = 1,066.67")).toHaveAttribute("data-breakdown");
  });

  it("says Not scored, never 0, for an item without the score", () => {
    render(<ScoreCell score={null} position={null} label="RICE" showDrift />);
    expect(screen.getByText("Not scored")).toBeInTheDocument();
    expect(screen.queryByText("0")).toBeNull();
  });

  it("flags a far drift with how far and which way, in words for screen readers, only in manual order", () => {
    const { rerender } = render(<ScoreCell score={score} position={far(7)} label="RICE" showDrift />);
    expect(screen.getByText("↓ 7 by RICE")).toHaveAttribute("aria-hidden", "true");
    expect(screen.getByText("Ranked 7 places below its RICE position (#2)")).toBeInTheDocument();
    rerender(<ScoreCell score={score} position={far(7)} label="RICE" showDrift={false} />);
    expect(screen.queryByText("↓ 7 by RICE")).toBeNull();
    rerender(<ScoreCell score={score} position={{ position: 2, drift: 7, far: false }} label="RICE" showDrift />);
    expect(screen.queryByText("↓ 7 by RICE")).toBeNull();
  });
});

describe("score labels", () => {
  it("reads the score from the end of Rust's breakdown", () => {
    expect(scoreText(score)).toBe("800");
    expect(scoreText({ value: 2.6, breakdown: "(5 + 5 + 3) / 5 = 2.6" })).toBe("2.6");
  });

  it("words drift both ways", () => {
    expect(driftFlag(far(-3), "ICE")).toBe("↑ 3 by ICE");
    expect(driftSentence(far(-1), "ICE")).toBe("Ranked 1 place above its ICE position (#2)");
  });

  it("describes a row's scores, drift only in manual order", () => {
    const item = {
      scores: { rice: score, ice: null, wsjf: null },
      scorePositions: { rice: far(5), ice: null, wsjf: null },
      inputs: { moscow: null, kano: null },
    } as unknown as ItemSummary;
    expect(describeRowScores(item, undefined, "manual")).toBe(
      "RICE 800: 2,000 × 2 × 80 % / 4 = 800, Ranked 5 places below its RICE position (#2). ICE not scored. WSJF not scored. MoSCoW not set. Kano not set.",
    );
    expect(describeRowScores(item, undefined, "rice")).not.toContain("Ranked");
  });
});
