//! Tests of reading boards and moving cards on them.

use super::*;
use crate::queries::boards::list_board;
use crate::queries::item_scores::set_score_inputs;
use crate::queries::items::test_support::*;
use crate::queries::items::{delete_item, list_items};
use crate::scoring::{ScoreChange, ScoreInput};
use crate::Store;

const MOSCOW: BoardKind = BoardKind::Moscow;

fn set_input(
    store: &Store,
    product: &str,
    titles: &[&str],
    input: ScoreInput,
    value: Option<&str>,
) {
    let ids: Vec<String> = titles.iter().map(|t| id_of(store, product, t)).collect();
    store
        .write(|changes| {
            set_score_inputs(
                changes,
                &ids,
                &[ScoreChange {
                    input,
                    value: value.map(|v| InputValue::Text(v.into())),
                }],
            )
        })
        .unwrap();
}

/// A board of A–F: A, C, E in Must; B in Should; D, F unsorted.
fn board_store() -> (Store, String) {
    let (store, product) = store_with_items(&["A", "B", "C", "D", "E", "F"]);
    set_input(
        &store,
        &product,
        &["A", "C", "E"],
        ScoreInput::Moscow,
        Some("must"),
    );
    set_input(&store, &product, &["B"], ScoreInput::Moscow, Some("should"));
    (store, product)
}

fn column(store: &Store, product: &str, board: BoardKind, id: &str) -> Vec<String> {
    let view = store.read(|c| list_board(c, product, board)).unwrap();
    view.columns
        .into_iter()
        .find(|column| column.column == id)
        .unwrap()
        .cards
        .into_iter()
        .map(|card| card.title)
        .collect()
}

fn move_card_to(
    store: &Store,
    product: &str,
    title: &str,
    lane: &str,
    target: MoveTarget,
) -> CoreResult<MovedCard> {
    let id = id_of(store, product, title);
    store.write(|changes| move_card(changes, &id, MOSCOW, lane, &target))
}

fn after(store: &Store, product: &str, title: &str) -> MoveTarget {
    MoveTarget::After {
        item_id: id_of(store, product, title),
    }
}

fn before(store: &Store, product: &str, title: &str) -> MoveTarget {
    MoveTarget::Before {
        item_id: id_of(store, product, title),
    }
}

fn board_rows(store: &Store) -> Vec<(String, String, String)> {
    store
        .read(|c| {
            let mut statement = c.prepare(
                "SELECT item_id, bucket, rank FROM board_rank WHERE deleted_at IS NULL \
                 ORDER BY item_id",
            )?;
            let rows = statement
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .unwrap()
}

#[test]
fn a_fresh_board_shows_the_backlog_order_in_every_column() {
    let (store, product) = board_store();
    let view = store.read(|c| list_board(c, &product, MOSCOW)).unwrap();
    let shape: Vec<(String, String, Vec<String>)> = view
        .columns
        .iter()
        .map(|column| {
            let titles = column.cards.iter().map(|card| card.title.clone()).collect();
            (column.column.clone(), column.label.clone(), titles)
        })
        .collect();
    let expected: Vec<(String, String, Vec<String>)> = vec![
        (
            "must".into(),
            "Must".into(),
            vec!["A".into(), "C".into(), "E".into()],
        ),
        ("should".into(), "Should".into(), vec!["B".into()]),
        ("could".into(), "Could".into(), vec![]),
        ("wont".into(), "Won't".into(), vec![]),
        (
            "unsorted".into(),
            "Unsorted".into(),
            vec!["D".into(), "F".into()],
        ),
    ];
    assert_eq!(shape, expected);
    let positions: Vec<i32> = view.columns[0].cards.iter().map(|c| c.position).collect();
    assert_eq!(positions, [1, 2, 3], "positions are places in the column");
    assert_eq!(view.label, "MoSCoW");
    let kano = store
        .read(|c| list_board(c, &product, BoardKind::Kano))
        .unwrap();
    assert_eq!(kano.columns.len(), 7);
    assert_eq!(
        kano.columns[6].cards.len(),
        6,
        "every card is unsorted on Kano"
    );
    assert!(kano.must_effort.is_none());
    assert!(board_rows(&store).is_empty(), "reading writes nothing");
}

#[test]
fn every_target_reorders_a_column_writing_one_board_row() {
    let (store, product) = board_store();
    move_card_to(&store, &product, "E", "must", MoveTarget::Top).unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["E", "A", "C"]);
    assert_eq!(board_rows(&store).len(), 1);
    move_card_to(&store, &product, "E", "must", MoveTarget::Bottom).unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["A", "C", "E"]);
    move_card_to(&store, &product, "E", "must", MoveTarget::Up).unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["A", "E", "C"]);
    move_card_to(&store, &product, "A", "must", MoveTarget::Down).unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["E", "A", "C"]);
    let target = before(&store, &product, "E");
    move_card_to(&store, &product, "C", "must", target).unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["C", "E", "A"]);
    let target = after(&store, &product, "A");
    move_card_to(&store, &product, "E", "must", target).unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["C", "A", "E"]);
    // Three cards moved, three rows; the backlog's order never changed.
    assert_eq!(board_rows(&store).len(), 3);
    assert_eq!(titles(&store, &product), ["A", "B", "C", "D", "E", "F"]);

    // One move, one row: every other card keeps its key.
    let rows_before = board_rows(&store);
    let target = after(&store, &product, "C");
    move_card_to(&store, &product, "E", "must", target).unwrap();
    let rows_after = board_rows(&store);
    let changed = rows_before
        .iter()
        .filter(|row| !rows_after.contains(row))
        .count();
    assert_eq!(changed, 1);
}

