//! The colour class of each Kano category (it sets `--category-color`, which the bar's segments,
//! the scatter's dots and its quadrants read).
import type { KanoCategory } from "../../api";
import styles from "./KanoSurveyView.module.css";

const CATEGORY_CLASSES: Record<KanoCategory, string | undefined> = {
  must_be: styles.mustBe,
  performance: styles.performance,
  attractive: styles.attractive,
  indifferent: styles.indifferent,
  reverse: styles.reverse,
  questionable: styles.questionable,
};

export function categoryClass(category: KanoCategory | null): string | undefined {
  return category === null ? undefined : CATEGORY_CLASSES[category];
}
