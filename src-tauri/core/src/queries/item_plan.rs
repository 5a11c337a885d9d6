//! An item's one goal, theme and release (nullable columns of `backlog_item`), and the items
//! linked to each goal, theme or release.
//!
//! A link to a deleted goal, theme or release stays in the item's row but is hidden: every read
//! joins the target and keeps it only while it is live, so undoing the delete shows it again.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use crate::decision::LinkedItem;
use crate::error::{CoreError, CoreResult};
use crate::mutation::{Changes, Table};
use crate::plan::{ItemPlan, PlanLink, PlanRef};
use crate::queries::items::get_item;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// A live goal, theme or release of a live product: its reference and its product.
pub fn plan_target(
    connection: &Connection,
    link: PlanLink,
    id: &str,
) -> CoreResult<(PlanRef, String)> {
    let sql = format!(
        "SELECT t.id, t.{name}, t.product_id FROM {table} t JOIN product p ON p.id = t.product_id \
         WHERE t.id = ?1 AND t.deleted_at IS NULL AND p.deleted_at IS NULL",
        name = link.name_column(),
        table = link.table().sql_name()
    );
    connection
        .prepare_cached(&sql)?
        .query_row([id], |row| {
            Ok((
                PlanRef {
                    id: row.get(0)?,
                    name: row.get(1)?,
                },
                row.get(2)?,
            ))
        })
        .optional()?
        .ok_or_else(|| CoreError::not_found(link.noun(), id))
}

/// The live items of a product linked through `link`: target id → items in backlog order.
pub fn items_by_target(
    connection: &Connection,
    product_id: &str,
    link: PlanLink,
) -> CoreResult<HashMap<String, Vec<LinkedItem>>> {
    let sql = format!(
        "SELECT {column}, id, title FROM backlog_item \
         WHERE product_id = ?1 AND deleted_at IS NULL AND {column} IS NOT NULL ORDER BY rank, id",
        column = link.column()
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map([product_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            LinkedItem {
                id: row.get(1)?,
                title: row.get(2)?,
            },
        ))
    })?;
    let mut items: HashMap<String, Vec<LinkedItem>> = HashMap::new();
    for row in rows {
        let (target, item) = row?;
        items.entry(target).or_default().push(item);
    }
    Ok(items)
}

