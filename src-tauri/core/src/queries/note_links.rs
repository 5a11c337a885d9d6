//! A note's links to its participants (`note_participant`) and tags (`note_tag`): one row per
//! pair, id `note_id:other_id`, soft-deleted when unlinked and revived when linked again.
//! A link to a deleted participant or tag is kept but not shown, so undoing that delete shows
//! it again.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use crate::error::CoreResult;
use crate::mutation::{Changes, Table};
use crate::research::NamedRef;

/// Which of a note's two kinds of link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Participant,
    Tag,
}

impl LinkKind {
    fn table(self) -> Table {
        match self {
            LinkKind::Participant => Table::NoteParticipant,
            LinkKind::Tag => Table::NoteTag,
        }
    }

    /// The link table's column naming the other side, and the table it points to.
    fn other(self) -> (&'static str, Table) {
        match self {
            LinkKind::Participant => ("participant_id", Table::Participant),
            LinkKind::Tag => ("tag_id", Table::Tag),
        }
    }

    /// Participants by name, tags by name (case-insensitively).
    fn order(self) -> &'static str {
        match self {
            LinkKind::Participant => "o.name COLLATE NOCASE, o.id",
            LinkKind::Tag => "lower(o.name), o.id",
        }
    }

    fn select(self, scope: &str) -> String {
        let (column, other) = self.other();
        format!(
            "SELECT l.note_id, o.id, o.name FROM {link} l JOIN {other} o ON o.id = l.{column} \
             WHERE l.{scope} = ?1 AND l.deleted_at IS NULL AND o.deleted_at IS NULL \
             ORDER BY {order}",
            link = self.table().sql_name(),
            other = other.sql_name(),
            order = self.order(),
        )
    }
}

fn named_rows(
    connection: &Connection,
    sql: &str,
    key: &str,
) -> CoreResult<Vec<(String, NamedRef)>> {
    let mut statement = connection.prepare_cached(sql)?;
    let rows = statement
        .query_map([key], |row| {
            Ok((
                row.get::<_, String>(0)?,
                NamedRef {
                    id: row.get(1)?,
                    name: row.get(2)?,
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The live participants or tags of one note.
pub fn links_of_note(
    connection: &Connection,
    kind: LinkKind,
    note_id: &str,
) -> CoreResult<Vec<NamedRef>> {
    let rows = named_rows(connection, &kind.select("note_id"), note_id)?;
    Ok(rows.into_iter().map(|(_, named)| named).collect())
}

/// The live participants or tags of every note of a product: note id → refs (one index range).
pub fn links_of_product(
    connection: &Connection,
    kind: LinkKind,
    product_id: &str,
) -> CoreResult<HashMap<String, Vec<NamedRef>>> {
    let mut links: HashMap<String, Vec<NamedRef>> = HashMap::new();
    for (note_id, named) in named_rows(connection, &kind.select("product_id"), product_id)? {
        links.entry(note_id).or_default().push(named);
    }
    Ok(links)
}

/// Links (or links again, reviving the row an unlink left) one participant or tag to a note.
pub fn link(
    changes: &mut Changes,
    kind: LinkKind,
    note_id: &str,
    other_id: &str,
    product_id: &str,
    at: &str,
) -> CoreResult<()> {
    let id = format!("{note_id}:{other_id}");
    let (column, _) = kind.other();
    let sql = format!(
        "INSERT INTO {} (id, note_id, {column}, product_id, created_at, updated_at, deleted_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, NULL) \
         ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, deleted_at = NULL",
        kind.table().sql_name()
    );
    changes.track(kind.table(), &id, |connection| {
        connection.execute(&sql, params![id, note_id, other_id, product_id, at])?;
        Ok(())
    })
}

/// Unlinks one participant or tag from a note (a soft delete of the link).
pub fn unlink(
    changes: &mut Changes,
    kind: LinkKind,
    note_id: &str,
    other_id: &str,
    at: &str,
) -> CoreResult<()> {
    let id = format!("{note_id}:{other_id}");
    let sql = format!(
        "UPDATE {} SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
        kind.table().sql_name()
    );
    changes.track(kind.table(), &id, |connection| {
        connection.execute(&sql, params![id, at])?;
        Ok(())
    })
}
