import { describe, expect, it } from "vitest";
import type { KanoItemResult } from "../../api";
import { formatCoefficient, pointName, quadrants, SCATTER, scatterPoints, xOf, yOf } from "./scatterGeometry";

function result(title: string, better: number | null, worse: number | null): KanoItemResult {
  return {
    itemId: `id-${title}`,
    title,
    respondents: 4,
    distribution: { mustBe: 1, performance: 1, attractive: 1, indifferent: 1, reverse: 0, questionable: 0 },
    mode: "must_be",
    better,
    worse,
    current: null,
    applyBlocked: null,
  };
}

describe("the Better/Worse scatter's geometry", () => {
  it("puts |Worse| on x from the left and Better on y from the bottom", () => {
    expect(xOf(0)).toBe(SCATTER.left);
    expect(xOf(1)).toBe(SCATTER.width - SCATTER.right);
    expect(yOf(0)).toBe(SCATTER.height - SCATTER.bottom);
    expect(yOf(1)).toBe(SCATTER.top);
    const [point] = scatterPoints([result("Offline mode", 0.75, -0.25)]);
    expect(point?.x).toBeCloseTo(xOf(0.25));
    expect(point?.y).toBeCloseTo(yOf(0.75));
    expect(point?.x).toBeLessThan(xOf(0.5));
    expect(point?.y).toBeLessThan(yOf(0.5));
  });

  it("leaves out items without coefficients", () => {
    const points = scatterPoints([result("A", 0.5, -0.5), result("Only reverse answers", null, null), result("B", 0.5, -0.5)]);
    expect(points.map((point) => point.title)).toEqual(["A", "B"]);
  });

  it("puts labels on the side with room and never on each other, cutting long titles", () => {
    const points = scatterPoints([
      result("Automatic tax pot", 0.75, -0.75),
      result("Receipt capture with the phone camera", 0.75, -0.75),
      result("Right edge", 0.5, -0.98),
      result("Mileage tracking", 0.1, -0.3),
      result("Two-factor sign-in", 0.1, -0.7),
    ]);
    const box = (point: (typeof points)[number]) => {
      const width = point.label.length * 6.2;
      const left = point.labelAnchor === "start" ? point.labelX : point.labelX - width;
      return { left, right: left + width, top: point.labelY - 10, bottom: point.labelY + 2 };
    };
    const boxes = points.map(box);
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${points[i]?.label} and another label`).toBe(true);
      }),
    );
    for (const b of boxes) expect(b.right).toBeLessThanOrEqual(SCATTER.width);
    expect(points[1]?.label).toBe("Receipt capture with th…");
    expect(points[2]?.labelAnchor).toBe("end");
  });

  it("names each point with its coefficients, Worse with a real minus sign", () => {
    expect(pointName("Offline mode", 0.64, -0.41)).toBe("Offline mode: Better 0.64, Worse −0.41");
    expect(formatCoefficient(0)).toBe("0.00");
    expect(formatCoefficient(-0.001)).toBe("0.00");
    expect(formatCoefficient(-1)).toBe("−1.00");
    expect(formatCoefficient(2 / 3)).toBe("0.67");
  });

  it("labels the four quadrants where the Kano categories lie", () => {
    const byCategory = Object.fromEntries(quadrants().map((quadrant) => [quadrant.category, quadrant]));
    // Attractive: high Better, low |Worse| (top left); Must-be: low Better, high |Worse| (bottom right).
    expect(byCategory.attractive).toMatchObject({ x: xOf(0), y: yOf(1) });
    expect(byCategory.performance).toMatchObject({ x: xOf(0.5), y: yOf(1) });
    expect(byCategory.indifferent).toMatchObject({ x: xOf(0), y: yOf(0.5) });
    expect(byCategory.must_be).toMatchObject({ x: xOf(0.5), y: yOf(0.5) });
  });
});
