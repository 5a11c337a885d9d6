//! Every draft checked against a note's limits and matched with the product's research: the
//! preview, and the checked notes an import writes.

use std::collections::HashSet;

use rusqlite::Connection;

use super::note_kinds::{note_type_words, parse_note_type};
use super::{
    Draft, FeedbackFormat, FeedbackImportPreview, FeedbackRow, FeedbackSummary, ReadSource,
    MAX_LISTED_ROWS, PREVIEW_ROWS,
};
use crate::decision::today;
use crate::error::{CoreError, CoreResult};
use crate::excerpt::plain_excerpt;
use crate::queries::participants::list_participants;
use crate::queries::products::get_product;
use crate::queries::tags::list_tags;
use crate::research::{
    tag_key, validate_company_size, validate_note_body, validate_note_title,
    validate_participant_name, validate_segment, validate_source, validate_tag_name, NoteType,
};
use crate::scoring::format::format_number;

/// How many characters of the body a title made from it keeps.
const TITLE_FROM_BODY_CHARS: usize = 80;
/// How many characters of the body a preview row shows.
const EXCERPT_CHARS: usize = 160;

/// A row ready to be written: every field valid.
#[derive(Debug, Clone)]
pub(crate) struct CheckedNote {
    pub title: String,
    pub body: String,
    pub noted_on: String,
    pub note_type: NoteType,
    pub source: String,
    pub participants: Vec<CheckedParticipant>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct CheckedParticipant {
    pub name: String,
    pub segment: String,
    pub company_size: String,
}

pub(crate) struct Understood {
    pub preview: FeedbackImportPreview,
    /// Every row, checked (complete only when the preview has no problem).
    pub notes: Vec<CheckedNote>,
    /// The first problem, with its place, for the import's refusal.
    pub first_problem: Option<String>,
}

/// The key participants are matched by: their name without regard to case.
pub(crate) fn participant_key(name: &str) -> String {
    name.to_lowercase()
}

/// Collects a validator's refusal as a problem of the row.
fn checked<T>(result: CoreResult<T>, problems: &mut Vec<String>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(CoreError::Invalid { reason, .. }) => {
            problems.push(reason);
            None
        }
        Err(other) => {
            problems.push(other.to_string());
            None
        }
    }
}

