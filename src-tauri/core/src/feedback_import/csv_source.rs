//! A CSV file of feedback as drafts: one per row, its fields taken from the mapped columns.

use std::path::Path;

use super::dates::DayReading;
use super::mapping::{check_mapping, detect_mapping, FeedbackField, FeedbackMapping};
use super::{Draft, DraftParticipant, FeedbackFormat, ReadSource};
use crate::csv_table::{read_chosen_csv, read_table, CsvRecord, CsvShape};
use crate::error::{CoreError, CoreResult};
use crate::research::NoteType;

/// The most feedback rows one file may hold.
pub const MAX_ROWS: usize = 20_000;

/// A support tool's export is mostly tickets: a row naming no type is one.
pub const CSV_DEFAULT_TYPE: NoteType = NoteType::SupportTicket;

const SHAPE: CsvShape = CsvShape {
    max_rows: MAX_ROWS,
    rows_noun: "feedback rows",
    empty_reason: "it needs a header line and one line per piece of feedback",
};

/// Tags in one cell: separated by commas or semicolons.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(String::from)
        .collect()
}

/// Reads the CSV file the user chose (see [`crate::csv_table::read_chosen_csv`]).
pub fn read_csv_file(path: &Path, mapping: Option<&FeedbackMapping>) -> CoreResult<ReadSource> {
    let (name, bytes) = read_chosen_csv(path, "feedback file")?;
    read_csv_bytes(&name, &bytes, mapping)
}

/// A CSV file's rows as drafts under `mapping`, or the mapping its header gives.
pub fn read_csv_bytes(
    name: &str,
    bytes: &[u8],
    mapping: Option<&FeedbackMapping>,
) -> CoreResult<ReadSource> {
    let table = read_table(bytes, SHAPE)?;
    if table.rows.is_empty() {
        return Err(CoreError::invalid(
            "file",
            "The file has a header but no feedback: add one line per piece of feedback.",
        ));
    }
    let detected = detect_mapping(&table.header);
    let mapping = mapping.copied().unwrap_or(detected);
    check_mapping(&mapping, table.header.len())?;
    let blocked = mapping.body.is_none().then(|| {
        "No column is mapped to the body: choose the column that holds the feedback text."
            .to_string()
    });
    let cell = |record: &CsvRecord, field: FeedbackField| -> String {
        mapping
            .get(field)
            .map(|column| record.field(column as usize).to_string())
            .unwrap_or_default()
    };
    let drafts: Vec<Draft> = table
        .rows
        .iter()
        .map(|record| {
            let participant = cell(record, FeedbackField::Participant);
            let source = cell(record, FeedbackField::Source);
            Draft {
                place: format!("line {}", record.line),
                title: cell(record, FeedbackField::Title),
                body: cell(record, FeedbackField::Body),
                date: cell(record, FeedbackField::NotedOn),
                note_type: cell(record, FeedbackField::NoteType),
                source: if source.is_empty() {
                    format!("{name}, line {}", record.line)
                } else {
                    source
                },
                participants: if participant.is_empty() {
                    Vec::new()
                } else {
                    vec![DraftParticipant {
                        name: participant,
                        segment: cell(record, FeedbackField::Segment),
                        company_size: cell(record, FeedbackField::CompanySize),
                    }]
                },
                tags: split_list(&cell(record, FeedbackField::Tags)),
                unreadable: None,
            }
        })
        .collect();
    let day_order = DayReading::of(
        drafts
            .iter()
            .map(|draft| (draft.place.as_str(), draft.date.as_str())),
    );
    Ok(ReadSource {
        name: name.to_string(),
        format: FeedbackFormat::Csv,
        columns: table.header,
        detected,
        mapping,
        default_type: CSV_DEFAULT_TYPE,
        blocked,
        day_order,
        drafts,
    })
}
