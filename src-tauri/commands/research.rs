//! Research commands: notes (with the body's autosave), participants, tags and a note's links
//! to them, and opening a note's links in the system's browser or mail app.

use northstar_core::queries::note_links::LinkKind;
use northstar_core::queries::{participants, research_notes, tags};
use northstar_core::research::{
    NewNote, NewParticipant, NoteFilter, NotePatch, NoteSummary, Participant, ParticipantPatch,
    ResearchNote, Tag,
};
use tauri::State;

use super::{read, run_blocking, write};
use crate::error::AppError;
use crate::events::{SavedDeletion, SavedNote, SavedParticipant, SavedTag};
use crate::external_link;
use crate::state::AppState;

/// The product's live notes, newest first (no bodies: an excerpt each), filtered by type, tag
/// or participant.
#[tauri::command]
#[specta::specta]
pub async fn list_notes(
    state: State<'_, AppState>,
    product_id: String,
    filter: NoteFilter,
) -> Result<Vec<NoteSummary>, AppError> {
    read(&state, move |connection| {
        research_notes::list_notes(connection, &product_id, &filter)
    })
    .await
}

/// A whole note, with its Markdown body.
#[tauri::command]
#[specta::specta]
pub async fn get_note(state: State<'_, AppState>, id: String) -> Result<ResearchNote, AppError> {
    read(&state, move |connection| {
        research_notes::get_note(connection, &id)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_note(
    state: State<'_, AppState>,
    input: NewNote,
) -> Result<SavedNote, AppError> {
    write(&state, "Note added", move |changes| {
        research_notes::create_note(changes, &input)
    })
    .await
}

/// Changes a note's type, title, day or source.
#[tauri::command]
#[specta::specta]
pub async fn update_note(
    state: State<'_, AppState>,
    id: String,
    patch: NotePatch,
) -> Result<SavedNote, AppError> {
    write(&state, "Note edited", move |changes| {
        research_notes::update_note(changes, &id, &patch)
    })
    .await
}

/// Saves a note's body as typed (the editor's autosave). Saves of one note in a row are one
/// undo step.
#[tauri::command]
#[specta::specta]
pub async fn save_note_body(
    state: State<'_, AppState>,
    id: String,
    body: String,
) -> Result<SavedNote, AppError> {
    write(&state, "Note saved", move |changes| {
        research_notes::save_note_body(changes, &id, &body)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_note(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Note deleted", move |changes| {
        research_notes::delete_note(changes, &id)
    })
    .await
}

/// Sets a note's participants to exactly `participantIds` (one undo step).
#[tauri::command]
#[specta::specta]
pub async fn set_note_participants(
    state: State<'_, AppState>,
    id: String,
    participant_ids: Vec<String>,
) -> Result<SavedNote, AppError> {
    write(&state, "Note participants set", move |changes| {
        research_notes::set_note_links(changes, LinkKind::Participant, &id, &participant_ids)
    })
    .await
}

/// Creates a participant and adds them to the note (one undo step).
#[tauri::command]
#[specta::specta]
pub async fn add_new_note_participant(
    state: State<'_, AppState>,
    id: String,
    participant: NewParticipant,
) -> Result<SavedNote, AppError> {
    write(&state, "Participant added", move |changes| {
        research_notes::add_new_participant(changes, &id, &participant)
    })
    .await
}

/// Sets a note's tags to exactly `tagIds` (one undo step).
#[tauri::command]
#[specta::specta]
pub async fn set_note_tags(
    state: State<'_, AppState>,
    id: String,
    tag_ids: Vec<String>,
) -> Result<SavedNote, AppError> {
    write(&state, "Note tags set", move |changes| {
        research_notes::set_note_links(changes, LinkKind::Tag, &id, &tag_ids)
    })
    .await
}

/// Tags a note by name: the product's tag of that name (in any case) or a new one.
#[tauri::command]
#[specta::specta]
pub async fn tag_note(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<SavedNote, AppError> {
    write(&state, "Note tagged", move |changes| {
        research_notes::tag_note(changes, &id, &name)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_participants(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<Vec<Participant>, AppError> {
    read(&state, move |connection| {
        participants::list_participants(connection, &product_id)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_participant(
    state: State<'_, AppState>,
    product_id: String,
    input: NewParticipant,
) -> Result<SavedParticipant, AppError> {
    write(&state, "Participant added", move |changes| {
        participants::create_participant(changes, &product_id, &input)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_participant(
    state: State<'_, AppState>,
    id: String,
    patch: ParticipantPatch,
) -> Result<SavedParticipant, AppError> {
    write(&state, "Participant edited", move |changes| {
        participants::update_participant(changes, &id, &patch)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_participant(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Participant deleted", move |changes| {
        participants::delete_participant(changes, &id)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_tags(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<Vec<Tag>, AppError> {
    read(&state, move |connection| {
        tags::list_tags(connection, &product_id)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_tag(
    state: State<'_, AppState>,
    product_id: String,
    name: String,
) -> Result<SavedTag, AppError> {
    write(&state, "Tag added", move |changes| {
        tags::create_tag(changes, &product_id, &name)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn rename_tag(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<SavedTag, AppError> {
    write(&state, "Tag renamed", move |changes| {
        tags::rename_tag(changes, &id, &name)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_tag(state: State<'_, AppState>, id: String) -> Result<SavedDeletion, AppError> {
    write(&state, "Tag deleted", move |changes| {
        tags::delete_tag(changes, &id)
    })
    .await
}

/// Opens a link of a rendered note in the system's browser or mail app: `http`, `https` and
/// `mailto` only (anything else is refused with a worded `Invalid`). The window itself never
/// navigates away.
#[tauri::command]
#[specta::specta]
pub async fn open_external_link(url: String) -> Result<(), AppError> {
    run_blocking(move || external_link::open(&url).map_err(AppError::from)).await
}
