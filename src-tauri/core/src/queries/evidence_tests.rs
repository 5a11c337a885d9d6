use super::*;
use crate::evidence::EvidenceStrength;
use crate::queries::decisions::list_item_decisions;
use crate::queries::evidence_settings::{
    get_evidence_settings, set_evidence_weight, set_segment_multiplier,
};
use crate::queries::highlights::{create_highlight, delete_highlight};
use crate::queries::items::test_support::{id_of, store_with_items};
use crate::queries::research_notes::{add_new_participant, create_note, save_note_body};
use crate::research::{utf16_len, NewHighlight, NewNote, NewParticipant};
use crate::Store;

struct Setup {
    store: Store,
    product: String,
    item: String,
    other: String,
}

fn setup() -> Setup {
    let (store, product) = store_with_items(&["Bank sync", "Dark mode"]);
    let item = id_of(&store, &product, "Bank sync");
    let other = id_of(&store, &product, "Dark mode");
    Setup {
        store,
        product,
        item,
        other,
    }
}

/// A note of `kind` with `people` (name, segment) and a highlight of `passage` linked to items.
fn evidence(
    s: &Setup,
    kind: NoteType,
    day: &str,
    body: &str,
    passage: &str,
    people: &[(&str, &str)],
    items: &[String],
) -> (String, String) {
    let note = s
        .store
        .write(|c| {
            create_note(
                c,
                &NewNote {
                    product_id: s.product.clone(),
                    note_type: kind,
                    title: format!("{kind:?} of {day}"),
                    noted_on: Some(day.into()),
                    source: None,
                    body: Some(body.into()),
                },
            )
        })
        .unwrap();
    for (name, segment) in people {
        s.store
            .write(|c| {
                add_new_participant(
                    c,
                    &note.id,
                    &NewParticipant {
                        name: name.to_string(),
                        segment: Some(segment.to_string()),
                        ..Default::default()
                    },
                )
            })
            .unwrap();
    }
    let byte = body.find(passage).unwrap();
    let start = utf16_len(&body[..byte]) as u32;
    let highlight = s
        .store
        .write(|c| {
            create_highlight(
                c,
                &NewHighlight {
                    note_id: note.id.clone(),
                    start,
                    end: start + utf16_len(passage) as u32,
                    tag_ids: vec![],
                    item_ids: items.to_vec(),
                },
            )
        })
        .unwrap();
    (note.id, highlight.id)
}

fn evidence_of(s: &Setup) -> ItemEvidence {
    s.store.read(|c| get_item_evidence(c, &s.item)).unwrap()
}

const DAY: &str = "2027-03-10";

const BODY: &str = "I reconcile my bank by hand every Friday. It takes two hours.";

#[test]
fn an_item_without_evidence_has_nothing_to_suggest() {
    let s = setup();
    let found = evidence_of(&s);
    assert!(found.quotes.is_empty());
    assert_eq!(found.summary.strength, EvidenceStrength::None);
    assert!(found.suggestions.iter().all(|s| s.value.is_none()));
    let refused = s
        .store
        .write(|c| accept_evidence_suggestion(c, &s.item, ScoreInput::RiceReach, DAY))
        .unwrap_err();
    assert!(
        matches!(&refused, CoreError::Invalid { field: "input", reason } if reason.starts_with("Nothing to suggest")),
        "{refused:?}"
    );
    let label = s.store.history_state().undo_label.unwrap_or_default();
    assert!(!label.starts_with("Accept"), "{label}");
}

