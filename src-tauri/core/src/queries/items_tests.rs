//! Tests of the `backlog_item` queries (reads, creates, edits, deletes, undo of each).

use super::test_support::*;
use super::*;
use crate::model::MoveTarget;
use crate::mutation::read_row;
use crate::Store;

#[test]
fn new_items_go_to_the_bottom_with_defaults() {
    let (store, product) = store_with_items(&["A", "B", "C"]);
    assert_eq!(titles(&store, &product), ["A", "B", "C"]);
    let items = store.read(|c| list_items(c, &product)).unwrap();
    assert_eq!(items[0].status, ItemStatus::Idea);
    assert_eq!(items[0].kind, ItemKind::Feature);
}

#[test]
fn summaries_carry_positions_and_a_plain_excerpt_not_the_description() {
    let (store, product) = store_with_items(&["A", "B"]);
    let b = id_of(&store, &product, "B");
    let long = format!("## Why\n\n{}", "lorem ipsum ".repeat(80_000));
    let patch = ItemPatch {
        description: Some(long),
        ..Default::default()
    };
    store.write(|c| update_item(c, &b, &patch)).unwrap();
    let a = id_of(&store, &product, "A");
    let patch = ItemPatch {
        description: Some("Users **lose** track of [bills](https://x).".into()),
        ..Default::default()
    };
    store.write(|c| update_item(c, &a, &patch)).unwrap();

    let rows = store.read(|c| list_item_summaries(c, &product)).unwrap();
    assert_eq!(
        rows.iter()
            .map(|row| (row.title.as_str(), row.position, row.excerpt.as_str()))
            .collect::<Vec<_>>(),
        [("A", 1, "Users lose track of bills."), ("B", 2, "Why")]
    );
    let full = store.read(|c| get_item(c, &a)).unwrap();
    assert_eq!(rows[0].rank, full.rank);
    assert_eq!(rows[0].updated_at, full.updated_at);
}

#[test]
fn lists_and_lookups_refuse_unknown_or_deleted_rows() {
    let (store, product) = store_with_items(&["A"]);
    let a = id_of(&store, &product, "A");
    store.write(|c| delete_item(c, &a)).unwrap();
    assert!(matches!(
        store.read(|c| get_item(c, &a)),
        Err(CoreError::NotFound { entity: "item", .. })
    ));
    assert!(store
        .read(|c| list_item_summaries(c, &product))
        .unwrap()
        .is_empty());
    assert!(matches!(
        store.read(|c| list_item_summaries(c, "no-such-product")),
        Err(CoreError::NotFound {
            entity: "product",
            ..
        })
    ));
}

#[test]
fn the_last_rank_and_the_list_are_index_lookups_not_scans() {
    let (store, _) = store_with_items(&["A"]);
    store
        .read(|c| {
            let last = query_plan(c, LAST_RANK_SQL, 1);
            assert!(
                last.iter()
                    .any(|step| step.contains("USING COVERING INDEX backlog_item_by_product_rank")),
                "{last:?}"
            );
            let list = query_plan(c, &summaries_sql(), 2);
            assert!(
                list.iter()
                    .all(|step| !step.contains("SCAN backlog_item")
                        || step.contains("USING INDEX")),
                "{list:?}"
            );
            assert!(
                list.iter().all(|step| !step.contains("TEMP B-TREE")),
                "{list:?}"
            );
            Ok(())
        })
        .unwrap();
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
