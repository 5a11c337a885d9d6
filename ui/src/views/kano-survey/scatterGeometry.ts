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
  /** The label: the title, shortened to fit. */
  label: string;
  /** Where the label goes (see `placeLabels`). */
  labelX: number;
  labelY: number;
  labelAnchor: "start" | "end";
  name: string;
  mode: KanoCategory | null;
};

/** Labels longer than this are cut with an ellipsis (the full title is in the point's name). */
const LABEL_CHARS = 24;
/** About how wide a character of the 11 px label font is, to keep labels apart. */
const CHAR_WIDTH = 6.2;
const LABEL_HEIGHT = 12;
const DOT_RADIUS = 6;

type Box = { left: number; right: number; top: number; bottom: number };

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Where a label can go around its point, in order of preference: right, left, then above and
 * below on either side. */
const CANDIDATES: readonly { anchor: "start" | "end"; dx: number; dy: number }[] = [
  { anchor: "start", dx: 10, dy: 4 },
  { anchor: "end", dx: -10, dy: 4 },
  { anchor: "start", dx: 8, dy: -10 },
  { anchor: "start", dx: 8, dy: 18 },
  { anchor: "end", dx: -8, dy: -10 },
  { anchor: "end", dx: -8, dy: 18 },
];

function labelBox(x: number, y: number, anchor: "start" | "end", width: number): Box {
  const left = anchor === "start" ? x : x - width;
  return { left, right: left + width, top: y - LABEL_HEIGHT + 2, bottom: y + 2 };
}

/** The items that have both coefficients, placed; items with only Reverse or Questionable
 * answers have none and are left out. Each label takes the first place around its point that
 * stays inside the chart and clear of every dot and earlier label; when none is free, it goes
 * below the last one tried, so labels never sit on each other. */
export function scatterPoints(items: readonly KanoItemResult[]): ScatterPoint[] {
  const placed = items.flatMap((item) =>
    item.better === null || item.worse === null
      ? []
      : [{ item, x: xOf(Math.abs(item.worse)), y: yOf(item.better), better: item.better, worse: item.worse }],
  );
  const taken: Box[] = placed.map(({ x, y }) => ({
    left: x - DOT_RADIUS,
    right: x + DOT_RADIUS,
    top: y - DOT_RADIUS,
    bottom: y + DOT_RADIUS,
  }));
  return placed.map(({ item, x, y, better, worse }) => {
    const label = item.title.length > LABEL_CHARS ? `${item.title.slice(0, LABEL_CHARS - 1)}…` : item.title;
    const width = label.length * CHAR_WIDTH;
    const fits = (box: Box) =>
      box.left >= 2 && box.right <= SCATTER.width - 2 && box.top >= 0 && box.bottom <= SCATTER.height - SCATTER.bottom;
    const free = (box: Box) => fits(box) && !taken.some((other) => overlaps(box, other));
    let chosen = CANDIDATES.map((candidate) => ({
      ...candidate,
      box: labelBox(x + candidate.dx, y + candidate.dy, candidate.anchor, width),
    })).find((candidate) => free(candidate.box));
    if (!chosen) {
      const anchor = x > xOf(0.6) ? "end" : "start";
      const dx = anchor === "end" ? -10 : 10;
      let dy = 4;
      let box = labelBox(x + dx, y + dy, anchor, width);
      while (taken.some((other) => overlaps(box, other)) && dy < SCATTER.height) {
        dy += LABEL_HEIGHT;
        box = labelBox(x + dx, y + dy, anchor, width);
      }
      chosen = { anchor, dx, dy, box };
    }
    taken.push(chosen.box);
    return {
      itemId: item.itemId,
      title: item.title,
      x,
      y,
      label,
      labelX: x + chosen.dx,
      labelY: y + chosen.dy,
      labelAnchor: chosen.anchor,
      name: pointName(item.title, better, worse),
      mode: item.mode,
    };
  });
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
