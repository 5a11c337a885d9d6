//! "Outscored by": after a move, the items the moved item jumped over that score higher than it
//! in the framework the user is looking at. The UI asks this after a drop and, when the answer
//! names any, offers to record why (a decision linked to them all).
//!
//! A query of its own rather than a part of `move_item`'s and `move_card`'s answers, because:
//! - the framework is a view preference (the backlog's shown score column), not a property of
//!   the move: the moves stay the same, one row written, whatever the user is looking at;
//! - a move stays O(log n) in every case, where "every item it jumped over" is as long as the
//!   jump (a move to the top of 10,000 items jumps over 9,999);
//! - it is asked only when a prompt can follow (a numeric framework shown).
//!
//! Only the items between the old and the new place are compared: the ones the move jumped
//! over. Moving down jumps over nothing the item now sits above. The caller passes the key the
//! item had in that list before the move (`previous_key`, the row's `rank`); on a board, `null`
//! when the card came from another column, whose keys mean nothing in this one: then every card
//! now below it in its new column was jumped over.
//!
//! Cost: on the backlog, one range of the `(product_id, rank, id)` index from the new key to
//! the old one, O(log n + k) for k items jumped over, each scored from its inputs in Rust (no
//! other item is read). On a board, the column's order is a merge of board rows and backlog
//! ranks, so the board is read as `list_board` reads it (what the board's refetch after the
//! move costs anyway), then only the jumped-over cards are compared.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::board::BoardKind;
use crate::error::{CoreError, CoreResult};
use crate::queries::boards::list_board;
use crate::queries::item_moves::PLACED_SQL;
use crate::queries::item_scores::{inputs_from_row, INPUT_COLUMNS};
use crate::queries::products::get_product;
use crate::scoring::{IceMode, NumericFramework, Score, ScoreInputs};
use crate::text::quoted;

/// The list a move happened in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "list", rename_all = "camelCase")]
pub enum MovedIn {
    /// The backlog's manual order.
    Backlog,
    /// A column of a board (the one the card is in now).
    Board { board: BoardKind },
}

/// An item that outscores the moved one.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OutscoringItem {
    pub id: String,
    pub title: String,
    pub score: Score,
}

/// The items a move put the item above that score higher, in the list's order, and the words
/// of the question the UI asks about them.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Outscoring {
    pub item_id: String,
    pub item_title: String,
    pub framework: NumericFramework,
    /// "RICE".
    pub framework_label: String,
    /// The moved item's score; `null` when it is not scored in the framework (then nothing
    /// outscores it: an unscored item is not compared).
    pub score: Option<Score>,
    /// In the list's order; empty when no prompt is due.
    pub items: Vec<OutscoringItem>,
    /// "“Offline mode” now sits above 3 items that score higher in RICE. Why?"; `null` when
    /// `items` is empty.
    pub question: Option<String>,
    /// What recording the answer decides, one line: "Rank “Offline mode” above “Bank sync”";
    /// `null` when `items` is empty.
    pub decision: Option<String>,
}

