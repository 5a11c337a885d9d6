//! Importing a questionnaire file: a dry run that lists every row's problems, and the import,
//! which refuses the whole file while any row has one (all or nothing, one transaction, one
//! undo step).
//!
//! A row's item is the id of one of the product's live items, or else the exact title of one
//! (an unknown title, or one that several items share, is a problem of the row). A respondent
//! answers an item once: a second row for the same pair, in this file or in an earlier import
//! still present, is a problem (delete the earlier import to replace its answers).

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use serde::Serialize;

use super::answers::{unknown_answer_reason, KanoAnswer};
use super::csv_file::{read_rows, CsvRow};
use super::evaluation::classify;
use crate::error::{CoreError, CoreResult};
use crate::mutation::Changes;
use crate::queries::kano_responses::{
    answered_pairs, get_survey, insert_response, insert_survey, KanoSurvey, StoredResponse,
};
use crate::queries::products::get_product;
use crate::scoring::format::format_number;
use crate::scoring::KanoCategory;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// The longest respondent name or id kept.
pub const MAX_RESPONDENT_CHARS: usize = 200;
/// The longest file name kept as an import's source.
const MAX_SOURCE_CHARS: usize = 300;

/// What importing a file would do, without writing anything.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KanoImportPreview {
    /// The file's name.
    pub source: String,
    pub summary: KanoImportSummary,
    /// Why the file cannot be imported as it is (`null` when it can).
    pub import_blocked: Option<String>,
    /// Every answer row, in file order.
    pub rows: Vec<KanoPreviewRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KanoImportSummary {
    /// Answer rows.
    pub rows: i32,
    /// Distinct respondents named.
    pub respondents: i32,
    /// Distinct items the rows matched.
    pub items: i32,
    /// Rows with at least one problem: the import is refused while this is not 0.
    pub problems: i32,
}

/// One row of the file, as understood.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KanoPreviewRow {
    /// Its line in the file (the header is line 1).
    pub line: i32,
    pub respondent: String,
    /// The item as the file names it.
    pub item: String,
    /// The item it matched, if exactly one.
    pub item_id: Option<String>,
    pub item_title: Option<String>,
    /// The answers as the file spells them.
    pub functional_text: String,
    pub dysfunctional_text: String,
    pub functional: Option<KanoAnswer>,
    pub dysfunctional: Option<KanoAnswer>,
    /// The category the two answers give.
    pub category: Option<KanoCategory>,
    /// Why the row cannot be imported (empty when it can).
    pub problems: Vec<String>,
}

/// The product's live items, to match rows against.
struct Catalogue {
    titles_by_id: HashMap<String, String>,
    ids_by_title: HashMap<String, Vec<String>>,
}

impl Catalogue {
    fn of_product(connection: &Connection, product_id: &str) -> CoreResult<Catalogue> {
        let mut statement = connection.prepare_cached(
            "SELECT id, title FROM backlog_item WHERE product_id = ?1 AND deleted_at IS NULL",
        )?;
        let mut catalogue = Catalogue {
            titles_by_id: HashMap::new(),
            ids_by_title: HashMap::new(),
        };
        let rows = statement.query_map([product_id], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (id, title) = row?;
            catalogue
                .ids_by_title
                .entry(title.clone())
                .or_default()
                .push(id.clone());
            catalogue.titles_by_id.insert(id, title);
        }
        Ok(catalogue)
    }

    /// The item a row names, or why it names none.
    fn find(&self, named: &str) -> Result<(String, String), String> {
        if named.is_empty() {
            return Err("No item.".into());
        }
        if let Some(title) = self.titles_by_id.get(named) {
            return Ok((named.to_string(), title.clone()));
        }
        match self.ids_by_title.get(named).map(Vec::as_slice) {
            Some([id]) => Ok((id.clone(), named.to_string())),
            Some(ids) if ids.len() > 1 => Err(format!(
                "{} items are called {}: name the item by its id instead.",
                ids.len(),
                quoted(named)
            )),
            _ => Err(format!(
                "No item of this product is called {}.",
                quoted(named)
            )),
        }
    }
}

fn parse_answer(question: &str, text: &str, problems: &mut Vec<String>) -> Option<KanoAnswer> {
    let answer = KanoAnswer::parse(text);
    if answer.is_none() {
        problems.push(unknown_answer_reason(question, text));
    }
    answer
}