#[test]
fn a_move_lands_exactly_among_cards_that_have_no_board_row() {
    let (store, product) = store_with_items(&["A", "B", "C", "D", "E"]);
    set_input(
        &store,
        &product,
        &["A", "B", "C", "D", "E"],
        ScoreInput::Moscow,
        Some("could"),
    );
    let lane = "could";
    let target = after(&store, &product, "B");
    move_card_to(&store, &product, "E", lane, target).unwrap();
    assert_eq!(
        column(&store, &product, MOSCOW, lane),
        ["A", "B", "E", "C", "D"]
    );
    let target = before(&store, &product, "D");
    move_card_to(&store, &product, "A", lane, target).unwrap();
    assert_eq!(
        column(&store, &product, MOSCOW, lane),
        ["B", "E", "C", "A", "D"]
    );
    move_card_to(&store, &product, "D", lane, MoveTarget::Up).unwrap();
    assert_eq!(
        column(&store, &product, MOSCOW, lane),
        ["B", "E", "C", "D", "A"]
    );
    move_card_to(&store, &product, "C", lane, MoveTarget::Bottom).unwrap();
    assert_eq!(
        column(&store, &product, MOSCOW, lane),
        ["B", "E", "D", "A", "C"]
    );
    assert_eq!(board_rows(&store).len(), 4, "one row per moved card");
}

#[test]
fn a_move_across_columns_sets_the_input_in_one_undo_step() {
    let (store, product) = board_store();
    let target = after(&store, &product, "A");
    let moved = move_card_to(&store, &product, "B", "must", target).unwrap();
    assert_eq!(moved.column, "must");
    assert_eq!(
        column(&store, &product, MOSCOW, "must"),
        ["A", "B", "C", "E"]
    );
    assert!(column(&store, &product, MOSCOW, "should").is_empty());
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Move “B” to Must")
    );
    let items = store.read(|c| list_items(c, &product)).unwrap();
    let b = items.iter().find(|item| item.title == "B").unwrap();
    let inputs = store
        .read(|c| crate::queries::item_scores::get_item_details(c, &b.id))
        .unwrap()
        .inputs;
    assert_eq!(inputs.moscow, Some(crate::scoring::MoscowBucket::Must));

    store.undo().unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "should"), ["B"]);
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["A", "C", "E"]);
    assert!(
        board_rows(&store).is_empty(),
        "the row's creation is undone"
    );
    store.redo().unwrap();
    assert_eq!(
        column(&store, &product, MOSCOW, "must"),
        ["A", "B", "C", "E"]
    );

    // To Unsorted clears the input; to the top of an empty column works.
    move_card_to(&store, &product, "B", "unsorted", MoveTarget::Top).unwrap();
    assert_eq!(
        column(&store, &product, MOSCOW, "unsorted"),
        ["B", "D", "F"]
    );
    move_card_to(&store, &product, "B", "wont", MoveTarget::Bottom).unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "wont"), ["B"]);
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Move “B” to Won't")
    );
}

