//! Tests of the Now / Next / Later board: a move across lanes sets the item's horizon in the
//! same undo step, a move within a lane ranks it, one board row is written per move.

use super::*;
use crate::queries::boards::list_board;
use crate::queries::items::get_item;
use crate::queries::items::test_support::*;
use crate::Store;

const HORIZON: BoardKind = BoardKind::Horizon;

fn lane(store: &Store, product: &str, bucket: &str) -> Vec<String> {
    let view = store.read(|c| list_board(c, product, HORIZON)).unwrap();
    view.columns
        .into_iter()
        .find(|column| column.column == bucket)
        .unwrap()
        .cards
        .into_iter()
        .map(|card| card.title)
        .collect()
}

fn board_rows(store: &Store) -> i64 {
    store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM board_rank WHERE board = 'horizon' AND deleted_at IS NULL",
                [],
                |row| row.get(0),
            )?)
        })
        .unwrap()
}

fn horizon_of(store: &Store, id: &str) -> Option<Horizon> {
    store.read(|c| get_item(c, id)).unwrap().horizon
}

#[test]
fn moving_across_lanes_sets_the_horizon_and_undo_puts_it_back() {
    let (store, product) = store_with_items(&["A", "B", "C"]);
    let a = id_of(&store, &product, "A");
    let b = id_of(&store, &product, "B");
    assert_eq!(lane(&store, &product, "unsorted"), ["A", "B", "C"]);
    store
        .write(|c| move_card(c, &a, HORIZON, "now", &MoveTarget::Top))
        .unwrap();
    store
        .write(|c| move_card(c, &b, HORIZON, "now", &MoveTarget::Top))
        .unwrap();
    assert_eq!(lane(&store, &product, "now"), ["B", "A"]);
    assert_eq!(horizon_of(&store, &a), Some(Horizon::Now));
    assert_eq!(board_rows(&store), 2);

    store
        .write(|c| move_card(c, &a, HORIZON, "next", &MoveTarget::Bottom))
        .unwrap();
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Move “A” to Next")
    );
    assert_eq!(lane(&store, &product, "now"), ["B"]);
    assert_eq!(lane(&store, &product, "next"), ["A"]);
    assert_eq!(horizon_of(&store, &a), Some(Horizon::Next));
    assert_eq!(board_rows(&store), 2, "a move rewrites the card's one row");

    store.undo().unwrap();
    assert_eq!(horizon_of(&store, &a), Some(Horizon::Now));
    assert_eq!(lane(&store, &product, "now"), ["B", "A"]);
    store.redo().unwrap();
    assert_eq!(lane(&store, &product, "next"), ["A"]);

    // Back to Unsorted clears the horizon: the item leaves the roadmap.
    store
        .write(|c| move_card(c, &a, HORIZON, "unsorted", &MoveTarget::Top))
        .unwrap();
    assert_eq!(horizon_of(&store, &a), None);
    assert_eq!(lane(&store, &product, "unsorted"), ["A", "C"]);
}

#[test]
fn moving_within_a_lane_ranks_without_touching_the_item() {
    let (store, product) = store_with_items(&["A", "B", "C"]);
    for title in ["A", "B", "C"] {
        let id = id_of(&store, &product, title);
        store
            .write(|c| move_card(c, &id, HORIZON, "later", &MoveTarget::Bottom))
            .unwrap();
    }
    let c_id = id_of(&store, &product, "C");
    let a_id = id_of(&store, &product, "A");
    let before = store.read(|c| get_item(c, &c_id)).unwrap().updated_at;
    store
        .write(|c| {
            move_card(
                c,
                &c_id,
                HORIZON,
                "later",
                &MoveTarget::Before {
                    item_id: a_id.clone(),
                },
            )
        })
        .unwrap();
    assert_eq!(lane(&store, &product, "later"), ["C", "A", "B"]);
    assert_eq!(
        store.read(|c| get_item(c, &c_id)).unwrap().updated_at,
        before
    );
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Move “C” within Later")
    );
}

#[test]
fn the_horizon_board_leaves_the_moscow_board_alone() {
    let (store, product) = store_with_items(&["A", "B"]);
    let b = id_of(&store, &product, "B");
    store
        .write(|c| move_card(c, &b, HORIZON, "now", &MoveTarget::Top))
        .unwrap();
    let moscow = store
        .read(|c| list_board(c, &product, BoardKind::Moscow))
        .unwrap();
    let unsorted = moscow.columns.last().unwrap();
    let titles: Vec<&str> = unsorted
        .cards
        .iter()
        .map(|card| card.title.as_str())
        .collect();
    assert_eq!(titles, ["A", "B"]);
}
