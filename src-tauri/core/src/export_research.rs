//! The research part of a product's export (format 5): its notes with their bodies and the ids
//! of their participants and tags, its participants and its tags. Documented in
//! `docs/export-format.md` ("Research").

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::CoreResult;
use crate::queries::note_links::{links_of_product, LinkKind};
use crate::queries::participants::list_participants;
use crate::queries::tags::list_tags;
use crate::queries::timestamp_column;
use crate::research::NoteType;
use crate::time::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResearchExport {
    /// Oldest first: by day, then the moment written down.
    pub research_notes: Vec<NoteExport>,
    /// By name.
    pub participants: Vec<ParticipantExport>,
    /// By name.
    pub tags: Vec<TagExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteExport {
    pub id: String,
    pub note_type: NoteType,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub noted_on: String,
    pub source: String,
    /// Markdown, as typed.
    pub body: String,
    /// Its live participants' ids, by name.
    pub participant_ids: Vec<String>,
    /// Its live tags' ids, by name.
    pub tag_ids: Vec<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantExport {
    pub id: String,
    pub name: String,
    pub persona: String,
    pub segment: String,
    pub company_size: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TagExport {
    pub id: String,
    pub name: String,
}

pub fn exported_research(connection: &Connection, product_id: &str) -> CoreResult<ResearchExport> {
    let mut participant_links = links_of_product(connection, LinkKind::Participant, product_id)?;
    let mut tag_links = links_of_product(connection, LinkKind::Tag, product_id)?;
    let mut statement = connection.prepare_cached(
        "SELECT id, note_type, title, noted_on, source, body, created_at, updated_at \
         FROM research_note WHERE product_id = ?1 AND deleted_at IS NULL \
         ORDER BY noted_on, created_at, id",
    )?;
    let rows = statement.query_map([product_id], |row| {
        let note_type: String = row.get(1)?;
        Ok(NoteExport {
            id: row.get(0)?,
            note_type: NoteType::parse(&note_type).unwrap_or(NoteType::Interview),
            title: row.get(2)?,
            noted_on: row.get(3)?,
            source: row.get(4)?,
            body: row.get(5)?,
            participant_ids: Vec::new(),
            tag_ids: Vec::new(),
            created_at: timestamp_column(row, 6)?,
            updated_at: timestamp_column(row, 7)?,
        })
    })?;
    let mut research_notes: Vec<NoteExport> = rows.collect::<Result<_, _>>()?;
    for note in &mut research_notes {
        let ids = |refs: Option<Vec<crate::research::NamedRef>>| {
            refs.unwrap_or_default().into_iter().map(|r| r.id).collect()
        };
        note.participant_ids = ids(participant_links.remove(&note.id));
        note.tag_ids = ids(tag_links.remove(&note.id));
    }
    let participants = list_participants(connection, product_id)?
        .into_iter()
        .map(|p| ParticipantExport {
            id: p.id,
            name: p.name,
            persona: p.persona,
            segment: p.segment,
            company_size: p.company_size,
            created_at: p.created_at,
            updated_at: p.updated_at,
        })
        .collect();
    let tags = list_tags(connection, product_id)?
        .into_iter()
        .map(|t| TagExport {
            id: t.id,
            name: t.name,
        })
        .collect();
    Ok(ResearchExport {
        research_notes,
        participants,
        tags,
    })
}

#[cfg(test)]
mod tests {
    use crate::export::{export_json, ExportDocument};
    use crate::queries::items::test_support::store_with_items;
    use crate::queries::research_notes::{add_new_participant, create_note, tag_note};
    use crate::research::{NewNote, NewParticipant, NoteType};

    #[test]
    fn notes_participants_and_tags_are_exported_with_their_links() {
        let (store, product) = store_with_items(&["Bank sync"]);
        let new = NewNote {
            product_id: product.clone(),
            note_type: NoteType::UsabilityTest,
            title: "Prototype test".into(),
            noted_on: Some("2026-03-01".into()),
            source: Some("Zoom".into()),
            body: Some("# Findings\n\n- *Nobody* found export".into()),
        };
        let note = store.write(|c| create_note(c, &new)).unwrap();
        let person = NewParticipant {
            name: "Dana".into(),
            persona: Some("Busy freelancer".into()),
            segment: Some("Designers".into()),
            company_size: Some("Solo".into()),
        };
        store
            .write(|c| add_new_participant(c, &note.id, &person))
            .unwrap();
        store.write(|c| tag_note(c, &note.id, "export")).unwrap();
        let json = store.read(export_json).unwrap();
        let document: ExportDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(document.format_version, 5);
        let research = &document.products[0].research;
        assert_eq!(research.research_notes.len(), 1);
        let exported = &research.research_notes[0];
        assert_eq!(exported.body, "# Findings\n\n- *Nobody* found export");
        assert_eq!(
            exported.participant_ids,
            vec![research.participants[0].id.clone()]
        );
        assert_eq!(exported.tag_ids, vec![research.tags[0].id.clone()]);
        assert_eq!(research.participants[0].company_size, "Solo");
        assert!(json.contains("\"noteType\": \"usability_test\""));
        assert!(json.contains("\"researchNotes\""));
        assert_eq!(json, store.read(export_json).unwrap());
    }
}
