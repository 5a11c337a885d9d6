//! The `goal` and `key_result` tables: a product's objectives and their measurable results.
//! Progress is derived on every read (`plan::progress`), never stored. Deletes are soft: a
//! deleted goal hides its key results and its items' links with it, and undo brings all back.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::mutation::{Changes, Table};
use crate::plan::progress::{goal_progress, key_result_progress};
use crate::plan::{validate, Goal, GoalFields, KeyResult, KeyResultFields, PlanLink};
use crate::queries::item_plan::{items_by_target, items_of_target};
use crate::queries::products::get_product;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

const SELECT_GOAL: &str =
    "SELECT id, product_id, title, description, created_at, updated_at FROM goal";
const SELECT_KEY_RESULT: &str = "SELECT id, goal_id, metric, unit, baseline, target, current, \
     created_at, updated_at FROM key_result";

fn goal_from_row(row: &Row) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: row.get(0)?,
        product_id: row.get(1)?,
        title: row.get(2)?,
        description: row.get(3)?,
        progress: None,
        key_results: Vec::new(),
        items: Vec::new(),
        created_at: timestamp_column(row, 4)?,
        updated_at: timestamp_column(row, 5)?,
    })
}

fn key_result_from_row(row: &Row) -> rusqlite::Result<KeyResult> {
    let baseline: f64 = row.get(4)?;
    let target: f64 = row.get(5)?;
    let current: f64 = row.get(6)?;
    Ok(KeyResult {
        id: row.get(0)?,
        goal_id: row.get(1)?,
        metric: row.get(2)?,
        unit: row.get(3)?,
        baseline,
        target,
        current,
        progress: key_result_progress(baseline, target, current),
        created_at: timestamp_column(row, 7)?,
        updated_at: timestamp_column(row, 8)?,
    })
}

fn with_key_results(mut goal: Goal, key_results: Vec<KeyResult>) -> Goal {
    let progress: Vec<f64> = key_results.iter().map(|kr| kr.progress).collect();
    goal.progress = goal_progress(&progress);
    goal.key_results = key_results;
    goal
}

/// A product's goals, oldest first, each with its key results, progress and linked items.
pub fn list_goals(connection: &Connection, product_id: &str) -> CoreResult<Vec<Goal>> {
    get_product(connection, product_id)?;
    let sql = format!(
        "{SELECT_GOAL} WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id"
    );
    let goals: Vec<Goal> = connection
        .prepare_cached(&sql)?
        .query_map([product_id], goal_from_row)?
        .collect::<Result<_, _>>()?;
    let sql = format!(
        "{SELECT_KEY_RESULT} WHERE product_id = ?1 AND deleted_at IS NULL \
         ORDER BY created_at, id"
    );
    let mut key_results: HashMap<String, Vec<KeyResult>> = HashMap::new();
    let mut statement = connection.prepare_cached(&sql)?;
    for key_result in statement.query_map([product_id], key_result_from_row)? {
        let key_result = key_result?;
        key_results
            .entry(key_result.goal_id.clone())
            .or_default()
            .push(key_result);
    }
    let mut items = items_by_target(connection, product_id, PlanLink::Goal)?;
    Ok(goals
        .into_iter()
        .map(|goal| {
            let krs = key_results.remove(&goal.id).unwrap_or_default();
            let mut goal = with_key_results(goal, krs);
            goal.items = items.remove(&goal.id).unwrap_or_default();
            goal
        })
        .collect())
}

/// A live goal of a live product, with its key results, progress and linked items.
pub fn get_goal(connection: &Connection, id: &str) -> CoreResult<Goal> {
    let sql = format!(
        "{SELECT_GOAL} WHERE id = ?1 AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM product WHERE product.id = goal.product_id \
         AND product.deleted_at IS NULL)"
    );
    let goal = connection
        .prepare_cached(&sql)?
        .query_row([id], goal_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("goal", id))?;
    let sql = format!(
        "{SELECT_KEY_RESULT} WHERE goal_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id"
    );
    let key_results = connection
        .prepare_cached(&sql)?
        .query_map([id], key_result_from_row)?
        .collect::<Result<_, _>>()?;
    let mut goal = with_key_results(goal, key_results);
    goal.items = items_of_target(connection, PlanLink::Goal, id)?;
    Ok(goal)
}

/// Adds a goal to a product ("Add goal “…”").
pub fn create_goal(
    changes: &mut Changes,
    product_id: &str,
    fields: &GoalFields,
) -> CoreResult<Goal> {
    let fields = validate::goal(fields)?;
    get_product(changes.connection(), product_id)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!("Add goal {}", quoted(&fields.title)));
    changes.track(Table::Goal, &id, |connection| {
        connection.execute(
            "INSERT INTO goal (id, product_id, title, description, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![id, product_id, fields.title, fields.description, at],
        )?;
        Ok(())
    })?;
    get_goal(changes.connection(), &id)
}

