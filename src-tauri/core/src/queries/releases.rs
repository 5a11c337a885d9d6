//! The `roadmap_release` table: a product's releases with their dates and capacity, and each
//! release's load, derived from its items on every read (`plan::load`). Deletes are soft: the
//! items and milestones keep their link, hidden while the release is deleted.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::mutation::{Changes, Table};
use crate::plan::load::{release_load, size_in, DEFAULT_UNIT};
use crate::plan::{validate, CapacityUnit, Release, ReleaseDetail, ReleaseFields, ReleaseItem};
use crate::queries::products::get_product;
use crate::scoring::MoscowBucket;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

const SELECT_RELEASE: &str = "SELECT id, product_id, name, starts_on, ends_on, capacity, \
     capacity_unit, created_at, updated_at FROM roadmap_release";

/// In date order: the first to start first, then the first to end.
const DATE_ORDER: &str = "ORDER BY starts_on, ends_on, created_at, id";

const SELECT_SIZED_ITEM: &str =
    "SELECT release_id, id, title, moscow, rice_effort, wsjf_job_size FROM backlog_item";

/// A release's item as read, before it is sized in the release's unit.
struct SizedRow {
    release_id: String,
    id: String,
    title: String,
    moscow: Option<MoscowBucket>,
    rice_effort: Option<f64>,
    wsjf_job_size: Option<i32>,
}

fn sized_row(row: &Row) -> rusqlite::Result<SizedRow> {
    let moscow: Option<String> = row.get(3)?;
    Ok(SizedRow {
        release_id: row.get(0)?,
        id: row.get(1)?,
        title: row.get(2)?,
        moscow: moscow.as_deref().and_then(MoscowBucket::parse),
        rice_effort: row.get(4)?,
        wsjf_job_size: row.get(5)?,
    })
}

fn release_from_row(row: &Row) -> rusqlite::Result<Release> {
    let unit: Option<String> = row.get(6)?;
    let capacity_unit = unit.as_deref().and_then(CapacityUnit::parse);
    let capacity: Option<f64> = row.get(5)?;
    Ok(Release {
        id: row.get(0)?,
        product_id: row.get(1)?,
        name: row.get(2)?,
        starts_on: row.get(3)?,
        ends_on: row.get(4)?,
        capacity,
        capacity_unit,
        load: release_load(capacity, capacity_unit.unwrap_or(DEFAULT_UNIT), &[]),
        created_at: timestamp_column(row, 7)?,
        updated_at: timestamp_column(row, 8)?,
    })
}

/// Sizes `rows` in the release's unit and derives its load.
fn with_items(mut release: Release, rows: Vec<SizedRow>) -> (Release, Vec<ReleaseItem>) {
    let unit = release.capacity_unit.unwrap_or(DEFAULT_UNIT);
    let items: Vec<ReleaseItem> = rows
        .into_iter()
        .map(|row| ReleaseItem {
            size: size_in(unit, row.rice_effort, row.wsjf_job_size),
            id: row.id,
            title: row.title,
            moscow: row.moscow,
        })
        .collect();
    release.load = release_load(release.capacity, unit, &items);
    (release, items)
}

/// A product's releases in date order, each with its load.
pub fn list_releases(connection: &Connection, product_id: &str) -> CoreResult<Vec<Release>> {
    get_product(connection, product_id)?;
    let sql = format!("{SELECT_RELEASE} WHERE product_id = ?1 AND deleted_at IS NULL {DATE_ORDER}");
    let releases: Vec<Release> = connection
        .prepare_cached(&sql)?
        .query_map([product_id], release_from_row)?
        .collect::<Result<_, _>>()?;
    let sql = format!(
        "{SELECT_SIZED_ITEM} WHERE product_id = ?1 AND deleted_at IS NULL \
         AND release_id IS NOT NULL ORDER BY rank, id"
    );
    let mut rows: HashMap<String, Vec<SizedRow>> = HashMap::new();
    let mut statement = connection.prepare_cached(&sql)?;
    for row in statement.query_map([product_id], sized_row)? {
        let row = row?;
        rows.entry(row.release_id.clone()).or_default().push(row);
    }
    Ok(releases
        .into_iter()
        .map(|release| {
            let items = rows.remove(&release.id).unwrap_or_default();
            with_items(release, items).0
        })
        .collect())
}

/// A live release of a live product with its items in backlog order and its load.
pub fn get_release(connection: &Connection, id: &str) -> CoreResult<ReleaseDetail> {
    let sql = format!(
        "{SELECT_RELEASE} WHERE id = ?1 AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM product WHERE product.id = roadmap_release.product_id \
         AND product.deleted_at IS NULL)"
    );
    let release = connection
        .prepare_cached(&sql)?
        .query_row([id], release_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("release", id))?;
    let sql = format!(
        "{SELECT_SIZED_ITEM} WHERE release_id = ?1 AND deleted_at IS NULL ORDER BY rank, id"
    );
    let rows = connection
        .prepare_cached(&sql)?
        .query_map([id], sized_row)?
        .collect::<Result<_, _>>()?;
    let (release, items) = with_items(release, rows);
    Ok(ReleaseDetail { release, items })
}

/// Adds a release ("Add release “…”").
pub fn create_release(
    changes: &mut Changes,
    product_id: &str,
    fields: &ReleaseFields,
) -> CoreResult<ReleaseDetail> {
    let fields = validate::release(fields)?;
    get_product(changes.connection(), product_id)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!("Add release {}", quoted(&fields.name)));
    changes.track(Table::Release, &id, |connection| {
        connection.execute(
            "INSERT INTO roadmap_release (id, product_id, name, starts_on, ends_on, capacity, \
             capacity_unit, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id,
                product_id,
                fields.name,
                fields.starts_on,
                fields.ends_on,
                fields.capacity,
                fields.capacity_unit.map(CapacityUnit::as_str),
                at
            ],
        )?;
        Ok(())
    })?;
    get_release(changes.connection(), &id)
}

/// Changes a release's name, dates or capacity ("Edit release “…”"); keeping every value
/// records nothing.
pub fn update_release(
    changes: &mut Changes,
    id: &str,
    fields: &ReleaseFields,
) -> CoreResult<ReleaseDetail> {
    let current = get_release(changes.connection(), id)?;
    let fields = validate::release(fields)?;
    let now_release = &current.release;
    let same = fields.name == now_release.name
        && fields.starts_on == now_release.starts_on
        && fields.ends_on == now_release.ends_on
        && fields.capacity == now_release.capacity
        && fields.capacity_unit == now_release.capacity_unit;
    if same {
        return Ok(current);
    }
    changes.describe(format!("Edit release {}", quoted(&fields.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Release, id, |connection| {
        connection.execute(
            "UPDATE roadmap_release SET name = ?2, starts_on = ?3, ends_on = ?4, capacity = ?5, \
             capacity_unit = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                id,
                fields.name,
                fields.starts_on,
                fields.ends_on,
                fields.capacity,
                fields.capacity_unit.map(CapacityUnit::as_str),
                at
            ],
        )?;
        Ok(())
    })?;
    get_release(changes.connection(), id)
}

/// Soft-deletes a release ("Delete release “…”"); its items and milestones keep their link,
/// hidden until an undo brings the release back.
pub fn delete_release(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let release = get_release(changes.connection(), id)?.release;
    changes.describe(format!("Delete release {}", quoted(&release.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Release, id, |connection| {
        connection.execute(
            "UPDATE roadmap_release SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}

#[cfg(test)]
#[path = "releases_tests.rs"]
mod tests;
