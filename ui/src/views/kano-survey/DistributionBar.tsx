import type { KanoCategory, KanoDistribution } from "../../api";
import { cx } from "../../lib/classNames";
import { categoryClass } from "./categoryStyle";
import styles from "./KanoSurveyView.module.css";

/** The distribution's categories in the mode's tie order, with their field names. */
export const DISTRIBUTION_ORDER: readonly [KanoCategory, keyof KanoDistribution][] = [
  ["must_be", "mustBe"],
  ["performance", "performance"],
  ["attractive", "attractive"],
  ["indifferent", "indifferent"],
  ["reverse", "reverse"],
  ["questionable", "questionable"],
];

type DistributionBarProps = {
  distribution: KanoDistribution;
  labelOf: (category: KanoCategory) => string;
};

/** A compact stacked bar of how many respondents' answers gave each category, with the counts
 * in words for screen readers and on hover. */
export function DistributionBar({ distribution, labelOf }: DistributionBarProps) {
  const parts = DISTRIBUTION_ORDER.filter(([, key]) => distribution[key] > 0);
  const total = parts.reduce((sum, [, key]) => sum + distribution[key], 0);
  const words = parts.map(([category, key]) => `${labelOf(category)} ${distribution[key]}`).join(", ");
  return (
    <span className={styles.distribution} title={words}>
      <span className={styles.bar} aria-hidden="true">
        {parts.map(([category, key]) => (
          <span
            key={category}
            className={cx(styles.segment, categoryClass(category))}
            style={{ flexGrow: distribution[key], flexBasis: 0 }}
          />
        ))}
      </span>
      <span className={styles.barText}>{total > 0 ? words : "No answers"}</span>
    </span>
  );
}
