//! Tests of moving items in the ranked backlog.

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
                let plan = query_plan(c, nearest_rank_above_sql(bounded), 1 + usize::from(bounded));
                assert!(
                    plan.iter()
                        .any(|step| step
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
