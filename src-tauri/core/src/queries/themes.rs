//! The `theme` table: the themes a product's items are grouped under. Deletes are soft: the
//! items keep their link, hidden while the theme is deleted.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::mutation::{Changes, Table};
use crate::plan::{validate, PlanLink, Theme, ThemeFields};
use crate::queries::item_plan::{items_by_target, items_of_target};
use crate::queries::products::get_product;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

const SELECT_THEME: &str =
    "SELECT id, product_id, name, description, created_at, updated_at FROM theme";

fn theme_from_row(row: &Row) -> rusqlite::Result<Theme> {
    Ok(Theme {
        id: row.get(0)?,
        product_id: row.get(1)?,
        name: row.get(2)?,
        description: row.get(3)?,
        items: Vec::new(),
        created_at: timestamp_column(row, 4)?,
        updated_at: timestamp_column(row, 5)?,
    })
}

/// A product's themes, oldest first, each with its items in backlog order.
pub fn list_themes(connection: &Connection, product_id: &str) -> CoreResult<Vec<Theme>> {
    get_product(connection, product_id)?;
    let sql = format!(
        "{SELECT_THEME} WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id"
    );
    let themes: Vec<Theme> = connection
        .prepare_cached(&sql)?
        .query_map([product_id], theme_from_row)?
        .collect::<Result<_, _>>()?;
    let mut items = items_by_target(connection, product_id, PlanLink::Theme)?;
    Ok(themes
        .into_iter()
        .map(|mut theme| {
            theme.items = items.remove(&theme.id).unwrap_or_default();
            theme
        })
        .collect())
}

/// A live theme of a live product, with its items.
pub fn get_theme(connection: &Connection, id: &str) -> CoreResult<Theme> {
    let sql = format!(
        "{SELECT_THEME} WHERE id = ?1 AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM product WHERE product.id = theme.product_id \
         AND product.deleted_at IS NULL)"
    );
    let mut theme = connection
        .prepare_cached(&sql)?
        .query_row([id], theme_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("theme", id))?;
    theme.items = items_of_target(connection, PlanLink::Theme, id)?;
    Ok(theme)
}

/// Adds a theme ("Add theme “…”").
pub fn create_theme(
    changes: &mut Changes,
    product_id: &str,
    fields: &ThemeFields,
) -> CoreResult<Theme> {
    let fields = validate::theme(fields)?;
    get_product(changes.connection(), product_id)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!("Add theme {}", quoted(&fields.name)));
    changes.track(Table::Theme, &id, |connection| {
        connection.execute(
            "INSERT INTO theme (id, product_id, name, description, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![id, product_id, fields.name, fields.description, at],
        )?;
        Ok(())
    })?;
    get_theme(changes.connection(), &id)
}

/// Renames or redescribes a theme ("Edit theme “…”"); keeping both records nothing.
pub fn update_theme(changes: &mut Changes, id: &str, fields: &ThemeFields) -> CoreResult<Theme> {
    let current = get_theme(changes.connection(), id)?;
    let fields = validate::theme(fields)?;
    if fields.name == current.name && fields.description == current.description {
        return Ok(current);
    }
    changes.describe(format!("Edit theme {}", quoted(&fields.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Theme, id, |connection| {
        connection.execute(
            "UPDATE theme SET name = ?2, description = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, fields.name, fields.description, at],
        )?;
        Ok(())
    })?;
    get_theme(changes.connection(), id)
}

/// Soft-deletes a theme ("Delete theme “…”"); its items' links are hidden, not cleared.
pub fn delete_theme(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let theme = get_theme(changes.connection(), id)?;
    changes.describe(format!("Delete theme {}", quoted(&theme.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Theme, id, |connection| {
        connection.execute(
            "UPDATE theme SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}
