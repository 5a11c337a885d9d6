//! Reading a CSV file a user chose (a questionnaire, a support tool's or survey's export): its
//! header and rows as text, or a refusal of the whole file worded for the user. Shared by every
//! import, which then decides what its columns mean.
//!
//! The file is CSV (comma-separated, fields quoted with `"` when they hold commas, quotes or
//! line breaks), UTF-8 with or without a byte-order mark. A line whose fields are all blank is
//! skipped (spreadsheets add them); a short row reads its missing fields as blank.
//!
//! Refused as a whole: an empty file, a file that is not UTF-8 (naming the line), malformed CSV
//! (naming the line), more rows than the import allows. The chosen path is checked before
//! anything is read: absolute, a regular `.csv` or `.txt` file, at most [`MAX_FILE_BYTES`].

use std::path::Path;

use csv::{ErrorKind, ReaderBuilder, StringRecord};

use crate::error::{CoreError, CoreResult};
use crate::scoring::format::format_number;

/// The largest CSV file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// What an import expects of a file: how many rows it takes and how it names them.
#[derive(Debug, Clone, Copy)]
pub struct CsvShape {
    /// The most data rows one file may hold.
    pub max_rows: usize,
    /// Its rows, plural ("answer rows", "feedback rows").
    pub rows_noun: &'static str,
    /// Why an empty file is refused ("it needs a header line and one line per answer").
    pub empty_reason: &'static str,
}

/// One data row: its line in the file and its fields, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    /// The row's line in the file (the header is line 1; a quoted line break makes a row span
    /// several lines: this is its first).
    pub line: i32,
    pub fields: Vec<String>,
}

impl CsvRecord {
    /// The field in `column`, or blank when the row is short.
    pub fn field(&self, column: usize) -> &str {
        self.fields.get(column).map_or("", String::as_str)
    }
}

/// A file's header (as written, trimmed) and its non-blank rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    pub header: Vec<String>,
    pub rows: Vec<CsvRecord>,
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

/// The header and rows of a CSV file (see the module's rules). A header alone gives no rows:
/// each import says what it missed.
pub fn read_table(bytes: &[u8], shape: CsvShape) -> CoreResult<CsvTable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|byte| byte.is_ascii_whitespace()) {
        return Err(refuse(format!(
            "The file is empty: {}.",
            shape.empty_reason
        )));
    }
    let mut reader = ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let mut lines = LineCounter::new(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|error| csv_error(&error, &mut lines))?
        .iter()
        .map(|name| name.trim().to_string())
        .collect();
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
        if rows.len() == shape.max_rows {
            return Err(refuse(format!(
                "The file has more than {} {}: split it into smaller files.",
                format_number(shape.max_rows as f64),
                shape.rows_noun
            )));
        }
        let line = record.position().map_or(0, |pos| lines.line_at(pos.byte()));
        rows.push(CsvRecord {
            line: i32::try_from(line).unwrap_or(i32::MAX),
            fields: record
                .iter()
                .map(|field| field.trim().to_string())
                .collect(),
        });
    }
    Ok(CsvTable { header, rows })
}

/// Reads a CSV file the user chose: an absolute path to a regular `.csv` or `.txt` file of at
/// most [`MAX_FILE_BYTES`] (the path comes from the window, so no other kind of file is ever
/// read through it). `noun` names the file in refusals ("questionnaire file"). Returns its
/// name (the import's source) and its bytes.
pub fn read_chosen_csv(path: &Path, noun: &str) -> CoreResult<(String, Vec<u8>)> {
    if !path.is_absolute() {
        return Err(CoreError::invalid(
            "path",
            format!("Choose the {noun} again: its location is not a full path."),
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
        .unwrap_or_else(|| "import.csv".into());
    Ok((name, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPE: CsvShape = CsvShape {
        max_rows: 3,
        rows_noun: "test rows",
        empty_reason: "it needs a header line",
    };

    fn reason(bytes: &[u8]) -> String {
        match read_table(bytes, SHAPE).unwrap_err() {
            CoreError::Invalid { field, reason } => {
                assert_eq!(field, "file");
                reason
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn reads_a_bom_quoted_line_breaks_crlf_and_skips_blank_rows() {
        let file = "\u{feff} A ,B\r\n1,\"two\r\nlines\"\r\n\r\n,\r\n3\r\n";
        let table = read_table(file.as_bytes(), SHAPE).unwrap();
        assert_eq!(table.header, vec!["A", "B"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows[0].field(1), "two\r\nlines");
        assert_eq!(table.rows[1].line, 6);
        assert_eq!(table.rows[1].field(1), "");
    }

    #[test]
    fn refuses_empty_files_bad_utf8_bad_csv_and_too_many_rows() {
        assert_eq!(reason(b" \n"), "The file is empty: it needs a header line.");
        assert_eq!(
            reason(b"a,b\n1,2\n3,\xE9\n"),
            "The file is not UTF-8 text on line 3: save it from your spreadsheet as “CSV UTF-8”."
        );
        assert_eq!(
            reason(b"a\n1\n2\n3\n4\n"),
            "The file has more than 3 test rows: split it into smaller files."
        );
        assert!(read_table(b"a,b\n", SHAPE).unwrap().rows.is_empty());
    }

    #[test]
    fn reads_a_chosen_file_and_refuses_other_paths() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("tickets.CSV");
        std::fs::write(&file, "a\n1\n").unwrap();
        let (name, bytes) = read_chosen_csv(&file, "feedback file").unwrap();
        assert_eq!((name.as_str(), bytes.len()), ("tickets.CSV", 4));
        let relative = read_chosen_csv(Path::new("tickets.csv"), "feedback file");
        assert!(
            matches!(&relative, Err(CoreError::Invalid { reason, .. })
                if reason == "Choose the feedback file again: its location is not a full path."),
            "{relative:?}"
        );
        std::fs::create_dir(folder.path().join("dir.csv")).unwrap();
        for refused in [
            folder.path().join("dir.csv"),
            folder.path().join("missing.csv"),
            folder.path().join("notes.db"),
        ] {
            assert!(matches!(
                read_chosen_csv(&refused, "feedback file"),
                Err(CoreError::Invalid { field: "path", .. })
            ));
        }
    }
}
