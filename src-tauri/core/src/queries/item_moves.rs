//! Moving an item in its product's ranked backlog.
//!
//! A move reads the item and at most two live neighbours through the `(product_id, rank, id)`
//! index, then one rank any row of the product holds (deleted rows included, through the
//! `(product_id, rank)` index: the nearest above the lower neighbour, or the highest at the
//! bottom), computes one rank key between them and writes only the moved row: O(log n) whatever
//! the backlog's size. It never counts positions; the
//! caller learns the new order from the next list.
//!
//! A deleted item keeps its rank so that undoing the delete puts it back where it was; a move must
//! therefore never produce a key a deleted row still holds, or the undo would put two items on one
//! rank.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{CoreError, CoreResult};
use crate::model::{MoveTarget, MovedItem};
use crate::mutation::{Changes, Table};
use crate::queries::items::{rank_problem, LAST_RANK_SQL};
use crate::rank::key_between;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// What a move needs to know about an item (not its description, which may be 1 MB).
struct Placed {
    id: String,
    product_id: String,
    title: String,
    rank: String,
}

pub(crate) const PLACED_SQL: &str = "SELECT id, product_id, title, rank FROM backlog_item \
     WHERE id = ?1 AND deleted_at IS NULL \
     AND EXISTS (SELECT 1 FROM product WHERE product.id = backlog_item.product_id \
     AND product.deleted_at IS NULL)";

fn placed(connection: &Connection, id: &str) -> CoreResult<Placed> {
    connection
        .prepare_cached(PLACED_SQL)?
        .query_row([id], |row| {
            Ok(Placed {
                id: row.get(0)?,
                product_id: row.get(1)?,
                title: row.get(2)?,
                rank: row.get(3)?,
            })
        })
        .optional()?
        .ok_or_else(|| CoreError::not_found("item", id))
}

/// A neighbour in rank order: its id and rank key.
struct Neighbour {
    id: String,
    rank: String,
}

/// The query for up to `limit` live items just before (or after) an anchor `(rank, id)`,
/// nearest first, leaving out the moving item; without an anchor, from the start (or end).
pub(crate) fn neighbours_sql(anchored: bool, after: bool, limit: i32) -> String {
    let (comparison, order) = if after { (">", "ASC") } else { ("<", "DESC") };
    let anchor_clause = if anchored {
        format!("AND (rank, id) {comparison} (?3, ?4)")
    } else {
        String::new()
    };
    format!(
        "SELECT id, rank FROM backlog_item WHERE product_id = ?1 AND deleted_at IS NULL \
         AND id <> ?2 {anchor_clause} ORDER BY rank {order}, id {order} LIMIT {limit}"
    )
}

fn neighbours(
    connection: &Connection,
    product_id: &str,
    anchor: Option<(&str, &str)>,
    after: bool,
    skip: &str,
    limit: i32,
) -> CoreResult<Vec<Neighbour>> {
    let sql = neighbours_sql(anchor.is_some(), after, limit);
    let mut statement = connection.prepare_cached(&sql)?;
    let to_neighbour = |row: &Row| {
        Ok(Neighbour {
            id: row.get(0)?,
            rank: row.get(1)?,
        })
    };
    let rows = match anchor {
        Some((rank, id)) => {
            statement.query_map(params![product_id, skip, rank, id], to_neighbour)?
        }
        None => statement.query_map(params![product_id, skip], to_neighbour)?,
    };
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The query for the smallest rank any row of the product holds (live or deleted) above a lower
/// bound, or the smallest of all without one.
pub(crate) fn nearest_rank_above_sql(bounded: bool) -> &'static str {
    if bounded {
        "SELECT rank FROM backlog_item WHERE product_id = ?1 AND rank > ?2 ORDER BY rank LIMIT 1"
    } else {
        "SELECT rank FROM backlog_item WHERE product_id = ?1 ORDER BY rank LIMIT 1"
    }
}

