// The contrast the design relies on, computed from tokens.css itself, in both themes: a token
// change that makes text unreadable or a control's outline invisible fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

type Theme = "light" | "dark";
const THEMES: readonly Theme[] = ["light", "dark"];

/** `--name: light-dark(#light, #dark)` or `--name: #both`, as [light, dark]. */
function readColourTokens(css: string): Map<string, readonly [string, string]> {
  const tokens = new Map<string, readonly [string, string]>();
  for (const match of css.matchAll(/(--[\w-]+):\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/gi)) {
    tokens.set(match[1] ?? "", [match[2] ?? "", match[3] ?? ""]);
  }
  for (const match of css.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) {
    tokens.set(match[1] ?? "", [match[2] ?? "", match[2] ?? ""]);
  }
  return tokens;
}

/** WCAG 2 relative luminance of an sRGB hex colour. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

// Read from disk: Vitest hands CSS imports (even `?raw`) to tests as empty strings.
const tokens = readColourTokens(readFileSync(join(import.meta.dirname, "tokens.css"), "utf8"));

function colour(token: string, theme: Theme): string {
  const pair = tokens.get(token);
  if (!pair) throw new Error(`${token} is not a hex colour (or light-dark pair of them) in tokens.css`);
  return theme === "light" ? pair[0] : pair[1];
}

/** Every surface text or a control can sit on. */
const SURFACES = [
  "--color-bg",
  "--color-sidebar",
  "--color-surface",
  "--color-surface-hover",
  "--color-surface-active",
  "--color-surface-sunken",
  "--color-surface-selected",
];

/** Colours used for real text, on any surface. */
const TEXT_ON_SURFACES = [
  "--color-text",
  "--color-text-muted",
  "--color-text-subtle",
  "--color-accent-text",
  "--color-danger",
  "--color-success",
  "--status-in-progress-fg",
  "--kind-feature",
  "--kind-opportunity",
  "--kind-story",
];

/** Text on its own coloured background: [text, background]. */
const TEXT_ON_FILLS: readonly (readonly [string, string])[] = [
  ["--color-accent-contrast", "--color-accent"],
  ["--color-accent-contrast", "--color-accent-hover"],
  ["--color-danger-contrast", "--color-danger"],
  ["--color-danger-contrast", "--color-danger-hover"],
  ["--color-accent-text", "--color-accent-soft"],
  ["--color-danger", "--color-danger-soft"],
  ["--color-text", "--color-danger-soft"],
  ["--color-text-muted", "--color-danger-soft"],
  ...["idea", "discovery", "ready", "in-progress", "shipped", "archived"].map(
    (status) => [`--status-${status}-fg`, `--status-${status}-bg`] as const,
  ),
];

/** Non-text that must be seen (WCAG 1.4.11, 3:1): [colour, the surfaces around it]. */
const NON_TEXT: readonly (readonly [string, readonly string[], string])[] = [
  [
    "--color-border-control",
    ["--color-bg", "--color-sidebar", "--color-surface", "--color-surface-hover", "--color-surface-sunken"],
    "a control's outline",
  ],
  ["--color-focus", SURFACES, "the focus ring"],
  ["--color-accent-text", ["--color-sidebar", "--color-surface-selected"], "the selected sidebar entry's marker"],
];

describe("tokens.css contrast", () => {
  for (const theme of THEMES) {
    it(`text is at least 4.5:1 on every surface (${theme})`, () => {
      const failures = TEXT_ON_SURFACES.flatMap((text) =>
        SURFACES.map((surface) => ({ text, surface, ratio: contrastRatio(colour(text, theme), colour(surface, theme)) })),
      ).filter(({ ratio }) => ratio < 4.5);
      expect(failures).toEqual([]);
    });

    it(`text on coloured fills is at least 4.5:1 (${theme})`, () => {
      const failures = TEXT_ON_FILLS.map(([text, fill]) => ({
        text,
        fill,
        ratio: contrastRatio(colour(text, theme), colour(fill, theme)),
      })).filter(({ ratio }) => ratio < 4.5);
      expect(failures).toEqual([]);
    });

    it(`control outlines, the focus ring and the selection marker are at least 3:1 (${theme})`, () => {
      const failures = NON_TEXT.flatMap(([token, surfaces, what]) =>
        surfaces.map((surface) => ({ what, surface, ratio: contrastRatio(colour(token, theme), colour(surface, theme)) })),
      ).filter(({ ratio }) => ratio < 3);
      expect(failures).toEqual([]);
    });
  }

  it("reads the tokens and checks every text colour token", () => {
    expect(tokens.size).toBeGreaterThan(40);
    const textTokens = [...tokens.keys()].filter((token) => token.startsWith("--color-text"));
    expect(textTokens.filter((token) => !TEXT_ON_SURFACES.includes(token))).toEqual([]);
  });

  it("computes WCAG ratios (black on white is 21:1, a colour on itself 1:1)", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#5151cd", "#5151cd")).toBe(1);
  });
});
