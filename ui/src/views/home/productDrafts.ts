//! Home's unsaved product fields, kept per product outside the component, so that a draft whose
//! save failed is not lost when the view unmounts (the person may come back and save it again).

export type ProductField = "name" | "vision" | "strategy" | "targetUsers" | "northStarMetric";
export type ProductDrafts = Partial<Record<ProductField, string>>;

const drafts = new Map<string, ProductDrafts>();

export function readDrafts(productId: string): ProductDrafts {
  return { ...drafts.get(productId) };
}

export function writeDrafts(productId: string, next: ProductDrafts) {
  if (Object.keys(next).length === 0) drafts.delete(productId);
  else drafts.set(productId, { ...next });
}

/** Forgets the drafts that were saved, unless the person typed on since. */
export function clearDrafts(productId: string, saved: ProductDrafts) {
  const current = drafts.get(productId);
  if (!current) return;
  const next = { ...current };
  for (const [field, value] of Object.entries(saved) as [ProductField, string][]) {
    if (next[field] === value) delete next[field];
  }
  writeDrafts(productId, next);
}

/** For tests: forget every draft. */
export function forgetAllDrafts() {
  drafts.clear();
}
