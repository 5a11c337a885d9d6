import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";

const require = createRequire(import.meta.url);

/**
 * axe-core's source, evaluated through Playwright (the DevTools protocol) rather than added as a
 * `<script>` tag, which the window's CSP (`script-src 'self'`) would refuse.
 */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The impacts a view must never have. */
export const BLOCKING_IMPACTS = ["serious", "critical"] as const;

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };
export type AxeReport = {
  /** The engine that ran ("axe-core" and its version): proof that axe ran at all. */
  engine: string;
  /** How many rules passed on this page (a page where axe ran checks something). */
  passed: number;
  violations: AxeViolation[];
};

type AxeResult = { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] };
type AxeResults = { testEngine: { name: string; version: string }; passes: AxeResult[]; violations: AxeResult[] };
type AxeGlobal = { run: (context: Document, options: object) => Promise<AxeResults> };

/** Runs axe on the whole page (WCAG 2.x A and AA rules and axe's best practices). */
export async function runAxe(page: Page): Promise<AxeReport> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: AxeGlobal }).axe;
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return {
      engine: `${results.testEngine.name} ${results.testEngine.version}`,
      passed: results.passes.length,
      violations: results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(" ")),
      })),
    };
  });
}

/** The violations a view must not have, worded for a test failure. */
export function blockingViolations(report: AxeReport): string[] {
  return report.violations
    .filter((violation) => (BLOCKING_IMPACTS as readonly (string | null)[]).includes(violation.impact))
    .map((violation) => `${violation.impact}: ${violation.id} (${violation.help}) at ${violation.targets.join(", ")}`);
}
