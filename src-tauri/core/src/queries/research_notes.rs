//! The `research_note` table and a note's participants and tags.
//!
//! Every write is one transaction and one undo step through [`Changes::track`]; deletes are
//! soft (a deleted note keeps its links, hidden with it, so undo brings it back whole). The body
//! is saved on its own by [`save_note_body`], which the editor calls while the user types: its
//! saves of one note coalesce into one undo step per burst ("Edit “Interview with Dana”").

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::highlights::reanchor_note;
use super::note_links::{link, links_of_note, links_of_product, unlink, LinkKind};
use super::timestamp_column;
use crate::decision::today;
use crate::error::{CoreError, CoreResult};
use crate::excerpt::plain_excerpt;
use crate::ids::new_id;
use crate::mutation::{Changes, Table};
use crate::queries::participants::{get_participant, insert_participant};
use crate::queries::products::get_product;
use crate::queries::tags::{find_tag, get_tag, insert_tag};
use crate::research::{
    validate_note_body, validate_note_title, validate_noted_on, validate_source, NamedRef, NewNote,
    NewParticipant, NoteFilter, NotePatch, NoteSummary, NoteType, ResearchNote,
};
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// How many characters of the body a list row's excerpt shows.
const EXCERPT_CHARS: usize = 240;

/// Newest first: the note's day, then the moment it was written down.
const NEWEST_FIRST: &str = "ORDER BY n.noted_on DESC, n.created_at DESC, n.id DESC";

fn note_type_column(row: &Row, index: usize) -> rusqlite::Result<NoteType> {
    let text: String = row.get(index)?;
    NoteType::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unknown note type “{text}”").into(),
        )
    })
}

/// The product's live notes, newest first, filtered by type, tag or participant.
pub fn list_notes(
    connection: &Connection,
    product_id: &str,
    filter: &NoteFilter,
) -> CoreResult<Vec<NoteSummary>> {
    get_product(connection, product_id)?;
    // The body's first few thousand bytes are enough for an excerpt: a list of long notes must
    // not read megabytes.
    let sql = format!(
        "SELECT n.id, n.note_type, n.title, n.noted_on, n.source, substr(n.body, 1, 4000), \
         n.updated_at FROM research_note n \
         WHERE n.product_id = ?1 AND n.deleted_at IS NULL \
         AND (?2 IS NULL OR n.note_type = ?2) \
         AND (?3 IS NULL OR EXISTS (SELECT 1 FROM note_tag l WHERE l.note_id = n.id \
              AND l.tag_id = ?3 AND l.deleted_at IS NULL)) \
         AND (?4 IS NULL OR EXISTS (SELECT 1 FROM note_participant l WHERE l.note_id = n.id \
              AND l.participant_id = ?4 AND l.deleted_at IS NULL)) \
         {NEWEST_FIRST}"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(
        params![
            product_id,
            filter.note_type.map(NoteType::as_str),
            filter.tag_id,
            filter.participant_id
        ],
        |row| {
            let body: String = row.get(5)?;
            Ok(NoteSummary {
                id: row.get(0)?,
                note_type: note_type_column(row, 1)?,
                title: row.get(2)?,
                noted_on: row.get(3)?,
                source: row.get(4)?,
                excerpt: plain_excerpt(&body, EXCERPT_CHARS),
                participants: Vec::new(),
                tags: Vec::new(),
                updated_at: timestamp_column(row, 6)?,
            })
        },
    )?;
    let mut notes: Vec<NoteSummary> = rows.collect::<Result<_, _>>()?;
    let mut participants = links_of_product(connection, LinkKind::Participant, product_id)?;
    let mut tags = links_of_product(connection, LinkKind::Tag, product_id)?;
    for note in &mut notes {
        note.participants = participants.remove(&note.id).unwrap_or_default();
        note.tags = tags.remove(&note.id).unwrap_or_default();
    }
    Ok(notes)
}

/// A live note of a live product, with its body, participants and tags.
pub fn get_note(connection: &Connection, id: &str) -> CoreResult<ResearchNote> {
    let mut note = connection
        .prepare_cached(
            "SELECT n.id, n.product_id, n.note_type, n.title, n.body, n.noted_on, n.source, \
             n.created_at, n.updated_at FROM research_note n \
             WHERE n.id = ?1 AND n.deleted_at IS NULL AND EXISTS (SELECT 1 FROM product p \
             WHERE p.id = n.product_id AND p.deleted_at IS NULL)",
        )?
        .query_row([id], |row| {
            Ok(ResearchNote {
                id: row.get(0)?,
                product_id: row.get(1)?,
                note_type: note_type_column(row, 2)?,
                title: row.get(3)?,
                body: row.get(4)?,
                noted_on: row.get(5)?,
                source: row.get(6)?,
                participants: Vec::new(),
                tags: Vec::new(),
                created_at: timestamp_column(row, 7)?,
                updated_at: timestamp_column(row, 8)?,
            })
        })
        .optional()?
        .ok_or_else(|| CoreError::not_found("note", id))?;
    note.participants = links_of_note(connection, LinkKind::Participant, id)?;
    note.tags = links_of_note(connection, LinkKind::Tag, id)?;
    Ok(note)
}

/// Writes a note down: one undo step ("Add note “…”"). Nothing is written when a field is
/// refused.
pub fn create_note(changes: &mut Changes, new: &NewNote) -> CoreResult<ResearchNote> {
    let title = validate_note_title(&new.title)?;
    let body = validate_note_body(new.body.as_deref().unwrap_or(""))?;
    let source = validate_source(new.source.as_deref().unwrap_or(""))?;
    let noted_on = match &new.noted_on {
        Some(day) => validate_noted_on(day)?,
        None => today(),
    };
    get_product(changes.connection(), &new.product_id)?;
    let at = format_timestamp(&now());
    changes.describe(format!("Add note {}", quoted(&title)));
    let row = NoteRow {
        product_id: &new.product_id,
        note_type: new.note_type,
        title: &title,
        body: &body,
        noted_on: &noted_on,
        source: &source,
    };
    let id = new_id();
    insert_note_row(changes, &id, &row, &at)?;
    get_note(changes.connection(), &id)
}

/// A note's fields, already validated, for [`insert_note_row`].
pub(crate) struct NoteRow<'a> {
    pub product_id: &'a str,
    pub note_type: NoteType,
    pub title: &'a str,
    pub body: &'a str,
    pub noted_on: &'a str,
    pub source: &'a str,
}

