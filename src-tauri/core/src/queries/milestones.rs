//! The `milestone` table: dated markers of a product's roadmap ("Beta launch"), each optionally
//! of a release (hidden while that release is deleted).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::mutation::{Changes, Table};
use crate::plan::{validate, Milestone, MilestoneFields, PlanLink, PlanRef};
use crate::queries::item_plan::plan_target;
use crate::queries::products::get_product;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

const SELECT_MILESTONE: &str = "SELECT m.id, m.product_id, m.name, m.falls_on, r.id, r.name, \
     m.created_at, m.updated_at FROM milestone m \
     LEFT JOIN roadmap_release r ON r.id = m.release_id AND r.deleted_at IS NULL";

fn milestone_from_row(row: &Row) -> rusqlite::Result<Milestone> {
    let release_id: Option<String> = row.get(4)?;
    let release = match release_id {
        Some(id) => Some(PlanRef {
            id,
            name: row.get(5)?,
        }),
        None => None,
    };
    Ok(Milestone {
        id: row.get(0)?,
        product_id: row.get(1)?,
        name: row.get(2)?,
        falls_on: row.get(3)?,
        release,
        created_at: timestamp_column(row, 6)?,
        updated_at: timestamp_column(row, 7)?,
    })
}

/// A product's milestones in date order.
pub fn list_milestones(connection: &Connection, product_id: &str) -> CoreResult<Vec<Milestone>> {
    get_product(connection, product_id)?;
    let sql = format!(
        "{SELECT_MILESTONE} WHERE m.product_id = ?1 AND m.deleted_at IS NULL \
         ORDER BY m.falls_on, m.created_at, m.id"
    );
    let milestones = connection
        .prepare_cached(&sql)?
        .query_map([product_id], milestone_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(milestones)
}

/// A live milestone of a live product.
pub fn get_milestone(connection: &Connection, id: &str) -> CoreResult<Milestone> {
    let sql = format!(
        "{SELECT_MILESTONE} WHERE m.id = ?1 AND m.deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM product WHERE product.id = m.product_id \
         AND product.deleted_at IS NULL)"
    );
    connection
        .prepare_cached(&sql)?
        .query_row([id], milestone_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("milestone", id))
}

/// Validates the fields, and that the release named (if any) is a live one of the product.
fn checked(
    connection: &Connection,
    product_id: &str,
    fields: &MilestoneFields,
) -> CoreResult<MilestoneFields> {
    let fields = validate::milestone(fields)?;
    if let Some(release_id) = &fields.release_id {
        let (release, owner) = plan_target(connection, PlanLink::Release, release_id).map_err(
            |error| match error {
                CoreError::NotFound { .. } => CoreError::invalid(
                    "releaseId",
                    "That release was deleted meanwhile: choose another one, or none.",
                ),
                other => other,
            },
        )?;
        if owner != product_id {
            return Err(CoreError::invalid(
                "releaseId",
                format!(
                    "Release {} belongs to another product: choose one of this product’s.",
                    quoted(&release.name)
                ),
            ));
        }
    }
    Ok(fields)
}

/// Adds a milestone ("Add milestone “…”").
pub fn create_milestone(
    changes: &mut Changes,
    product_id: &str,
    fields: &MilestoneFields,
) -> CoreResult<Milestone> {
    get_product(changes.connection(), product_id)?;
    let fields = checked(changes.connection(), product_id, fields)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!("Add milestone {}", quoted(&fields.name)));
    changes.track(Table::Milestone, &id, |connection| {
        connection.execute(
            "INSERT INTO milestone (id, product_id, release_id, name, falls_on, created_at, \
             updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![
                id,
                product_id,
                fields.release_id,
                fields.name,
                fields.falls_on,
                at
            ],
        )?;
        Ok(())
    })?;
    get_milestone(changes.connection(), &id)
}

/// Changes a milestone ("Edit milestone “…”"); keeping every value records nothing.
pub fn update_milestone(
    changes: &mut Changes,
    id: &str,
    fields: &MilestoneFields,
) -> CoreResult<Milestone> {
    let current = get_milestone(changes.connection(), id)?;
    let fields = checked(changes.connection(), &current.product_id, fields)?;
    let same = fields.name == current.name
        && fields.falls_on == current.falls_on
        && fields.release_id == current.release.as_ref().map(|r| r.id.clone());
    if same {
        return Ok(current);
    }
    changes.describe(format!("Edit milestone {}", quoted(&fields.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Milestone, id, |connection| {
        connection.execute(
            "UPDATE milestone SET name = ?2, falls_on = ?3, release_id = ?4, updated_at = ?5 \
             WHERE id = ?1",
            params![id, fields.name, fields.falls_on, fields.release_id, at],
        )?;
        Ok(())
    })?;
    get_milestone(changes.connection(), id)
}

/// Soft-deletes a milestone ("Delete milestone “…”").
pub fn delete_milestone(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let milestone = get_milestone(changes.connection(), id)?;
    changes.describe(format!("Delete milestone {}", quoted(&milestone.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Milestone, id, |connection| {
        connection.execute(
            "UPDATE milestone SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}
