//! An item's evidence read from the research tables (`highlight_item` → `highlight` →
//! `research_note` → `note_participant` → `participant`), summarised under the product's
//! evidence settings, and the one write: accepting a suggestion, which sets the input through
//! [`set_score_inputs`] and records why in the decision log, in one transaction and one undo
//! step.

use std::collections::HashMap;

use rusqlite::Connection;

use super::evidence_settings::{multipliers_set, weights_set};
use crate::decision::{NewDecision, MAX_RATIONALE_CHARS};
use crate::error::{CoreError, CoreResult};
use crate::evidence::suggest::{suggestions, summarize};
use crate::evidence::{
    default_weight, AcceptedSuggestion, EvidenceParticipant, EvidenceQuote, ItemEvidence,
};
use crate::mutation::Changes;
use crate::queries::decisions::create_decision;
use crate::queries::item_scores::{get_item_details, set_score_inputs};
use crate::research::NoteType;
use crate::scoring::{InputValue, ScoreChange, ScoreInput};
use crate::text::quoted;

/// The item's live highlights of live notes, newest note first, then in each note's order.
const SELECT_QUOTES: &str = "SELECT h.id, h.exact, h.orphaned, n.id, n.title, n.note_type, \
     n.noted_on FROM highlight_item l \
     JOIN highlight h ON h.id = l.highlight_id \
     JOIN research_note n ON n.id = h.note_id \
     WHERE l.item_id = ?1 AND l.deleted_at IS NULL AND h.deleted_at IS NULL \
     AND n.deleted_at IS NULL \
     ORDER BY n.noted_on DESC, n.id, h.start_utf16, h.created_at, h.id";

/// The live participants of the notes those highlights are in.
const SELECT_PARTICIPANTS: &str = "SELECT np.note_id, p.id, p.name, p.segment \
     FROM note_participant np JOIN participant p ON p.id = np.participant_id \
     WHERE np.deleted_at IS NULL AND p.deleted_at IS NULL AND np.note_id IN \
     (SELECT h.note_id FROM highlight_item l JOIN highlight h ON h.id = l.highlight_id \
      WHERE l.item_id = ?1 AND l.deleted_at IS NULL AND h.deleted_at IS NULL) \
     ORDER BY lower(p.name), p.id";

fn quotes_of(connection: &Connection, item_id: &str) -> CoreResult<Vec<EvidenceQuote>> {
    let mut people: HashMap<String, Vec<EvidenceParticipant>> = HashMap::new();
    let mut statement = connection.prepare_cached(SELECT_PARTICIPANTS)?;
    let rows = statement.query_map([item_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            EvidenceParticipant {
                id: row.get(1)?,
                name: row.get(2)?,
                segment: row.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (note, participant) = row?;
        people.entry(note).or_default().push(participant);
    }
    let mut statement = connection.prepare_cached(SELECT_QUOTES)?;
    let rows = statement.query_map([item_id], |row| {
        let kind: String = row.get(5)?;
        let note_type = NoteType::parse(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                5,
                rusqlite::types::Type::Text,
                format!("unknown note type “{kind}”").into(),
            )
        })?;
        Ok(EvidenceQuote {
            highlight_id: row.get(0)?,
            exact: row.get(1)?,
            orphaned: row.get(2)?,
            note_id: row.get(3)?,
            note_title: row.get(4)?,
            note_type,
            noted_on: row.get(6)?,
            participants: Vec::new(),
        })
    })?;
    let mut quotes = rows.collect::<Result<Vec<_>, _>>()?;
    for quote in &mut quotes {
        quote.participants = people.get(&quote.note_id).cloned().unwrap_or_default();
    }
    Ok(quotes)
}

