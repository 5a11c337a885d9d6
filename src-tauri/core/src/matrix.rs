//! The value/effort matrix as it crosses IPC: a 10 × 10 grid of cells (value up, effort right),
//! each with its quadrant and its cards, and the cards not placed yet. A card's place is the
//! item's own `value` and `effort` inputs (set through `set_score_inputs`), so the backlog, the
//! matrix and the export always agree; the matrix has no order of its own: a cell lists its
//! cards in backlog order.

use serde::Serialize;

use crate::model::ItemSummary;
use crate::scoring::quadrant::Quadrant;

/// The matrix as the UI shows it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MatrixView {
    /// The value axis from top to bottom (10 … 1).
    pub values: Vec<i32>,
    /// The effort axis from left to right (1 … 10).
    pub efforts: Vec<i32>,
    /// The four quadrants in reading order (top left first), with their labels.
    pub quadrants: Vec<QuadrantView>,
    /// Every cell, row by row from the top (highest value), each row from the lowest effort.
    pub cells: Vec<MatrixCell>,
    /// The items missing their value, their effort or both, in backlog order.
    pub not_placed: Vec<ItemSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QuadrantView {
    pub quadrant: Quadrant,
    /// "Quick wins".
    pub label: String,
    /// "High value, low effort".
    pub summary: String,
}

/// One cell of the grid. Its cards keep their backlog `position`.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MatrixCell {
    pub value: i32,
    pub effort: i32,
    pub quadrant: Quadrant,
    /// The cell's cards in backlog order.
    pub cards: Vec<ItemSummary>,
}
