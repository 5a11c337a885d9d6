//! Per-item results of a product's questionnaire answers, and setting an item's Kano category
//! from them.
//!
//! Nothing here is stored: results are worked out from the live answers on every read, so they
//! always agree with the answers (an undone import, a deleted item).

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;

use super::answers::KanoAnswer;
use super::evaluation::KanoDistribution;
use crate::error::{CoreError, CoreResult};
use crate::mutation::Changes;
use crate::queries::item_scores::set_score_inputs;
use crate::queries::kano_responses::{list_responses, list_surveys, KanoSurvey};
use crate::queries::products::get_product;
use crate::scoring::{InputValue, ItemScores, KanoCategory, ScoreChange, ScoreInput};

/// One item's answers, summed up.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KanoItemResult {
    pub item_id: String,
    pub title: String,
    /// The people who answered about it.
    pub respondents: i32,
    pub distribution: KanoDistribution,
    /// The most frequent category (ties: Must-be, Performance, Attractive, Indifferent,
    /// Reverse, Questionable).
    pub mode: Option<KanoCategory>,
    /// (A + O) / (A + O + M + I), 0 to 1; `null` when only R and Q answers.
    #[specta(type = Option<specta_typescript::Number>)]
    pub better: Option<f64>,
    /// −(O + M) / (A + O + M + I), −1 to 0; `null` when only R and Q answers.
    #[specta(type = Option<specta_typescript::Number>)]
    pub worse: Option<f64>,
    /// The item's Kano category now (its score input).
    pub current: Option<KanoCategory>,
    /// Why "Set Kano to the mode" would change nothing, if it would not.
    pub apply_blocked: Option<String>,
}

/// A product's imports and the results of every item that has answers, in backlog order.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KanoResults {
    pub product_id: String,
    pub surveys: Vec<KanoSurvey>,
    pub items: Vec<KanoItemResult>,
}

/// The product's live items' Kano inputs and titles.
fn kano_inputs(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<HashMap<String, (String, Option<KanoCategory>)>> {
    let mut statement = connection.prepare_cached(
        "SELECT id, title, kano FROM backlog_item WHERE product_id = ?1 AND deleted_at IS NULL",
    )?;
    let rows = statement
        .query_map([product_id], |row| {
            let kano: Option<String> = row.get(2)?;
            Ok((
                row.get::<_, String>(0)?,
                (
                    row.get::<_, String>(1)?,
                    kano.as_deref().and_then(KanoCategory::parse),
                ),
            ))
        })?
        .collect::<rusqlite::Result<HashMap<_, _>>>()?;
    Ok(rows)
}

fn blocked_reason(mode: Option<KanoCategory>, current: Option<KanoCategory>) -> Option<String> {
    match mode {
        None => Some("No answer counts for this item yet.".into()),
        Some(mode) if Some(mode) == current => {
            Some(format!("Its Kano category is already {}.", mode.label()))
        }
        Some(_) => None,
    }
}

/// The results of every live item with live answers, in backlog order.
pub fn kano_results(connection: &Connection, product_id: &str) -> CoreResult<KanoResults> {
    get_product(connection, product_id)?;
    let items = kano_inputs(connection, product_id)?;
    let mut grouped: Vec<(String, Vec<(KanoAnswer, KanoAnswer)>)> = Vec::new();
    for response in list_responses(connection, product_id)? {
        let pair = (response.functional, response.dysfunctional);
        match grouped.last_mut() {
            Some((item_id, answers)) if *item_id == response.item_id => answers.push(pair),
            _ => grouped.push((response.item_id, vec![pair])),
        }
    }
    let results = grouped
        .into_iter()
        .filter_map(|(item_id, answers)| {
            let (title, current) = items.get(&item_id)?.clone();
            let distribution = KanoDistribution::of(answers.iter().copied());
            let mode = distribution.mode();
            Some(KanoItemResult {
                respondents: i32::try_from(answers.len()).unwrap_or(i32::MAX),
                mode,
                better: distribution.better(),
                worse: distribution.worse(),
                apply_blocked: blocked_reason(mode, current),
                distribution,
                current,
                item_id,
                title,
            })
        })
        .collect();
    Ok(KanoResults {
        product_id: product_id.to_string(),
        surveys: list_surveys(connection, product_id)?,
        items: results,
    })
}

/// Sets the item's Kano category to its answers' mode, through `set_score_inputs` (the same
/// validation, label and undo step as setting it by hand). Refused when it has no answers or
/// already has that category.
pub fn apply_kano_result(changes: &mut Changes, item_id: &str) -> CoreResult<Vec<ItemScores>> {
    let product_id: String = changes
        .connection()
        .query_row(
            "SELECT product_id FROM backlog_item WHERE id = ?1 AND deleted_at IS NULL",
            [item_id],
            |row| row.get(0),
        )
        .map_err(|error| match error {
            rusqlite::Error::QueryReturnedNoRows => CoreError::not_found("item", item_id),
            other => other.into(),
        })?;
    let results = kano_results(changes.connection(), &product_id)?;
    let Some(result) = results.items.iter().find(|row| row.item_id == item_id) else {
        return Err(CoreError::invalid(
            "itemId",
            "No one answered the questionnaire about this item yet.",
        ));
    };
    if let Some(reason) = &result.apply_blocked {
        return Err(CoreError::invalid("itemId", reason.clone()));
    }
    let Some(mode) = result.mode else {
        return Err(CoreError::invalid(
            "itemId",
            "No answer counts for this item yet.",
        ));
    };
    let change = ScoreChange {
        input: ScoreInput::Kano,
        value: Some(InputValue::Text(mode.as_str().to_string())),
    };
    set_score_inputs(changes, &[item_id.to_string()], &[change])
}

#[cfg(test)]
#[path = "results_tests.rs"]
mod tests;
