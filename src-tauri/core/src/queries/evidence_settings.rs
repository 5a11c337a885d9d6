//! The `evidence_weight` and `segment_multiplier` tables: a product's evidence settings
//! (`evidence::settings`). A row holds a value set by the product owner; none (or a soft-deleted
//! one) means the default. Each change is one tracked row and one undo step.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, Connection};

use crate::error::CoreResult;
use crate::evidence::settings::{
    rules_text, validate_multiplier, validate_segment, validate_weight,
};
use crate::evidence::{
    default_weight, note_type_noun, EvidenceSettings, NoteTypeWeight, SegmentSetting,
};
use crate::mutation::{Changes, Table};
use crate::queries::products::get_product;
use crate::research::NoteType;
use crate::scoring::format::format_number;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// The weights the product set, by note type.
pub fn weights_set(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<HashMap<NoteType, u32>> {
    let mut statement = connection.prepare_cached(
        "SELECT note_type, weight FROM evidence_weight \
         WHERE product_id = ?1 AND deleted_at IS NULL",
    )?;
    let rows = statement.query_map([product_id], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, u32>(1)?))
    })?;
    let mut weights = HashMap::new();
    for row in rows {
        let (kind, weight) = row?;
        if let Some(kind) = NoteType::parse(&kind) {
            weights.insert(kind, weight);
        }
    }
    Ok(weights)
}

/// The multipliers the product set, by segment.
pub fn multipliers_set(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<HashMap<String, f64>> {
    let mut statement = connection.prepare_cached(
        "SELECT segment, multiplier FROM segment_multiplier \
         WHERE product_id = ?1 AND deleted_at IS NULL",
    )?;
    let rows = statement.query_map([product_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every note type's weight and every segment's multiplier (the segments the product's live
/// participants name, and any with a multiplier set).
pub fn get_evidence_settings(
    connection: &Connection,
    product_id: &str,
) -> CoreResult<EvidenceSettings> {
    get_product(connection, product_id)?;
    let set = weights_set(connection, product_id)?;
    let weights = NoteType::ALL
        .into_iter()
        .map(|note_type| NoteTypeWeight {
            note_type,
            weight: set
                .get(&note_type)
                .copied()
                .unwrap_or_else(|| default_weight(note_type)),
            default_weight: default_weight(note_type),
        })
        .collect();
    let multipliers = multipliers_set(connection, product_id)?;
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    let mut statement = connection.prepare_cached(
        "SELECT trim(segment), count(*) FROM participant \
         WHERE product_id = ?1 AND deleted_at IS NULL AND trim(segment) <> '' \
         GROUP BY trim(segment)",
    )?;
    let rows = statement.query_map([product_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    for row in rows {
        let (segment, count): (String, u32) = row?;
        counts.insert(segment, count);
    }
    for segment in multipliers.keys() {
        counts.entry(segment.clone()).or_insert(0);
    }
    let segments = counts
        .into_iter()
        .map(|(segment, participant_count)| SegmentSetting {
            multiplier: multipliers.get(&segment).copied().unwrap_or(1.0),
            is_set: multipliers.contains_key(&segment),
            segment,
            participant_count,
        })
        .collect();
    Ok(EvidenceSettings {
        product_id: product_id.to_string(),
        weights,
        segments,
        rules: rules_text(),
    })
}

/// Sets a note type's weight (0–10): one undo step ("Weigh interviews 4 in evidence"). Setting
/// the default again removes the product's own value; a weight it already has records nothing.
pub fn set_evidence_weight(
    changes: &mut Changes,
    product_id: &str,
    note_type: NoteType,
    weight: i64,
) -> CoreResult<EvidenceSettings> {
    let weight = validate_weight(weight)?;
    get_product(changes.connection(), product_id)?;
    let id = format!("{product_id}:{}", note_type.as_str());
    let at = format_timestamp(&now());
    changes.describe(format!(
        "Weigh {} {weight} in evidence",
        note_type_noun(note_type, 2)
    ));
    changes.track(Table::EvidenceWeight, &id, |connection| {
        if weight == default_weight(note_type) {
            connection.execute(
                "UPDATE evidence_weight SET deleted_at = ?2, updated_at = ?2 \
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, at],
            )?;
        } else {
            connection.execute(
                "INSERT INTO evidence_weight \
                 (id, product_id, note_type, weight, created_at, updated_at, deleted_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, NULL) \
                 ON CONFLICT(id) DO UPDATE SET weight = excluded.weight, \
                 updated_at = excluded.updated_at, deleted_at = NULL \
                 WHERE weight IS NOT excluded.weight OR deleted_at IS NOT NULL",
                params![id, product_id, note_type.as_str(), weight, at],
            )?;
        }
        Ok(())
    })?;
    get_evidence_settings(changes.connection(), product_id)
}

/// Sets a segment's Reach multiplier, or back to the default 1 with `None`: one undo step
/// ("Count “Enterprise” participants ×200"). A value it already has records nothing.
pub fn set_segment_multiplier(
    changes: &mut Changes,
    product_id: &str,
    segment: &str,
    multiplier: Option<f64>,
) -> CoreResult<EvidenceSettings> {
    let segment = validate_segment(segment)?;
    let multiplier = multiplier.map(validate_multiplier).transpose()?;
    get_product(changes.connection(), product_id)?;
    let id = format!("{product_id}:{segment}");
    let at = format_timestamp(&now());
    changes.describe(format!(
        "Count {} participants ×{}",
        quoted(&segment),
        format_number(multiplier.unwrap_or(1.0))
    ));
    changes.track(Table::SegmentMultiplier, &id, |connection| {
        match multiplier {
            None => connection.execute(
                "UPDATE segment_multiplier SET deleted_at = ?2, updated_at = ?2 \
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, at],
            )?,
            Some(multiplier) => connection.execute(
                "INSERT INTO segment_multiplier \
                 (id, product_id, segment, multiplier, created_at, updated_at, deleted_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, NULL) \
                 ON CONFLICT(id) DO UPDATE SET multiplier = excluded.multiplier, \
                 updated_at = excluded.updated_at, deleted_at = NULL \
                 WHERE multiplier IS NOT excluded.multiplier OR deleted_at IS NOT NULL",
                params![id, product_id, segment, multiplier, at],
            )?,
        };
        Ok(())
    })?;
    get_evidence_settings(changes.connection(), product_id)
}
