//! The `kano_survey` and `kano_response` tables: an import of questionnaire answers and its
//! rows. Writes go through the action's [`Changes`], so an import or its deletion is one undo
//! step; validation and the dry run live in [`crate::kano_survey::import`].

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::kano_survey::KanoAnswer;
use crate::mutation::{Changes, Table};
use crate::time::Timestamp;

/// One import of answers, as listed beside the results.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KanoSurvey {
    pub id: String,
    pub product_id: String,
    /// The name of the file the answers came from.
    pub source: String,
    /// Its answer rows (live).
    pub answers: i32,
    /// The people who answered.
    pub respondents: i32,
    pub created_at: Timestamp,
}

/// One live answer: who answered about which item, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub survey_id: String,
    pub item_id: String,
    pub respondent: String,
    pub functional: KanoAnswer,
    pub dysfunctional: KanoAnswer,
}

fn answer_column(row: &rusqlite::Row, index: usize) -> rusqlite::Result<KanoAnswer> {
    let text: String = row.get(index)?;
    KanoAnswer::from_stored(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("invalid Kano answer “{text}”").into(),
        )
    })
}

const SELECT_SURVEY: &str = "SELECT s.id, s.product_id, s.source, s.created_at, \
     (SELECT count(*) FROM kano_response r WHERE r.survey_id = s.id AND r.deleted_at IS NULL), \
     (SELECT count(DISTINCT respondent) FROM kano_response r \
      WHERE r.survey_id = s.id AND r.deleted_at IS NULL) \
     FROM kano_survey s";

fn survey_from_row(row: &rusqlite::Row) -> rusqlite::Result<KanoSurvey> {
    Ok(KanoSurvey {
        id: row.get(0)?,
        product_id: row.get(1)?,
        source: row.get(2)?,
        created_at: timestamp_column(row, 3)?,
        answers: row.get(4)?,
        respondents: row.get(5)?,
    })
}

/// A live import.
pub fn get_survey(connection: &Connection, id: &str) -> CoreResult<KanoSurvey> {
    let sql = format!("{SELECT_SURVEY} WHERE s.id = ?1 AND s.deleted_at IS NULL");
    connection
        .query_row(&sql, [id], survey_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("Kano import", id))
}

/// The product's live imports, oldest first.
pub fn list_surveys(connection: &Connection, product_id: &str) -> CoreResult<Vec<KanoSurvey>> {
    let sql = format!(
        "{SELECT_SURVEY} WHERE s.product_id = ?1 AND s.deleted_at IS NULL \
         ORDER BY s.created_at, s.id"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let surveys = statement
        .query_map([product_id], survey_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(surveys)
}

/// The product's live answers about its live items, in the items' backlog order.
pub fn list_responses(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<Vec<StoredResponse>> {
    let mut statement = connection.prepare_cached(
        "SELECT r.survey_id, r.item_id, r.respondent, r.functional, r.dysfunctional \
         FROM kano_response r JOIN backlog_item i ON i.id = r.item_id \
         WHERE r.product_id = ?1 AND r.deleted_at IS NULL AND i.deleted_at IS NULL \
         ORDER BY i.rank, i.id, r.respondent",
    )?;
    let rows = statement
        .query_map([product_id], |row| {
            Ok(StoredResponse {
                survey_id: row.get(0)?,
                item_id: row.get(1)?,
                respondent: row.get(2)?,
                functional: answer_column(row, 3)?,
                dysfunctional: answer_column(row, 4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One exported answer (see `export.rs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedResponse {
    pub survey_id: String,
    pub respondent: String,
    pub item_id: String,
    pub functional: KanoAnswer,
    pub dysfunctional: KanoAnswer,
}

/// The product's live answers about its live items, import by import (oldest first), each in
/// its file's order (an answer's id starts with its number in the file).
pub fn list_exported_responses(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<Vec<ExportedResponse>> {
    let mut statement = connection.prepare_cached(
        "SELECT r.survey_id, r.respondent, r.item_id, r.functional, r.dysfunctional \
         FROM kano_response r JOIN kano_survey s ON s.id = r.survey_id \
         JOIN backlog_item i ON i.id = r.item_id \
         WHERE r.product_id = ?1 AND r.deleted_at IS NULL AND s.deleted_at IS NULL \
         AND i.deleted_at IS NULL \
         ORDER BY s.created_at, s.id, CAST(substr(r.id, 1, instr(r.id, ':') - 1) AS INTEGER), r.id",
    )?;
    let rows = statement
        .query_map([product_id], |row| {
            Ok(ExportedResponse {
                survey_id: row.get(0)?,
                respondent: row.get(1)?,
                item_id: row.get(2)?,
                functional: answer_column(row, 3)?,
                dysfunctional: answer_column(row, 4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Who already answered which item (live answers), with the file each answer came from.
pub fn answered_pairs(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<HashMap<(String, String), String>> {
    let mut statement = connection.prepare_cached(
        "SELECT r.item_id, r.respondent, s.source FROM kano_response r \
         JOIN kano_survey s ON s.id = r.survey_id \
         WHERE r.product_id = ?1 AND r.deleted_at IS NULL",
    )?;
    let pairs = statement
        .query_map([product_id], |row| {
            Ok(((row.get(0)?, row.get(1)?), row.get(2)?))
        })?
        .collect::<rusqlite::Result<HashMap<_, _>>>()?;
    Ok(pairs)
}

/// Creates an import's row; returns its id.
pub fn insert_survey(
    changes: &mut Changes,
    product_id: &str,
    source: &str,
    at: &str,
) -> CoreResult<String> {
    let id = new_id();
    changes.track(Table::KanoSurvey, &id, |connection| {
        connection.execute(
            "INSERT INTO kano_survey (id, product_id, source, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![id, product_id, source, at],
        )?;
        Ok(())
    })?;
    Ok(id)
}

/// Adds an import's answer number `number` (from 1, in file order). Its id is
/// `<number>:<survey id>`: unique because the import's id is, and the same in every run of the
/// same import, like a board row's `board:item_id`.
pub fn insert_response(
    changes: &mut Changes,
    product_id: &str,
    number: usize,
    response: &StoredResponse,
    at: &str,
) -> CoreResult<()> {
    let id = format!("{number}:{}", response.survey_id);
    changes.track(Table::KanoResponse, &id, |connection| {
        connection.execute(
            "INSERT INTO kano_response (id, survey_id, product_id, item_id, respondent, \
             functional, dysfunctional, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id,
                response.survey_id,
                product_id,
                response.item_id,
                response.respondent,
                response.functional.as_str(),
                response.dysfunctional.as_str(),
                at
            ],
        )?;
        Ok(())
    })
}

/// Soft-deletes an import and its live answers (one step with the caller's action).
pub fn delete_survey_rows(changes: &mut Changes, survey_id: &str, at: &str) -> CoreResult<()> {
    let ids: Vec<String> = {
        let mut statement = changes.connection().prepare_cached(
            "SELECT id FROM kano_response WHERE survey_id = ?1 AND deleted_at IS NULL \
             ORDER BY CAST(substr(id, 1, instr(id, ':') - 1) AS INTEGER)",
        )?;
        let ids = statement
            .query_map([survey_id], |row| row.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        ids
    };
    for id in ids {
        changes.track(Table::KanoResponse, &id, |connection| {
            connection.execute(
                "UPDATE kano_response SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
                params![id, at],
            )?;
            Ok(())
        })?;
    }
    changes.track(Table::KanoSurvey, survey_id, |connection| {
        connection.execute(
            "UPDATE kano_survey SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![survey_id, at],
        )?;
        Ok(())
    })
}
