import type { ItemKind, ItemStatus } from "../api";
import styles from "./Badges.module.css";

export const KIND_LABELS: Record<ItemKind, string> = {
  feature: "Feature",
  opportunity: "Opportunity",
  story: "Story",
};

export const KIND_OPTIONS: readonly { value: ItemKind; label: string }[] = (
  ["feature", "opportunity", "story"] as const
).map((value) => ({ value, label: KIND_LABELS[value] }));

export function StatusBadge({ status, label }: { status: ItemStatus; label: string }) {
  return (
    <span className={styles.statusBadge} data-status={status}>
      <span className={styles.statusDot} aria-hidden="true" />
      {label}
    </span>
  );
}

export function KindChip({ kind }: { kind: ItemKind }) {
  return (
    <span className={styles.kindChip} data-kind={kind}>
      {KIND_LABELS[kind]}
    </span>
  );
}
