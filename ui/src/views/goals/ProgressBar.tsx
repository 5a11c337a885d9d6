//! A progress bar with its percentage as text: progress comes from Rust (0–1); the bar only
//! draws it. The width is set through the style property (CSSOM), which the CSP allows.
import { cx } from "../../lib/classNames";
import styles from "./Plan.module.css";

type ProgressBarProps = {
  /** 0–1, or null when there is nothing to measure yet. */
  value: number | null;
  /** What is measured, e.g. "Progress of “Get paid faster”". */
  label: string;
  compact?: boolean;
};

/** Rust's progress as a whole percentage for reading ("38 %"). */
export function percentText(value: number): string {
  return `${Math.round(value * 100)} %`;
}

export function ProgressBar({ value, label, compact = false }: ProgressBarProps) {
  if (value === null) {
    return <span className={styles.noProgress}>No key results yet</span>;
  }
  const percent = Math.round(value * 100);
  return (
    <span className={cx(styles.progress, compact && styles.progressCompact)}>
      <span
        className={styles.track}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={percentText(value)}
      >
        <span className={styles.fill} style={{ width: `${percent}%` }} />
      </span>
      <span className={styles.percent}>{percentText(value)}</span>
    </span>
  );
}