/// One draft checked: the row the preview shows and the note it would be.
fn check_draft(source: &ReadSource, draft: &Draft, today: &str) -> (FeedbackRow, CheckedNote) {
    let mut problems = Vec::new();
    let mut notices = Vec::new();
    if let Some(reason) = &draft.unreadable {
        problems.push(reason.clone());
    }
    let body = if draft.unreadable.is_none() && draft.body.trim().is_empty() {
        problems.push("The body is empty: there is no feedback to import.".into());
        String::new()
    } else {
        checked(validate_note_body(&draft.body), &mut problems).unwrap_or_default()
    };
    let written_title = draft.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = if written_title.is_empty() {
        plain_excerpt(&body, TITLE_FROM_BODY_CHARS)
    } else {
        written_title
    };
    let title = if title.is_empty() {
        draft.place.clone()
    } else {
        checked(validate_note_title(&title), &mut problems).unwrap_or(title)
    };
    let noted_on = match source.day_order.parse(&draft.date) {
        Ok(day) => Some(day.unwrap_or_else(|| today.to_string())),
        Err(reason) => {
            problems.push(reason);
            None
        }
    };
    let note_type = match draft.note_type.trim() {
        "" => source.default_type,
        named => parse_note_type(named).unwrap_or_else(|| {
            notices.push(format!(
                "“{named}” is not a note type: imported as {}.",
                note_type_words(source.default_type)
            ));
            source.default_type
        }),
    };
    let source_text = checked(validate_source(&draft.source), &mut problems).unwrap_or_default();
    let mut participants: Vec<CheckedParticipant> = Vec::new();
    for person in &draft.participants {
        let name = checked(validate_participant_name(&person.name), &mut problems);
        let segment = checked(validate_segment(&person.segment), &mut problems);
        let company_size = checked(validate_company_size(&person.company_size), &mut problems);
        if let (Some(name), Some(segment), Some(company_size)) = (name, segment, company_size) {
            let key = participant_key(&name);
            if !participants.iter().any(|p| participant_key(&p.name) == key) {
                participants.push(CheckedParticipant {
                    name,
                    segment,
                    company_size,
                });
            }
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for tag in &draft.tags {
        if let Some(name) = checked(validate_tag_name(tag), &mut problems) {
            if !tags.iter().any(|known| tag_key(known) == tag_key(&name)) {
                tags.push(name);
            }
        }
    }
    let row = FeedbackRow {
        place: draft.place.clone(),
        title: title.clone(),
        excerpt: plain_excerpt(&body, EXCERPT_CHARS),
        noted_on: noted_on.clone(),
        note_type,
        source: source_text.clone(),
        participants: participants.iter().map(|p| p.name.clone()).collect(),
        tags: tags.clone(),
        problems,
        notices,
    };
    let note = CheckedNote {
        title,
        body,
        noted_on: noted_on.unwrap_or_default(),
        note_type,
        source: source_text,
        participants,
        tags,
    };
    (row, note)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Why the import is refused while `problems` rows have one.
fn blocked_by_rows(format: FeedbackFormat, problems: usize) -> Option<String> {
    let (one, many, fix) = match format {
        FeedbackFormat::Csv => ("row has", "rows have", "the file"),
        FeedbackFormat::MarkdownFolder => ("file has", "files have", "the folder"),
    };
    match problems {
        0 => None,
        1 => Some(format!(
            "1 {one} a problem: fix it in {fix}, then preview it again."
        )),
        n => Some(format!(
            "{} {many} problems: fix them in {fix}, then preview it again.",
            format_number(n as f64)
        )),
    }
}

/// Checks every draft of `source` against the product's participants and tags.
pub(crate) fn understand(
    connection: &Connection,
    product_id: &str,
    source: &ReadSource,
) -> CoreResult<Understood> {
    get_product(connection, product_id)?;
    let today = today();
    let mut rows = Vec::with_capacity(source.drafts.len());
    let mut notes = Vec::with_capacity(source.drafts.len());
    if source.blocked.is_none() {
        for draft in &source.drafts {
            let (row, note) = check_draft(source, draft, &today);
            rows.push(row);
            notes.push(note);
        }
    }
    let known_people: HashSet<String> = list_participants(connection, product_id)?
        .iter()
        .map(|p| participant_key(&p.name))
        .collect();
    let known_tags: HashSet<String> = list_tags(connection, product_id)?
        .iter()
        .map(|t| tag_key(&t.name))
        .collect();
    let people: HashSet<String> = notes
        .iter()
        .flat_map(|n| n.participants.iter().map(|p| participant_key(&p.name)))
        .collect();
    let tags: HashSet<String> = notes
        .iter()
        .flat_map(|n| n.tags.iter().map(|t| tag_key(t)))
        .collect();
    let reused_people = people.intersection(&known_people).count();
    let reused_tags = tags.intersection(&known_tags).count();
    let problems = rows.iter().filter(|row| !row.problems.is_empty()).count();
    let notices = rows
        .iter()
        .filter(|row| row.problems.is_empty() && !row.notices.is_empty())
        .count();
    let first_problem = rows
        .iter()
        .find(|row| !row.problems.is_empty())
        .map(|row| format!("{}: {}", row.place, row.problems.join(" ")));
    let summary = FeedbackSummary {
        rows: count(source.drafts.len()),
        problems: count(problems),
        notices: count(notices),
        new_participants: count(people.len() - reused_people),
        reused_participants: count(reused_people),
        new_tags: count(tags.len() - reused_tags),
        reused_tags: count(reused_tags),
    };
    let import_blocked = source
        .blocked
        .clone()
        .or_else(|| blocked_by_rows(source.format, problems));
    Ok(Understood {
        preview: FeedbackImportPreview {
            source: source.name.clone(),
            format: source.format,
            columns: source.columns.clone(),
            detected: source.detected,
            mapping: source.mapping,
            date_reading: source.day_order.sentence(),
            default_type: source.default_type,
            summary,
            import_blocked,
            rows: listed_rows(rows),
        },
        notes,
        first_problem,
    })
}

/// Rows with problems, then rows with notices (at most [`MAX_LISTED_ROWS`] together), then
/// the first [`PREVIEW_ROWS`] others, each in file order.
fn listed_rows(rows: Vec<FeedbackRow>) -> Vec<FeedbackRow> {
    let (flagged, clean): (Vec<FeedbackRow>, Vec<FeedbackRow>) = rows
        .into_iter()
        .partition(|row| !row.problems.is_empty() || !row.notices.is_empty());
    let (with_problems, with_notices): (Vec<FeedbackRow>, Vec<FeedbackRow>) = flagged
        .into_iter()
        .partition(|row| !row.problems.is_empty());
    with_problems
        .into_iter()
        .chain(with_notices)
        .take(MAX_LISTED_ROWS)
        .chain(clean.into_iter().take(PREVIEW_ROWS))
        .collect()
}