#[test]
fn moves_that_change_nothing_record_nothing() {
    let (store, product) = board_store();
    let history = store.history_state();
    move_card_to(&store, &product, "A", "must", MoveTarget::Top).unwrap();
    move_card_to(&store, &product, "A", "must", MoveTarget::Up).unwrap();
    move_card_to(&store, &product, "E", "must", MoveTarget::Bottom).unwrap();
    move_card_to(&store, &product, "E", "must", MoveTarget::Down).unwrap();
    let target = after(&store, &product, "A");
    move_card_to(&store, &product, "C", "must", target).unwrap();
    let target = before(&store, &product, "C");
    move_card_to(&store, &product, "A", "must", target).unwrap();
    let target = after(&store, &product, "C");
    let unchanged = move_card_to(&store, &product, "C", "must", target).unwrap();
    assert_eq!(
        unchanged.rank,
        store
            .read(|c| list_board(c, &product, MOSCOW))
            .unwrap()
            .columns[0]
            .cards[1]
            .rank
    );
    assert_eq!(store.history_state(), history);
    assert!(board_rows(&store).is_empty());
}

#[test]
fn refusals_name_the_problem_and_write_nothing() {
    let (store, product) = board_store();
    let history = store.history_state();
    let refused = move_card_to(&store, &product, "A", "later", MoveTarget::Top).unwrap_err();
    assert!(refused
        .to_string()
        .contains("“later” is not a column of the MoSCoW board"));
    let target = after(&store, &product, "B");
    let refused = move_card_to(&store, &product, "A", "must", target).unwrap_err();
    assert_eq!(
        refused.to_string(),
        CoreError::invalid("target", "“B” is not in Must.").to_string()
    );
    let refused = move_card_to(&store, &product, "B", "must", MoveTarget::Up).unwrap_err();
    assert!(refused
        .to_string()
        .contains("can only move up or down in its own column"));
    let missing = store
        .write(|changes| move_card(changes, "nope", MOSCOW, "must", &MoveTarget::Top))
        .unwrap_err();
    assert!(matches!(missing, CoreError::NotFound { .. }));
    assert!(board_rows(&store).is_empty());
    assert_eq!(store.history_state(), history);
}

#[test]
fn a_row_left_behind_by_an_input_changed_elsewhere_waits_for_the_card_to_come_back() {
    let (store, product) = board_store();
    move_card_to(&store, &product, "E", "must", MoveTarget::Top).unwrap();
    set_input(&store, &product, &["E"], ScoreInput::Moscow, Some("could"));
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["A", "C"]);
    assert_eq!(column(&store, &product, MOSCOW, "could"), ["E"]);
    // In Could it has no row, so it sorts by its backlog rank; a move there writes its row.
    move_card_to(&store, &product, "C", "could", MoveTarget::Top).unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "could"), ["C", "E"]);
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["A"]);
    // E's row says Must: back in Must, E is at the top again.
    set_input(&store, &product, &["E"], ScoreInput::Moscow, Some("must"));
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["E", "A"]);
    // C's row says Could: in Must it sorts by its backlog rank.
    set_input(&store, &product, &["C"], ScoreInput::Moscow, Some("must"));
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["E", "A", "C"]);
}

#[test]
fn deleted_items_leave_their_cards_and_keep_their_keys_for_undo() {
    let (store, product) = board_store();
    move_card_to(&store, &product, "C", "must", MoveTarget::Top).unwrap();
    let c = id_of(&store, &product, "C");
    store.write(|changes| delete_item(changes, &c)).unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["A", "E"]);
    // A move to the top must not take the deleted card's key, which the undo brings back.
    move_card_to(&store, &product, "E", "must", MoveTarget::Top).unwrap();
    store.undo().unwrap();
    store.undo().unwrap();
    assert_eq!(column(&store, &product, MOSCOW, "must"), ["C", "A", "E"]);
    let keys: Vec<String> = store
        .read(|c| list_board(c, &product, MOSCOW))
        .unwrap()
        .columns[0]
        .cards
        .iter()
        .map(|card| card.rank.clone())
        .collect();
    let mut unique = keys.clone();
    unique.dedup();
    assert_eq!(keys, unique);
}

