//! The score inputs stored on `backlog_item`, and what is computed from them when they are
//! read: scores, score positions, sensitivity (the formulas are in [`crate::scoring`]).
//!
//! Nothing computed is stored: scores and positions are derived on every read from the inputs
//! and the product's ICE mode, so they can never disagree with the inputs, and undo needs only
//! the rows' images. [`set_score_inputs`] is the one write: any number of items, any number of
//! inputs, one transaction and one undo step.

use std::collections::HashSet;

use rusqlite::types::ToSql;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

use crate::error::{CoreError, CoreResult};
use crate::model::ItemDetails;
use crate::mutation::{Changes, Table};
use crate::queries::items::get_item;
use crate::queries::products::{get_product, ice_mode_column};
use crate::scoring::labels::describe_changes;
use crate::scoring::positions::positions_from_inputs;
use crate::scoring::sensitivity::{sensitivity, Sensitivity};
use crate::scoring::{
    IceMode, ItemScores, KanoCategory, MoscowBucket, NumericFramework, ScoreChange, ScoreInput,
    ScoreInputs, Scores,
};
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// The input columns, in [`ScoreInput::ALL`]'s order (read by [`inputs_from_row`]).
pub(crate) const INPUT_COLUMNS: &str = "rice_reach, rice_impact, rice_confidence, rice_effort, \
     ice_impact, ice_confidence, ice_ease, wsjf_business_value, wsjf_time_criticality, \
     wsjf_risk_reduction, wsjf_job_size, moscow, kano, value, effort";

fn category<T>(
    row: &Row,
    index: usize,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(index)?;
    text.map(|text| {
        parse(&text).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                index,
                rusqlite::types::Type::Text,
                format!("unknown category “{text}”").into(),
            )
        })
    })
    .transpose()
}

/// The inputs from [`INPUT_COLUMNS`] selected from column `first` on.
pub(crate) fn inputs_from_row(row: &Row, first: usize) -> rusqlite::Result<ScoreInputs> {
    Ok(ScoreInputs {
        rice_reach: row.get(first)?,
        rice_impact: row.get(first + 1)?,
        rice_confidence: row.get(first + 2)?,
        rice_effort: row.get(first + 3)?,
        ice_impact: row.get(first + 4)?,
        ice_confidence: row.get(first + 5)?,
        ice_ease: row.get(first + 6)?,
        wsjf_business_value: row.get(first + 7)?,
        wsjf_time_criticality: row.get(first + 8)?,
        wsjf_risk_reduction: row.get(first + 9)?,
        wsjf_job_size: row.get(first + 10)?,
        moscow: category(row, first + 11, MoscowBucket::parse)?,
        kano: category(row, first + 12, KanoCategory::parse)?,
        value: row.get(first + 13)?,
        effort: row.get(first + 14)?,
    })
}

