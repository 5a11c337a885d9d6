//! The import: every checked note written with its participants and tags, in the caller's one
//! transaction and one undo step, or nothing while any row has a problem.

use std::collections::HashMap;

use serde::Serialize;

use super::understand::{participant_key, understand, CheckedNote};
use super::{FeedbackFormat, ReadSource};
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::mutation::Changes;
use crate::queries::note_links::{link, LinkKind};
use crate::queries::participants::{insert_participant, list_participants};
use crate::queries::research_notes::{insert_note_row, NoteRow};
use crate::queries::tags::{insert_tag, list_tags};
use crate::research::{tag_key, NamedRef, NewParticipant};
use crate::scoring::format::format_number;
use crate::time::{format_timestamp, now};

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackImported {
    /// The file's or folder's name.
    pub source: String,
    /// The notes written, in the source's order (name: the title).
    pub notes: Vec<NamedRef>,
    /// The participants and tags the import created (those it reused are not listed).
    pub new_participants: Vec<NamedRef>,
    pub new_tags: Vec<NamedRef>,
    /// The sentence to show and announce ("Imported 42 notes from tickets.csv.").
    pub message: String,
}

fn notes_words(count: usize) -> String {
    match count {
        1 => "1 note".to_string(),
        n => format!("{} notes", format_number(n as f64)),
    }
}

/// The participants and tags of the product, by key, as the import creates or reuses them.
struct Research {
    participants: HashMap<String, String>,
    tags: HashMap<String, String>,
    new_participants: Vec<NamedRef>,
    new_tags: Vec<NamedRef>,
}

impl Research {
    fn participant(
        &mut self,
        changes: &mut Changes,
        product_id: &str,
        person: &super::understand::CheckedParticipant,
    ) -> CoreResult<String> {
        let key = participant_key(&person.name);
        if let Some(id) = self.participants.get(&key) {
            return Ok(id.clone());
        }
        let new = NewParticipant {
            name: person.name.clone(),
            persona: None,
            segment: Some(person.segment.clone()),
            company_size: Some(person.company_size.clone()),
        };
        let id = insert_participant(changes, product_id, &new)?.id;
        self.new_participants.push(NamedRef {
            id: id.clone(),
            name: person.name.clone(),
        });
        self.participants.insert(key, id.clone());
        Ok(id)
    }

    fn tag(&mut self, changes: &mut Changes, product_id: &str, name: &str) -> CoreResult<String> {
        let key = tag_key(name);
        if let Some(id) = self.tags.get(&key) {
            return Ok(id.clone());
        }
        let tag = insert_tag(changes, product_id, name)?;
        let id = tag.id.clone();
        self.new_tags.push(NamedRef {
            id: tag.id,
            name: tag.name,
        });
        self.tags.insert(key, id.clone());
        Ok(id)
    }
}

fn write_note(
    changes: &mut Changes,
    research: &mut Research,
    product_id: &str,
    note: &CheckedNote,
    at: &str,
) -> CoreResult<NamedRef> {
    let row = NoteRow {
        product_id,
        note_type: note.note_type,
        title: &note.title,
        body: &note.body,
        noted_on: &note.noted_on,
        source: &note.source,
    };
    // The links first and the note last: each link's trigger finds no note to index yet, and
    // the note's own trigger indexes it once with its participants and tags (foreign keys are
    // checked at commit, see `import_source`), instead of re-indexing its body per link.
    let note_id = new_id();
    for person in &note.participants {
        let id = research.participant(changes, product_id, person)?;
        link(
            changes,
            LinkKind::Participant,
            &note_id,
            &id,
            product_id,
            at,
        )?;
    }
    for tag in &note.tags {
        let id = research.tag(changes, product_id, tag)?;
        link(changes, LinkKind::Tag, &note_id, &id, product_id, at)?;
    }
    insert_note_row(changes, &note_id, &row, at)?;
    Ok(NamedRef {
        id: note_id,
        name: note.title.clone(),
    })
}

/// Writes every row of `source` as a note ("Import 42 notes from tickets.csv"), or refuses
/// the whole source while any row has a problem.
pub(crate) fn import_source(
    changes: &mut Changes,
    product_id: &str,
    source: &ReadSource,
) -> CoreResult<FeedbackImported> {
    let understood = understand(changes.connection(), product_id, source)?;
    if let Some(blocked) = &source.blocked {
        return Err(CoreError::invalid(
            "mapping",
            format!("Nothing was imported: {blocked}"),
        ));
    }
    if let Some(first) = &understood.first_problem {
        let (rows, fix) = match (understood.preview.summary.problems, source.format) {
            (1, FeedbackFormat::Csv) => ("1 row has a problem".to_string(), "the file"),
            (1, FeedbackFormat::MarkdownFolder) => {
                ("1 file has a problem".to_string(), "the folder")
            }
            (n, FeedbackFormat::Csv) => (
                format!("{} rows have problems", format_number(f64::from(n))),
                "the file",
            ),
            (n, FeedbackFormat::MarkdownFolder) => (
                format!("{} files have problems", format_number(f64::from(n))),
                "the folder",
            ),
        };
        return Err(CoreError::invalid(
            "file",
            format!("Nothing was imported: {rows} ({first}). Fix {fix} and preview it again."),
        ));
    }
    let connection = changes.connection();
    let mut research = Research {
        participants: list_participants(connection, product_id)?
            .into_iter()
            .map(|p| (participant_key(&p.name), p.id))
            .collect(),
        tags: list_tags(connection, product_id)?
            .into_iter()
            .map(|t| (tag_key(&t.name), t.id))
            .collect(),
        new_participants: Vec::new(),
        new_tags: Vec::new(),
    };
    // Links are written before their note (see `write_note`): the foreign keys are checked when
    // the transaction commits (SQLite resets this at the end of the transaction).
    changes
        .connection()
        .execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let at = format_timestamp(&now());
    let mut notes = Vec::with_capacity(understood.notes.len());
    for note in &understood.notes {
        notes.push(write_note(changes, &mut research, product_id, note, &at)?);
    }
    let words = notes_words(notes.len());
    changes.describe(format!("Import {words} from {}", source.name));
    Ok(FeedbackImported {
        source: source.name.clone(),
        notes,
        new_participants: research.new_participants,
        new_tags: research.new_tags,
        message: format!("Imported {words} from {}.", source.name),
    })
}