#[test]
fn lists_quotes_with_their_notes_and_participants_and_summarises_them() {
    let s = setup();
    let items = [s.item.clone()];
    evidence(
        &s,
        NoteType::Interview,
        "2026-03-01",
        BODY,
        "by hand every Friday",
        &[("Dana", "Freelancers"), ("Ravi", "Enterprise")],
        &items,
    );
    evidence(
        &s,
        NoteType::Analytics,
        "2026-04-12",
        "62 % of weekly users open the reconcile screen.",
        "open the reconcile screen",
        &[],
        &items,
    );
    // Evidence for another item only is not this item's.
    evidence(
        &s,
        NoteType::Survey,
        "2026-05-01",
        BODY,
        "two hours",
        &[("Lee", "Agencies")],
        std::slice::from_ref(&s.other),
    );
    let found = evidence_of(&s);
    let titles: Vec<&str> = found.quotes.iter().map(|q| q.note_title.as_str()).collect();
    assert_eq!(
        titles,
        ["Analytics of 2026-04-12", "Interview of 2026-03-01"]
    );
    assert_eq!(found.quotes[1].exact, "by hand every Friday");
    let names: Vec<&str> = found.quotes[1]
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Dana", "Ravi"]);
    let summary = &found.summary;
    assert_eq!(
        (
            summary.participant_count,
            summary.segment_count,
            summary.note_count
        ),
        (2, 2, 2)
    );
    assert_eq!(summary.latest_on.as_deref(), Some("2026-04-12"));
    // Interview 2 + analytics 3 = 5: Medium.
    assert_eq!(
        (summary.strength, summary.strength_points),
        (EvidenceStrength::Medium, 5)
    );
    let counts = s.store.read(|c| evidence_counts(c, &s.product)).unwrap();
    assert_eq!(counts.get(&s.item), Some(&2));
    assert_eq!(counts.get(&s.other), Some(&1));
    // The rows carry the count for the badge.
    let rows = s
        .store
        .read(|c| crate::queries::items::list_item_summaries(c, &s.product))
        .unwrap();
    let badges: Vec<(&str, u32)> = rows
        .iter()
        .map(|r| (r.title.as_str(), r.evidence_count))
        .collect();
    assert_eq!(badges, [("Bank sync", 2), ("Dark mode", 1)]);
}

#[test]
fn settings_change_the_strength_and_the_suggested_reach_each_as_one_undo_step() {
    let s = setup();
    let items = [s.item.clone()];
    evidence(
        &s,
        NoteType::SupportTicket,
        "2026-03-01",
        BODY,
        "every Friday",
        &[
            ("Dana", "Enterprise"),
            ("Ravi", "Enterprise"),
            ("Lee", "Freelancers"),
        ],
        &items,
    );
    assert_eq!(evidence_of(&s).summary.strength, EvidenceStrength::Low);
    assert_eq!(evidence_of(&s).suggestions[0].value, Some(3.0));

    s.store
        .write(|c| set_evidence_weight(c, &s.product, NoteType::SupportTicket, 9))
        .unwrap();
    assert_eq!(evidence_of(&s).summary.strength, EvidenceStrength::High);
    assert_eq!(
        s.store.history_state().undo_label.as_deref(),
        Some("Weigh support tickets 9 in evidence")
    );
    let settings = s
        .store
        .write(|c| set_segment_multiplier(c, &s.product, " Enterprise ", Some(200.0)))
        .unwrap();
    let enterprise = settings
        .segments
        .iter()
        .find(|x| x.segment == "Enterprise")
        .unwrap();
    assert_eq!(
        (
            enterprise.multiplier,
            enterprise.is_set,
            enterprise.participant_count
        ),
        (200.0, true, 2)
    );
    let reach = &evidence_of(&s).suggestions[0];
    assert_eq!(reach.value, Some(401.0));
    assert_eq!(
        reach.provenance,
        "Reach 401 suggested: 3 participants in 2 segments (Enterprise 2 × 200 and Freelancers 1 × 1)"
    );

    s.store.undo().unwrap();
    assert_eq!(evidence_of(&s).suggestions[0].value, Some(3.0));
    s.store.undo().unwrap();
    assert_eq!(evidence_of(&s).summary.strength, EvidenceStrength::Low);
    s.store.redo().unwrap();
    assert_eq!(evidence_of(&s).summary.strength, EvidenceStrength::High);

    // Back to the default: the product's own value is removed, and shown as the default.
    let settings = s
        .store
        .write(|c| set_evidence_weight(c, &s.product, NoteType::SupportTicket, 1))
        .unwrap();
    let ticket = settings
        .weights
        .iter()
        .find(|w| w.note_type == NoteType::SupportTicket)
        .unwrap();
    assert_eq!((ticket.weight, ticket.default_weight), (1, 1));
}

#[test]
fn settings_refuse_values_off_their_range_and_write_nothing() {
    let s = setup();
    let refused = s
        .store
        .write(|c| set_evidence_weight(c, &s.product, NoteType::Interview, 11))
        .unwrap_err();
    assert!(matches!(
        refused,
        CoreError::Invalid {
            field: "weight",
            ..
        }
    ));
    let refused = s
        .store
        .write(|c| set_segment_multiplier(c, &s.product, "Enterprise", Some(0.0)))
        .unwrap_err();
    assert!(matches!(
        refused,
        CoreError::Invalid {
            field: "multiplier",
            ..
        }
    ));
    let settings = s
        .store
        .read(|c| get_evidence_settings(c, &s.product))
        .unwrap();
    assert!(settings.segments.is_empty());
    assert_eq!(settings.weights.len(), NoteType::ALL.len());
}

