//! The `backlog_item` table and the ranked backlog.
//!
//! Order is `ORDER BY rank, id` over the product's live items. A move computes one new rank key
//! between the two neighbours of the destination and writes only the moved row.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::model::{BacklogItem, ItemKind, ItemPatch, ItemStatus, MoveTarget, NewItem};
use crate::mutation::{Changes, Table};
use crate::queries::products::get_product;
use crate::rank::key_between;
use crate::text::quoted;
use crate::time::{format_timestamp, now};
use crate::validate::{validate_long_text, validate_title};

const SELECT_ITEM: &str = "SELECT id, product_id, title, description, status, kind, rank, \
     created_at, updated_at FROM backlog_item";

fn item_from_row(row: &Row, position: i32) -> rusqlite::Result<BacklogItem> {
    let status: String = row.get(4)?;
    let kind: String = row.get(5)?;
    let conversion = |index: usize, error: CoreError| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            error.to_string().into(),
        )
    };
    Ok(BacklogItem {
        id: row.get(0)?,
        product_id: row.get(1)?,
        title: row.get(2)?,
        description: row.get(3)?,
        status: ItemStatus::parse(&status).map_err(|error| conversion(4, error))?,
        kind: ItemKind::parse(&kind).map_err(|error| conversion(5, error))?,
        rank: row.get(6)?,
        position,
        created_at: timestamp_column(row, 7)?,
        updated_at: timestamp_column(row, 8)?,
    })
}

/// The product's backlog in rank order, with 1-based positions.
pub fn list_items(connection: &Connection, product_id: &str) -> CoreResult<Vec<BacklogItem>> {
    get_product(connection, product_id)?;
    let sql =
        format!("{SELECT_ITEM} WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY rank, id");
    let mut statement = connection.prepare_cached(&sql)?;
    let mut position = 0;
    let items = statement
        .query_map([product_id], |row| {
            position += 1;
            item_from_row(row, position)
        })?
        .collect::<Result<_, _>>()?;
    Ok(items)
}

pub fn get_item(connection: &Connection, id: &str) -> CoreResult<BacklogItem> {
    let sql = format!(
        "{SELECT_ITEM} WHERE id = ?1 AND deleted_at IS NULL \
         AND product_id IN (SELECT id FROM product WHERE deleted_at IS NULL)"
    );
    let item = connection
        .prepare_cached(&sql)?
        .query_row([id], |row| item_from_row(row, 0))
        .optional()?
        .ok_or_else(|| CoreError::not_found("item", id))?;
    let position = position_of(connection, &item)?;
    Ok(BacklogItem { position, ..item })
}

fn position_of(connection: &Connection, item: &BacklogItem) -> CoreResult<i32> {
    let before: i32 = connection
        .prepare_cached(
            "SELECT count(*) FROM backlog_item WHERE product_id = ?1 AND deleted_at IS NULL \
         AND (rank < ?2 OR (rank = ?2 AND id < ?3))",
        )?
        .query_row(params![item.product_id, item.rank, item.id], |row| {
            row.get(0)
        })?;
    Ok(before + 1)
}

/// A neighbour in rank order: its id and rank key.
struct Neighbour {
    id: String,
    rank: String,
}

