//! The `decision` and `decision_item` tables: the decision log of a product and each decision's
//! links to the items it is about.
//!
//! Every write is one transaction and one undo step through [`Changes::track`]; deletes are soft
//! (a deleted decision keeps its links, hidden with it, so undo brings both back). A link to an
//! item that was deleted is kept but not shown, so undoing the item's delete shows it again.
//! A product's log is read with two index ranges (its decisions, then its links with their
//! items' titles), whatever the product's size.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::decision::{
    today, validate_decided_on, validate_decision_text, validate_rationale, Decision,
    DecisionPatch, LinkedItem, NewDecision,
};
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::model::BacklogItem;
use crate::mutation::{Changes, Table};
use crate::queries::items::get_item;
use crate::queries::products::get_product;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

const SELECT_DECISION: &str = "SELECT id, product_id, decided_on, decision, rationale, \
     created_at, updated_at FROM decision";

/// Newest first: the day decided, then the moment recorded.
const NEWEST_FIRST: &str = "ORDER BY decided_on DESC, created_at DESC, id DESC";

fn decision_from_row(row: &Row) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: row.get(0)?,
        product_id: row.get(1)?,
        decided_on: row.get(2)?,
        decision: row.get(3)?,
        rationale: row.get(4)?,
        items: Vec::new(),
        created_at: timestamp_column(row, 5)?,
        updated_at: timestamp_column(row, 6)?,
    })
}

/// The live items linked to the product's decisions: decision id → items in backlog order.
fn links_of_product(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<HashMap<String, Vec<LinkedItem>>> {
    let mut statement = connection.prepare_cached(
        "SELECT l.decision_id, i.id, i.title FROM decision_item l \
         JOIN backlog_item i ON i.id = l.item_id \
         WHERE l.product_id = ?1 AND l.deleted_at IS NULL AND i.deleted_at IS NULL \
         ORDER BY i.rank, i.id",
    )?;
    let mut links: HashMap<String, Vec<LinkedItem>> = HashMap::new();
    let rows = statement.query_map([product_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            LinkedItem {
                id: row.get(1)?,
                title: row.get(2)?,
            },
        ))
    })?;
    for row in rows {
        let (decision_id, item) = row?;
        links.entry(decision_id).or_default().push(item);
    }
    Ok(links)
}