/// The bounds of the new key, from its live neighbours `lower` and `upper`, such that no row of
/// the product, live or deleted, holds a key between them:
/// - at the bottom (no `upper`), after the highest rank any row holds, as a new item goes (a key
///   past every row stays short, where squeezing below a deleted last item would add a character
///   every few moves);
/// - elsewhere, below the nearest rank any row holds above `lower` (at the top, the lowest rank of
///   all), which is never above `upper`, a row itself: the live order comes out as asked.
///
/// Two live neighbours on one rank (a damaged order) are passed on as they are, for
/// `key_between` to refuse.
fn free_bounds(
    connection: &Connection,
    product_id: &str,
    lower: Option<String>,
    upper: Option<String>,
) -> CoreResult<(Option<String>, Option<String>)> {
    let Some(upper) = upper else {
        let highest: Option<String> = connection
            .prepare_cached(LAST_RANK_SQL)?
            .query_row([product_id], |row| row.get(0))
            .optional()?;
        return Ok((highest.or(lower), None));
    };
    if lower
        .as_deref()
        .is_some_and(|lower| upper.as_str() <= lower)
    {
        return Ok((lower, Some(upper)));
    }
    let mut statement = connection.prepare_cached(nearest_rank_above_sql(lower.is_some()))?;
    let nearest: Option<String> = match lower.as_deref() {
        Some(lower) => statement.query_row(params![product_id, lower], |row| row.get(0)),
        None => statement.query_row(params![product_id], |row| row.get(0)),
    }
    .optional()?;
    Ok((lower, nearest.or(Some(upper))))
}