/// Random moves, undos and redos never leave two live cards of a column on one key, and the
/// order a move asks for is the order the next read shows.
#[test]
fn random_moves_undos_and_redos_keep_every_key_distinct() {
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};
    let titles: Vec<String> = (0..12).map(|index| format!("T{index}")).collect();
    let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
    let (store, product) = store_with_items(&refs);
    let lanes = ["must", "should", "could", "unsorted"];
    let mut random = StdRng::seed_from_u64(7);
    for _ in 0..400 {
        let title = refs[random.random_range(0..refs.len())];
        match random.random_range(0..10) {
            // Only the moves are undone, never the items' creation.
            0 if store
                .history_state()
                .undo_label
                .is_some_and(|label| label.starts_with("Move")) =>
            {
                store.undo().unwrap();
            }
            1 if store.history_state().can_redo => {
                store.redo().unwrap();
            }
            _ => {
                let lane = lanes[random.random_range(0..lanes.len())];
                let cards = column(&store, &product, MOSCOW, lane);
                let anchor = cards
                    .get(random.random_range(0..cards.len().max(1)))
                    .cloned()
                    .filter(|anchor| anchor != title);
                let choice = random.random_range(0..4);
                let target = match (choice, &anchor) {
                    (0, _) | (_, None) => MoveTarget::Top,
                    (1, _) => MoveTarget::Bottom,
                    (2, Some(anchor)) => after(&store, &product, anchor),
                    (_, Some(anchor)) => before(&store, &product, anchor),
                };
                let expected = target.clone();
                move_card_to(&store, &product, title, lane, target).unwrap();
                let now = column(&store, &product, MOSCOW, lane);
                let at = now.iter().position(|t| t == title).unwrap();
                match (expected, &anchor) {
                    (MoveTarget::Top, _) => assert_eq!(at, 0),
                    (MoveTarget::Bottom, _) => assert_eq!(at, now.len() - 1),
                    (MoveTarget::After { .. }, Some(anchor)) => {
                        assert_eq!(now[at - 1], *anchor)
                    }
                    (_, Some(anchor)) => assert_eq!(now[at + 1], *anchor),
                    _ => unreachable!(),
                }
            }
        }
        let view = store.read(|c| list_board(c, &product, MOSCOW)).unwrap();
        for column in &view.columns {
            let keys: Vec<&String> = column.cards.iter().map(|card| &card.rank).collect();
            for pair in keys.windows(2) {
                assert!(pair[0] < pair[1], "keys {pair:?} of {} tie", column.column);
            }
        }
    }
}

#[test]
fn move_queries_are_index_lookups() {
    let (store, _) = board_store();
    store
        .read(|c| {
            for board in BoardKind::ALL {
                for anchored in [false, true] {
                    for after in [false, true] {
                        for sql in [
                            ranked_cards_sql(board, anchored, after),
                            unranked_cards_sql(board, anchored, after),
                        ] {
                            let plan = query_plan(c, &sql, if anchored { 7 } else { 5 });
                            let text = plan.join(" | ");
                            assert!(
                                plan.iter().all(|line| !line.starts_with("SCAN")),
                                "{sql}: {text}"
                            );
                            assert!(!text.contains("TEMP B-TREE"), "{sql}: {text}");
                            // Walked in key order from the anchor: the outer loop is the index
                            // the cards are ordered by, never every item of the column.
                            let outer = if sql.starts_with("SELECT r.") {
                                "board_rank_by_bucket"
                            } else {
                                "backlog_item_by_"
                            };
                            assert!(plan[0].contains(outer), "{sql}: {text}");
                        }
                    }
                }
            }
            Ok(())
        })
        .unwrap();
}
