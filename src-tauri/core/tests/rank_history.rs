//! Ranks stay unique however creates, moves, deletes, undos and redos interleave: a rank that
//! is free now but that an undo or redo can bring back is never handed to another item.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use northstar_core::check::check_database_file;
use northstar_core::model::{MoveTarget, NewItem};
use northstar_core::queries::items::{create_item, delete_item, list_items, move_item};
use northstar_core::queries::products::create_product;
use northstar_core::Store;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn add_item(store: &Store, product_id: &str, title: &str) -> String {
    store
        .write(|changes| {
            create_item(
                changes,
                &NewItem {
                    product_id: product_id.to_owned(),
                    title: title.to_owned(),
                    ..Default::default()
                },
            )
        })
        .unwrap()
        .id
}

/// What `northstar check` would report about the file right now.
fn findings(store: &Store, db: &Path) -> Vec<String> {
    store.checkpoint_without_waiting().unwrap();
    check_database_file(db).unwrap().findings
}

/// The sequence that once left a live item on a deleted item's rank: the last item moves up,
/// a new item takes the rank it left, the creation is undone (the row is hidden, rank and all),
/// then the move is undone and the item returns to that rank.
#[test]
fn undoing_a_move_never_lands_on_the_rank_of_an_undone_creation() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("northstar.db");
    let (store, _) = Store::open(&db).unwrap();
    let product = store.write(|changes| create_product(changes, "P")).unwrap();
    let first = add_item(&store, &product.id, "first");
    add_item(&store, &product.id, "second");
    let last = add_item(&store, &product.id, "last");

    store
        .write(|changes| {
            move_item(
                changes,
                &last,
                &MoveTarget::After {
                    item_id: first.clone(),
                },
            )
        })
        .unwrap();
    add_item(&store, &product.id, "newcomer");
    store.undo().unwrap();
    store.undo().unwrap();

    let titles: Vec<String> = store
        .read(|connection| list_items(connection, &product.id))
        .unwrap()
        .into_iter()
        .map(|item| item.title)
        .collect();
    assert_eq!(titles, ["first", "second", "last"]);
    assert_eq!(findings(&store, &db), Vec::<String>::new());

    // Redo brings back the move and the creation, each on a rank of its own.
    store.redo().unwrap();
    store.redo().unwrap();
    assert_eq!(findings(&store, &db), Vec::<String>::new());
}

/// Random interleavings, each checked after every step as `northstar check` would.
#[test]
fn random_edits_undos_and_redos_never_share_a_rank() {
    for seed in 0..25u64 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("northstar.db");
        let (store, _) = Store::open(&db).unwrap();
        let product = store.write(|changes| create_product(changes, "P")).unwrap();
        let mut random = StdRng::seed_from_u64(seed);
        let mut steps = Vec::new();
        for step in 0..120 {
            let items = store
                .read(|connection| list_items(connection, &product.id))
                .unwrap();
            let pick = |random: &mut StdRng| items[random.random_range(0..items.len())].id.clone();
            let choice = if items.len() < 5 {
                0
            } else {
                random.random_range(0..6)
            };
            // Refusals (nothing to undo, a conflict) are part of the game: only the ranks count.
            let _ = match choice {
                0 => {
                    steps.push("create".to_owned());
                    store
                        .write(|changes| {
                            create_item(
                                changes,
                                &NewItem {
                                    product_id: product.id.clone(),
                                    title: format!("item {step}"),
                                    ..Default::default()
                                },
                            )
                        })
                        .map(drop)
                }
                1 | 2 => {
                    let id = pick(&mut random);
                    let target = if random.random_bool(0.3) {
                        MoveTarget::Top
                    } else {
                        MoveTarget::After {
                            item_id: pick(&mut random),
                        }
                    };
                    steps.push(format!("move {id} {target:?}"));
                    store.write(|changes| move_item(changes, &id, &target).map(drop))
                }
                3 if items.len() > 8 => {
                    let id = pick(&mut random);
                    steps.push(format!("delete {id}"));
                    store.write(|changes| delete_item(changes, &id))
                }
                4 => {
                    steps.push("redo".to_owned());
                    store.redo().map(drop)
                }
                _ => {
                    steps.push("undo".to_owned());
                    store.undo().map(drop)
                }
            };
            let found = findings(&store, &db);
            assert!(
                found.is_empty(),
                "seed {seed}, step {step}: {found:?}\nlast steps:\n{}",
                steps[steps.len().saturating_sub(12)..].join("\n")
            );
        }
    }
}
