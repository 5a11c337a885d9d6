//! Tests of the swimlanes: rows per goal (theme) in order then "No goal", each cell in the
//! board's order; a move across rows is one undo step that writes one board row and the goal.

use super::*;
use crate::plan::{GoalFields, ThemeFields};
use crate::queries::goals::{create_goal, delete_goal};
use crate::queries::items::test_support::{id_of, store_with_items};
use crate::queries::themes::create_theme;
use crate::roadmap::Horizon;
use crate::Store;

fn goal(store: &Store, product: &str, title: &str) -> String {
    let fields = GoalFields {
        title: title.into(),
        description: String::new(),
    };
    store
        .write(|c| create_goal(c, product, &fields))
        .unwrap()
        .id
}

fn link(store: &Store, item: &str, which: PlanLink, target: Option<&str>) {
    store
        .write(|c| set_item_link(c, item, which, target))
        .unwrap();
}

fn place(store: &Store, item: &str, column: &str) {
    store
        .write(|c| move_card(c, item, BoardKind::Horizon, column, &MoveTarget::Bottom))
        .unwrap();
}

/// Each row as "label (count): column=[titles] …", cells with cards only.
fn rows(store: &Store, product: &str, grouping: SwimlaneGrouping) -> Vec<String> {
    let board = store
        .read(|c| list_swimlane_board(c, product, grouping))
        .unwrap();
    board
        .swimlanes
        .iter()
        .map(|swimlane| {
            let cells: Vec<String> = swimlane
                .columns
                .iter()
                .filter(|column| !column.cards.is_empty())
                .map(|column| {
                    let titles: Vec<String> = column
                        .cards
                        .iter()
                        .map(|card| format!("{}{}", card.position, card.title))
                        .collect();
                    format!("{}={}", column.column, titles.join(","))
                })
                .collect();
            format!(
                "{} ({}): {}",
                swimlane.label,
                swimlane.count,
                cells.join(" ")
            )
        })
        .collect()
}

fn board_rows(store: &Store) -> i64 {
    store
        .read(|c| {
            Ok(c.query_row(
                "SELECT count(*) FROM board_rank WHERE board = 'horizon'",
                [],
                |row| row.get(0),
            )?)
        })
        .unwrap()
}

fn goal_of(store: &Store, item: &str) -> Option<String> {
    store
        .read(|c| get_item_plan(c, item))
        .unwrap()
        .goal
        .map(|goal| goal.name)
}

fn horizon_of(store: &Store, item: &str) -> Option<Horizon> {
    store.read(|c| get_item(c, item)).unwrap().horizon
}

/// Lumen's board: Grow (A in Now, C in Next), Trust (no card), No goal (B in Now, D unsorted).
fn lumen() -> (Store, String, HashMap<&'static str, String>) {
    let (store, product) = store_with_items(&["A", "B", "C", "D"]);
    let ids: HashMap<&str, String> = ["A", "B", "C", "D"]
        .into_iter()
        .map(|title| (title, id_of(&store, &product, title)))
        .collect();
    let grow = goal(&store, &product, "Grow");
    goal(&store, &product, "Trust");
    link(&store, &ids["A"], PlanLink::Goal, Some(&grow));
    link(&store, &ids["C"], PlanLink::Goal, Some(&grow));
    place(&store, &ids["A"], "now");
    place(&store, &ids["B"], "now");
    place(&store, &ids["C"], "next");
    (store, product, ids)
}

#[test]
fn swimlanes_are_the_goals_in_order_then_no_goal_with_the_board_order_in_each_cell() {
    let (store, product, _) = lumen();
    assert_eq!(
        rows(&store, &product, SwimlaneGrouping::Goal),
        [
            "Grow (2): now=1A next=1C",
            "Trust (0): ",
            "No goal (2): now=1B unsorted=1D",
        ]
    );
    let board = store
        .read(|c| list_swimlane_board(c, &product, SwimlaneGrouping::Goal))
        .unwrap();
    let columns: Vec<&str> = board.swimlanes[1]
        .columns
        .iter()
        .map(|column| column.label.as_str())
        .collect();
    assert_eq!(
        columns,
        ["Now", "Next", "Later", "Unsorted"],
        "empty rows keep every column"
    );
    assert_eq!(board.swimlanes[2].key, NO_SWIMLANE);
}

#[test]
fn a_deleted_goal_s_cards_fall_in_no_goal_and_themes_group_alike() {
    let (store, product, ids) = lumen();
    let grow = store
        .read(|c| get_item_plan(c, &ids["A"]))
        .unwrap()
        .goal
        .unwrap()
        .id;
    store.write(|c| delete_goal(c, &grow)).unwrap();
    assert_eq!(
        rows(&store, &product, SwimlaneGrouping::Goal),
        ["Trust (0): ", "No goal (4): now=1A,2B next=1C unsorted=1D"]
    );
    let theme = store
        .write(|c| {
            create_theme(
                c,
                &product,
                &ThemeFields {
                    name: "Sync".into(),
                    description: String::new(),
                },
            )
        })
        .unwrap();
    link(&store, &ids["B"], PlanLink::Theme, Some(&theme.id));
    assert_eq!(
        rows(&store, &product, SwimlaneGrouping::Theme),
        [
            "Sync (1): now=1B",
            "No theme (3): now=1A next=1C unsorted=1D"
        ]
    );
}

