//! The `highlight` table: passages of a note's body, anchored by text quote
//! (`research::anchor`), with their tags and the items they are evidence for.
//!
//! Every write is one transaction and one undo step; deletes are soft (the links stay, hidden
//! with the highlight). A note's body save re-anchors its highlights in the same transaction
//! ([`reanchor_note`]), so the stored anchors always describe the stored body.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::highlight_links::{checked_links, link, links_where, unlink, HighlightLink};
use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::mutation::{Changes, Table};
use crate::queries::products::get_product;
use crate::queries::research_notes::get_note;
use crate::research::{
    locate, quote_at, utf16_len, Highlight, HighlightFilter, HighlightPatch, NamedRef,
    NewHighlight, Quote,
};
use crate::text::quoted;
use crate::time::{format_timestamp, now};

const SELECT_HIGHLIGHT: &str = "SELECT h.id, h.product_id, h.note_id, n.title, h.exact, \
     h.prefix, h.suffix, h.start_utf16, h.orphaned, h.created_at, h.updated_at \
     FROM highlight h JOIN research_note n ON n.id = h.note_id";

/// Live highlights of live notes only.
const LIVE: &str = "h.deleted_at IS NULL AND n.deleted_at IS NULL";

/// In the note's order (where each passage starts), then the order they were made.
const IN_NOTE_ORDER: &str = "ORDER BY n.noted_on DESC, n.id, h.start_utf16, h.created_at, h.id";

fn highlight_from_row(row: &Row) -> rusqlite::Result<Highlight> {
    let exact: String = row.get(4)?;
    let start: u32 = row.get(7)?;
    Ok(Highlight {
        id: row.get(0)?,
        product_id: row.get(1)?,
        note_id: row.get(2)?,
        note_title: row.get(3)?,
        end: start + utf16_len(&exact) as u32,
        exact,
        prefix: row.get(5)?,
        suffix: row.get(6)?,
        start,
        orphaned: row.get(8)?,
        tags: Vec::new(),
        items: Vec::new(),
        created_at: timestamp_column(row, 9)?,
        updated_at: timestamp_column(row, 10)?,
    })
}

/// Fills in the tags and items of `highlights`, read for the highlights `scope` selects.
fn with_links(
    connection: &Connection,
    mut highlights: Vec<Highlight>,
    scope: &str,
    key: &str,
) -> CoreResult<Vec<Highlight>> {
    let mut tags = links_where(connection, HighlightLink::Tag, scope, key)?;
    let mut items = links_where(connection, HighlightLink::Item, scope, key)?;
    for highlight in &mut highlights {
        highlight.tags = tags.remove(&highlight.id).unwrap_or_default();
        highlight.items = items.remove(&highlight.id).unwrap_or_default();
    }
    Ok(highlights)
}

/// A product's live highlights, filtered by note, tag or the participants of their notes; by
/// note (newest first), then in each note's order.
pub fn list_highlights(
    connection: &Connection,
    product_id: &str,
    filter: &HighlightFilter,
) -> CoreResult<Vec<Highlight>> {
    get_product(connection, product_id)?;
    let sql = format!(
        "{SELECT_HIGHLIGHT} WHERE h.product_id = ?1 AND {LIVE} \
         AND (?2 IS NULL OR h.note_id = ?2) \
         AND (?3 IS NULL OR EXISTS (SELECT 1 FROM highlight_tag l WHERE l.highlight_id = h.id \
              AND l.tag_id = ?3 AND l.deleted_at IS NULL)) \
         AND (?4 IS NULL OR EXISTS (SELECT 1 FROM note_participant l WHERE l.note_id = h.note_id \
              AND l.participant_id = ?4 AND l.deleted_at IS NULL)) \
         {IN_NOTE_ORDER}"
    );
    let highlights = connection
        .prepare_cached(&sql)?
        .query_map(
            params![
                product_id,
                filter.note_id,
                filter.tag_id,
                filter.participant_id
            ],
            highlight_from_row,
        )?
        .collect::<Result<Vec<_>, _>>()?;
    with_links(connection, highlights, "l.product_id = ?1", product_id)
}

/// A live highlight of a live note, with its tags and items.
pub fn get_highlight(connection: &Connection, id: &str) -> CoreResult<Highlight> {
    let sql = format!("{SELECT_HIGHLIGHT} WHERE h.id = ?1 AND {LIVE}");
    let highlight = connection
        .prepare_cached(&sql)?
        .query_row([id], highlight_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("highlight", id))?;
    let mut found = with_links(connection, vec![highlight], "l.highlight_id = ?1", id)?;
    found
        .pop()
        .ok_or_else(|| CoreError::not_found("highlight", id))
}

/// A short form of a passage for undo labels: its first few words.
fn passage_label(exact: &str) -> String {
    const LABEL_CHARS: usize = 40;
    let flat: String = exact.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= LABEL_CHARS {
        quoted(&flat)
    } else {
        quoted(&format!(
            "{}…",
            flat.chars().take(LABEL_CHARS).collect::<String>()
        ))
    }
}

