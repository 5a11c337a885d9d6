//! The `baseline` table: named, read-only copies of a product's roadmap (one JSON snapshot per
//! row, see migration 10), and comparing one with today. Saving, renaming and deleting are one
//! tracked row each, so one undo step each; the snapshot itself is never changed.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::baseline::compare::compare;
use crate::baseline::snapshot::capture;
use crate::baseline::SNAPSHOT_FORMAT;
use crate::baseline::{Baseline, BaselineBar, BaselineComparison, RoadmapSnapshot};
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::mutation::{Changes, Table};
use crate::plan::validate::{one_line, MAX_NAME_CHARS};
use crate::queries::products::get_product;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

const SELECT_BASELINE: &str =
    "SELECT id, product_id, name, item_count, created_at, updated_at FROM baseline";

fn baseline_from_row(row: &Row) -> rusqlite::Result<Baseline> {
    Ok(Baseline {
        id: row.get(0)?,
        product_id: row.get(1)?,
        name: row.get(2)?,
        item_count: row.get(3)?,
        created_at: timestamp_column(row, 4)?,
        updated_at: timestamp_column(row, 5)?,
    })
}

fn valid_name(name: &str) -> CoreResult<String> {
    one_line(
        "name",
        "baseline's name",
        name,
        MAX_NAME_CHARS,
        Some("Give the baseline a name, e.g. “Q2 planning”."),
    )
}

/// A product's baselines, newest first.
pub fn list_baselines(connection: &Connection, product_id: &str) -> CoreResult<Vec<Baseline>> {
    get_product(connection, product_id)?;
    let sql = format!(
        "{SELECT_BASELINE} WHERE product_id = ?1 AND deleted_at IS NULL \
         ORDER BY created_at DESC, id DESC"
    );
    let baselines = connection
        .prepare_cached(&sql)?
        .query_map([product_id], baseline_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(baselines)
}

/// A live baseline of a live product.
pub fn get_baseline(connection: &Connection, id: &str) -> CoreResult<Baseline> {
    let sql = format!(
        "{SELECT_BASELINE} WHERE id = ?1 AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM product WHERE product.id = baseline.product_id \
         AND product.deleted_at IS NULL)"
    );
    connection
        .prepare_cached(&sql)?
        .query_row([id], baseline_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("baseline", id))
}

/// The roadmap a live baseline froze.
pub fn baseline_snapshot(connection: &Connection, id: &str) -> CoreResult<RoadmapSnapshot> {
    get_baseline(connection, id)?;
    let text: String = connection
        .prepare_cached("SELECT snapshot FROM baseline WHERE id = ?1")?
        .query_row([id], |row| row.get(0))?;
    let snapshot: RoadmapSnapshot = serde_json::from_str(&text).map_err(|error| {
        tracing::error!(%error, baseline = id, "unreadable baseline snapshot");
        CoreError::invalid(
            "baseline",
            "This baseline cannot be read: it may be damaged.",
        )
    })?;
    if snapshot.format > SNAPSHOT_FORMAT {
        return Err(CoreError::invalid(
            "baseline",
            "This baseline was saved by a newer Northstar: update Northstar to compare with it.",
        ));
    }
    Ok(snapshot)
}

/// Freezes the product's roadmap now under `name` ("Save baseline “Q2 planning”").
pub fn save_baseline(changes: &mut Changes, product_id: &str, name: &str) -> CoreResult<Baseline> {
    let name = valid_name(name)?;
    get_product(changes.connection(), product_id)?;
    let snapshot = capture(changes.connection(), product_id)?;
    let text = serde_json::to_string(&snapshot).map_err(|error| {
        tracing::error!(%error, "baseline snapshot not serialisable");
        CoreError::invalid("baseline", "The roadmap could not be saved as a baseline.")
    })?;
    let count = i64::try_from(snapshot.roadmap_item_count()).unwrap_or(i64::MAX);
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!("Save baseline {}", quoted(&name)));
    changes.track(Table::Baseline, &id, |connection| {
        connection.execute(
            "INSERT INTO baseline (id, product_id, name, item_count, snapshot, created_at, \
             updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![id, product_id, name, count, text, at],
        )?;
        Ok(())
    })?;
    get_baseline(changes.connection(), &id)
}

/// Renames a baseline ("Rename baseline “…”"); its roadmap stays as it was.
pub fn rename_baseline(changes: &mut Changes, id: &str, name: &str) -> CoreResult<Baseline> {
    let current = get_baseline(changes.connection(), id)?;
    let name = valid_name(name)?;
    if name == current.name {
        return Ok(current);
    }
    changes.describe(format!(
        "Rename baseline {} to {}",
        quoted(&current.name),
        quoted(&name)
    ));
    let at = format_timestamp(&now());
    changes.track(Table::Baseline, id, |connection| {
        connection.execute(
            "UPDATE baseline SET name = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, name, at],
        )?;
        Ok(())
    })?;
    get_baseline(changes.connection(), id)
}

/// Soft-deletes a baseline ("Delete baseline “…”").
pub fn delete_baseline(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let baseline = get_baseline(changes.connection(), id)?;
    changes.describe(format!("Delete baseline {}", quoted(&baseline.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Baseline, id, |connection| {
        connection.execute(
            "UPDATE baseline SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}

/// A baseline compared with the product's roadmap now.
pub fn compare_baseline(connection: &Connection, id: &str) -> CoreResult<BaselineComparison> {
    let baseline = get_baseline(connection, id)?;
    let then = baseline_snapshot(connection, id)?;
    let today = capture(connection, &baseline.product_id)?;
    let groups = compare(&then, &today);
    let count: usize = groups.iter().map(|group| group.changes.len()).sum();
    let summary = match count {
        0 => format!("Nothing changed since {}.", quoted(&baseline.name)),
        1 => format!("1 change since {}.", quoted(&baseline.name)),
        many => format!("{many} changes since {}.", quoted(&baseline.name)),
    };
    let live: std::collections::HashSet<&str> =
        today.items.iter().map(|item| item.id.as_str()).collect();
    let bars = then
        .items
        .iter()
        .filter(|item| live.contains(item.id.as_str()))
        .filter_map(|item| {
            Some(BaselineBar {
                item_id: item.id.clone(),
                start_date: item.start_date.clone()?,
                end_date: item.end_date.clone()?,
            })
        })
        .collect();
    Ok(BaselineComparison {
        baseline,
        groups,
        summary,
        bars,
    })
}

#[cfg(test)]
#[path = "baselines_tests.rs"]
mod tests;
