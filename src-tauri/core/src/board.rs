//! Boards (MoSCoW, Kano, Now / Next / Later): which boards exist, their columns in order with
//! their labels, and the types a board crosses IPC with. A card's column is a field of the item
//! itself (its `moscow` or `kano` score input, or its roadmap `horizon`), so the backlog, the
//! boards and the export always agree; the order inside a column is the board's own
//! (`board_rank`, see `queries::board_moves`).

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult};
use crate::model::ItemSummary;
use crate::roadmap::Horizon;
use crate::scoring::{KanoCategory, MoscowBucket, ScoreInput, ScoreInputs};

/// The column of the cards whose input is not set.
pub const UNSORTED: &str = "unsorted";
const UNSORTED_LANE: Lane = Lane {
    bucket: UNSORTED,
    value: None,
    label: "Unsorted",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum BoardKind {
    Moscow,
    Kano,
    /// The roadmap's Now / Next / Later board.
    Horizon,
}

/// The field of the item a board's column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaneSource {
    /// A score input, set through `ScoreInputs::apply` (the same validation as
    /// `set_score_inputs`).
    Input(ScoreInput),
    /// The item's roadmap horizon.
    Horizon,
}

/// One column of a board: the name `board_rank.bucket` stores, the item's input value it stands
/// for (`None` for Unsorted) and its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lane {
    pub bucket: &'static str,
    pub value: Option<&'static str>,
    pub label: &'static str,
}

impl BoardKind {
    pub const ALL: [BoardKind; 3] = [BoardKind::Moscow, BoardKind::Kano, BoardKind::Horizon];

    pub fn as_str(self) -> &'static str {
        match self {
            BoardKind::Moscow => "moscow",
            BoardKind::Kano => "kano",
            BoardKind::Horizon => "horizon",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BoardKind::Moscow => "MoSCoW",
            BoardKind::Kano => "Kano",
            BoardKind::Horizon => "Now / Next / Later",
        }
    }

    /// The field of the item a card's column is.
    pub fn source(self) -> LaneSource {
        match self {
            BoardKind::Moscow => LaneSource::Input(ScoreInput::Moscow),
            BoardKind::Kano => LaneSource::Input(ScoreInput::Kano),
            BoardKind::Horizon => LaneSource::Horizon,
        }
    }

    /// The stored value of that field for an item (`None`: Unsorted).
    pub fn value_of(self, inputs: &ScoreInputs, horizon: Option<Horizon>) -> Option<&'static str> {
        match self {
            BoardKind::Moscow => inputs.moscow.map(|bucket| bucket.as_str()),
            BoardKind::Kano => inputs.kano.map(|category| category.as_str()),
            BoardKind::Horizon => horizon.map(Horizon::as_str),
        }
    }

    /// The `backlog_item` column holding that field (SQL names come only from here).
    pub(crate) fn item_column(self) -> &'static str {
        match self {
            BoardKind::Moscow => "moscow",
            BoardKind::Kano => "kano",
            BoardKind::Horizon => "horizon",
        }
    }

    /// The columns in the scale's order, then Unsorted.
    pub fn lanes(self) -> Vec<Lane> {
        let mut lanes: Vec<Lane> = match self {
            BoardKind::Moscow => MoscowBucket::ALL
                .iter()
                .map(|bucket| Lane {
                    bucket: bucket.as_str(),
                    value: Some(bucket.as_str()),
                    label: bucket.label(),
                })
                .collect(),
            BoardKind::Kano => KanoCategory::ALL
                .iter()
                .map(|category| Lane {
                    bucket: category.as_str(),
                    value: Some(category.as_str()),
                    label: category.label(),
                })
                .collect(),
            BoardKind::Horizon => Horizon::ALL
                .iter()
                .map(|horizon| Lane {
                    bucket: horizon.as_str(),
                    value: Some(horizon.as_str()),
                    label: horizon.label(),
                })
                .collect(),
        };
        lanes.push(UNSORTED_LANE);
        lanes
    }

    /// The column of a card whose input is `value`. A value off the scale cannot be stored
    /// (the column's CHECK), so it falls to Unsorted rather than failing a whole board.
    pub fn lane_of(self, value: Option<&str>) -> Lane {
        value
            .and_then(|value| {
                self.lanes()
                    .into_iter()
                    .find(|lane| lane.value == Some(value))
            })
            .unwrap_or(UNSORTED_LANE)
    }

    /// The column named `text` (a stored bucket name or "unsorted"), or a refusal naming them.
    pub fn parse_lane(self, text: &str) -> CoreResult<Lane> {
        let lanes = self.lanes();
        lanes
            .iter()
            .find(|lane| lane.bucket == text)
            .copied()
            .ok_or_else(|| {
                let known: Vec<&str> = lanes.iter().map(|lane| lane.bucket).collect();
                CoreError::invalid(
                    "column",
                    format!(
                        "“{text}” is not a column of the {} board. Use one of: {}.",
                        self.label(),
                        known.join(", ")
                    ),
                )
            })
    }
}

