//! The backlog's rows in the chosen order. The score order is Rust's: every row carries its
//! position in each framework's score order (`scorePositions`, computed in Rust), and this only
//! lays the rows out by it; rows with no score in that framework follow, in manual order.
import type { ItemSummary } from "../../api";
import type { BacklogOrder } from "./backlogPrefs";

export function orderRows(rows: readonly ItemSummary[], order: BacklogOrder): readonly ItemSummary[] {
  if (order === "manual") return rows;
  const scored = rows.filter((row) => row.scorePositions[order] !== null);
  const unscored = rows.filter((row) => row.scorePositions[order] === null);
  const placed = [...scored].sort(
    (a, b) => (a.scorePositions[order]?.position ?? 0) - (b.scorePositions[order]?.position ?? 0),
  );
  return [...placed, ...unscored];
}
