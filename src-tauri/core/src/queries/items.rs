//! The `backlog_item` table: reading, creating, editing and deleting items. Moves are in
//! [`super::item_moves`].
//!
//! Order is `ORDER BY rank, id` over the product's live items. Every query here is an index
//! lookup or an index-ordered range: nothing counts positions or scans for the highest rank.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::excerpt::{plain_excerpt, EXCERPT_CHARS, EXCERPT_SOURCE_CHARS};
use crate::ids::new_id;
use crate::model::{BacklogItem, ItemKind, ItemPatch, ItemStatus, ItemSummary, NewItem};
use crate::mutation::{Changes, Table};
use crate::queries::item_scores::{inputs_from_row, INPUT_COLUMNS};
use crate::queries::products::get_product;
use crate::rank::key_between;
use crate::roadmap::Horizon;
use crate::scoring::positions::score_positions;
use crate::scoring::{ScoreInputs, ScorePositions, Scores};
use crate::text::quoted;
use crate::time::{format_timestamp, now};
use crate::validate::{validate_long_text, validate_title};

pub use super::item_moves::move_item;

const SELECT_ITEM: &str = "SELECT id, product_id, title, description, status, kind, rank, \
     created_at, updated_at, horizon, start_date, end_date FROM backlog_item";

/// The roadmap's columns of an item, read by [`roadmap_columns`].
pub(crate) const ROADMAP_COLUMNS: &str = "horizon, start_date, end_date";

/// The highest rank the product ever used, deleted items included (an index lookup on
/// `backlog_item_by_product_rank`).
pub(crate) const LAST_RANK_SQL: &str =
    "SELECT rank FROM backlog_item WHERE product_id = ?1 ORDER BY rank DESC LIMIT 1";

/// The product's live items in rank order, reading only the start of each description, and
/// their roadmap columns (8–10) and score inputs ([`INPUT_COLUMNS`] from column 11).
pub(crate) fn summaries_sql() -> String {
    format!(
        "SELECT id, product_id, title, kind, status, rank, substr(description, 1, ?2), \
         updated_at, {ROADMAP_COLUMNS}, {INPUT_COLUMNS} FROM backlog_item \
         WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY rank, id"
    )
}

fn conversion_error(index: usize, error: CoreError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        index,
        rusqlite::types::Type::Text,
        error.to_string().into(),
    )
}

pub(crate) fn status_column(row: &Row, index: usize) -> rusqlite::Result<ItemStatus> {
    let text: String = row.get(index)?;
    ItemStatus::parse(&text).map_err(|error| conversion_error(index, error))
}

pub(crate) fn kind_column(row: &Row, index: usize) -> rusqlite::Result<ItemKind> {
    let text: String = row.get(index)?;
    ItemKind::parse(&text).map_err(|error| conversion_error(index, error))
}

fn horizon_column(row: &Row, index: usize) -> rusqlite::Result<Option<Horizon>> {
    let text: Option<String> = row.get(index)?;
    text.map(|text| Horizon::parse(&text).map_err(|error| conversion_error(index, error)))
        .transpose()
}

/// An item's horizon, start and end day from [`ROADMAP_COLUMNS`] read from column `first`.
pub(crate) fn roadmap_columns(
    row: &Row,
    first: usize,
) -> rusqlite::Result<(Option<Horizon>, Option<String>, Option<String>)> {
    Ok((
        horizon_column(row, first)?,
        row.get(first + 1)?,
        row.get(first + 2)?,
    ))
}

fn item_from_row(row: &Row) -> rusqlite::Result<BacklogItem> {
    let (horizon, start_date, end_date) = roadmap_columns(row, 9)?;
    Ok(BacklogItem {
        id: row.get(0)?,
        product_id: row.get(1)?,
        title: row.get(2)?,
        description: row.get(3)?,
        status: status_column(row, 4)?,
        kind: kind_column(row, 5)?,
        rank: row.get(6)?,
        created_at: timestamp_column(row, 7)?,
        updated_at: timestamp_column(row, 8)?,
        horizon,
        start_date,
        end_date,
    })
}

