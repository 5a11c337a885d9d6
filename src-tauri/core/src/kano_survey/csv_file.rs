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
//! five) is a problem of its row, for the preview to list. The CSV itself is read by the shared
//! [`crate::csv_table`].

use std::path::Path;

use crate::csv_table::{read_chosen_csv, read_table, CsvRecord, CsvShape};
use crate::error::{CoreError, CoreResult};

pub use crate::csv_table::MAX_FILE_BYTES;

/// The most answer rows one file may hold (a questionnaire of 1,000 respondents over 20 items).
pub const MAX_ROWS: usize = 20_000;

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

/// How a questionnaire file is read: its cap and its words.
const SHAPE: CsvShape = CsvShape {
    max_rows: MAX_ROWS,
    rows_noun: "answer rows",
    empty_reason: "it needs a header line and one line per answer",
};

/// Where each needed column is, from the header; refuses a missing or repeated column.
fn locate_columns(header: &[String]) -> CoreResult<[usize; 4]> {
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
    let table = read_table(bytes, SHAPE)?;
    let columns = locate_columns(&table.header)?;
    if table.rows.is_empty() {
        return Err(refuse(
            "The file has a header but no answers: add one line per respondent and item.",
        ));
    }
    let field =
        |record: &CsvRecord, column: Column| record.field(columns[column as usize]).to_string();
    Ok(table
        .rows
        .iter()
        .map(|record| CsvRow {
            line: record.line,
            respondent: field(record, Column::Respondent),
            item: field(record, Column::Item),
            functional: field(record, Column::Functional),
            dysfunctional: field(record, Column::Dysfunctional),
        })
        .collect())
}

/// Reads a questionnaire file the user chose: an absolute path to a regular `.csv` or `.txt`
/// file of at most [`MAX_FILE_BYTES`] (the path comes from the window, so no other kind of file
/// is ever read through it). Returns its name (the import's source) and its bytes.
pub fn read_questionnaire_file(path: &Path) -> CoreResult<(String, Vec<u8>)> {
    read_chosen_csv(path, "questionnaire file")
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
