use super::*;
use crate::evidence::strength::{default_weight, EvidenceStrength};
use crate::evidence::EvidenceParticipant;

fn person(id: &str, segment: &str) -> EvidenceParticipant {
    EvidenceParticipant {
        id: id.into(),
        name: format!("Person {id}"),
        segment: segment.into(),
    }
}

fn quote(note: &str, kind: NoteType, day: &str, people: &[EvidenceParticipant]) -> EvidenceQuote {
    EvidenceQuote {
        highlight_id: format!("h-{note}-{}", people.len()),
        exact: "it takes forever".into(),
        orphaned: false,
        note_id: note.into(),
        note_title: format!("Note {note}"),
        note_type: kind,
        noted_on: day.into(),
        participants: people.to_vec(),
    }
}

fn enterprise_times_200(segment: &str) -> f64 {
    if segment == "Enterprise" {
        200.0
    } else {
        1.0
    }
}

/// Six participants in two segments, over three notes: an interview quoted twice, a usability
/// test and a support ticket.
fn six_participants() -> Vec<EvidenceQuote> {
    let a = [person("1", "Enterprise"), person("2", "Enterprise")];
    let b = [person("3", "Enterprise"), person("4", "Freelancers")];
    let c = [
        person("5", "Freelancers"),
        person("6", "Freelancers"),
        person("1", "Enterprise"),
    ];
    vec![
        quote("n1", NoteType::Interview, "2026-03-01", &a),
        quote("n1", NoteType::Interview, "2026-03-01", &a),
        quote("n2", NoteType::UsabilityTest, "2026-04-02", &b),
        quote("n3", NoteType::SupportTicket, "2026-02-10", &c),
    ]
}

#[test]
fn reach_is_the_distinct_participants_of_each_segment_times_its_multiplier() {
    let summary = summarize(&six_participants(), default_weight, enterprise_times_200);
    assert_eq!(summary.quote_count, 4);
    assert_eq!(summary.participant_count, 6);
    assert_eq!(summary.segment_count, 2);
    // The interview quoted twice is one note.
    assert_eq!(summary.note_count, 3);
    assert_eq!(summary.latest_on.as_deref(), Some("2026-04-02"));
    // 3 Enterprise × 200 + 3 Freelancers × 1.
    assert_eq!(suggested_reach(&summary), Some(603.0));
    let reach = &suggestions(&summary, &ScoreInputs::default())[0];
    assert_eq!(reach.value, Some(603.0));
    assert_eq!(
        reach.provenance,
        "Reach 603 suggested: 6 participants in 2 segments (Enterprise 3 × 200 and Freelancers \
         3 × 1)"
    );
    assert_eq!(reach.accept_blocked, None);
}

#[test]
fn confidence_follows_the_strength_of_the_distinct_notes() {
    // Interview 2 + usability test 3 + support ticket 1 = 6: Medium.
    let summary = summarize(&six_participants(), default_weight, |_| 1.0);
    assert_eq!(summary.strength, EvidenceStrength::Medium);
    assert_eq!(summary.strength_points, 6);
    let confidence = &suggestions(&summary, &ScoreInputs::default())[1];
    assert_eq!(confidence.value, Some(80.0));
    assert_eq!(confidence.value_label.as_deref(), Some("80 %"));
    assert_eq!(
        confidence.provenance,
        "Confidence 80 % suggested: Medium evidence, 6 of 10 points from 1 interview (×2), 1 \
         usability test (×3) and 1 support ticket (×1)"
    );
}

#[test]
fn changing_a_weight_changes_the_strength_and_the_confidence() {
    let heavier_tickets = |kind: NoteType| match kind {
        NoteType::SupportTicket => 5,
        other => default_weight(other),
    };
    let summary = summarize(&six_participants(), heavier_tickets, |_| 1.0);
    assert_eq!(summary.strength, EvidenceStrength::High);
    assert_eq!(
        suggestions(&summary, &ScoreInputs::default())[1].value,
        Some(100.0)
    );
}

#[test]
fn no_evidence_suggests_nothing_and_says_why() {
    let summary = summarize(&[], default_weight, |_| 1.0);
    assert_eq!(summary.strength, EvidenceStrength::None);
    for suggestion in suggestions(&summary, &ScoreInputs::default()) {
        assert_eq!(suggestion.value, None);
        assert_eq!(
            suggestion.accept_blocked.as_deref(),
            Some(
                "Nothing to suggest: no evidence yet. Highlight passages of research notes and \
                 link them to this item."
            )
        );
    }
}

#[test]
fn orphaned_highlights_are_listed_but_not_counted() {
    let mut quotes = six_participants();
    for quote in &mut quotes {
        quote.orphaned = true;
    }
    let summary = summarize(&quotes, default_weight, |_| 1.0);
    assert_eq!((summary.quote_count, summary.orphaned_count), (4, 4));
    assert_eq!((summary.note_count, summary.participant_count), (0, 0));
    let reach = &suggestions(&summary, &ScoreInputs::default())[0];
    assert_eq!(
        reach.provenance,
        "Nothing to suggest: 4 highlights are orphaned (the passage was edited out of its \
         note), so nothing counts."
    );
    // One orphaned quote of the interview: the interview still counts through its other quote.
    let mut quotes = six_participants();
    quotes[0].orphaned = true;
    let summary = summarize(&quotes, default_weight, |_| 1.0);
    assert_eq!((summary.note_count, summary.orphaned_count), (3, 1));
}

#[test]
fn notes_without_participants_suggest_a_confidence_but_no_reach() {
    let quotes = [quote("n1", NoteType::Analytics, "2026-01-05", &[])];
    let summary = summarize(&quotes, default_weight, |_| 1.0);
    let [reach, confidence] = &suggestions(&summary, &ScoreInputs::default())[..] else {
        panic!("two suggestions");
    };
    assert_eq!(reach.value, None);
    assert!(
        reach.provenance.contains("have no participants"),
        "{}",
        reach.provenance
    );
    assert_eq!(confidence.value, Some(50.0));
}

#[test]
fn participants_without_a_segment_count_once_each_under_no_segment() {
    let quotes = [quote(
        "n1",
        NoteType::Interview,
        "2026-01-05",
        &[person("1", ""), person("2", " "), person("3", "Enterprise")],
    )];
    let summary = summarize(&quotes, default_weight, enterprise_times_200);
    assert_eq!(summary.segment_count, 1);
    let labels: Vec<&str> = summary.segments.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Enterprise", "No segment"]);
    assert_eq!(suggested_reach(&summary), Some(202.0));
}

#[test]
fn a_suggestion_equal_to_the_input_cannot_be_accepted() {
    let summary = summarize(&six_participants(), default_weight, enterprise_times_200);
    let inputs = ScoreInputs {
        rice_reach: Some(603.0),
        rice_confidence: Some(50),
        ..Default::default()
    };
    let [reach, confidence] = &suggestions(&summary, &inputs)[..] else {
        panic!("two suggestions");
    };
    assert_eq!(
        reach.accept_blocked.as_deref(),
        Some("Reach is already 603, as the evidence suggests.")
    );
    assert_eq!(confidence.current_label.as_deref(), Some("50 %"));
    assert_eq!(confidence.accept_blocked, None);
}
