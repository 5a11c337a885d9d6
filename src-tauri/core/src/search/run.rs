//! Running a search: the best hits by bm25 first (with every filter in the same query), then
//! each hit's highlighted title and snippet, so `snippet()` runs for the hits shown and never
//! for every row that matched.

use rusqlite::{params, Connection, OptionalExtension};

use super::query::fts_query;
use super::snippet::{readable, segments, CLOSE, OPEN};
use super::{SearchHit, SearchKind, SearchRequest, MAX_HITS};
use crate::error::{CoreError, CoreResult};
use crate::queries::products::get_product;
use crate::research::{validate_noted_on, NoteType};

/// How many of FTS5's best rows the first pass filters; each further pass takes eight times
/// as many, until enough hits pass the filters or every match was seen. The best rows come
/// from `ORDER BY rank LIMIT n` on the FTS table alone (its `rank` is bm25 with the title
/// weighing most, set in migration 7), so a common word does not join and sort every match.
const FIRST_PASS: i64 = 256;

/// How many tokens a snippet has around its match.
const SNIPPET_TOKENS: u32 = 16;

fn checked_day(field: &'static str, day: &Option<String>) -> CoreResult<Option<String>> {
    day.as_deref()
        .map(|day| {
            validate_noted_on(day).map_err(|error| match error {
                CoreError::Invalid { reason, .. } => CoreError::invalid(field, reason),
                other => other,
            })
        })
        .transpose()
}

struct Ranked {
    doc: i64,
    kind: String,
    id: String,
    product_id: String,
    note_type: Option<String>,
    noted_on: Option<String>,
}

/// The hits for `request`, best first; none when the text has nothing to search for.
pub fn search(connection: &Connection, request: &SearchRequest) -> CoreResult<Vec<SearchHit>> {
    let from = checked_day("from", &request.from)?;
    let to = checked_day("to", &request.to)?;
    if let Some(product_id) = &request.product_id {
        get_product(connection, product_id)?;
    }
    let Some(query) = fts_query(&request.text) else {
        return Ok(Vec::new());
    };
    let notes_only = request.note_type.is_some()
        || request.tag_id.is_some()
        || request.participant_id.is_some()
        || from.is_some()
        || to.is_some();
    let limit = request.limit.unwrap_or(MAX_HITS).clamp(1, MAX_HITS);
    let sql = "WITH best AS (SELECT rowid AS doc, rank FROM search_index \
         WHERE search_index MATCH ?1 ORDER BY rank LIMIT ?11) \
         SELECT d.doc, d.kind, d.ref_id, p.id, n.note_type, n.noted_on FROM best \
         JOIN search_doc d ON d.doc = best.doc \
         LEFT JOIN research_note n ON d.kind = 'note' AND n.id = d.ref_id \
         LEFT JOIN backlog_item i ON d.kind = 'item' AND i.id = d.ref_id \
         JOIN product p ON p.id = coalesce(n.product_id, i.product_id) \
         WHERE p.deleted_at IS NULL \
         AND coalesce(n.deleted_at, i.deleted_at) IS NULL \
         AND (n.id IS NOT NULL OR i.id IS NOT NULL) \
         AND (?2 IS NULL OR p.id = ?2) \
         AND (?3 IS NULL OR d.kind = ?3) \
         AND (?4 = 0 OR d.kind = 'note') \
         AND (?5 IS NULL OR n.note_type = ?5) \
         AND (?6 IS NULL OR EXISTS (SELECT 1 FROM note_tag l WHERE l.note_id = n.id \
              AND l.tag_id = ?6 AND l.deleted_at IS NULL)) \
         AND (?7 IS NULL OR EXISTS (SELECT 1 FROM note_participant l WHERE l.note_id = n.id \
              AND l.participant_id = ?7 AND l.deleted_at IS NULL)) \
         AND (?8 IS NULL OR n.noted_on >= ?8) \
         AND (?9 IS NULL OR n.noted_on <= ?9) \
         ORDER BY best.rank, d.doc LIMIT ?10";
    let kind = request.kind.map(|kind| match kind {
        SearchKind::Note => "note",
        SearchKind::Item => "item",
    });
    let mut statement = connection.prepare_cached(sql)?;
    let mut matches = connection.prepare_cached(
        "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ?1 LIMIT ?2)",
    )?;
    let mut pass = FIRST_PASS;
    let ranked: Vec<Ranked> = loop {
        let found: Vec<Ranked> = statement
            .query_map(
                params![
                    query,
                    request.product_id,
                    kind,
                    notes_only,
                    request.note_type.map(NoteType::as_str),
                    request.tag_id,
                    request.participant_id,
                    from,
                    to,
                    limit,
                    pass
                ],
                |row| {
                    Ok(Ranked {
                        doc: row.get(0)?,
                        kind: row.get(1)?,
                        id: row.get(2)?,
                        product_id: row.get(3)?,
                        note_type: row.get(4)?,
                        noted_on: row.get(5)?,
                    })
                },
            )?
            .collect::<Result<_, _>>()?;
        let enough = found.len() >= limit as usize;
        let seen_all =
            enough || matches.query_row(params![query, pass], |row| row.get::<_, i64>(0))? < pass;
        if enough || seen_all {
            break found;
        }
        pass = pass.saturating_mul(8);
    };
    let mut marked = connection.prepare_cached(&format!(
        "SELECT highlight(search_index, 0, '{OPEN}', '{CLOSE}'), \
         snippet(search_index, -1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}) \
         FROM search_index WHERE search_index MATCH ?1 AND rowid = ?2"
    ))?;
    let mut hits = Vec::with_capacity(ranked.len());
    for hit in ranked {
        let (title, snippet): (String, String) = marked
            .query_row(params![query, hit.doc], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?
            .unwrap_or_default();
        hits.push(SearchHit {
            kind: if hit.kind == "note" {
                SearchKind::Note
            } else {
                SearchKind::Item
            },
            id: hit.id,
            product_id: hit.product_id,
            title: segments(&title),
            snippet: readable(segments(&snippet)),
            note_type: hit.note_type.as_deref().and_then(NoteType::parse),
            noted_on: hit.noted_on,
        });
    }
    Ok(hits)
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
