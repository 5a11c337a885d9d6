import styles from "./Evidence.module.css";

/** A small count of an item's evidence (Rust's `evidenceCount`), shown only when there is some. */
export function EvidenceBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className={styles.badge} role="img" aria-label={`${count} ${count === 1 ? "piece" : "pieces"} of evidence`}>
      <span aria-hidden="true">❝ {count}</span>
    </span>
  );
}