#[test]
fn accepting_a_suggestion_sets_the_input_and_records_the_decision_in_one_undo_step() {
    let s = setup();
    let items = [s.item.clone()];
    evidence(
        &s,
        NoteType::UsabilityTest,
        "2026-03-01",
        BODY,
        "every Friday",
        &[("Dana", "Enterprise"), ("Lee", "Freelancers")],
        &items,
    );
    s.store
        .write(|c| set_segment_multiplier(c, &s.product, "Enterprise", Some(200.0)))
        .unwrap();
    let accepted = s
        .store
        .write(|c| accept_evidence_suggestion(c, &s.item, ScoreInput::RiceReach, DAY))
        .unwrap();
    assert_eq!(accepted.scores.inputs.rice_reach, Some(201.0));
    assert_eq!(
        accepted.decision.decision,
        "Accepted suggested Reach 201 from evidence"
    );
    assert_eq!(
        accepted.decision.rationale,
        "Reach 201 suggested: 2 participants in 2 segments (Enterprise 1 × 200 and Freelancers \
         1 × 1) (not set)."
    );
    assert_eq!(
        s.store.history_state().undo_label.as_deref(),
        Some("Accept suggested Reach 201 for “Bank sync”")
    );
    let decisions = s.store.read(|c| list_item_decisions(c, &s.item)).unwrap();
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0].decided_on, DAY);
    // Now equal to the input: refused, and nothing written.
    let found = evidence_of(&s);
    assert_eq!(
        found.suggestions[0].accept_blocked.as_deref(),
        Some("Reach is already 201, as the evidence suggests.")
    );
    assert!(s
        .store
        .write(|c| accept_evidence_suggestion(c, &s.item, ScoreInput::RiceReach, DAY))
        .is_err());

    // One undo takes back both the input and the decision.
    s.store.undo().unwrap();
    assert_eq!(evidence_of(&s).suggestions[0].current, None);
    assert!(s
        .store
        .read(|c| list_item_decisions(c, &s.item))
        .unwrap()
        .is_empty());

    // Confidence: one usability test (3 points) is Low, 50 %.
    let accepted = s
        .store
        .write(|c| accept_evidence_suggestion(c, &s.item, ScoreInput::RiceConfidence, DAY))
        .unwrap();
    assert_eq!(accepted.scores.inputs.rice_confidence, Some(50));
    let refused = s
        .store
        .write(|c| accept_evidence_suggestion(c, &s.item, ScoreInput::RiceEffort, DAY))
        .unwrap_err();
    assert!(matches!(refused, CoreError::Invalid { field: "input", .. }));
}

#[test]
fn orphaned_and_deleted_highlights_do_not_count() {
    let s = setup();
    let items = [s.item.clone()];
    let (note, _) = evidence(
        &s,
        NoteType::Interview,
        "2026-03-01",
        BODY,
        "every Friday",
        &[("Dana", "Enterprise")],
        &items,
    );
    let (_, gone) = evidence(
        &s,
        NoteType::Analytics,
        "2026-03-02",
        BODY,
        "two hours",
        &[],
        &items,
    );
    s.store.write(|c| delete_highlight(c, &gone)).unwrap();
    // The passage is edited away: the highlight is kept, flagged and not counted.
    s.store
        .write(|c| save_note_body(c, &note, "I reconcile by hand. It takes two hours."))
        .unwrap();
    let found = evidence_of(&s);
    assert_eq!(found.quotes.len(), 1);
    assert!(found.quotes[0].orphaned);
    assert_eq!(
        (found.summary.orphaned_count, found.summary.note_count),
        (1, 0)
    );
    assert!(found.suggestions[0]
        .accept_blocked
        .as_deref()
        .unwrap()
        .contains("orphaned"));
    // The badge counts what the list shows.
    let counts = s.store.read(|c| evidence_counts(c, &s.product)).unwrap();
    assert_eq!(counts.get(&s.item), Some(&1));
}