/// An item's evidence: its quotes, their summary, and the Reach and Confidence they suggest
/// beside the item's inputs.
pub fn get_item_evidence(connection: &Connection, item_id: &str) -> CoreResult<ItemEvidence> {
    let details = get_item_details(connection, item_id)?;
    let product_id = details.item.product_id.clone();
    let quotes = quotes_of(connection, item_id)?;
    let weights = weights_set(connection, &product_id)?;
    let multipliers = multipliers_set(connection, &product_id)?;
    let summary = summarize(
        &quotes,
        |kind| {
            weights
                .get(&kind)
                .copied()
                .unwrap_or_else(|| default_weight(kind))
        },
        |segment| multipliers.get(segment).copied().unwrap_or(1.0),
    );
    let suggestions = suggestions(&summary, &details.inputs);
    Ok(ItemEvidence {
        item_id: item_id.to_string(),
        product_id,
        quotes,
        summary,
        suggestions,
    })
}

/// Sets the item's Reach or Confidence to what its evidence suggests now, and records the
/// decision ("Accepted suggested Reach 603 from evidence") linked to the item with the
/// provenance as its rationale: one transaction, one undo step. Refused, writing nothing, when
/// the evidence suggests nothing or the input already has that value. The decision is dated
/// `decided_on` (today, from the caller's calendar), `YYYY-MM-DD`.
pub fn accept_evidence_suggestion(
    changes: &mut Changes,
    item_id: &str,
    input: ScoreInput,
    decided_on: &str,
) -> CoreResult<AcceptedSuggestion> {
    let evidence = get_item_evidence(changes.connection(), item_id)?;
    let suggestion = evidence
        .suggestions
        .iter()
        .find(|suggestion| suggestion.input == input)
        .ok_or_else(|| {
            CoreError::invalid(
                "input",
                "Only Reach and Confidence are suggested from evidence.",
            )
        })?;
    if let Some(reason) = &suggestion.accept_blocked {
        return Err(CoreError::invalid("input", reason.clone()));
    }
    let (Some(value), Some(value_label)) = (suggestion.value, suggestion.value_label.clone())
    else {
        return Err(CoreError::invalid("input", suggestion.provenance.clone()));
    };
    let ids = [item_id.to_string()];
    let scores = set_score_inputs(
        changes,
        &ids,
        &[ScoreChange {
            input,
            value: Some(InputValue::Number(value)),
        }],
    )?;
    let title = get_item_details(changes.connection(), item_id)?.item.title;
    let was = suggestion
        .current_label
        .as_deref()
        .map_or(String::from("not set"), |label| format!("was {label}"));
    let decision = create_decision(
        changes,
        &NewDecision {
            product_id: evidence.product_id.clone(),
            decided_on: Some(decided_on.to_string()),
            decision: format!(
                "Accepted suggested {} {value_label} from evidence",
                suggestion.label
            ),
            rationale: within_rationale(format!("{} ({was}).", suggestion.provenance)),
            item_ids: ids.to_vec(),
        },
    )?;
    changes.describe(format!(
        "Accept suggested {} {value_label} for {}",
        suggestion.label,
        quoted(&title)
    ));
    let scores = scores
        .into_iter()
        .next()
        .ok_or_else(|| CoreError::not_found("item", item_id))?;
    Ok(AcceptedSuggestion { scores, decision })
}

/// `text` cut to fit a decision's rationale (many long segment names could pass it).
fn within_rationale(text: String) -> String {
    if text.chars().count() <= MAX_RATIONALE_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_RATIONALE_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// How many live highlights of live notes each live item of the product is linked to (only
/// items with some), in one grouped query over `highlight_item_by_item`.
pub fn evidence_counts(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<HashMap<String, u32>> {
    let mut statement = connection.prepare_cached(
        "SELECT l.item_id, count(*) FROM highlight_item l \
         JOIN highlight h ON h.id = l.highlight_id \
         JOIN research_note n ON n.id = h.note_id \
         WHERE l.product_id = ?1 AND l.deleted_at IS NULL AND h.deleted_at IS NULL \
         AND n.deleted_at IS NULL GROUP BY l.item_id",
    )?;
    let rows = statement.query_map([product_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
#[path = "evidence_tests.rs"]
mod tests;