/// The live items linked to one decision, in backlog order.
fn links_of_decision(connection: &Connection, decision_id: &str) -> CoreResult<Vec<LinkedItem>> {
    let mut statement = connection.prepare_cached(
        "SELECT i.id, i.title FROM decision_item l JOIN backlog_item i ON i.id = l.item_id \
         WHERE l.decision_id = ?1 AND l.deleted_at IS NULL AND i.deleted_at IS NULL \
         ORDER BY i.rank, i.id",
    )?;
    let items = statement
        .query_map([decision_id], |row| {
            Ok(LinkedItem {
                id: row.get(0)?,
                title: row.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(items)
}

/// Whether `item_id` is a soft-deleted item of `product_id`.
fn is_deleted_item_of(
    connection: &Connection,
    product_id: &str,
    item_id: &str,
) -> CoreResult<bool> {
    Ok(connection
        .prepare_cached(
            "SELECT 1 FROM backlog_item WHERE id = ?1 AND product_id = ?2 AND deleted_at IS NOT NULL",
        )?
        .exists(params![item_id, product_id])?)
}

/// The product's decisions, newest first, each with its linked items; with `item_id`, only the
/// decisions linked to that item (which must be one of the product's).
pub fn list_decisions(
    connection: &Connection,
    product_id: &str,
    item_id: Option<&str>,
) -> CoreResult<Vec<Decision>> {
    get_product(connection, product_id)?;
    if let Some(item_id) = item_id {
        let item = match get_item(connection, item_id) {
            // A filter the UI kept on an item deleted meanwhile: no decision shows a deleted
            // item, so the log about it is empty (its undo brings both back), not an error.
            Err(CoreError::NotFound { .. })
                if is_deleted_item_of(connection, product_id, item_id)? =>
            {
                return Ok(Vec::new())
            }
            found => found?,
        };
        if item.product_id != product_id {
            return Err(CoreError::invalid(
                "itemId",
                format!(
                    "{} belongs to another product: choose one of this product’s items.",
                    quoted(&item.title)
                ),
            ));
        }
    }
    let sql = match item_id {
        Some(_) => format!(
            "{SELECT_DECISION} WHERE product_id = ?1 AND deleted_at IS NULL AND id IN \
             (SELECT decision_id FROM decision_item WHERE item_id = ?2 AND deleted_at IS NULL) \
             {NEWEST_FIRST}"
        ),
        None => {
            format!("{SELECT_DECISION} WHERE product_id = ?1 AND deleted_at IS NULL {NEWEST_FIRST}")
        }
    };
    let mut statement = connection.prepare_cached(&sql)?;
    let mut decisions: Vec<Decision> = match item_id {
        Some(item_id) => statement.query_map(params![product_id, item_id], decision_from_row)?,
        None => statement.query_map(params![product_id], decision_from_row)?,
    }
    .collect::<Result<_, _>>()?;
    let mut links = links_of_product(connection, product_id)?;
    for decision in &mut decisions {
        decision.items = links.remove(&decision.id).unwrap_or_default();
    }
    Ok(decisions)
}

/// The decisions linked to one item, newest first (the item panel's list).
pub fn list_item_decisions(connection: &Connection, item_id: &str) -> CoreResult<Vec<Decision>> {
    let item = get_item(connection, item_id)?;
    list_decisions(connection, &item.product_id, Some(item_id))
}

/// A live decision of a live product, with its linked items.
pub fn get_decision(connection: &Connection, id: &str) -> CoreResult<Decision> {
    let sql = format!(
        "{SELECT_DECISION} WHERE id = ?1 AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM product WHERE product.id = decision.product_id \
         AND product.deleted_at IS NULL)"
    );
    let mut decision = connection
        .prepare_cached(&sql)?
        .query_row([id], decision_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("decision", id))?;
    decision.items = links_of_decision(connection, id)?;
    Ok(decision)
}

/// The named items, each once in the order named: every one a live item of `product_id`.
fn checked_items(
    connection: &Connection,
    product_id: &str,
    item_ids: &[String],
) -> CoreResult<Vec<BacklogItem>> {
    let mut items: Vec<BacklogItem> = Vec::with_capacity(item_ids.len());
    for id in item_ids {
        if items.iter().any(|item| &item.id == id) {
            continue;
        }
        let item = get_item(connection, id).map_err(|error| match error {
            CoreError::NotFound { .. } => CoreError::invalid(
                "itemIds",
                "One of these items was deleted meanwhile: choose the items again in the decision \
                 log.",
            ),
            other => other,
        })?;
        if item.product_id != product_id {
            return Err(CoreError::invalid(
                "itemIds",
                format!(
                    "{} belongs to another product: a decision links items of its own product.",
                    quoted(&item.title)
                ),
            ));
        }
        items.push(item);
    }
    Ok(items)
}

/// Links (or links again, reviving the row an unlink left) one item to a decision.
fn link(
    changes: &mut Changes,
    decision: &str,
    product_id: &str,
    item_id: &str,
    at: &str,
) -> CoreResult<()> {
    let id = format!("{decision}:{item_id}");
    changes.track(Table::DecisionItem, &id, |connection| {
        connection.execute(
            "INSERT INTO decision_item \
             (id, decision_id, item_id, product_id, created_at, updated_at, deleted_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?5, NULL) \
             ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, deleted_at = NULL",
            params![id, decision, item_id, product_id, at],
        )?;
        Ok(())
    })
}

/// Records a decision with its links: one transaction, one undo step ("Record decision “…”").
/// Nothing is written when any field or item is refused.
pub fn create_decision(changes: &mut Changes, new: &NewDecision) -> CoreResult<Decision> {
    let decision = validate_decision_text(&new.decision)?;
    let rationale = validate_rationale(&new.rationale)?;
    let decided_on = match &new.decided_on {
        Some(day) => validate_decided_on(day)?,
        None => today(),
    };
    get_product(changes.connection(), &new.product_id)?;
    let items = checked_items(changes.connection(), &new.product_id, &new.item_ids)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!("Record decision {}", quoted(&decision)));
    changes.track(Table::Decision, &id, |connection| {
        connection.execute(
            "INSERT INTO decision (id, product_id, decided_on, decision, rationale, created_at, \
             updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![id, new.product_id, decided_on, decision, rationale, at],
        )?;
        Ok(())
    })?;
    for item in &items {
        link(changes, &id, &new.product_id, &item.id, &at)?;
    }
    get_decision(changes.connection(), &id)
}

/// Changes a decision's date, text or rationale: one undo step ("Edit decision “…”"); an edit
/// that keeps every value records nothing.
pub fn update_decision(
    changes: &mut Changes,
    id: &str,
    patch: &DecisionPatch,
) -> CoreResult<Decision> {
    let current = get_decision(changes.connection(), id)?;
    let decision = match &patch.decision {
        Some(text) => validate_decision_text(text)?,
        None => current.decision.clone(),
    };
    let rationale = match &patch.rationale {
        Some(text) => validate_rationale(text)?,
        None => current.rationale.clone(),
    };
    let decided_on = match &patch.decided_on {
        Some(day) => validate_decided_on(day)?,
        None => current.decided_on.clone(),
    };
    if decision == current.decision
        && rationale == current.rationale
        && decided_on == current.decided_on
    {
        return Ok(current);
    }
    changes.describe(format!("Edit decision {}", quoted(&decision)));
    let at = format_timestamp(&now());
    changes.track(Table::Decision, id, |connection| {
        connection.execute(
            "UPDATE decision SET decided_on = ?2, decision = ?3, rationale = ?4, updated_at = ?5 \
             WHERE id = ?1",
            params![id, decided_on, decision, rationale, at],
        )?;
        Ok(())
    })?;
    get_decision(changes.connection(), id)
}

/// Sets the items a decision is linked to (its live items become exactly `item_ids`): one undo
/// step, labelled "Link “…” to decision “…”", "Unlink “…” from decision “…”" or "Change the
/// items of decision “…”". Links to deleted items are left as they are (undoing the item's
/// delete shows them again).
pub fn set_decision_items(
    changes: &mut Changes,
    id: &str,
    item_ids: &[String],
) -> CoreResult<Decision> {
    let current = get_decision(changes.connection(), id)?;
    let wanted = checked_items(changes.connection(), &current.product_id, item_ids)?;
    let added: Vec<&BacklogItem> = wanted
        .iter()
        .filter(|item| !current.items.iter().any(|linked| linked.id == item.id))
        .collect();
    let removed: Vec<&LinkedItem> = current
        .items
        .iter()
        .filter(|linked| !wanted.iter().any(|item| item.id == linked.id))
        .collect();
    let name = quoted(&current.decision);
    changes.describe(match (added.as_slice(), removed.as_slice()) {
        ([], []) => return Ok(current),
        ([item], []) => format!("Link {} to decision {name}", quoted(&item.title)),
        ([], [item]) => format!("Unlink {} from decision {name}", quoted(&item.title)),
        _ => format!("Change the items of decision {name}"),
    });
    let at = format_timestamp(&now());
    for item in &removed {
        let link_id = format!("{id}:{}", item.id);
        changes.track(Table::DecisionItem, &link_id, |connection| {
            connection.execute(
                "UPDATE decision_item SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
                params![link_id, at],
            )?;
            Ok(())
        })?;
    }
    for item in &added {
        link(changes, id, &current.product_id, &item.id, &at)?;
    }
    get_decision(changes.connection(), id)
}

/// Soft-deletes a decision ("Delete decision “…”"); its links stay, hidden with it, so undo
/// brings it back whole.
pub fn delete_decision(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let decision = get_decision(changes.connection(), id)?;
    changes.describe(format!("Delete decision {}", quoted(&decision.decision)));
    let at = format_timestamp(&now());
    changes.track(Table::Decision, id, |connection| {
        connection.execute(
            "UPDATE decision SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}

#[cfg(test)]
#[path = "decisions_tests.rs"]
mod tests;
