//! Reading a questionnaire file: its header and rows as text, or a refusal of the whole file.
//!
//! The file is CSV (comma-separated, fields quoted with `"` when they hold commas, quotes or
//! line breaks), UTF-8 with or without a byte-order mark. The header names four columns, in any
//! order and any case: `respondent`, `item`, `functional` and `dysfunctional` (also accepted:
//! `respondent id`, `item title`, `item id`, `functional answer`, `dysfunctional answer`); other
//! columns are ignored. A line whose fields are all blank is skipped (spreadsheets add them).
//!
//! Refused as a whole, with a reason worded for the user: an empty file, a file that is not
//! UTF-8 (naming the line), a missing or repeated column, malformed CSV, no answer rows, more
//! than [`MAX_ROWS`] rows. Everything else (an unknown item, an answer that is not one of the
//! five) is a problem of its row, for the preview to list.

use std::path::Path;

use csv::{ErrorKind, ReaderBuilder, StringRecord};

use crate::error::{CoreError, CoreResult};

/// The most answer rows one file may hold (a questionnaire of 1,000 respondents over 20 items).
pub const MAX_ROWS: usize = 20_000;

/// The largest file read, in bytes (well above [`MAX_ROWS`] rows of plain answers).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// One answer row as the file spells it (trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// The row's line in the file (the header is line 1; a quoted line break makes a row span
    /// several lines: this is its first).
    pub line: i32,
    pub respondent: String,
    pub item: String,
    pub functional: String,
    pub dysfunctional: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Respondent,
    Item,
    Functional,
    Dysfunctional,
}

impl Column {
    const ALL: [Column; 4] = [
        Column::Respondent,
        Column::Item,
        Column::Functional,
        Column::Dysfunctional,
    ];

    fn name(self) -> &'static str {
        match self {
            Column::Respondent => "respondent",
            Column::Item => "item",
            Column::Functional => "functional",
            Column::Dysfunctional => "dysfunctional",
        }
    }

    fn of_header(header: &str) -> Option<Column> {
        let name = header.trim().to_lowercase().replace(['_', '-'], " ");
        match name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str()
        {
            "respondent" | "respondent id" => Some(Column::Respondent),
            "item" | "item title" | "item id" => Some(Column::Item),
            "functional" | "functional answer" => Some(Column::Functional),
            "dysfunctional" | "dysfunctional answer" => Some(Column::Dysfunctional),
            _ => None,
        }
    }
}

fn refuse(reason: impl Into<String>) -> CoreError {
    CoreError::invalid("file", reason)
}

/// Line numbers from byte offsets. (The csv crate's own line count skips blank lines and
/// counts a CRLF file's lines from 0, so rows would be misnamed.)
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The line of the record that starts at `offset` (offsets asked for never go backwards).
    /// A CRLF file's record offsets point at the `\n` ending the line before: line breaks at
    /// the offset are skipped, since a record never starts with one.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut target = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(target), Some(b'\n' | b'\r')) {
            target += 1;
        }
        if target > self.offset {
            let newlines = self.bytes[self.offset..target]
                .iter()
                .filter(|byte| **byte == b'\n')
                .count();
            self.line += newlines as u64;
            self.offset = target;
        }
        self.line
    }
}

fn byte_of(error: &csv::Error) -> Option<u64> {
    match error.kind() {
        ErrorKind::Utf8 { pos, .. } | ErrorKind::UnequalLengths { pos, .. } => {
            pos.as_ref().map(|pos| pos.byte())
        }
        _ => error.position().map(|pos| pos.byte()),
    }
}

fn csv_error(error: &csv::Error, lines: &mut LineCounter) -> CoreError {
    let line = byte_of(error)
        .map(|byte| format!(" on line {}", lines.line_at(byte)))
        .unwrap_or_default();
    match error.kind() {
        ErrorKind::Utf8 { .. } => refuse(format!(
            "The file is not UTF-8 text{line}: save it from your spreadsheet as “CSV UTF-8”."
        )),
        _ => refuse(format!("The file is not valid CSV{line}.")),
    }
}