/// Highlights the passage between two UTF-16 positions of the note's saved body, with its tags
/// and items: one undo step ("Highlight “…” in “…”"). Nothing is written when the range or a
/// link is refused.
pub fn create_highlight(changes: &mut Changes, new: &NewHighlight) -> CoreResult<Highlight> {
    let note = get_note(changes.connection(), &new.note_id)?;
    let quote = quote_at(&note.body, new.start, new.end)?;
    let tags = checked_links(
        changes.connection(),
        HighlightLink::Tag,
        &note.product_id,
        &new.tag_ids,
    )?;
    let items = checked_links(
        changes.connection(),
        HighlightLink::Item,
        &note.product_id,
        &new.item_ids,
    )?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!(
        "Highlight {} in {}",
        passage_label(&quote.exact),
        quoted(&note.title)
    ));
    changes.track(Table::Highlight, &id, |connection| {
        connection.execute(
            "INSERT INTO highlight (id, product_id, note_id, exact, prefix, suffix, start_utf16, \
             orphaned, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?8)",
            params![
                id,
                note.product_id,
                note.id,
                quote.exact,
                quote.prefix,
                quote.suffix,
                new.start,
                at
            ],
        )?;
        Ok(())
    })?;
    for tag in &tags {
        link(
            changes,
            HighlightLink::Tag,
            &id,
            &tag.id,
            &note.product_id,
            &at,
        )?;
    }
    for item in &items {
        link(
            changes,
            HighlightLink::Item,
            &id,
            &item.id,
            &note.product_id,
            &at,
        )?;
    }
    get_highlight(changes.connection(), &id)
}

/// Sets a highlight's tags and/or items to exactly the ids given: one undo step ("Change the
/// highlight “…”"); a patch that changes nothing records nothing.
pub fn update_highlight(
    changes: &mut Changes,
    id: &str,
    patch: &HighlightPatch,
) -> CoreResult<Highlight> {
    let current = get_highlight(changes.connection(), id)?;
    changes.describe(format!(
        "Change the highlight {}",
        passage_label(&current.exact)
    ));
    let at = format_timestamp(&now());
    for (kind, wanted, present) in [
        (HighlightLink::Tag, &patch.tag_ids, &current.tags),
        (HighlightLink::Item, &patch.item_ids, &current.items),
    ] {
        let Some(ids) = wanted else { continue };
        let wanted = checked_links(changes.connection(), kind, &current.product_id, ids)?;
        set_links(
            changes,
            kind,
            id,
            &current.product_id,
            &wanted,
            present,
            &at,
        )?;
    }
    get_highlight(changes.connection(), id)
}

fn set_links(
    changes: &mut Changes,
    kind: HighlightLink,
    highlight_id: &str,
    product_id: &str,
    wanted: &[NamedRef],
    present: &[NamedRef],
    at: &str,
) -> CoreResult<()> {
    for gone in present
        .iter()
        .filter(|p| !wanted.iter().any(|w| w.id == p.id))
    {
        unlink(changes, kind, highlight_id, &gone.id, at)?;
    }
    for new in wanted
        .iter()
        .filter(|w| !present.iter().any(|p| p.id == w.id))
    {
        link(changes, kind, highlight_id, &new.id, product_id, at)?;
    }
    Ok(())
}

/// Soft-deletes a highlight ("Delete the highlight “…”"); its links stay hidden with it.
pub fn delete_highlight(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let highlight = get_highlight(changes.connection(), id)?;
    changes.describe(format!(
        "Delete the highlight {}",
        passage_label(&highlight.exact)
    ));
    let at = format_timestamp(&now());
    changes.track(Table::Highlight, id, |connection| {
        connection.execute(
            "UPDATE highlight SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}

/// Re-anchors every live highlight of a note in its new `body`, inside the caller's change
/// (the body's save): a passage found moves its hint and refreshes its surroundings (so the
/// next edit compares with the current text) and is un-orphaned; a passage not found is
/// flagged orphaned and keeps its last anchor. Rows whose anchor did not change are not
/// written.
pub(crate) fn reanchor_note(changes: &mut Changes, note_id: &str, body: &str) -> CoreResult<()> {
    let stored: Vec<(String, Quote, u32, bool)> = changes
        .connection()
        .prepare_cached(
            "SELECT id, exact, prefix, suffix, start_utf16, orphaned FROM highlight \
             WHERE note_id = ?1 AND deleted_at IS NULL",
        )?
        .query_map([note_id], |row| {
            Ok((
                row.get(0)?,
                Quote {
                    exact: row.get(1)?,
                    prefix: row.get(2)?,
                    suffix: row.get(3)?,
                },
                row.get(4)?,
                row.get(5)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    let at = format_timestamp(&now());
    for (id, quote, hint, orphaned) in stored {
        match locate(body, &quote, hint) {
            Some(anchor) => {
                if !orphaned
                    && anchor.start_utf16 == hint
                    && anchor.prefix == quote.prefix
                    && anchor.suffix == quote.suffix
                {
                    continue;
                }
                changes.track(Table::Highlight, &id, |connection| {
                    connection.execute(
                        "UPDATE highlight SET start_utf16 = ?2, prefix = ?3, suffix = ?4, \
                         orphaned = 0, updated_at = ?5 WHERE id = ?1",
                        params![id, anchor.start_utf16, anchor.prefix, anchor.suffix, at],
                    )?;
                    Ok(())
                })?;
            }
            None if orphaned => {}
            None => changes.track(Table::Highlight, &id, |connection| {
                connection.execute(
                    "UPDATE highlight SET orphaned = 1, updated_at = ?2 WHERE id = ?1",
                    params![id, at],
                )?;
                Ok(())
            })?,
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "highlights_tests.rs"]
mod tests;