/// Up to `limit` live items of the product just before (or after) `(rank, id)`, nearest first,
/// leaving out `skip` (the item being moved).
fn neighbours(
    connection: &Connection,
    product_id: &str,
    anchor: Option<(&str, &str)>,
    after: bool,
    skip: &str,
    limit: i32,
) -> CoreResult<Vec<Neighbour>> {
    let (comparison, order) = if after { (">", "ASC") } else { ("<", "DESC") };
    let anchor_clause = if anchor.is_some() {
        format!("AND (rank, id) {comparison} (?3, ?4)")
    } else {
        String::new()
    };
    let sql = format!(
        "SELECT id, rank FROM backlog_item WHERE product_id = ?1 AND deleted_at IS NULL \
         AND id <> ?2 {anchor_clause} ORDER BY rank {order}, id {order} LIMIT {limit}"
    );
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

/// A rank that cannot be computed means the stored order is damaged (two items share a rank,
/// or a key was edited by hand): say so in words, and point at the repair tool.
fn rank_problem(error: CoreError) -> CoreError {
    let _ = error;
    CoreError::Conflict(
        "The order of this backlog is damaged, so the item was not moved. Run “northstar check” \
         for details."
            .into(),
    )
}

pub fn create_item(changes: &mut Changes, new: &NewItem) -> CoreResult<BacklogItem> {
    let title = validate_title("title", "item", &new.title)?;
    let description = validate_long_text("description", new.description.as_deref().unwrap_or(""))?;
    let status = new
        .status
        .as_deref()
        .map(ItemStatus::parse)
        .transpose()?
        .unwrap_or(ItemStatus::Idea);
    let kind = new
        .kind
        .as_deref()
        .map(ItemKind::parse)
        .transpose()?
        .unwrap_or(ItemKind::Feature);
    get_product(changes.connection(), &new.product_id)?;

    // After every rank the product ever used, deleted items included: undoing a delete must
    // never bring back an item whose rank a newer item took.
    let last_rank: Option<String> = changes.connection().query_row(
        "SELECT max(rank) FROM backlog_item WHERE product_id = ?1",
        [&new.product_id],
        |row| row.get(0),
    )?;
    let rank = key_between(last_rank.as_deref(), None).map_err(rank_problem)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!("Add {}", quoted(&title)));
    changes.track(Table::BacklogItem, &id, |connection| {
        connection.execute(
            "INSERT INTO backlog_item (id, product_id, title, description, status, kind, rank, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id,
                new.product_id,
                title,
                description,
                status.as_str(),
                kind.as_str(),
                rank,
                at
            ],
        )?;
        Ok(())
    })?;
    get_item(changes.connection(), &id)
}

pub fn update_item(changes: &mut Changes, id: &str, patch: &ItemPatch) -> CoreResult<BacklogItem> {
    let current = get_item(changes.connection(), id)?;
    let title = match &patch.title {
        Some(title) => validate_title("title", "item", title)?,
        None => current.title.clone(),
    };
    let description = match &patch.description {
        Some(text) => validate_long_text("description", text)?,
        None => current.description.clone(),
    };
    let status = patch
        .status
        .as_deref()
        .map(ItemStatus::parse)
        .transpose()?
        .unwrap_or(current.status);
    let kind = patch
        .kind
        .as_deref()
        .map(ItemKind::parse)
        .transpose()?
        .unwrap_or(current.kind);
    if title == current.title
        && description == current.description
        && status == current.status
        && kind == current.kind
    {
        return Ok(current);
    }
    changes.describe(if status != current.status && title == current.title {
        format!("Set {} to {}", quoted(&title), status.label())
    } else {
        format!("Edit {}", quoted(&title))
    });
    let at = format_timestamp(&now());
    changes.track(Table::BacklogItem, id, |connection| {
        connection.execute(
            "UPDATE backlog_item SET title = ?2, description = ?3, status = ?4, kind = ?5, \
             updated_at = ?6 WHERE id = ?1",
            params![id, title, description, status.as_str(), kind.as_str(), at],
        )?;
        Ok(())
    })?;
    get_item(changes.connection(), id)
}