/// Where each needed column is, from the header; refuses a missing or repeated column.
fn locate_columns(header: &StringRecord) -> CoreResult<[usize; 4]> {
    let mut found: [Option<usize>; 4] = [None; 4];
    for (index, name) in header.iter().enumerate() {
        let Some(column) = Column::of_header(name) else {
            continue;
        };
        let slot = &mut found[column as usize];
        if slot.is_some() {
            return Err(refuse(format!(
                "The header names the {} column twice.",
                column.name()
            )));
        }
        *slot = Some(index);
    }
    let missing: Vec<&str> = Column::ALL
        .iter()
        .filter(|column| found[**column as usize].is_none())
        .map(|column| column.name())
        .collect();
    if !missing.is_empty() {
        return Err(refuse(format!(
            "The header has no {} column: the first line must name the columns respondent, \
             item, functional and dysfunctional.",
            missing.join(", ")
        )));
    }
    Ok(found.map(|index| index.unwrap_or_default()))
}

/// The answer rows of a questionnaire file (see the module's rules).
pub fn read_rows(bytes: &[u8]) -> CoreResult<Vec<CsvRow>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|byte| byte.is_ascii_whitespace()) {
        return Err(refuse(
            "The file is empty: it needs a header line and one line per answer.",
        ));
    }
    let mut reader = ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let mut lines = LineCounter::new(bytes);
    let header = reader
        .headers()
        .map_err(|error| csv_error(&error, &mut lines))?
        .clone();
    let columns = locate_columns(&header)?;
    let mut rows = Vec::new();
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => return Err(csv_error(&error, &mut lines)),
        }
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(refuse(format!(
                "The file has more than {} answer rows: split it into smaller files.",
                crate::scoring::format::format_number(MAX_ROWS as f64)
            )));
        }
        let field = |column: Column| {
            record
                .get(columns[column as usize])
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        let line = record.position().map_or(0, |pos| lines.line_at(pos.byte()));
        rows.push(CsvRow {
            line: i32::try_from(line).unwrap_or(i32::MAX),
            respondent: field(Column::Respondent),
            item: field(Column::Item),
            functional: field(Column::Functional),
            dysfunctional: field(Column::Dysfunctional),
        });
    }
    if rows.is_empty() {
        return Err(refuse(
            "The file has a header but no answers: add one line per respondent and item.",
        ));
    }
    Ok(rows)
}