#[test]
fn a_move_across_swimlanes_sets_horizon_and_goal_in_one_undo_step_writing_one_board_row() {
    let (store, product, ids) = lumen();
    let trust = store
        .read(|c| list_swimlane_board(c, &product, SwimlaneGrouping::Goal))
        .unwrap()
        .swimlanes[1]
        .key
        .clone();
    let rows_before = board_rows(&store);
    store
        .write(|c| {
            move_card_in_swimlanes(
                c,
                &ids["A"],
                "next",
                &MoveTarget::Bottom,
                SwimlaneGrouping::Goal,
                &trust,
            )
        })
        .unwrap();
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Move “A” to Next, goal “Trust”")
    );
    assert_eq!(
        board_rows(&store),
        rows_before,
        "the card's one row is rewritten"
    );
    assert_eq!(goal_of(&store, &ids["A"]).as_deref(), Some("Trust"));
    assert_eq!(horizon_of(&store, &ids["A"]), Some(Horizon::Next));
    assert_eq!(
        rows(&store, &product, SwimlaneGrouping::Goal),
        [
            "Grow (1): next=1C",
            "Trust (1): next=1A",
            "No goal (2): now=1B unsorted=1D",
        ]
    );

    // One Ctrl+Z puts back both the lane and the goal.
    store.undo().unwrap();
    assert_eq!(goal_of(&store, &ids["A"]).as_deref(), Some("Grow"));
    assert_eq!(horizon_of(&store, &ids["A"]), Some(Horizon::Now));
    store.redo().unwrap();
    assert_eq!(goal_of(&store, &ids["A"]).as_deref(), Some("Trust"));

    // Into "No goal", beside a card there, in the same lane: the goal is cleared.
    store
        .write(|c| {
            move_card_in_swimlanes(
                c,
                &ids["A"],
                "now",
                &MoveTarget::Before {
                    item_id: ids["B"].clone(),
                },
                SwimlaneGrouping::Goal,
                NO_SWIMLANE,
            )
        })
        .unwrap();
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Move “A” to Now, no goal")
    );
    assert_eq!(goal_of(&store, &ids["A"]), None);
    assert_eq!(
        rows(&store, &product, SwimlaneGrouping::Goal)[2],
        "No goal (3): now=1A,2B unsorted=1D"
    );
}

#[test]
fn a_move_within_a_cell_ranks_only_and_a_card_of_another_row_is_refused() {
    let (store, product, ids) = lumen();
    place(&store, &ids["D"], "now");
    store
        .write(|c| {
            move_card_in_swimlanes(
                c,
                &ids["D"],
                "now",
                &MoveTarget::Before {
                    item_id: ids["B"].clone(),
                },
                SwimlaneGrouping::Goal,
                NO_SWIMLANE,
            )
        })
        .unwrap();
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Move “D” within Now")
    );
    assert_eq!(
        rows(&store, &product, SwimlaneGrouping::Goal)[2],
        "No goal (2): now=1D,2B"
    );

    let label = store.history_state().undo_label;
    let error = store
        .write(|c| {
            move_card_in_swimlanes(
                c,
                &ids["D"],
                "now",
                &MoveTarget::After {
                    item_id: ids["A"].clone(),
                },
                SwimlaneGrouping::Goal,
                NO_SWIMLANE,
            )
        })
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        CoreError::invalid(
            "target",
            "“A” is in another goal row: drop the card next to a card of its row."
        )
        .to_string()
    );
    assert_eq!(store.history_state().undo_label, label, "nothing recorded");
    assert_eq!(horizon_of(&store, &ids["D"]), Some(Horizon::Now));
}

#[test]
fn a_goal_of_another_product_is_refused_and_nothing_moves() {
    let (store, _product, ids) = lumen();
    let product = store
        .write(|c| crate::queries::products::create_product(c, "Other"))
        .unwrap();
    let other = goal(&store, &product.id, "Elsewhere");
    let error = store
        .write(|c| {
            move_card_in_swimlanes(
                c,
                &ids["B"],
                "later",
                &MoveTarget::Top,
                SwimlaneGrouping::Goal,
                &other,
            )
        })
        .unwrap_err();
    assert!(error.to_string().contains("another product"), "{error}");
    assert_eq!(
        horizon_of(&store, &ids["B"]),
        Some(Horizon::Now),
        "rolled back"
    );
    assert_eq!(goal_of(&store, &ids["B"]), None);
}
