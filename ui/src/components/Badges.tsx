import type { ItemKind, ItemStatus } from "../api";

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
    <span className="status-badge" data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      {label}
    </span>
  );
}

export function KindChip({ kind }: { kind: ItemKind }) {
  return (
    <span className="kind-chip" data-kind={kind}>
      {KIND_LABELS[kind]}
    </span>
  );
}