/// Moves an item in its product's ranked backlog, writing only its own row. A move that would
/// not change the order (the first item "to top") changes nothing and records no undo step.
pub fn move_item(changes: &mut Changes, id: &str, target: &MoveTarget) -> CoreResult<MovedItem> {
    let item = placed(changes.connection(), id)?;
    let unchanged = || MovedItem {
        id: item.id.clone(),
        rank: item.rank.clone(),
    };
    let connection = changes.connection();
    let product = item.product_id.as_str();
    let here = Some((item.rank.as_str(), item.id.as_str()));
    let rank_of = |neighbour: Option<&Neighbour>| neighbour.map(|n| n.rank.clone());

    let (before, after, label) = match target {
        MoveTarget::Top => {
            let first = neighbours(connection, product, None, true, id, 1)?;
            if first.first().is_none_or(|first| {
                (first.rank.as_str(), first.id.as_str()) > (item.rank.as_str(), id)
            }) {
                return Ok(unchanged());
            }
            (None, rank_of(first.first()), "to top")
        }
        MoveTarget::Bottom => {
            let last = neighbours(connection, product, None, false, id, 1)?;
            if last.first().is_none_or(|last| {
                (last.rank.as_str(), last.id.as_str()) < (item.rank.as_str(), id)
            }) {
                return Ok(unchanged());
            }
            (rank_of(last.first()), None, "to bottom")
        }
        MoveTarget::Up => {
            let previous = neighbours(connection, product, here, false, id, 2)?;
            if previous.is_empty() {
                return Ok(unchanged());
            }
            (rank_of(previous.get(1)), rank_of(previous.first()), "up")
        }
        MoveTarget::Down => {
            let next = neighbours(connection, product, here, true, id, 2)?;
            if next.is_empty() {
                return Ok(unchanged());
            }
            (rank_of(next.first()), rank_of(next.get(1)), "down")
        }
        MoveTarget::Before { item_id } | MoveTarget::After { item_id } => {
            let other = placed(connection, item_id)?;
            if other.product_id != item.product_id {
                return Err(CoreError::invalid(
                    "target",
                    "Items can only move within their product.",
                ));
            }
            if other.id == item.id {
                return Ok(unchanged());
            }
            let placed_before = matches!(target, MoveTarget::Before { .. });
            // Already there: the neighbour on that side is the anchor itself.
            let beside = neighbours(connection, product, here, placed_before, id, 1)?;
            if beside
                .first()
                .is_some_and(|neighbour| neighbour.id == other.id)
            {
                return Ok(unchanged());
            }
            let anchor = Some((other.rank.as_str(), other.id.as_str()));
            let beyond = neighbours(connection, product, anchor, !placed_before, id, 1)?;
            let beyond = rank_of(beyond.first());
            if placed_before {
                (beyond, Some(other.rank.clone()), "")
            } else {
                (Some(other.rank.clone()), beyond, "")
            }
        }
    };
    let (before, after) = free_bounds(connection, product, before, after)?;
    let rank = key_between(before.as_deref(), after.as_deref()).map_err(rank_problem)?;
    changes.describe(if label.is_empty() {
        format!("Move {}", quoted(&item.title))
    } else {
        format!("Move {} {label}", quoted(&item.title))
    });
    let at = format_timestamp(&now());
    changes.track(Table::BacklogItem, id, |connection| {
        connection.execute(
            "UPDATE backlog_item SET rank = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, rank, at],
        )?;
        Ok(())
    })?;
    Ok(MovedItem {
        id: item.id.clone(),
        rank,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewItem;
    use crate::queries::items::test_support::*;
    use crate::queries::items::{create_item, delete_item, list_items};
    use crate::queries::products::create_product;
    use crate::Store;

    fn move_to(store: &Store, product_id: &str, title: &str, target: MoveTarget) -> MovedItem {
        let id = id_of(store, product_id, title);
        store
            .write(|changes| move_item(changes, &id, &target))
            .unwrap()
    }

    #[test]
    fn every_move_target_reorders_and_writes_one_row() {
        let (store, product) = store_with_items(&["A", "B", "C", "D"]);
        let moved = move_to(&store, &product, "C", MoveTarget::Top);
        assert_eq!(titles(&store, &product), ["C", "A", "B", "D"]);
        let first = store.read(|c| list_items(c, &product)).unwrap().remove(0);
        assert_eq!((moved.id, moved.rank), (first.id, first.rank));
        move_to(&store, &product, "C", MoveTarget::Bottom);
        assert_eq!(titles(&store, &product), ["A", "B", "D", "C"]);
        move_to(&store, &product, "D", MoveTarget::Up);
        assert_eq!(titles(&store, &product), ["A", "D", "B", "C"]);
        move_to(&store, &product, "A", MoveTarget::Down);
        assert_eq!(titles(&store, &product), ["D", "A", "B", "C"]);
        let a = id_of(&store, &product, "A");
        move_to(
            &store,
            &product,
            "C",
            MoveTarget::Before { item_id: a.clone() },
        );
        assert_eq!(titles(&store, &product), ["D", "C", "A", "B"]);
        move_to(&store, &product, "D", MoveTarget::After { item_id: a });
        assert_eq!(titles(&store, &product), ["C", "A", "D", "B"]);

        // One move, one row: every other item's rank is untouched.
        let before = store.read(|c| list_items(c, &product)).unwrap();
        move_to(&store, &product, "B", MoveTarget::Top);
        let after = store.read(|c| list_items(c, &product)).unwrap();
        let changed = before
            .iter()
            .filter(|old| {
                after
                    .iter()
                    .any(|new| new.id == old.id && new.rank != old.rank)
            })
            .count();
        assert_eq!(changed, 1);
    }

    #[test]
    fn moves_that_change_nothing_record_nothing() {
        let (store, product) = store_with_items(&["A", "B"]);
        let history = store.history_state();
        let ranks = |store: &Store| {
            store
                .read(|c| list_items(c, &product))
                .unwrap()
                .into_iter()
                .map(|item| item.rank)
                .collect::<Vec<_>>()
        };
        let ranks_before = ranks(&store);
        let unchanged = move_to(&store, &product, "A", MoveTarget::Top);
        assert_eq!(
            unchanged.rank, ranks_before[0],
            "a no-op returns the same rank"
        );
        move_to(&store, &product, "A", MoveTarget::Up);
        move_to(&store, &product, "B", MoveTarget::Bottom);
        move_to(&store, &product, "B", MoveTarget::Down);
        let (a, b) = (id_of(&store, &product, "A"), id_of(&store, &product, "B"));
        move_to(
            &store,
            &product,
            "A",
            MoveTarget::Before { item_id: b.clone() },
        );
        move_to(
            &store,
            &product,
            "B",
            MoveTarget::After { item_id: a.clone() },
        );
        move_to(&store, &product, "A", MoveTarget::Before { item_id: a });
        assert_eq!(store.history_state(), history);
        assert_eq!(ranks(&store), ranks_before);
    }

    #[test]
    fn moves_read_through_indexes_and_never_scan_the_backlog() {
        let (store, _) = store_with_items(&["A"]);
        store
            .read(|c| {
                let mut plans = vec![query_plan(c, PLACED_SQL, 1)];
                for bounded in [false, true] {
                    let plan =
                        query_plan(c, nearest_rank_above_sql(bounded), 1 + usize::from(bounded));
                    assert!(
                        plan.iter().any(|step| step
                            .contains("USING COVERING INDEX backlog_item_by_product_rank")),
                        "{plan:?}"
                    );
                    plans.push(plan);
                }
                for anchored in [false, true] {
                    for after in [false, true] {
                        let arguments = if anchored { 4 } else { 2 };
                        plans.push(query_plan(
                            c,
                            &neighbours_sql(anchored, after, 2),
                            arguments,
                        ));
                    }
                }
                for plan in plans {
                    assert!(
                        plan.iter().all(|step| !step.starts_with("SCAN")),
                        "{plan:?}"
                    );
                    assert!(
                        plan.iter().all(|step| !step.contains("TEMP B-TREE")),
                        "{plan:?}"
                    );
                }
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn writes_and_replays_report_the_rows_they_touched() {
        let (store, product) = store_with_items(&["A", "B"]);
        let b = id_of(&store, &product, "B");
        let (_, touched) = store
            .write_reporting(|c| move_item(c, &b, &MoveTarget::Top))
            .unwrap();
        assert_eq!(touched.rows, [(Table::BacklogItem, b.clone())]);
        assert_eq!(touched.tables(), [Table::BacklogItem]);
        let (_, nothing) = store
            .write_reporting(|c| move_item(c, &b, &MoveTarget::Top))
            .unwrap();
        assert!(nothing.is_empty(), "a no-op move touches nothing");
        let undone = store.undo().unwrap();
        assert_eq!(undone.changes.ids(), std::slice::from_ref(&b));
        assert!(undone.history.can_redo);
        assert_eq!(store.redo().unwrap().changes.ids(), [b]);
    }

    #[test]
    fn a_new_action_clears_redo_and_labels_describe_the_action() {
        let (store, product) = store_with_items(&["A", "B"]);
        move_to(&store, &product, "B", MoveTarget::Top);
        assert_eq!(
            store.history_state().undo_label.as_deref(),
            Some("Move “B” to top")
        );
        store.undo().unwrap();
        assert_eq!(
            store.history_state().redo_label.as_deref(),
            Some("Move “B” to top")
        );
        move_to(&store, &product, "A", MoveTarget::Down);
        assert!(!store.history_state().can_redo);
    }

    /// Every rank key the product's rows hold, deleted rows included.
    fn all_ranks(store: &Store, product_id: &str) -> Vec<String> {
        store
            .read(|c| {
                let mut statement =
                    c.prepare("SELECT rank FROM backlog_item WHERE product_id = ?1 ORDER BY rank")?;
                let ranks = statement
                    .query_map([product_id], |row| row.get(0))?
                    .collect::<Result<Vec<String>, _>>()?;
                Ok(ranks)
            })
            .unwrap()
    }

    fn assert_no_shared_rank(store: &Store, product_id: &str) {
        let ranks = all_ranks(store, product_id);
        let mut distinct = ranks.clone();
        distinct.dedup();
        assert_eq!(
            distinct, ranks,
            "two rows of the product hold the same rank"
        );
    }

    #[test]
    fn a_move_never_takes_the_rank_a_deleted_item_keeps() {
        // The live neighbours of the gap after A are A and C: without looking at deleted rows,
        // D would get exactly the key between them, which B still holds.
        let (store, product) = store_with_items(&["A", "B", "C", "D"]);
        let (a, b) = (id_of(&store, &product, "A"), id_of(&store, &product, "B"));
        store.write(|c| delete_item(c, &b)).unwrap();
        move_to(&store, &product, "D", MoveTarget::After { item_id: a });
        assert_eq!(titles(&store, &product), ["A", "D", "C"]);
        assert_no_shared_rank(&store, &product);
        store.undo().unwrap();
        store.undo().unwrap();
        assert_eq!(titles(&store, &product), ["A", "B", "C", "D"]);

        // The same at the top: a deleted item that was first keeps the key before the first.
        let (store, product) = store_with_items(&["A", "B", "C"]);
        move_to(&store, &product, "C", MoveTarget::Top);
        let c = id_of(&store, &product, "C");
        store.write(|changes| delete_item(changes, &c)).unwrap();
        move_to(&store, &product, "B", MoveTarget::Top);
        assert_no_shared_rank(&store, &product);
        move_to(&store, &product, "A", MoveTarget::Up);
        assert_no_shared_rank(&store, &product);
        store.undo().unwrap();
        store.undo().unwrap();
        store.undo().unwrap();
        assert_eq!(titles(&store, &product), ["C", "A", "B"]);
    }

    #[test]
    fn moves_to_the_ends_keep_keys_short_beside_deleted_items() {
        // A deleted item at each end: a move to the top or the bottom must go past it, not into
        // the shrinking gap between the last live item and it (one more character every few moves).
        let (store, product) = store_with_items(&["First", "A", "B", "C", "Last"]);
        for title in ["First", "Last"] {
            let id = id_of(&store, &product, title);
            store.write(|c| delete_item(c, &id)).unwrap();
        }
        for round in 0..60 {
            let (title, target) = match round % 4 {
                0 => ("A", MoveTarget::Bottom),
                1 => ("B", MoveTarget::Bottom),
                2 => ("C", MoveTarget::Top),
                _ => ("A", MoveTarget::Top),
            };
            move_to(&store, &product, title, target);
            assert_no_shared_rank(&store, &product);
        }
        let longest = all_ranks(&store, &product)
            .iter()
            .map(String::len)
            .max()
            .unwrap();
        assert!(longest <= 4, "rank keys grew to {longest} characters");
        // Moving the last item down, or the first up, goes past the deleted ones too.
        let last = titles(&store, &product).pop().unwrap();
        let first = titles(&store, &product).remove(0);
        let before = titles(&store, &product);
        move_to(&store, &product, &first, MoveTarget::Down);
        move_to(&store, &product, &first, MoveTarget::Up);
        move_to(&store, &product, &last, MoveTarget::Up);
        move_to(&store, &product, &last, MoveTarget::Down);
        assert_eq!(titles(&store, &product), before);
        assert_no_shared_rank(&store, &product);
    }

    #[test]
    fn random_moves_deletes_and_undos_never_put_two_items_on_one_rank() {
        use rand::rngs::StdRng;
        use rand::{Rng, SeedableRng};

        let titles_in: Vec<String> = (0..12).map(|n| format!("T{n}")).collect();
        let names: Vec<&str> = titles_in.iter().map(String::as_str).collect();
        let (store, product) = store_with_items(&names);
        let mut random = StdRng::seed_from_u64(6);
        for _ in 0..400 {
            let live = store.read(|c| list_items(c, &product)).unwrap();
            let pick = |random: &mut StdRng| live[random.random_range(0..live.len())].id.clone();
            match random.random_range(0..10) {
                0 if live.len() > 3 => {
                    let id = pick(&mut random);
                    store.write(|c| delete_item(c, &id)).unwrap();
                }
                1 if store.history_state().can_undo => {
                    store.undo().unwrap();
                }
                _ => {
                    let id = pick(&mut random);
                    let anchor = pick(&mut random);
                    let target = match random.random_range(0..6) {
                        0 => MoveTarget::Top,
                        1 => MoveTarget::Bottom,
                        2 => MoveTarget::Up,
                        3 => MoveTarget::Down,
                        4 => MoveTarget::Before { item_id: anchor },
                        _ => MoveTarget::After { item_id: anchor },
                    };
                    store.write(|c| move_item(c, &id, &target)).unwrap();
                }
            }
            assert_no_shared_rank(&store, &product);
        }
    }

    #[test]
    fn items_of_another_product_cannot_be_anchors() {
        let (store, product) = store_with_items(&["A"]);
        let other = store
            .write(|changes| create_product(changes, "Other"))
            .unwrap();
        let new = NewItem {
            product_id: other.id.clone(),
            title: "X".into(),
            ..Default::default()
        };
        let x = store.write(|c| create_item(c, &new)).unwrap();
        let a = id_of(&store, &product, "A");
        let result = store.write(|c| {
            move_item(
                c,
                &a,
                &MoveTarget::Before {
                    item_id: x.id.clone(),
                },
            )
        });
        assert!(matches!(result, Err(CoreError::Invalid { .. })));
    }
}