/// Soft-deletes the item; its rank is kept so undo puts it back where it was.
pub fn delete_item(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let item = get_item(changes.connection(), id)?;
    changes.describe(format!("Delete {}", quoted(&item.title)));
    let at = format_timestamp(&now());
    changes.track(Table::BacklogItem, id, |connection| {
        connection.execute(
            "UPDATE backlog_item SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}

/// Moves an item in its product's ranked backlog, writing only its own row. A move that would
/// not change the order (the first item "to top") changes nothing and records no undo step.
pub fn move_item(changes: &mut Changes, id: &str, target: &MoveTarget) -> CoreResult<BacklogItem> {
    let item = get_item(changes.connection(), id)?;
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
                return Ok(item);
            }
            (None, rank_of(first.first()), "to top")
        }
        MoveTarget::Bottom => {
            let last = neighbours(connection, product, None, false, id, 1)?;
            if last.first().is_none_or(|last| {
                (last.rank.as_str(), last.id.as_str()) < (item.rank.as_str(), id)
            }) {
                return Ok(item);
            }
            (rank_of(last.first()), None, "to bottom")
        }
        MoveTarget::Up => {
            let previous = neighbours(connection, product, here, false, id, 2)?;
            if previous.is_empty() {
                return Ok(item);
            }
            (rank_of(previous.get(1)), rank_of(previous.first()), "up")
        }
        MoveTarget::Down => {
            let next = neighbours(connection, product, here, true, id, 2)?;
            if next.is_empty() {
                return Ok(item);
            }
            (rank_of(next.first()), rank_of(next.get(1)), "down")
        }
        MoveTarget::Before { item_id } | MoveTarget::After { item_id } => {
            let other = get_item(connection, item_id)?;
            if other.product_id != item.product_id {
                return Err(CoreError::invalid(
                    "target",
                    "Items can only move within their product.",
                ));
            }
            if other.id == item.id {
                return Ok(item);
            }
            let placed_before = matches!(target, MoveTarget::Before { .. });
            // Already there: the neighbour on that side is the anchor itself.
            let beside = neighbours(connection, product, here, placed_before, id, 1)?;
            if beside
                .first()
                .is_some_and(|neighbour| neighbour.id == other.id)
            {
                return Ok(item);
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
    get_item(changes.connection(), id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mutation::read_row;
    use crate::queries::products::create_product;
    use crate::Store;

    fn store_with_items(titles: &[&str]) -> (Store, String) {
        let store = Store::open_in_memory().unwrap();
        let product = store
            .write(|changes| create_product(changes, "Lumen"))
            .unwrap();
        for title in titles {
            let new = NewItem {
                product_id: product.id.clone(),
                title: title.to_string(),
                ..Default::default()
            };
            store.write(|changes| create_item(changes, &new)).unwrap();
        }
        (store, product.id)
    }

    fn titles(store: &Store, product_id: &str) -> Vec<String> {
        store
            .read(|c| list_items(c, product_id))
            .unwrap()
            .into_iter()
            .map(|item| item.title)
            .collect()
    }

    fn id_of(store: &Store, product_id: &str, title: &str) -> String {
        let items = store.read(|c| list_items(c, product_id)).unwrap();
        items
            .into_iter()
            .find(|item| item.title == title)
            .unwrap()
            .id
    }

    fn move_to(store: &Store, product_id: &str, title: &str, target: MoveTarget) -> BacklogItem {
        let id = id_of(store, product_id, title);
        store
            .write(|changes| move_item(changes, &id, &target))
            .unwrap()
    }

    #[test]
    fn new_items_go_to_the_bottom_with_defaults() {
        let (store, product) = store_with_items(&["A", "B", "C"]);
        assert_eq!(titles(&store, &product), ["A", "B", "C"]);
        let items = store.read(|c| list_items(c, &product)).unwrap();
        assert_eq!(
            items.iter().map(|i| i.position).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert_eq!(items[0].status, ItemStatus::Idea);
        assert_eq!(items[0].kind, ItemKind::Feature);
    }

    #[test]
    fn every_move_target_reorders_and_writes_one_row() {
        let (store, product) = store_with_items(&["A", "B", "C", "D"]);
        let moved = move_to(&store, &product, "C", MoveTarget::Top);
        assert_eq!(moved.position, 1);
        assert_eq!(titles(&store, &product), ["C", "A", "B", "D"]);
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
        move_to(&store, &product, "A", MoveTarget::Top);
        move_to(&store, &product, "A", MoveTarget::Up);
        move_to(&store, &product, "B", MoveTarget::Bottom);
        move_to(&store, &product, "B", MoveTarget::Down);
        let (a, b) = (id_of(&store, &product, "A"), id_of(&store, &product, "B"));
        move_to(&store, &product, "A", MoveTarget::Before { item_id: b });
        move_to(&store, &product, "B", MoveTarget::After { item_id: a });
        assert_eq!(store.history_state(), history);
        assert_eq!(titles(&store, &product), ["A", "B"]);
    }

    #[test]
    fn new_items_never_reuse_the_rank_of_a_deleted_item() {
        let (store, product) = store_with_items(&["A", "B"]);
        let b = id_of(&store, &product, "B");
        store.write(|changes| delete_item(changes, &b)).unwrap();
        let new = NewItem {
            product_id: product.clone(),
            title: "C".into(),
            ..Default::default()
        };
        let c = store.write(|changes| create_item(changes, &new)).unwrap();
        let deleted_rank: String = store
            .read(|c| {
                Ok(
                    c.query_row("SELECT rank FROM backlog_item WHERE id = ?1", [&b], |r| {
                        r.get(0)
                    })?,
                )
            })
            .unwrap();
        assert!(c.rank > deleted_rank, "{} <= {deleted_rank}", c.rank);
    }

    #[test]
    fn validation_refuses_bad_input_and_writes_nothing() {
        let (store, product) = store_with_items(&["A"]);
        let id = id_of(&store, &product, "A");
        let cases = [
            (
                ItemPatch {
                    title: Some(String::new()),
                    ..Default::default()
                },
                "title",
            ),
            (
                ItemPatch {
                    title: Some("t".repeat(301)),
                    ..Default::default()
                },
                "title",
            ),
            (
                ItemPatch {
                    status: Some("shipping".into()),
                    ..Default::default()
                },
                "status",
            ),
            (
                ItemPatch {
                    kind: Some("epic".into()),
                    ..Default::default()
                },
                "kind",
            ),
            (
                ItemPatch {
                    description: Some("d".repeat(1024 * 1024 + 1)),
                    ..Default::default()
                },
                "description",
            ),
        ];
        let row_before = store
            .read(|c| read_row(c, Table::BacklogItem, &id))
            .unwrap();
        for (patch, field) in cases {
            match store.write(|changes| update_item(changes, &id, &patch)) {
                Err(CoreError::Invalid { field: refused, .. }) => assert_eq!(refused, field),
                other => panic!("expected Invalid {field}, got {other:?}"),
            }
        }
        assert_eq!(
            store
                .read(|c| read_row(c, Table::BacklogItem, &id))
                .unwrap(),
            row_before
        );
        let new = NewItem {
            product_id: product.clone(),
            title: "x".into(),
            status: Some("done".into()),
            ..Default::default()
        };
        assert!(matches!(
            store.write(|c| create_item(c, &new)),
            Err(CoreError::Invalid {
                field: "status",
                ..
            })
        ));
        assert_eq!(titles(&store, &product), ["A"]);
    }

    #[test]
    fn undo_and_redo_of_each_item_mutation_restore_the_exact_state() {
        let (store, product) = store_with_items(&["A", "B", "C"]);
        let snapshot = |store: &Store| {
            let items = store.read(|c| list_items(c, &product)).unwrap();
            items
                .iter()
                .map(|item| {
                    store
                        .read(|c| read_row(c, Table::BacklogItem, &item.id))
                        .unwrap()
                })
                .collect::<Vec<_>>()
        };
        let b = id_of(&store, &product, "B");
        type Action<'a> = Box<dyn Fn(&Store) + 'a>;
        let actions: Vec<Action> = vec![
            Box::new(|s| {
                let new = NewItem {
                    product_id: product.clone(),
                    title: "D".into(),
                    ..Default::default()
                };
                s.write(|c| create_item(c, &new)).unwrap();
            }),
            Box::new(|s| {
                let patch = ItemPatch {
                    title: Some("B2".into()),
                    status: Some("ready".into()),
                    ..Default::default()
                };
                s.write(|c| update_item(c, &b, &patch)).unwrap();
            }),
            Box::new(|s| {
                s.write(|c| move_item(c, &b, &MoveTarget::Top)).unwrap();
            }),
            Box::new(|s| {
                s.write(|c| delete_item(c, &b)).unwrap();
            }),
        ];
        for action in actions {
            let before = snapshot(&store);
            action(&store);
            let after = snapshot(&store);
            assert_ne!(before, after);
            store.undo().unwrap();
            assert_eq!(snapshot(&store), before, "undo restores the exact rows");
            store.redo().unwrap();
            assert_eq!(snapshot(&store), after, "redo restores the exact rows");
        }
        assert!(matches!(store.redo(), Err(CoreError::NothingToUndo(_))));
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