/// The live items linked to one goal, theme or release, in backlog order (one index range).
pub fn items_of_target(
    connection: &Connection,
    link: PlanLink,
    target_id: &str,
) -> CoreResult<Vec<LinkedItem>> {
    let sql = format!(
        "SELECT id, title FROM backlog_item WHERE {column} = ?1 AND deleted_at IS NULL \
         ORDER BY rank, id",
        column = link.column()
    );
    let items = connection
        .prepare_cached(&sql)?
        .query_map([target_id], |row| {
            Ok(LinkedItem {
                id: row.get(0)?,
                title: row.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(items)
}

const SELECT_PLAN: &str = "SELECT i.id, g.id, g.title, t.id, t.name, r.id, r.name \
     FROM backlog_item i \
     LEFT JOIN goal g ON g.id = i.goal_id AND g.deleted_at IS NULL \
     LEFT JOIN theme t ON t.id = i.theme_id AND t.deleted_at IS NULL \
     LEFT JOIN roadmap_release r ON r.id = i.release_id AND r.deleted_at IS NULL";

fn plan_from_row(row: &rusqlite::Row) -> rusqlite::Result<ItemPlan> {
    let reference = |id: usize| -> rusqlite::Result<Option<PlanRef>> {
        let target: Option<String> = row.get(id)?;
        Ok(match target {
            Some(target) => Some(PlanRef {
                id: target,
                name: row.get(id + 1)?,
            }),
            None => None,
        })
    };
    Ok(ItemPlan {
        item_id: row.get(0)?,
        goal: reference(1)?,
        theme: reference(3)?,
        release: reference(5)?,
    })
}

/// A live item's goal, theme and release (each `null` when unset or deleted).
pub fn get_item_plan(connection: &Connection, item_id: &str) -> CoreResult<ItemPlan> {
    get_item(connection, item_id)?;
    let sql = format!("{SELECT_PLAN} WHERE i.id = ?1");
    Ok(connection
        .prepare_cached(&sql)?
        .query_row([item_id], plan_from_row)?)
}

/// Every live item's plan links of a product, by item id (for the export).
pub fn item_plans_of_product(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<HashMap<String, ItemPlan>> {
    let sql = format!("{SELECT_PLAN} WHERE i.product_id = ?1 AND i.deleted_at IS NULL");
    let mut statement = connection.prepare_cached(&sql)?;
    let plans = statement
        .query_map([product_id], plan_from_row)?
        .map(|plan| plan.map(|plan| (plan.item_id.clone(), plan)))
        .collect::<Result<_, _>>()?;
    Ok(plans)
}

fn shown(plan: &ItemPlan, link: PlanLink) -> Option<&PlanRef> {
    match link {
        PlanLink::Goal => plan.goal.as_ref(),
        PlanLink::Theme => plan.theme.as_ref(),
        PlanLink::Release => plan.release.as_ref(),
    }
}

/// The undo label of linking `title` to `target` (or unlinking it from `previous`).
fn link_label(
    link: PlanLink,
    title: &str,
    target: Option<&PlanRef>,
    previous: Option<&PlanRef>,
) -> String {
    let item = quoted(title);
    match (link, target, previous) {
        (PlanLink::Goal, Some(goal), _) => format!("Link {item} to goal {}", quoted(&goal.name)),
        (PlanLink::Goal, None, Some(goal)) => {
            format!("Unlink {item} from goal {}", quoted(&goal.name))
        }
        (PlanLink::Theme, Some(theme), _) => format!("Put {item} in theme {}", quoted(&theme.name)),
        (PlanLink::Theme, None, Some(theme)) => {
            format!("Take {item} out of theme {}", quoted(&theme.name))
        }
        (PlanLink::Release, Some(release), _) => {
            format!("Assign {item} to release {}", quoted(&release.name))
        }
        (PlanLink::Release, None, Some(release)) => {
            format!("Remove {item} from release {}", quoted(&release.name))
        }
        (_, None, None) => format!("Clear the {} of {item}", link.noun()),
    }
}

/// Sets (or, with `None`, clears) an item's goal, theme or release: one transaction, one undo
/// step ("Assign “Bank sync” to release “2.0”"). The target must be a live one of the item's
/// product; setting the link it already shows records nothing.
pub fn set_item_link(
    changes: &mut Changes,
    item_id: &str,
    link: PlanLink,
    target_id: Option<&str>,
) -> CoreResult<ItemPlan> {
    let item = get_item(changes.connection(), item_id)?;
    let current = get_item_plan(changes.connection(), item_id)?;
    let target = match target_id {
        None => None,
        Some(id) => {
            let (target, product_id) =
                plan_target(changes.connection(), link, id).map_err(|error| match error {
                    CoreError::NotFound { .. } => CoreError::invalid(
                        "targetId",
                        format!(
                            "That {} was deleted meanwhile: choose another one.",
                            link.noun()
                        ),
                    ),
                    other => other,
                })?;
            if product_id != item.product_id {
                return Err(CoreError::invalid(
                    "targetId",
                    format!(
                        "{} belongs to another product: link {} to a {} of its own product.",
                        quoted(&target.name),
                        quoted(&item.title),
                        link.noun()
                    ),
                ));
            }
            Some(target)
        }
    };
    let previous = shown(&current, link);
    if previous.map(|p| &p.id) == target.as_ref().map(|t| &t.id) {
        return Ok(current);
    }
    changes.describe(link_label(link, &item.title, target.as_ref(), previous));
    let at = format_timestamp(&now());
    let sql = format!(
        "UPDATE backlog_item SET {column} = ?2, updated_at = ?3 WHERE id = ?1",
        column = link.column()
    );
    let new_target = target.as_ref().map(|t| t.id.clone());
    changes.track(Table::BacklogItem, item_id, |connection| {
        connection.execute(&sql, params![item_id, new_target, at])?;
        Ok(())
    })?;
    get_item_plan(changes.connection(), item_id)
}

#[cfg(test)]
#[path = "item_plan_tests.rs"]
mod tests;