/// The product's backlog in rank order, every field (for the export).
pub fn list_items(connection: &Connection, product_id: &str) -> CoreResult<Vec<BacklogItem>> {
    get_product(connection, product_id)?;
    let sql =
        format!("{SELECT_ITEM} WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY rank, id");
    let mut statement = connection.prepare_cached(&sql)?;
    let items = statement
        .query_map([product_id], item_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(items)
}

/// [`list_items`] with each item's score inputs, read by the same statement.
pub fn list_items_with_inputs(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<Vec<(BacklogItem, ScoreInputs)>> {
    get_product(connection, product_id)?;
    let sql = format!(
        "SELECT id, product_id, title, description, status, kind, rank, created_at, updated_at, \
         {ROADMAP_COLUMNS}, {INPUT_COLUMNS} FROM backlog_item \
         WHERE product_id = ?1 AND deleted_at IS NULL \
         ORDER BY rank, id"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let items = statement
        .query_map([product_id], |row| {
            Ok((item_from_row(row)?, inputs_from_row(row, 12)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(items)
}

/// The product's backlog in rank order as the rows a list shows: 1-based positions, a
/// plain-text excerpt instead of the description, the score inputs, the scores and each
/// item's place in every score order.
pub fn list_item_summaries(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<Vec<ItemSummary>> {
    let product = get_product(connection, product_id)?;
    let mut statement = connection.prepare_cached(&summaries_sql())?;
    let mut position = 0;
    let source_chars = i64::try_from(EXCERPT_SOURCE_CHARS).unwrap_or(i64::MAX);
    let mut items: Vec<ItemSummary> = statement
        .query_map(params![product_id, source_chars], |row| {
            position += 1;
            let description: String = row.get(6)?;
            let (horizon, start_date, end_date) = roadmap_columns(row, 8)?;
            let inputs = inputs_from_row(row, 11)?;
            Ok(ItemSummary {
                id: row.get(0)?,
                product_id: row.get(1)?,
                title: row.get(2)?,
                kind: kind_column(row, 3)?,
                status: status_column(row, 4)?,
                rank: row.get(5)?,
                position,
                excerpt: plain_excerpt(&description, EXCERPT_CHARS),
                updated_at: timestamp_column(row, 7)?,
                scores: Scores::of(&inputs, product.ice_mode),
                inputs,
                score_positions: ScorePositions::default(),
                horizon,
                start_date,
                end_date,
                evidence_count: 0,
            })
        })?
        .collect::<Result<_, _>>()?;
    let positions = score_positions(items.iter().map(|item| &item.scores));
    // One grouped query for the whole list, rather than a count per row.
    let evidence = crate::queries::evidence::evidence_counts(connection, product_id)?;
    for (item, positions) in items.iter_mut().zip(positions) {
        item.score_positions = positions;
        item.evidence_count = evidence.get(&item.id).copied().unwrap_or(0);
    }
    Ok(items)
}

/// A live item of a live product, with every field.
pub fn get_item(connection: &Connection, id: &str) -> CoreResult<BacklogItem> {
    let sql = format!(
        "{SELECT_ITEM} WHERE id = ?1 AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM product WHERE product.id = backlog_item.product_id \
         AND product.deleted_at IS NULL)"
    );
    connection
        .prepare_cached(&sql)?
        .query_row([id], item_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("item", id))
}

/// A rank that cannot be computed means the stored order is damaged (two items share a rank,
/// or a key was edited by hand): say so in words, and point at the repair tool.
pub(crate) fn rank_problem(error: CoreError) -> CoreError {
    let _ = error;
    CoreError::Conflict(
        "The order of this backlog is damaged, so the item was not moved. Run “northstar check” \
         for details."
            .into(),
    )
}

pub fn create_item(changes: &mut Changes, new: &NewItem) -> CoreResult<BacklogItem> {
    let title = validate_title("title", "item", &new.title)?;
    let description = validate_long_text("description", new.description.as_deref().unwrap_or(""))?;
    let status = new
        .status
        .as_deref()
        .map(ItemStatus::parse)
        .transpose()?
        .unwrap_or(ItemStatus::Idea);
    let kind = new
        .kind
        .as_deref()
        .map(ItemKind::parse)
        .transpose()?
        .unwrap_or(ItemKind::Feature);
    get_product(changes.connection(), &new.product_id)?;

    // After every rank the product ever used, deleted items included: undoing a delete must
    // never bring back an item whose rank a newer item took.
    let last_rank: Option<String> = changes
        .connection()
        .prepare_cached(LAST_RANK_SQL)?
        .query_row([&new.product_id], |row| row.get(0))
        .optional()?;
    // Past the ranks the undo history holds too: a moved item's old rank is free now, but an
    // undo may bring it back after this item's creation was undone (which hides it, rank and all).
    let recorded = changes.highest_recorded_rank(Table::BacklogItem, "product_id", &new.product_id);
    let last_rank = last_rank.max(recorded);
    let rank = key_between(last_rank.as_deref(), None).map_err(rank_problem)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!("Add {}", quoted(&title)));
    changes.track(Table::BacklogItem, &id, |connection| {
        connection.execute(
            "INSERT INTO backlog_item (id, product_id, title, description, status, kind, rank, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id,
                new.product_id,
                title,
                description,
                status.as_str(),
                kind.as_str(),
                rank,
                at
            ],
        )?;
        Ok(())
    })?;
    get_item(changes.connection(), &id)
}

pub fn update_item(changes: &mut Changes, id: &str, patch: &ItemPatch) -> CoreResult<BacklogItem> {
    let current = get_item(changes.connection(), id)?;
    let title = match &patch.title {
        Some(title) => validate_title("title", "item", title)?,
        None => current.title.clone(),
    };
    let description = match &patch.description {
        Some(text) => validate_long_text("description", text)?,
        None => current.description.clone(),
    };
    let status = patch
        .status
        .as_deref()
        .map(ItemStatus::parse)
        .transpose()?
        .unwrap_or(current.status);
    let kind = patch
        .kind
        .as_deref()
        .map(ItemKind::parse)
        .transpose()?
        .unwrap_or(current.kind);
    if title == current.title
        && description == current.description
        && status == current.status
        && kind == current.kind
    {
        return Ok(current);
    }
    changes.describe(if status != current.status && title == current.title {
        format!("Set {} to {}", quoted(&title), status.label())
    } else {
        format!("Edit {}", quoted(&title))
    });
    let at = format_timestamp(&now());
    changes.track(Table::BacklogItem, id, |connection| {
        connection.execute(
            "UPDATE backlog_item SET title = ?2, description = ?3, status = ?4, kind = ?5, \
             updated_at = ?6 WHERE id = ?1",
            params![id, title, description, status.as_str(), kind.as_str(), at],
        )?;
        Ok(())
    })?;
    get_item(changes.connection(), id)
}

/// Soft-deletes the item; its rank is kept so undo puts it back where it was.
pub fn delete_item(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let item = get_item(changes.connection(), id)?;
    changes.describe(format!("Delete {}", quoted(&item.title)));
    let at = format_timestamp(&now());
    changes.track(Table::BacklogItem, id, |connection| {
        connection.execute(
            "UPDATE backlog_item SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::queries::products::create_product;
    use crate::Store;

    pub fn store_with_items(titles: &[&str]) -> (Store, String) {
        let store = Store::open_in_memory().unwrap();
        let product = store
            .write(|changes| create_product(changes, "Lumen"))
            .unwrap();
        for title in titles {
            let new = NewItem {
                product_id: product.id.clone(),
                title: title.to_string(),
                ..Default::default()
            };
            store.write(|changes| create_item(changes, &new)).unwrap();
        }
        (store, product.id)
    }

    pub fn titles(store: &Store, product_id: &str) -> Vec<String> {
        store
            .read(|c| list_items(c, product_id))
            .unwrap()
            .into_iter()
            .map(|item| item.title)
            .collect()
    }

    pub fn id_of(store: &Store, product_id: &str, title: &str) -> String {
        let items = store.read(|c| list_items(c, product_id)).unwrap();
        items
            .into_iter()
            .find(|item| item.title == title)
            .unwrap()
            .id
    }

    /// The query plan's lines, to check that a query is served by an index.
    pub fn query_plan(connection: &Connection, sql: &str, arguments: usize) -> Vec<String> {
        let explain = format!("EXPLAIN QUERY PLAN {sql}");
        let mut statement = connection.prepare(&explain).unwrap();
        let values: Vec<String> = (0..arguments).map(|_| "x".to_string()).collect();
        statement
            .query_map(rusqlite::params_from_iter(values), |row| {
                row.get::<_, String>(3)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }
}

#[cfg(test)]
#[path = "items_tests.rs"]
mod tests;
