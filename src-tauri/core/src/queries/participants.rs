//! The `participant` table: the people a product's research notes are about, reused across
//! notes. Every write is one transaction and one undo step; deletes are soft (the notes' links
//! stay, hidden with the participant, so undo brings both back).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::mutation::{Changes, Table};
use crate::queries::products::get_product;
use crate::research::{
    validate_company_size, validate_participant_name, validate_persona, validate_segment,
    NewParticipant, Participant, ParticipantPatch,
};
use crate::text::quoted;
use crate::time::{format_timestamp, now};

const SELECT_PARTICIPANT: &str = "SELECT p.id, p.product_id, p.name, p.persona, p.segment, \
     p.company_size, p.created_at, p.updated_at, \
     (SELECT count(*) FROM note_participant l JOIN research_note n ON n.id = l.note_id \
      WHERE l.participant_id = p.id AND l.deleted_at IS NULL AND n.deleted_at IS NULL) \
     FROM participant p";

fn participant_from_row(row: &Row) -> rusqlite::Result<Participant> {
    Ok(Participant {
        id: row.get(0)?,
        product_id: row.get(1)?,
        name: row.get(2)?,
        persona: row.get(3)?,
        segment: row.get(4)?,
        company_size: row.get(5)?,
        created_at: timestamp_column(row, 6)?,
        updated_at: timestamp_column(row, 7)?,
        note_count: row.get(8)?,
    })
}

/// The product's live participants, by name.
pub fn list_participants(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<Vec<Participant>> {
    get_product(connection, product_id)?;
    let sql = format!(
        "{SELECT_PARTICIPANT} WHERE p.product_id = ?1 AND p.deleted_at IS NULL \
         ORDER BY p.name COLLATE NOCASE, p.id"
    );
    let participants = connection
        .prepare_cached(&sql)?
        .query_map([product_id], participant_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(participants)
}

/// A live participant.
pub fn get_participant(connection: &Connection, id: &str) -> CoreResult<Participant> {
    let sql = format!("{SELECT_PARTICIPANT} WHERE p.id = ?1 AND p.deleted_at IS NULL");
    connection
        .prepare_cached(&sql)?
        .query_row([id], participant_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("participant", id))
}

/// The participant row, without its own undo label: for actions that create one among other
/// changes (adding a new participant to a note).
pub(crate) fn insert_participant(
    changes: &mut Changes,
    product_id: &str,
    new: &NewParticipant,
) -> CoreResult<Participant> {
    let name = validate_participant_name(&new.name)?;
    let persona = validate_persona(new.persona.as_deref().unwrap_or(""))?;
    let segment = validate_segment(new.segment.as_deref().unwrap_or(""))?;
    let company_size = validate_company_size(new.company_size.as_deref().unwrap_or(""))?;
    get_product(changes.connection(), product_id)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.track(Table::Participant, &id, |connection| {
        connection.execute(
            "INSERT INTO participant (id, product_id, name, persona, segment, company_size, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![id, product_id, name, persona, segment, company_size, at],
        )?;
        Ok(())
    })?;
    get_participant(changes.connection(), &id)
}

/// Adds a participant to the product: one undo step ("Add participant “Dana”").
pub fn create_participant(
    changes: &mut Changes,
    product_id: &str,
    new: &NewParticipant,
) -> CoreResult<Participant> {
    let participant = insert_participant(changes, product_id, new)?;
    changes.describe(format!("Add participant {}", quoted(&participant.name)));
    Ok(participant)
}

/// Changes a participant's name, persona, segment or company size: one undo step; an edit that
/// keeps every value records nothing.
pub fn update_participant(
    changes: &mut Changes,
    id: &str,
    patch: &ParticipantPatch,
) -> CoreResult<Participant> {
    let current = get_participant(changes.connection(), id)?;
    let pick = |value: &Option<String>,
                check: fn(&str) -> CoreResult<String>,
                old: &str|
     -> CoreResult<String> {
        match value {
            Some(text) => check(text),
            None => Ok(old.to_string()),
        }
    };
    let name = pick(&patch.name, validate_participant_name, &current.name)?;
    let persona = pick(&patch.persona, validate_persona, &current.persona)?;
    let segment = pick(&patch.segment, validate_segment, &current.segment)?;
    let company_size = pick(
        &patch.company_size,
        validate_company_size,
        &current.company_size,
    )?;
    if name == current.name
        && persona == current.persona
        && segment == current.segment
        && company_size == current.company_size
    {
        return Ok(current);
    }
    changes.describe(format!("Edit participant {}", quoted(&name)));
    let at = format_timestamp(&now());
    changes.track(Table::Participant, id, |connection| {
        connection.execute(
            "UPDATE participant SET name = ?2, persona = ?3, segment = ?4, company_size = ?5, \
             updated_at = ?6 WHERE id = ?1",
            params![id, name, persona, segment, company_size, at],
        )?;
        Ok(())
    })?;
    get_participant(changes.connection(), id)
}

/// Soft-deletes a participant ("Delete participant “Dana”"); the notes' links stay hidden with
/// it, so undo brings it back on every note.
pub fn delete_participant(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let participant = get_participant(changes.connection(), id)?;
    changes.describe(format!("Delete participant {}", quoted(&participant.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Participant, id, |connection| {
        connection.execute(
            "UPDATE participant SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}