/// A title cut to `limit` characters (with "…"), so that sentences naming titles stay within a
/// decision's 300 characters.
fn shortened(title: &str, limit: usize) -> String {
    if title.chars().count() <= limit {
        title.to_string()
    } else {
        let cut: String = title.chars().take(limit.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The question and the decision's words for `items` outscoring `title` in `framework`.
fn wording(
    title: &str,
    framework: NumericFramework,
    items: &[OutscoringItem],
) -> (Option<String>, Option<String>) {
    let moved = quoted(&shortened(title, 120));
    let label = framework.label();
    match items {
        [] => (None, None),
        [only] => (
            Some(format!(
                "{moved} now sits above {}, which scores higher in {label}. Why?",
                quoted(&shortened(&only.title, 120))
            )),
            Some(format!(
                "Rank {moved} above {}",
                quoted(&shortened(&only.title, 120))
            )),
        ),
        many => (
            Some(format!(
                "{moved} now sits above {} items that score higher in {label}. Why?",
                many.len()
            )),
            Some(format!(
                "Rank {moved} above {} items that score higher in {label}",
                many.len()
            )),
        ),
    }
}

/// The candidates a move jumped over (id, title, inputs), in list order.
type Candidates = Vec<(String, String, ScoreInputs)>;

/// The moved item as the backlog has it now: (product, title, rank).
fn moved_item(connection: &Connection, id: &str) -> CoreResult<(String, String, String)> {
    use rusqlite::OptionalExtension;
    connection
        .prepare_cached(PLACED_SQL)?
        .query_row([id], |row| Ok((row.get(1)?, row.get(2)?, row.get(3)?)))
        .optional()?
        .ok_or_else(|| CoreError::not_found("item", id))
}

fn item_inputs(connection: &Connection, id: &str) -> CoreResult<ScoreInputs> {
    let sql = format!("SELECT {INPUT_COLUMNS} FROM backlog_item WHERE id = ?1");
    Ok(connection
        .prepare_cached(&sql)?
        .query_row([id], |row| inputs_from_row(row, 0))?)
}

/// The backlog items strictly between the item's new place and its old key, nearest first.
pub(crate) fn jumped_over_sql() -> String {
    format!(
        "SELECT id, title, {INPUT_COLUMNS} FROM backlog_item \
         WHERE product_id = ?1 AND deleted_at IS NULL AND (rank, id) > (?2, ?3) AND rank < ?4 \
         ORDER BY rank, id"
    )
}

fn jumped_over_in_backlog(
    connection: &Connection,
    product_id: &str,
    item_id: &str,
    rank: &str,
    previous_key: &str,
) -> CoreResult<Candidates> {
    if previous_key <= rank {
        return Ok(Vec::new());
    }
    let mut statement = connection.prepare_cached(&jumped_over_sql())?;
    let rows = statement
        .query_map(params![product_id, rank, item_id, previous_key], |row| {
            Ok((row.get(0)?, row.get(1)?, inputs_from_row(row, 2)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

fn jumped_over_on_board(
    connection: &Connection,
    product_id: &str,
    item_id: &str,
    board: BoardKind,
    previous_key: Option<&str>,
) -> CoreResult<Candidates> {
    let view = list_board(connection, product_id, board)?;
    for column in view.columns {
        let Some(index) = column.cards.iter().position(|card| card.id == item_id) else {
            continue;
        };
        return Ok(column
            .cards
            .into_iter()
            .skip(index + 1)
            .take_while(|card| previous_key.is_none_or(|previous| card.rank.as_str() < previous))
            .map(|card| (card.id, card.title, card.inputs))
            .collect());
    }
    Ok(Vec::new())
}

/// The items `item_id`'s last move put it above that score higher than it in `framework`
/// (see the module's rules). `previous_key` is the item's key in `list` before the move.
pub fn list_outscoring_items(
    connection: &Connection,
    item_id: &str,
    framework: NumericFramework,
    list: MovedIn,
    previous_key: Option<&str>,
) -> CoreResult<Outscoring> {
    let (product_id, title, rank) = moved_item(connection, item_id)?;
    let ice_mode: IceMode = get_product(connection, &product_id)?.ice_mode;
    let score = framework.score(&item_inputs(connection, item_id)?, ice_mode);
    let candidates = match (&score, list, previous_key) {
        (None, _, _) => Vec::new(),
        (Some(_), MovedIn::Backlog, None) => {
            return Err(CoreError::invalid(
                "previousKey",
                "Say where the item was before the move (its rank key).",
            ))
        }
        (Some(_), MovedIn::Backlog, Some(previous)) => {
            jumped_over_in_backlog(connection, &product_id, item_id, &rank, previous)?
        }
        (Some(_), MovedIn::Board { board }, previous) => {
            jumped_over_on_board(connection, &product_id, item_id, board, previous)?
        }
    };
    // Compared by exact value; only the items kept get a breakdown.
    let items: Vec<OutscoringItem> = match &score {
        None => Vec::new(),
        Some(moved) => candidates
            .into_iter()
            .filter(|(_, _, inputs)| {
                framework
                    .value(inputs, ice_mode)
                    .is_some_and(|value| value > moved.value)
            })
            .filter_map(|(id, title, inputs)| {
                let score = framework.score(&inputs, ice_mode)?;
                Some(OutscoringItem { id, title, score })
            })
            .collect(),
    };
    let (question, decision) = wording(&title, framework, &items);
    Ok(Outscoring {
        item_id: item_id.to_string(),
        item_title: title,
        framework,
        framework_label: framework.label().to_string(),
        score,
        items,
        question,
        decision,
    })
}

#[cfg(test)]
#[path = "outscoring_tests.rs"]
mod tests;
