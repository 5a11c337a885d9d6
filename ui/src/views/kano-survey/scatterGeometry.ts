//! Where the Better/Worse scatter draws things. x is |Worse| (0 at the left, 1 at the right),
//! y is Better (0 at the bottom, 1 at the top); the quadrants split both at 0.5. Pure layout: the
//! coefficients, the categories and their labels all come from Rust.
import type { KanoCategory, KanoItemResult } from "../../api";

export const SCATTER = { width: 420, height: 360, left: 56, right: 20, top: 20, bottom: 48 } as const;

const plotWidth = SCATTER.width - SCATTER.left - SCATTER.right;
const plotHeight = SCATTER.height - SCATTER.top - SCATTER.bottom;

/** The x of a |Worse| from 0 to 1. */
export const xOf = (absWorse: number) => SCATTER.left + absWorse * plotWidth;
/** The y of a Better from 0 to 1 (SVG's y grows downwards). */
export const yOf = (better: number) => SCATTER.top + (1 - better) * plotHeight;

/** A coefficient as the scatter and the table write it: two decimals, a real minus sign. */
export function formatCoefficient(value: number): string {
  const text = Math.abs(value).toFixed(2);
  return value < 0 && text !== "0.00" ? `−${text}` : text;
}

/** The accessible name of a point: "Offline mode: Better 0.64, Worse −0.41". */
export function pointName(title: string, better: number, worse: number): string {
  return `${title}: Better ${formatCoefficient(better)}, Worse ${formatCoefficient(worse)}`;
}

export type ScatterPoint = {
  itemId: string;
  title: string;
  x: number;
  y: number;
  /** Where its label goes: right of the point, moved down when points share a place. */
  labelY: number;
  name: string;
  mode: KanoCategory | null;
};

/** The items that have both coefficients, placed; items with only Reverse or Questionable
 * answers have none and are left out. Points that share a place get their labels stacked. */
export function scatterPoints(items: readonly KanoItemResult[]): ScatterPoint[] {
  const seen = new Map<string, number>();
  const points: ScatterPoint[] = [];
  for (const item of items) {
    if (item.better === null || item.worse === null) continue;
    const x = xOf(Math.abs(item.worse));
    const y = yOf(item.better);
    const place = `${x.toFixed(1)}:${y.toFixed(1)}`;
    const stacked = seen.get(place) ?? 0;
    seen.set(place, stacked + 1);
    points.push({
      itemId: item.itemId,
      title: item.title,
      x,
      y,
      labelY: y + 4 + stacked * 14,
      name: pointName(item.title, item.better, item.worse),
      mode: item.mode,
    });
  }
  return points;
}

export type Quadrant = { category: KanoCategory; x: number; y: number; width: number; height: number; labelX: number; labelY: number };

/** The four labelled quadrants: Attractive (high Better, low |Worse|), Performance (both high),
 * Must-be (low Better, high |Worse|) and Indifferent (both low). */
export function quadrants(): Quadrant[] {
  const middleX = xOf(0.5);
  const middleY = yOf(0.5);
  const halfWidth = plotWidth / 2;
  const halfHeight = plotHeight / 2;
  const at = (category: KanoCategory, x: number, y: number): Quadrant => ({
    category,
    x,
    y,
    width: halfWidth,
    height: halfHeight,
    labelX: x + halfWidth / 2,
    labelY: y + 16,
  });
  return [
    at("attractive", SCATTER.left, SCATTER.top),
    at("performance", middleX, SCATTER.top),
    at("indifferent", SCATTER.left, middleY),
    at("must_be", middleX, middleY),
  ];
}

/** The axes' ticks: 0, 0.25, 0.5, 0.75, 1. */
export const TICKS = [0, 0.25, 0.5, 0.75, 1] as const;
