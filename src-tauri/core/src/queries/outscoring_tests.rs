//! Worked examples of "outscored by" after backlog and board moves.

use super::*;
use crate::model::MoveTarget;
use crate::queries::board_moves::move_card;
use crate::queries::item_scores::set_score_inputs;
use crate::queries::items::test_support::{id_of, query_plan, store_with_items};
use crate::queries::items::{get_item, move_item};
use crate::scoring::{InputValue, ScoreChange, ScoreInput};
use crate::Store;

/// RICE with reach `reach`, impact 1, confidence 100 %, effort 1: a score of `reach`.
fn set_rice(store: &Store, product: &str, title: &str, reach: f64) {
    let id = id_of(store, product, title);
    let number = |input, value| ScoreChange {
        input,
        value: Some(InputValue::Number(value)),
    };
    let changes = [
        number(ScoreInput::RiceReach, reach),
        number(ScoreInput::RiceImpact, 1.0),
        number(ScoreInput::RiceConfidence, 100.0),
        number(ScoreInput::RiceEffort, 1.0),
    ];
    store
        .write(|c| set_score_inputs(c, std::slice::from_ref(&id), &changes))
        .unwrap();
}

/// Backlog A, B, C, D, E with RICE 100, 800, 50, unscored, 400.
fn scored_backlog() -> (Store, String) {
    let (store, product) = store_with_items(&["A", "B", "C", "D", "E"]);
    for (title, reach) in [("A", 100.0), ("B", 800.0), ("C", 50.0), ("E", 400.0)] {
        set_rice(&store, &product, title, reach);
    }
    (store, product)
}

/// [`scored_backlog`] with A, B, C and E in Must (backlog order); their ids in that order.
fn scored_must_column() -> (Store, String, [String; 4]) {
    let (store, product) = scored_backlog();
    let must = ["A", "B", "C", "E"].map(|title| id_of(&store, &product, title));
    store
        .write(|c| {
            set_score_inputs(
                c,
                &must,
                &[ScoreChange {
                    input: ScoreInput::Moscow,
                    value: Some(InputValue::Text("must".into())),
                }],
            )
        })
        .unwrap();
    (store, product, must)
}

fn rank_of(store: &Store, id: &str) -> String {
    store.read(|c| get_item(c, id)).unwrap().rank
}

fn titles(outscoring: &Outscoring) -> Vec<&str> {
    outscoring.items.iter().map(|i| i.title.as_str()).collect()
}

/// Moves `title` in the backlog and asks what outscores it now.
fn move_and_ask(store: &Store, product: &str, title: &str, target: MoveTarget) -> Outscoring {
    let id = id_of(store, product, title);
    let previous = rank_of(store, &id);
    store.write(|c| move_item(c, &id, &target)).unwrap();
    store
        .read(|c| {
            list_outscoring_items(
                c,
                &id,
                NumericFramework::Rice,
                MovedIn::Backlog,
                Some(&previous),
            )
        })
        .unwrap()
}

#[test]
fn a_move_to_the_top_names_the_items_it_jumped_over_that_score_higher() {
    let (store, product) = scored_backlog();
    // E (400) jumps over A (100), B (800), C (50) and D (unscored): only B outscores it.
    let answer = move_and_ask(&store, &product, "E", MoveTarget::Top);
    assert_eq!(titles(&answer), ["B"]);
    assert_eq!(answer.items[0].score.value, 800.0);
    assert_eq!(answer.score.as_ref().unwrap().value, 400.0);
    assert_eq!(answer.framework_label, "RICE");
    assert_eq!(
        answer.question.as_deref(),
        Some("“E” now sits above “B”, which scores higher in RICE. Why?")
    );
    assert_eq!(answer.decision.as_deref(), Some("Rank “E” above “B”"));
}

#[test]
fn several_outscoring_items_are_counted_in_list_order() {
    let (store, product) = scored_backlog();
    // C (50) to the top jumps over A (100) and B (800): both score higher.
    let answer = move_and_ask(&store, &product, "C", MoveTarget::Top);
    assert_eq!(titles(&answer), ["A", "B"]);
    assert_eq!(
        answer.question.as_deref(),
        Some("“C” now sits above 2 items that score higher in RICE. Why?")
    );
    assert_eq!(
        answer.decision.as_deref(),
        Some("Rank “C” above 2 items that score higher in RICE")
    );
}

#[test]
fn only_the_items_jumped_over_count() {
    let (store, product) = scored_backlog();
    // C (50) up one place jumps over B (800) only, not A (100) above it.
    let answer = move_and_ask(&store, &product, "C", MoveTarget::Up);
    assert_eq!(titles(&answer), ["B"]);
    // B (800) up over A (100): nothing scores higher.
    let answer = move_and_ask(&store, &product, "B", MoveTarget::Top);
    assert!(answer.items.is_empty());
    assert_eq!((answer.question, answer.decision), (None, None));
}