/// A board as the UI shows it: every column, in order, with its cards in order.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BoardView {
    pub board: BoardKind,
    /// "MoSCoW", "Kano".
    pub label: String,
    pub columns: Vec<BoardColumn>,
    /// The MoSCoW board's effort check; `null` on other boards.
    pub must_effort: Option<MustEffort>,
}

/// One column. Its cards are list rows whose `rank` is their key on this board and whose
/// `position` is their 1-based place in this column.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BoardColumn {
    /// The stored bucket name ("must", "performance") or "unsorted" (not `id`: it names a
    /// column of the scale, not a row).
    pub column: String,
    /// "Must", "Won't", "Must-be", "Unsorted".
    pub label: String,
    pub cards: Vec<ItemSummary>,
}

/// How much of the planned effort the Musts take. Effort is the RICE effort in person-months
/// (a capacity, unlike the matrix's relative 1–10 effort); the planned work is the Must, Should
/// and Could cards (Won't and Unsorted are not planned). Above 60 % the plan has no room left
/// for surprises (DSDM's rule of thumb).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MustEffort {
    /// Person-months of the Musts that have a RICE effort.
    pub must_effort: f64,
    /// Person-months of the Must, Should and Could cards that have one.
    pub planned_effort: f64,
    /// Musts' share of the planned effort, 0–100; `null` when nothing planned has an effort.
    pub percent: Option<f64>,
    /// The limit, 60.
    pub limit_percent: f64,
    pub over_limit: bool,
    /// Musts without a RICE effort (not counted).
    pub unestimated_musts: i32,
    /// The sentence the board shows.
    pub message: String,
}

/// Where a move put a card: its column and its key on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MovedCard {
    pub item_id: String,
    pub board: BoardKind,
    pub column: String,
    pub rank: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_follow_the_scales_then_unsorted() {
        let buckets: Vec<&str> = BoardKind::Moscow.lanes().iter().map(|l| l.bucket).collect();
        assert_eq!(buckets, ["must", "should", "could", "wont", "unsorted"]);
        let labels: Vec<&str> = BoardKind::Kano.lanes().iter().map(|l| l.label).collect();
        assert_eq!(
            labels,
            [
                "Must-be",
                "Performance",
                "Attractive",
                "Indifferent",
                "Reverse",
                "Questionable",
                "Unsorted"
            ]
        );
    }

    #[test]
    fn a_card_without_an_input_is_unsorted() {
        assert_eq!(BoardKind::Moscow.lane_of(None).bucket, UNSORTED);
        assert_eq!(BoardKind::Moscow.lane_of(Some("wont")).label, "Won't");
        assert_eq!(BoardKind::Kano.lane_of(Some("must")).bucket, UNSORTED);
    }

    #[test]
    fn an_unknown_column_is_refused_naming_the_columns() {
        let error = BoardKind::Moscow.parse_lane("later").unwrap_err();
        assert_eq!(
            error.to_string(),
            CoreError::invalid(
                "column",
                "“later” is not a column of the MoSCoW board. Use one of: must, should, could, \
                 wont, unsorted."
            )
            .to_string()
        );
        assert_eq!(BoardKind::Kano.parse_lane("unsorted").unwrap().value, None);
    }

    #[test]
    fn the_roadmap_board_has_now_next_later_then_unsorted() {
        let board = BoardKind::Horizon;
        let buckets: Vec<&str> = board.lanes().iter().map(|l| l.bucket).collect();
        assert_eq!(buckets, ["now", "next", "later", "unsorted"]);
        assert_eq!(board.lane_of(Some("next")).label, "Next");
        assert_eq!(board.lane_of(None).bucket, UNSORTED);
        assert_eq!(board.source(), LaneSource::Horizon);
        assert_eq!(
            board.value_of(&ScoreInputs::default(), Some(Horizon::Later)),
            Some("later")
        );
        assert!(board.parse_lane("must").is_err());
    }
}
