//! The backlog's filters: status, kind, MoSCoW bucket and Kano category. Filtering hides rows;
//! it never reorders them or changes anything stored.
import type { ItemKind, ItemStatus, ItemSummary, KanoCategory, MoscowBucket } from "../../api";

/** "all", or one value; "none" for an input that is not set. */
export type BacklogFilters = {
  status: ItemStatus | "all";
  kind: ItemKind | "all";
  moscow: MoscowBucket | "none" | "all";
  kano: KanoCategory | "none" | "all";
};

export const NO_FILTERS: BacklogFilters = { status: "all", kind: "all", moscow: "all", kano: "all" };

export function isFiltering(filters: BacklogFilters): boolean {
  return Object.values(filters).some((value) => value !== "all");
}

function matches<T extends string>(wanted: T | "none" | "all", value: T | null): boolean {
  return wanted === "all" || (wanted === "none" ? value === null : value === wanted);
}

export function filterRows(rows: readonly ItemSummary[], filters: BacklogFilters): readonly ItemSummary[] {
  if (!isFiltering(filters)) return rows;
  return rows.filter(
    (row) =>
      (filters.status === "all" || row.status === filters.status) &&
      (filters.kind === "all" || row.kind === filters.kind) &&
      matches(filters.moscow, row.inputs.moscow) &&
      matches(filters.kano, row.inputs.kano),
  );
}