/// Changes a goal's objective or description ("Edit goal “…”"); keeping both records nothing.
pub fn update_goal(changes: &mut Changes, id: &str, fields: &GoalFields) -> CoreResult<Goal> {
    let current = get_goal(changes.connection(), id)?;
    let fields = validate::goal(fields)?;
    if fields.title == current.title && fields.description == current.description {
        return Ok(current);
    }
    changes.describe(format!("Edit goal {}", quoted(&fields.title)));
    let at = format_timestamp(&now());
    changes.track(Table::Goal, id, |connection| {
        connection.execute(
            "UPDATE goal SET title = ?2, description = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, fields.title, fields.description, at],
        )?;
        Ok(())
    })?;
    get_goal(changes.connection(), id)
}

/// Soft-deletes a goal ("Delete goal “…”"): its key results and its items' links are hidden
/// with it, untouched, so undo brings it back whole.
pub fn delete_goal(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let goal = get_goal(changes.connection(), id)?;
    changes.describe(format!("Delete goal {}", quoted(&goal.title)));
    let at = format_timestamp(&now());
    changes.track(Table::Goal, id, |connection| {
        connection.execute(
            "UPDATE goal SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}

/// A live key result of a live goal: its goal's id and its metric.
fn key_result_owner(connection: &Connection, id: &str) -> CoreResult<(String, KeyResult)> {
    let sql = format!("{SELECT_KEY_RESULT} WHERE id = ?1 AND deleted_at IS NULL");
    let key_result = connection
        .prepare_cached(&sql)?
        .query_row([id], key_result_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("key result", id))?;
    // Its goal must be live too (a deleted goal hides its key results).
    get_goal(connection, &key_result.goal_id)
        .map_err(|_| CoreError::not_found("key result", id))?;
    Ok((key_result.goal_id.clone(), key_result))
}

/// Adds a key result to a goal ("Add key result “…” to goal “…”"); answers the goal.
pub fn create_key_result(
    changes: &mut Changes,
    goal_id: &str,
    fields: &KeyResultFields,
) -> CoreResult<Goal> {
    let goal = get_goal(changes.connection(), goal_id)?;
    let valid = validate::key_result(fields)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!(
        "Add key result {} to goal {}",
        quoted(&valid.metric),
        quoted(&goal.title)
    ));
    changes.track(Table::KeyResult, &id, |connection| {
        connection.execute(
            "INSERT INTO key_result (id, goal_id, product_id, metric, unit, baseline, target, \
             current, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![
                id,
                goal_id,
                goal.product_id,
                valid.metric,
                valid.unit,
                valid.baseline,
                valid.target,
                valid.current,
                at
            ],
        )?;
        Ok(())
    })?;
    get_goal(changes.connection(), goal_id)
}

/// Changes a key result ("Update key result “…”"); keeping every value records nothing.
/// Answers its goal, with the new progress.
pub fn update_key_result(
    changes: &mut Changes,
    id: &str,
    fields: &KeyResultFields,
) -> CoreResult<Goal> {
    let (goal_id, current) = key_result_owner(changes.connection(), id)?;
    let valid = validate::key_result(&KeyResultFields {
        // An edit that leaves the current value out keeps it (not the baseline).
        current: fields.current.or(Some(current.current)),
        ..fields.clone()
    })?;
    let same = valid.metric == current.metric
        && valid.unit == current.unit
        && valid.baseline == current.baseline
        && valid.target == current.target
        && valid.current == current.current;
    if same {
        return get_goal(changes.connection(), &goal_id);
    }
    changes.describe(format!("Update key result {}", quoted(&valid.metric)));
    let at = format_timestamp(&now());
    changes.track(Table::KeyResult, id, |connection| {
        connection.execute(
            "UPDATE key_result SET metric = ?2, unit = ?3, baseline = ?4, target = ?5, \
             current = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                id,
                valid.metric,
                valid.unit,
                valid.baseline,
                valid.target,
                valid.current,
                at
            ],
        )?;
        Ok(())
    })?;
    get_goal(changes.connection(), &goal_id)
}

/// Soft-deletes a key result ("Delete key result “…”"); answers its goal.
pub fn delete_key_result(changes: &mut Changes, id: &str) -> CoreResult<Goal> {
    let (goal_id, key_result) = key_result_owner(changes.connection(), id)?;
    changes.describe(format!("Delete key result {}", quoted(&key_result.metric)));
    let at = format_timestamp(&now());
    changes.track(Table::KeyResult, id, |connection| {
        connection.execute(
            "UPDATE key_result SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })?;
    get_goal(changes.connection(), &goal_id)
}

#[cfg(test)]
#[path = "goals_tests.rs"]
mod tests;