/// The product's live items (ids and inputs) in manual order.
pub(crate) fn product_inputs(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<Vec<(String, ScoreInputs)>> {
    let sql = format!(
        "SELECT id, {INPUT_COLUMNS} FROM backlog_item \
         WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY rank, id"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement
        .query_map([product_id], |row| {
            Ok((row.get(0)?, inputs_from_row(row, 1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// One item with its inputs, scores and place in every score order (which needs every other
/// item's score value, but only this item's breakdowns).
pub fn get_item_details(connection: &Connection, id: &str) -> CoreResult<ItemDetails> {
    let item = get_item(connection, id)?;
    let product = get_product(connection, &item.product_id)?;
    let rows = product_inputs(connection, &item.product_id)?;
    let index = rows
        .iter()
        .position(|(row_id, _)| row_id == id)
        .ok_or_else(|| CoreError::not_found("item", id))?;
    let inputs: Vec<ScoreInputs> = rows.into_iter().map(|(_, inputs)| inputs).collect();
    let positions = positions_from_inputs(&inputs, product.ice_mode);
    let own = inputs.into_iter().nth(index).unwrap_or_default();
    Ok(ItemDetails {
        item,
        scores: Scores::of(&own, product.ice_mode),
        inputs: own,
        score_positions: positions.into_iter().nth(index).unwrap_or_default(),
    })
}

/// How the item's place in `framework`'s score order moves with each input one step down or up.
pub fn get_sensitivity(
    connection: &Connection,
    id: &str,
    framework: NumericFramework,
) -> CoreResult<Sensitivity> {
    let item = get_item(connection, id)?;
    let product = get_product(connection, &item.product_id)?;
    let rows = product_inputs(connection, &item.product_id)?;
    let index = rows
        .iter()
        .position(|(row_id, _)| row_id == id)
        .ok_or_else(|| CoreError::not_found("item", id))?;
    let inputs: Vec<ScoreInputs> = rows.into_iter().map(|(_, inputs)| inputs).collect();
    sensitivity(&inputs, index, framework, product.ice_mode)
}

/// What a change needs to know about an item (not its description).
struct ScoredRow {
    product_id: String,
    title: String,
    inputs: ScoreInputs,
    ice_mode: IceMode,
}

fn scored_row(connection: &Connection, id: &str) -> CoreResult<ScoredRow> {
    // The product's ICE mode, or NULL when the product is deleted (then the item is not found).
    let sql = format!(
        "SELECT product_id, title, {INPUT_COLUMNS}, \
         (SELECT ice_mode FROM product WHERE product.id = backlog_item.product_id \
          AND product.deleted_at IS NULL) AS product_ice_mode \
         FROM backlog_item WHERE id = ?1 AND deleted_at IS NULL AND product_ice_mode IS NOT NULL"
    );
    connection
        .prepare_cached(&sql)?
        .query_row([id], |row| {
            Ok(ScoredRow {
                product_id: row.get(0)?,
                title: row.get(1)?,
                inputs: inputs_from_row(row, 2)?,
                ice_mode: ice_mode_column(row, 17)?,
            })
        })
        .optional()?
        .ok_or_else(|| CoreError::not_found("item", id))
}

/// Checks the request as a whole before anything is written: at least one item and one input,
/// no input named twice, every value on its input's scale.
fn validate_request(item_ids: &[String], requested: &[ScoreChange]) -> CoreResult<()> {
    if item_ids.is_empty() {
        return Err(CoreError::invalid("itemIds", "Choose at least one item."));
    }
    if requested.is_empty() {
        return Err(CoreError::invalid(
            "changes",
            "Choose at least one score input to set.",
        ));
    }
    let mut scratch = ScoreInputs::default();
    for (index, change) in requested.iter().enumerate() {
        if requested[..index]
            .iter()
            .any(|earlier| earlier.input == change.input)
        {
            return Err(CoreError::invalid(
                change.input.field(),
                format!("{} is set twice in one change.", change.input.label()),
            ));
        }
        scratch.apply(change.input, change.value.as_ref())?;
    }
    Ok(())
}

/// The values to write for [`INPUT_COLUMNS`], in order.
fn input_values(inputs: &ScoreInputs) -> [Box<dyn ToSql + '_>; 15] {
    [
        Box::new(inputs.rice_reach),
        Box::new(inputs.rice_impact),
        Box::new(inputs.rice_confidence),
        Box::new(inputs.rice_effort),
        Box::new(inputs.ice_impact),
        Box::new(inputs.ice_confidence),
        Box::new(inputs.ice_ease),
        Box::new(inputs.wsjf_business_value),
        Box::new(inputs.wsjf_time_criticality),
        Box::new(inputs.wsjf_risk_reduction),
        Box::new(inputs.wsjf_job_size),
        Box::new(inputs.moscow.map(MoscowBucket::as_str)),
        Box::new(inputs.kano.map(KanoCategory::as_str)),
        Box::new(inputs.value),
        Box::new(inputs.effort),
    ]
}

fn update_inputs_sql() -> String {
    let assignments: Vec<String> = ScoreInput::ALL
        .iter()
        .zip(2..)
        .map(|(input, index)| format!("{} = ?{index}", column(*input)))
        .collect();
    format!(
        "UPDATE backlog_item SET {}, updated_at = ?{} WHERE id = ?1",
        assignments.join(", "),
        ScoreInput::ALL.len() + 2
    )
}

/// Writes every input of the item `id` (and its `updated_at`): the caller tracks the row.
pub(crate) fn write_inputs(
    connection: &Connection,
    id: &str,
    inputs: &ScoreInputs,
    at: &str,
) -> CoreResult<()> {
    let mut values: Vec<Box<dyn ToSql + '_>> = vec![Box::new(id)];
    values.extend(input_values(inputs));
    values.push(Box::new(at));
    connection
        .prepare_cached(&update_inputs_sql())?
        .execute(params_from_iter(values.iter()))?;
    Ok(())
}

/// The column of an input (column names come only from here, never from input).
fn column(input: ScoreInput) -> &'static str {
    match input {
        ScoreInput::RiceReach => "rice_reach",
        ScoreInput::RiceImpact => "rice_impact",
        ScoreInput::RiceConfidence => "rice_confidence",
        ScoreInput::RiceEffort => "rice_effort",
        ScoreInput::IceImpact => "ice_impact",
        ScoreInput::IceConfidence => "ice_confidence",
        ScoreInput::IceEase => "ice_ease",
        ScoreInput::WsjfBusinessValue => "wsjf_business_value",
        ScoreInput::WsjfTimeCriticality => "wsjf_time_criticality",
        ScoreInput::WsjfRiskReduction => "wsjf_risk_reduction",
        ScoreInput::WsjfJobSize => "wsjf_job_size",
        ScoreInput::Moscow => "moscow",
        ScoreInput::Kano => "kano",
        ScoreInput::Value => "value",
        ScoreInput::Effort => "effort",
    }
}

/// Sets (or clears) inputs on items: one transaction, one undo step for every item it changed,
/// labelled "Set RICE reach of “Search” to 2,000" or "Set MoSCoW of 5 items to Must". Every
/// value is checked before anything is written, so a refusal writes nothing; items whose inputs
/// already have these values are not written (a change of nothing records no undo step). Returns
/// each named item's inputs and scores, in the order named (each item once).
pub fn set_score_inputs(
    changes: &mut Changes,
    item_ids: &[String],
    requested: &[ScoreChange],
) -> CoreResult<Vec<ItemScores>> {
    validate_request(item_ids, requested)?;
    // Each item once, in the order first named (a set: a selection can be 10,000 items).
    let mut seen = HashSet::with_capacity(item_ids.len());
    let unique: Vec<&String> = item_ids
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .collect();
    let at = format_timestamp(&now());
    let mut changed_titles: Vec<String> = Vec::new();
    let mut results = Vec::with_capacity(unique.len());
    for id in unique {
        let row = scored_row(changes.connection(), id)?;
        let mut inputs = row.inputs.clone();
        for change in requested {
            inputs.apply(change.input, change.value.as_ref())?;
        }
        if inputs != row.inputs {
            changes.track(Table::BacklogItem, id, |connection| {
                write_inputs(connection, id, &inputs, &at)
            })?;
            changed_titles.push(row.title);
        }
        results.push(ItemScores {
            id: id.clone(),
            product_id: row.product_id,
            scores: Scores::of(&inputs, row.ice_mode),
            inputs,
        });
    }
    let target = match changed_titles.as_slice() {
        [title] => quoted(title),
        titles => format!("{} items", titles.len()),
    };
    changes.describe(describe_changes(requested, &target));
    Ok(results)
}

#[cfg(test)]
#[path = "item_scores_tests.rs"]
mod tests;