/// Understands every row of the file against the product's items and live answers.
fn understand(
    connection: &Connection,
    product_id: &str,
    source: &str,
    rows: Vec<CsvRow>,
) -> CoreResult<KanoImportPreview> {
    get_product(connection, product_id)?;
    let catalogue = Catalogue::of_product(connection, product_id)?;
    let answered = answered_pairs(connection, product_id)?;
    // (item id, respondent) → the line that answered it first in this file.
    let mut in_file: HashMap<(String, String), i32> = HashMap::new();
    let mut respondents = HashSet::new();
    let mut items = HashSet::new();
    let mut preview_rows = Vec::with_capacity(rows.len());
    for row in rows {
        let mut problems = Vec::new();
        if row.respondent.is_empty() {
            problems.push("No respondent.".to_string());
        } else if row.respondent.chars().count() > MAX_RESPONDENT_CHARS {
            problems.push(format!(
                "The respondent is longer than {MAX_RESPONDENT_CHARS} characters."
            ));
        }
        let matched = catalogue
            .find(&row.item)
            .map_err(|problem| problems.push(problem))
            .ok();
        let functional = parse_answer("functional", &row.functional, &mut problems);
        let dysfunctional = parse_answer("dysfunctional", &row.dysfunctional, &mut problems);
        if let (Some((item_id, title)), false) = (&matched, row.respondent.is_empty()) {
            let pair = (item_id.clone(), row.respondent.clone());
            if let Some(source) = answered.get(&pair) {
                problems.push(format!(
                    "{} already answered {} in {}: delete that import to replace its answers.",
                    quoted(&row.respondent),
                    quoted(title),
                    quoted(source)
                ));
            } else if let Some(first) = in_file.get(&pair) {
                problems.push(format!(
                    "{} already answered {} on line {first}.",
                    quoted(&row.respondent),
                    quoted(title)
                ));
            } else {
                in_file.insert(pair, row.line);
            }
        }
        if !row.respondent.is_empty() {
            respondents.insert(row.respondent.clone());
        }
        if let Some((item_id, _)) = &matched {
            items.insert(item_id.clone());
        }
        let category = functional.zip(dysfunctional).map(|(f, d)| classify(f, d));
        let (item_id, item_title) = matched.unzip();
        preview_rows.push(KanoPreviewRow {
            line: row.line,
            respondent: row.respondent,
            item: row.item,
            item_id,
            item_title,
            functional_text: row.functional,
            dysfunctional_text: row.dysfunctional,
            functional,
            dysfunctional,
            category,
            problems,
        });
    }
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    let problems = preview_rows
        .iter()
        .filter(|row| !row.problems.is_empty())
        .count();
    let import_blocked = match problems {
        0 => None,
        1 => Some("1 row has a problem: fix it in the file, then choose the file again.".into()),
        n => Some(format!(
            "{} rows have problems: fix them in the file, then choose the file again.",
            format_number(n as f64)
        )),
    };
    Ok(KanoImportPreview {
        source: source.to_string(),
        import_blocked,
        summary: KanoImportSummary {
            rows: count(preview_rows.len()),
            respondents: count(respondents.len()),
            items: count(items.len()),
            problems: count(problems),
        },
        rows: preview_rows,
    })
}

/// The file name kept as the import's source: trimmed, at most 300 characters.
fn source_name(source: &str) -> String {
    let trimmed = source.trim();
    let name: String = trimmed.chars().take(MAX_SOURCE_CHARS).collect();
    if name.is_empty() {
        "answers.csv".into()
    } else {
        name
    }
}

/// The dry run: every row with its problems and a summary. Writes nothing.
pub fn preview_import(
    connection: &Connection,
    product_id: &str,
    source: &str,
    bytes: &[u8],
) -> CoreResult<KanoImportPreview> {
    let rows = read_rows(bytes)?;
    understand(connection, product_id, &source_name(source), rows)
}

/// Imports the file's answers into the product: all of them in one transaction and one undo
/// step ("Import Kano answers from survey.csv (42 rows)"), or, when any row has a problem,
/// none (`Invalid`, naming how many rows and the first problem).
pub fn import_answers(
    changes: &mut Changes,
    product_id: &str,
    source: &str,
    bytes: &[u8],
) -> CoreResult<KanoSurvey> {
    let preview = preview_import(changes.connection(), product_id, source, bytes)?;
    if let Some(first) = preview.rows.iter().find(|row| !row.problems.is_empty()) {
        let rows = match preview.summary.problems {
            1 => "1 row has a problem".to_string(),
            n => format!("{} rows have problems", format_number(f64::from(n))),
        };
        return Err(CoreError::invalid(
            "file",
            format!(
                "Nothing was imported: {rows} (line {}: {}). Fix the file and preview it again.",
                first.line,
                first.problems.join(" ")
            ),
        ));
    }
    let at = format_timestamp(&now());
    let survey_id = insert_survey(changes, product_id, &preview.source, &at)?;
    for (index, row) in preview.rows.iter().enumerate() {
        let (Some(item_id), Some(functional), Some(dysfunctional)) =
            (&row.item_id, row.functional, row.dysfunctional)
        else {
            continue; // unreachable: a row without these has a problem
        };
        let response = StoredResponse {
            survey_id: survey_id.clone(),
            item_id: item_id.clone(),
            respondent: row.respondent.clone(),
            functional,
            dysfunctional,
        };
        insert_response(changes, product_id, index + 1, &response, &at)?;
    }
    changes.describe(format!(
        "Import Kano answers from {} ({} {})",
        preview.source,
        format_number(f64::from(preview.summary.rows)),
        if preview.summary.rows == 1 {
            "row"
        } else {
            "rows"
        }
    ));
    get_survey(changes.connection(), &survey_id)
}

/// Deletes an import and its answers (one undo step: "Delete Kano answers from survey.csv").
pub fn delete_import(changes: &mut Changes, survey_id: &str) -> CoreResult<()> {
    let survey = get_survey(changes.connection(), survey_id)?;
    let at = format_timestamp(&now());
    crate::queries::kano_responses::delete_survey_rows(changes, survey_id, &at)?;
    changes.describe(format!("Delete Kano answers from {}", survey.source));
    Ok(())
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