#[test]
fn moving_down_or_an_unscored_item_asks_nothing() {
    let (store, product) = scored_backlog();
    let down = move_and_ask(&store, &product, "A", MoveTarget::Bottom);
    assert!(down.items.is_empty(), "it sits above nothing new");
    let unscored = move_and_ask(&store, &product, "D", MoveTarget::Top);
    assert_eq!(unscored.score, None);
    assert!(unscored.items.is_empty());
    // In a framework where nothing is scored, nothing outscores anything.
    let id = id_of(&store, &product, "E");
    let previous = rank_of(&store, &id);
    store
        .write(|c| move_item(c, &id, &MoveTarget::Top))
        .unwrap();
    let ice = store
        .read(|c| {
            list_outscoring_items(
                c,
                &id,
                NumericFramework::Ice,
                MovedIn::Backlog,
                Some(&previous),
            )
        })
        .unwrap();
    assert!(ice.items.is_empty());
    assert_eq!(ice.framework_label, "ICE");
}

#[test]
fn a_backlog_question_needs_the_old_key_and_a_live_item() {
    let (store, product) = scored_backlog();
    let id = id_of(&store, &product, "E");
    let refused = store
        .read(|c| list_outscoring_items(c, &id, NumericFramework::Rice, MovedIn::Backlog, None));
    assert!(matches!(
        refused,
        Err(CoreError::Invalid {
            field: "previousKey",
            ..
        })
    ));
    let missing = store.read(|c| {
        list_outscoring_items(
            c,
            "gone",
            NumericFramework::Rice,
            MovedIn::Backlog,
            Some("a0"),
        )
    });
    assert!(matches!(missing, Err(CoreError::NotFound { .. })));
}

#[test]
fn on_a_board_the_column_order_counts() {
    let (store, product, _) = scored_must_column();
    let e = id_of(&store, &product, "E");
    let board = MovedIn::Board {
        board: BoardKind::Moscow,
    };
    let ask = |previous: Option<&str>| {
        store
            .read(|c| list_outscoring_items(c, &e, NumericFramework::Rice, board, previous))
            .unwrap()
    };
    // Must is A, B, C, E (backlog order); E (400) to the top of Must jumps over B (800).
    let previous = rank_of(&store, &e);
    store
        .write(|c| move_card(c, &e, BoardKind::Moscow, "must", &MoveTarget::Top))
        .unwrap();
    assert_eq!(titles(&ask(Some(&previous))), ["B"]);
    // Came from another column: every card below it in Must counts.
    assert_eq!(titles(&ask(None)), ["B"]);
    // D (unsorted, unscored) into Must above B: unscored, no question.
    let d = id_of(&store, &product, "D");
    let b = id_of(&store, &product, "B");
    store
        .write(|c| {
            move_card(
                c,
                &d,
                BoardKind::Moscow,
                "must",
                &MoveTarget::Before { item_id: b.clone() },
            )
        })
        .unwrap();
    let unscored = store
        .read(|c| list_outscoring_items(c, &d, NumericFramework::Rice, board, None))
        .unwrap();
    assert!(unscored.items.is_empty());
}

#[test]
fn on_a_board_only_the_cards_jumped_over_count_when_the_key_is_known() {
    let (store, product, must) = scored_must_column();
    let [_, b, c, _] = must;
    let board = MovedIn::Board {
        board: BoardKind::Moscow,
    };
    // Must is A, B, C (50), E (400): C one place up jumps over B (800) only; E, still below
    // it, was not jumped over. Without a key (a card from another column) both count.
    let previous = store
        .read(|connection| list_board(connection, &product, BoardKind::Moscow))
        .unwrap()
        .columns
        .into_iter()
        .flat_map(|column| column.cards)
        .find(|card| card.id == c)
        .unwrap()
        .rank;
    store
        .write(|connection| {
            move_card(
                connection,
                &c,
                BoardKind::Moscow,
                "must",
                &MoveTarget::Before { item_id: b.clone() },
            )
        })
        .unwrap();
    let ask = |previous: Option<&str>| {
        store
            .read(|connection| {
                list_outscoring_items(connection, &c, NumericFramework::Rice, board, previous)
            })
            .unwrap()
    };
    assert_eq!(titles(&ask(Some(&previous))), ["B"]);
    assert_eq!(titles(&ask(None)), ["B", "E"]);
}

#[test]
fn long_titles_are_shortened_in_the_words() {
    let (store, product) = store_with_items(&["Low", &"L".repeat(300)]);
    set_rice(&store, &product, "Low", 800.0);
    let long = "L".repeat(300);
    set_rice(&store, &product, &long, 10.0);
    let answer = move_and_ask(&store, &product, &long, MoveTarget::Top);
    let decision = answer.decision.unwrap();
    assert!(decision.chars().count() <= 300, "{decision}");
    assert!(decision.contains('…'));
}

#[test]
fn the_backlog_range_is_an_index_range() {
    let store = Store::open_in_memory().unwrap();
    store
        .read(|connection| {
            let plan = query_plan(connection, &jumped_over_sql(), 4).join("\n");
            assert!(plan.contains("backlog_item_by_rank"), "{plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{plan}");
            Ok(())
        })
        .unwrap();
}
