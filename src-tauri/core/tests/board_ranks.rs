//! Board ranks in a database file: `check` finds cards of one column sharing a key or holding a
//! key that is not one, `repair` re-keys them in their current order, once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use northstar_core::board::BoardKind;
use northstar_core::check::check_database_file;
use northstar_core::model::{MoveTarget, NewItem};
use northstar_core::queries::board_moves::move_card;
use northstar_core::queries::boards::list_board;
use northstar_core::queries::items::create_item;
use northstar_core::queries::products::create_product;
use northstar_core::repair::repair_store;
use northstar_core::Store;

fn findings(store: &Store, db: &Path) -> Vec<String> {
    store.checkpoint_without_waiting().unwrap();
    check_database_file(db).unwrap().findings
}

fn must_column(store: &Store, product: &str) -> Vec<String> {
    store
        .read(|c| list_board(c, product, BoardKind::Moscow))
        .unwrap()
        .columns
        .remove(0)
        .cards
        .into_iter()
        .map(|card| card.title)
        .collect()
}

#[test]
fn check_finds_tied_and_invalid_board_keys_and_repair_fixes_them_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("northstar.db");
    let (store, _) = Store::open(&db).unwrap();
    let product = store.write(|c| create_product(c, "Lumen")).unwrap();
    let mut ids = Vec::new();
    for title in ["A", "B", "C", "D"] {
        let new = NewItem {
            product_id: product.id.clone(),
            title: title.into(),
            ..Default::default()
        };
        ids.push(store.write(|c| create_item(c, &new)).unwrap().id);
    }
    // D, C, B, A into Must, each to the top: A ends first.
    for id in ids.iter().rev() {
        store
            .write(|c| move_card(c, id, BoardKind::Moscow, "must", &MoveTarget::Top))
            .unwrap();
    }
    assert_eq!(must_column(&store, &product.id), ["A", "B", "C", "D"]);
    assert_eq!(findings(&store, &db), Vec::<String>::new());

    // Damage: B takes A's key, D a key that is not one.
    store
        .write_untracked(|c| {
            c.execute(
                "UPDATE board_rank SET rank = (SELECT rank FROM board_rank WHERE item_id = ?1) \
                 WHERE item_id = ?2",
                [&ids[0], &ids[1]],
            )?;
            c.execute(
                "UPDATE board_rank SET rank = '!!' WHERE item_id = ?1",
                [&ids[3]],
            )?;
            Ok(())
        })
        .unwrap();
    let found = findings(&store, &db);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().any(|f| f.contains("invalid rank key “!!”")),
        "{found:?}"
    );
    assert!(
        found.iter().any(
            |f| f.starts_with("2 cards of product “Lumen” share the rank")
                && f.ends_with("in the MoSCoW board's Must column")
        ),
        "{found:?}"
    );
    let order = must_column(&store, &product.id);

    let report = repair_store(&store).unwrap();
    assert_eq!(report.repairs.len(), 2, "{:?}", report.repairs);
    assert!(report
        .repairs
        .iter()
        .all(|r| r.place.as_deref() == Some("the MoSCoW board's Must column")));
    assert_eq!(findings(&store, &db), Vec::<String>::new());
    assert_eq!(must_column(&store, &product.id), order, "the order is kept");
    assert!(repair_store(&store).unwrap().repairs.is_empty());
}
