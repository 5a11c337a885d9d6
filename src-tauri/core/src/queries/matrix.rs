//! Reading the value/effort matrix: the product's items (the backlog's own rows, in backlog
//! order) sorted into the cell of their value and effort, or into "not placed" when either is
//! unset. One read of the backlog; nothing is written.

use rusqlite::Connection;

use crate::error::CoreResult;
use crate::matrix::{MatrixCell, MatrixView, QuadrantView};
use crate::queries::items::list_item_summaries;
use crate::scoring::quadrant::Quadrant;
use crate::scoring::scales::{WHOLE_MAX, WHOLE_MIN};

/// The index in `cells` of the cell (value, effort), both on the 1–10 scale.
fn cell_index(value: i32, effort: i32) -> Option<usize> {
    let on_scale = |number: i32| (WHOLE_MIN..=WHOLE_MAX).contains(&number);
    if !on_scale(value) || !on_scale(effort) {
        return None;
    }
    let row = usize::try_from(WHOLE_MAX - value).ok()?;
    let column = usize::try_from(effort - WHOLE_MIN).ok()?;
    let width = usize::try_from(WHOLE_MAX - WHOLE_MIN + 1).ok()?;
    Some(row * width + column)
}

/// The product's matrix: every cell with its cards, and the cards not placed yet.
pub fn list_matrix(connection: &Connection, product_id: &str) -> CoreResult<MatrixView> {
    let items = list_item_summaries(connection, product_id)?;
    let values: Vec<i32> = (WHOLE_MIN..=WHOLE_MAX).rev().collect();
    let efforts: Vec<i32> = (WHOLE_MIN..=WHOLE_MAX).collect();
    let mut cells: Vec<MatrixCell> = values
        .iter()
        .flat_map(|&value| {
            efforts.iter().map(move |&effort| MatrixCell {
                value,
                effort,
                quadrant: Quadrant::of(value, effort),
                cards: Vec::new(),
            })
        })
        .collect();
    let mut not_placed = Vec::new();
    for item in items {
        let index = match (item.inputs.value, item.inputs.effort) {
            (Some(value), Some(effort)) => cell_index(value, effort),
            _ => None,
        };
        // A value off the scale cannot be stored (the columns' CHECKs), so it can only be unset.
        match index.and_then(|index| cells.get_mut(index)) {
            Some(cell) => cell.cards.push(item),
            None => not_placed.push(item),
        }
    }
    let quadrants = Quadrant::ALL
        .iter()
        .map(|&quadrant| QuadrantView {
            quadrant,
            label: quadrant.label().to_string(),
            summary: quadrant.summary().to_string(),
        })
        .collect();
    Ok(MatrixView {
        values,
        efforts,
        quadrants,
        cells,
        not_placed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::item_scores::set_score_inputs;
    use crate::queries::items::test_support::*;
    use crate::scoring::{InputValue, ScoreChange, ScoreInput};
    use crate::Store;

    fn place(store: &Store, product: &str, title: &str, value: Option<f64>, effort: Option<f64>) {
        let id = id_of(store, product, title);
        let change = |input, number: Option<f64>| ScoreChange {
            input,
            value: number.map(InputValue::Number),
        };
        store
            .write(|changes| {
                set_score_inputs(
                    changes,
                    &[id],
                    &[
                        change(ScoreInput::Value, value),
                        change(ScoreInput::Effort, effort),
                    ],
                )
            })
            .unwrap();
    }

    fn titles(cards: &[crate::model::ItemSummary]) -> Vec<&str> {
        cards.iter().map(|card| card.title.as_str()).collect()
    }

    #[test]
    fn cells_run_from_the_top_left_with_their_quadrants() {
        let (store, product) = store_with_items(&[]);
        let view = store.read(|c| list_matrix(c, &product)).unwrap();
        assert_eq!(view.values, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        assert_eq!(view.efforts, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert_eq!(view.cells.len(), 100);
        let first = &view.cells[0];
        assert_eq!(
            (first.value, first.effort, first.quadrant),
            (10, 1, Quadrant::QuickWins)
        );
        let last = &view.cells[99];
        assert_eq!(
            (last.value, last.effort, last.quadrant),
            (1, 10, Quadrant::TimeSinks)
        );
        let labels: Vec<&str> = view.quadrants.iter().map(|q| q.label.as_str()).collect();
        assert_eq!(labels, ["Quick wins", "Big bets", "Fill-ins", "Time sinks"]);
    }

    #[test]
    fn items_go_to_their_cell_in_backlog_order_or_stay_not_placed() {
        let (store, product) = store_with_items(&["A", "B", "C", "D", "E"]);
        place(&store, &product, "C", Some(8.0), Some(3.0));
        place(&store, &product, "A", Some(8.0), Some(3.0));
        place(&store, &product, "B", Some(2.0), Some(9.0));
        place(&store, &product, "D", Some(5.0), None);
        let view = store.read(|c| list_matrix(c, &product)).unwrap();
        let cell = |value: i32, effort: i32| {
            view.cells
                .iter()
                .find(|cell| (cell.value, cell.effort) == (value, effort))
                .unwrap()
        };
        assert_eq!(titles(&cell(8, 3).cards), ["A", "C"]);
        assert_eq!(cell(8, 3).quadrant, Quadrant::QuickWins);
        assert_eq!(titles(&cell(2, 9).cards), ["B"]);
        assert_eq!(titles(&view.not_placed), ["D", "E"]);
        let placed: usize = view.cells.iter().map(|cell| cell.cards.len()).sum();
        assert_eq!(placed, 3);
        // Cards keep their backlog positions.
        assert_eq!(cell(8, 3).cards[1].position, 3);
    }

    #[test]
    fn a_cleared_input_takes_the_card_off_the_matrix() {
        let (store, product) = store_with_items(&["A"]);
        place(&store, &product, "A", Some(6.0), Some(6.0));
        place(&store, &product, "A", Some(6.0), None);
        let view = store.read(|c| list_matrix(c, &product)).unwrap();
        assert_eq!(titles(&view.not_placed), ["A"]);
        assert!(view.cells.iter().all(|cell| cell.cards.is_empty()));
    }

    #[test]
    fn the_cell_index_refuses_values_off_the_scale() {
        assert_eq!(cell_index(10, 1), Some(0));
        assert_eq!(cell_index(1, 10), Some(99));
        assert_eq!(cell_index(0, 5), None);
        assert_eq!(cell_index(5, 11), None);
    }
}