/// Writes a new note's row under `id` (tracked, without an undo label of its own: an import
/// writes many in one step).
pub(crate) fn insert_note_row(
    changes: &mut Changes,
    id: &str,
    row: &NoteRow,
    at: &str,
) -> CoreResult<()> {
    changes.track(Table::ResearchNote, id, |connection| {
        connection
            .prepare_cached(
                "INSERT INTO research_note (id, product_id, note_type, title, body, noted_on, \
                 source, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            )?
            .execute(params![
                id,
                row.product_id,
                row.note_type.as_str(),
                row.title,
                row.body,
                row.noted_on,
                row.source,
                at
            ])?;
        Ok(())
    })
}

/// Changes a note's type, title, day or source: one undo step ("Edit note “…”"); an edit that
/// keeps every value records nothing.
pub fn update_note(changes: &mut Changes, id: &str, patch: &NotePatch) -> CoreResult<ResearchNote> {
    let current = get_note(changes.connection(), id)?;
    let title = match &patch.title {
        Some(text) => validate_note_title(text)?,
        None => current.title.clone(),
    };
    let noted_on = match &patch.noted_on {
        Some(day) => validate_noted_on(day)?,
        None => current.noted_on.clone(),
    };
    let source = match &patch.source {
        Some(text) => validate_source(text)?,
        None => current.source.clone(),
    };
    let note_type = patch.note_type.unwrap_or(current.note_type);
    if title == current.title
        && noted_on == current.noted_on
        && source == current.source
        && note_type == current.note_type
    {
        return Ok(current);
    }
    changes.describe(format!("Edit note {}", quoted(&title)));
    let at = format_timestamp(&now());
    changes.track(Table::ResearchNote, id, |connection| {
        connection.execute(
            "UPDATE research_note SET note_type = ?2, title = ?3, noted_on = ?4, source = ?5, \
             updated_at = ?6 WHERE id = ?1",
            params![id, note_type.as_str(), title, noted_on, source, at],
        )?;
        Ok(())
    })?;
    get_note(changes.connection(), id)
}

/// The coalescing key of a note's body saves.
pub fn body_burst_key(note_id: &str) -> String {
    format!("note-body:{note_id}")
}

/// Saves a note's body as typed (autosave). Saves of one note made one after another are one
/// undo step ("Edit “Interview with Dana”"); a body equal to the saved one records nothing.
pub fn save_note_body(changes: &mut Changes, id: &str, body: &str) -> CoreResult<ResearchNote> {
    let body = validate_note_body(body)?;
    let current = get_note(changes.connection(), id)?;
    if body == current.body {
        return Ok(current);
    }
    changes.describe(format!("Edit {}", quoted(&current.title)));
    changes.coalesce_with(body_burst_key(id));
    let at = format_timestamp(&now());
    changes.track(Table::ResearchNote, id, |connection| {
        connection.execute(
            "UPDATE research_note SET body = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, body, at],
        )?;
        Ok(())
    })?;
    // In the same transaction (and undo step) as the body, so anchors never describe another
    // text than the stored one.
    reanchor_note(changes, id, &body)?;
    get_note(changes.connection(), id)
}

/// Soft-deletes a note ("Delete note “…”"); its links stay hidden with it.
pub fn delete_note(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let note = get_note(changes.connection(), id)?;
    changes.describe(format!("Delete note {}", quoted(&note.title)));
    let at = format_timestamp(&now());
    changes.track(Table::ResearchNote, id, |connection| {
        connection.execute(
            "UPDATE research_note SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}

/// The named participants or tags, each once in the order named: every one live and of the
/// note's product.
fn checked_refs(
    connection: &Connection,
    kind: LinkKind,
    product_id: &str,
    ids: &[String],
) -> CoreResult<Vec<NamedRef>> {
    let (field, noun) = match kind {
        LinkKind::Participant => ("participantIds", "participant"),
        LinkKind::Tag => ("tagIds", "tag"),
    };
    let mut refs: Vec<NamedRef> = Vec::with_capacity(ids.len());
    for id in ids {
        if refs.iter().any(|known| &known.id == id) {
            continue;
        }
        let found = match kind {
            LinkKind::Participant => {
                get_participant(connection, id).map(|p| (p.product_id, p.name))
            }
            LinkKind::Tag => get_tag(connection, id).map(|t| (t.product_id, t.name)),
        };
        let (owner, name) = found.map_err(|error| match error {
            CoreError::NotFound { .. } => CoreError::invalid(
                field,
                format!("One of these {noun}s was deleted meanwhile: choose them again."),
            ),
            other => other,
        })?;
        if owner != product_id {
            return Err(CoreError::invalid(
                field,
                format!("{} belongs to another product's research.", quoted(&name)),
            ));
        }
        refs.push(NamedRef {
            id: id.clone(),
            name,
        });
    }
    Ok(refs)
}

/// Sets a note's participants or tags to exactly `ids`: one undo step, labelled by what
/// changed ("Add “Dana” to “…”", "Remove “Dana” from “…”", or "Change the participants of
/// “…”"). Links to deleted participants or tags are left as they are.
pub fn set_note_links(
    changes: &mut Changes,
    kind: LinkKind,
    note_id: &str,
    ids: &[String],
) -> CoreResult<ResearchNote> {
    let note = get_note(changes.connection(), note_id)?;
    let wanted = checked_refs(changes.connection(), kind, &note.product_id, ids)?;
    let current = match kind {
        LinkKind::Participant => &note.participants,
        LinkKind::Tag => &note.tags,
    };
    let added: Vec<&NamedRef> = wanted.iter().filter(|w| !current.contains(w)).collect();
    let removed: Vec<&NamedRef> = current
        .iter()
        .filter(|c| !wanted.iter().any(|w| w.id == c.id))
        .collect();
    let title = quoted(&note.title);
    let plural = match kind {
        LinkKind::Participant => "participants",
        LinkKind::Tag => "tags",
    };
    changes.describe(match (added.as_slice(), removed.as_slice()) {
        ([], []) => return Ok(note),
        ([one], []) => format!("Add {} to {title}", quoted(&one.name)),
        ([], [one]) => format!("Remove {} from {title}", quoted(&one.name)),
        _ => format!("Change the {plural} of {title}"),
    });
    let at = format_timestamp(&now());
    for gone in &removed {
        unlink(changes, kind, note_id, &gone.id, &at)?;
    }
    for new in &added {
        link(changes, kind, note_id, &new.id, &note.product_id, &at)?;
    }
    get_note(changes.connection(), note_id)
}

/// Creates a participant and adds them to the note: one undo step ("Add “Dana” to “…”").
pub fn add_new_participant(
    changes: &mut Changes,
    note_id: &str,
    new: &NewParticipant,
) -> CoreResult<ResearchNote> {
    let note = get_note(changes.connection(), note_id)?;
    let participant = insert_participant(changes, &note.product_id, new)?;
    changes.describe(format!(
        "Add {} to {}",
        quoted(&participant.name),
        quoted(&note.title)
    ));
    let at = format_timestamp(&now());
    link(
        changes,
        LinkKind::Participant,
        note_id,
        &participant.id,
        &note.product_id,
        &at,
    )?;
    get_note(changes.connection(), note_id)
}

/// Tags a note by name: the product's live tag of that name (in any case), or a new one. One
/// undo step ("Tag “…” with “pricing”"); a tag the note has already records nothing.
pub fn tag_note(changes: &mut Changes, note_id: &str, name: &str) -> CoreResult<ResearchNote> {
    let note = get_note(changes.connection(), note_id)?;
    let name = crate::research::validate_tag_name(name)?;
    let tag = match find_tag(changes.connection(), &note.product_id, &name, None)? {
        Some(tag) if note.tags.iter().any(|known| known.id == tag.id) => return Ok(note),
        Some(tag) => tag,
        None => insert_tag(changes, &note.product_id, &name)?,
    };
    changes.describe(format!(
        "Tag {} with {}",
        quoted(&note.title),
        quoted(&tag.name)
    ));
    let at = format_timestamp(&now());
    link(
        changes,
        LinkKind::Tag,
        note_id,
        &tag.id,
        &note.product_id,
        &at,
    )?;
    get_note(changes.connection(), note_id)
}

#[cfg(test)]
#[path = "research_notes_tests.rs"]
mod tests;
