//! A highlight's links to research tags (`highlight_tag`) and backlog items
//! (`highlight_item`): one row per pair, id `highlight_id:other_id`, soft-deleted when unlinked
//! and revived when linked again. A link to a deleted tag or item is kept but not shown, so
//! undoing that delete shows it again.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use crate::error::{CoreError, CoreResult};
use crate::mutation::{Changes, Table};
use crate::research::NamedRef;
use crate::text::quoted;

/// Which of a highlight's two kinds of link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HighlightLink {
    Tag,
    Item,
}

impl HighlightLink {
    fn table(self) -> Table {
        match self {
            HighlightLink::Tag => Table::HighlightTag,
            HighlightLink::Item => Table::HighlightItem,
        }
    }

    /// The link table's column naming the other side, the table it points to and the column
    /// holding the other side's name.
    fn other(self) -> (&'static str, Table, &'static str) {
        match self {
            HighlightLink::Tag => ("tag_id", Table::Tag, "name"),
            HighlightLink::Item => ("item_id", Table::BacklogItem, "title"),
        }
    }

    fn select(self, scope: &str) -> String {
        let (column, other, name) = self.other();
        format!(
            "SELECT l.highlight_id, o.id, o.{name} FROM {link} l \
             JOIN {other} o ON o.id = l.{column} \
             WHERE {scope} AND l.deleted_at IS NULL AND o.deleted_at IS NULL \
             ORDER BY lower(o.{name}), o.id",
            link = self.table().sql_name(),
            other = other.sql_name(),
        )
    }
}

/// The live tags or items of the highlights `scope` selects (`?1` bound to `key`):
/// highlight id → refs.
pub(crate) fn links_where(
    connection: &Connection,
    kind: HighlightLink,
    scope: &str,
    key: &str,
) -> CoreResult<HashMap<String, Vec<NamedRef>>> {
    let mut links: HashMap<String, Vec<NamedRef>> = HashMap::new();
    let mut statement = connection.prepare_cached(&kind.select(scope))?;
    let rows = statement.query_map([key], |row| {
        Ok((
            row.get::<_, String>(0)?,
            NamedRef {
                id: row.get(1)?,
                name: row.get(2)?,
            },
        ))
    })?;
    for row in rows {
        let (highlight_id, named) = row?;
        links.entry(highlight_id).or_default().push(named);
    }
    Ok(links)
}

/// The named tags or items, each once in the order named: every one live and of `product_id`.
pub(crate) fn checked_links(
    connection: &Connection,
    kind: HighlightLink,
    product_id: &str,
    ids: &[String],
) -> CoreResult<Vec<NamedRef>> {
    let (_, other, name) = kind.other();
    let (field, noun) = match kind {
        HighlightLink::Tag => ("tagIds", "tag"),
        HighlightLink::Item => ("itemIds", "item"),
    };
    let sql = format!(
        "SELECT product_id, {name} FROM {} WHERE id = ?1 AND deleted_at IS NULL",
        other.sql_name()
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let mut refs: Vec<NamedRef> = Vec::with_capacity(ids.len());
    for id in ids {
        if refs.iter().any(|known| &known.id == id) {
            continue;
        }
        let found: Option<(String, String)> = statement
            .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?
            .next()
            .transpose()?;
        let (owner, title) = found.ok_or_else(|| {
            CoreError::invalid(
                field,
                format!("One of these {noun}s was deleted meanwhile: choose them again."),
            )
        })?;
        if owner != product_id {
            return Err(CoreError::invalid(
                field,
                format!("{} belongs to another product.", quoted(&title)),
            ));
        }
        refs.push(NamedRef {
            id: id.clone(),
            name: title,
        });
    }
    Ok(refs)
}

/// Links (or links again) one tag or item to a highlight.
pub(crate) fn link(
    changes: &mut Changes,
    kind: HighlightLink,
    highlight_id: &str,
    other_id: &str,
    product_id: &str,
    at: &str,
) -> CoreResult<()> {
    let id = format!("{highlight_id}:{other_id}");
    let (column, _, _) = kind.other();
    let sql = format!(
        "INSERT INTO {} (id, highlight_id, {column}, product_id, created_at, updated_at, \
         deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5, NULL) \
         ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, deleted_at = NULL",
        kind.table().sql_name()
    );
    changes.track(kind.table(), &id, |connection| {
        connection.execute(&sql, params![id, highlight_id, other_id, product_id, at])?;
        Ok(())
    })
}

/// Unlinks one tag or item from a highlight (a soft delete of the link).
pub(crate) fn unlink(
    changes: &mut Changes,
    kind: HighlightLink,
    highlight_id: &str,
    other_id: &str,
    at: &str,
) -> CoreResult<()> {
    let id = format!("{highlight_id}:{other_id}");
    let sql = format!(
        "UPDATE {} SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
        kind.table().sql_name()
    );
    changes.track(kind.table(), &id, |connection| {
        connection.execute(&sql, params![id, at])?;
        Ok(())
    })
}