/// Reads a questionnaire file the user chose: an absolute path to a regular `.csv` or `.txt`
/// file of at most [`MAX_FILE_BYTES`] (the path comes from the window, so no other kind of file
/// is ever read through it). Returns its name (the import's source) and its bytes.
pub fn read_questionnaire_file(path: &Path) -> CoreResult<(String, Vec<u8>)> {
    if !path.is_absolute() {
        return Err(CoreError::invalid(
            "path",
            "Choose the questionnaire file again: its location is not a full path.",
        ));
    }
    let is_text = path
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| ["csv", "txt"].contains(&extension.to_ascii_lowercase().as_str()));
    if !is_text {
        return Err(CoreError::invalid(
            "path",
            "Choose a CSV file (its name ends in .csv or .txt).",
        ));
    }
    let metadata = std::fs::metadata(path)
        .map_err(|_| CoreError::invalid("path", "The file cannot be read: choose it again."))?;
    if !metadata.is_file() {
        return Err(CoreError::invalid(
            "path",
            "That is a folder, not a file: choose a CSV file.",
        ));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(refuse(format!(
            "The file is larger than {} MB: split it into smaller files.",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "answers.csv".into());
    Ok((name, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(bytes: &[u8]) -> String {
        match read_rows(bytes).unwrap_err() {
            CoreError::Invalid { field, reason } => {
                assert_eq!(field, "file");
                reason
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn reads_rows_with_any_header_order_and_case_a_bom_and_quoted_line_breaks() {
        let file = "\u{feff}Functional,RESPONDENT,Notes,Item Title,Dysfunctional Answer\r\n\
                    Like,R1,,Offline mode,Dislike\r\n\
                    \r\n\
                    ,,,,\r\n\
                    \"I can live with it\",\" R2 \",\"two\nlines\",\"Dark, mode\",Neutral\n";
        let rows = read_rows(file.as_bytes()).unwrap();
        assert_eq!(
            rows,
            vec![
                CsvRow {
                    line: 2,
                    respondent: "R1".into(),
                    item: "Offline mode".into(),
                    functional: "Like".into(),
                    dysfunctional: "Dislike".into(),
                },
                CsvRow {
                    line: 5,
                    respondent: "R2".into(),
                    item: "Dark, mode".into(),
                    functional: "I can live with it".into(),
                    dysfunctional: "Neutral".into(),
                },
            ]
        );
    }

    #[test]
    fn a_short_row_reads_its_missing_fields_as_blank() {
        let rows =
            read_rows(b"respondent,item,functional,dysfunctional\nR1,Search,Like\n").unwrap();
        assert_eq!(rows[0].dysfunctional, "");
    }

    #[test]
    fn refuses_an_empty_file_or_a_header_alone() {
        assert!(reason(b"").starts_with("The file is empty"));
        assert!(reason(b"  \n\n").starts_with("The file is empty"));
        assert!(reason(b"\xEF\xBB\xBF").starts_with("The file is empty"));
        assert!(reason(b"respondent,item,functional,dysfunctional\n")
            .starts_with("The file has a header but no answers"));
    }

    #[test]
    fn refuses_missing_or_repeated_columns() {
        assert_eq!(
            reason(b"respondent,item,answer\nR1,Search,Like\n"),
            "The header has no functional, dysfunctional column: the first line must name the \
             columns respondent, item, functional and dysfunctional."
        );
        assert_eq!(
            reason(b"respondent,item,functional,Functional answer,dysfunctional\n"),
            "The header names the functional column twice."
        );
    }

    #[test]
    fn refuses_text_that_is_not_utf8_naming_the_line() {
        let mut file =
            b"respondent,item,functional,dysfunctional\nR1,Search,Like,Dislike\n".to_vec();
        file.extend_from_slice(b"R2,Caf\xE9,Like,Dislike\n");
        assert_eq!(
            reason(&file),
            "The file is not UTF-8 text on line 3: save it from your spreadsheet as “CSV UTF-8”."
        );
    }

    #[test]
    fn reads_a_chosen_file_and_refuses_a_relative_path_a_folder_a_missing_or_non_csv_file() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("march survey.csv");
        std::fs::write(&file, "respondent,item,functional,dysfunctional\n").unwrap();
        let (name, bytes) = read_questionnaire_file(&file).unwrap();
        assert_eq!(name, "march survey.csv");
        assert_eq!(bytes.len(), 41);
        let database = folder.path().join("northstar.db");
        std::fs::write(&database, "respondent,item,functional,dysfunctional\n").unwrap();
        std::fs::create_dir(folder.path().join("answers.csv")).unwrap();
        for refused in [
            Path::new("survey.csv").to_path_buf(),
            folder.path().join("answers.csv"),
            folder.path().join("missing.csv"),
            database,
        ] {
            let result = read_questionnaire_file(&refused);
            assert!(
                matches!(result, Err(CoreError::Invalid { field: "path", .. })),
                "{refused:?}: {result:?}"
            );
        }
    }

    #[test]
    fn refuses_more_rows_than_the_limit() {
        let mut file = String::from("respondent,item,functional,dysfunctional\n");
        for index in 0..=MAX_ROWS {
            file.push_str(&format!("R{index},Search,Like,Dislike\n"));
        }
        assert_eq!(
            reason(file.as_bytes()),
            "The file has more than 20,000 answer rows: split it into smaller files."
        );
    }
}
