use super::*;
use crate::queries::items::test_support::store_with_items;
use crate::queries::participants::{
    create_participant, delete_participant, list_participants, update_participant,
};
use crate::queries::products::create_product;
use crate::queries::tags::{create_tag, delete_tag, list_tags, rename_tag};
use crate::research::{NewParticipant, ParticipantPatch};
use crate::Store;

fn new_note(product_id: &str, title: &str, day: &str) -> NewNote {
    NewNote {
        product_id: product_id.to_string(),
        note_type: NoteType::Interview,
        title: title.to_string(),
        noted_on: Some(day.to_string()),
        source: None,
        body: None,
    }
}

fn person(name: &str) -> NewParticipant {
    NewParticipant {
        name: name.to_string(),
        persona: Some("Busy freelancer".into()),
        segment: Some("Designers".into()),
        company_size: Some("Solo".into()),
    }
}

fn undo_label(store: &Store) -> String {
    store.history_state().undo_label.unwrap()
}

fn invalid_field<T: std::fmt::Debug>(result: CoreResult<T>) -> (String, String) {
    match result {
        Err(CoreError::Invalid { field, reason }) => (field.to_string(), reason),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn names(refs: &[NamedRef]) -> Vec<&str> {
    refs.iter().map(|r| r.name.as_str()).collect()
}

fn note_with_store(title: &str) -> (Store, String, ResearchNote) {
    let (store, product) = store_with_items(&[]);
    let note = store
        .write(|c| create_note(c, &new_note(&product, title, "2026-03-01")))
        .unwrap();
    (store, product, note)
}

#[test]
fn creates_lists_and_edits_notes_newest_first() {
    let (store, product) = store_with_items(&[]);
    for (title, day) in [
        ("Old", "2026-01-02"),
        ("New", "2026-03-04"),
        ("Mid", "2026-02-01"),
    ] {
        store
            .write(|c| create_note(c, &new_note(&product, title, day)))
            .unwrap();
    }
    assert_eq!(undo_label(&store), "Add note “Mid”");
    let listed = store
        .read(|c| list_notes(c, &product, &NoteFilter::default()))
        .unwrap();
    let titles: Vec<&str> = listed.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, ["New", "Mid", "Old"]);
    let patch = NotePatch {
        note_type: Some(NoteType::SupportTicket),
        title: Some(" Ticket 42 ".into()),
        source: Some("Zendesk #42".into()),
        ..Default::default()
    };
    let edited = store
        .write(|c| update_note(c, &listed[0].id, &patch))
        .unwrap();
    assert_eq!(edited.title, "Ticket 42");
    assert_eq!(edited.note_type, NoteType::SupportTicket);
    assert_eq!(edited.source, "Zendesk #42");
    assert_eq!(undo_label(&store), "Edit note “Ticket 42”");
    store.undo().unwrap();
    let back = store.read(|c| get_note(c, &listed[0].id)).unwrap();
    assert_eq!(back.title, "New");
    assert_eq!(back.note_type, NoteType::Interview);
}

#[test]
fn refused_fields_write_nothing() {
    let (store, product) = store_with_items(&[]);
    let mut bad_day = new_note(&product, "Call", "2026-02-30");
    let (field, _) = invalid_field(store.write(|c| create_note(c, &bad_day)));
    assert_eq!(field, "notedOn");
    bad_day.noted_on = None;
    bad_day.body = Some("x".repeat(1024 * 1024 + 1));
    let (field, reason) = invalid_field(store.write(|c| create_note(c, &bad_day)));
    assert_eq!(field, "body");
    assert!(reason.contains("at most 1 MB"), "{reason}");
    let (field, _) =
        invalid_field(store.write(|c| create_note(c, &new_note(&product, " ", "2026-01-01"))));
    assert_eq!(field, "title");
    let listed = store
        .read(|c| list_notes(c, &product, &NoteFilter::default()))
        .unwrap();
    assert!(listed.is_empty());
    assert!(!store.history_state().can_undo || undo_label(&store) != "Add note “Call”");
}

#[test]
fn body_saves_of_one_burst_are_one_undo_step() {
    let (store, _, note) = note_with_store("Interview with Dana");
    for body in ["I", "I pay", "I pay late fees"] {
        store.write(|c| save_note_body(c, &note.id, body)).unwrap();
    }
    assert_eq!(undo_label(&store), "Edit “Interview with Dana”");
    // One undo goes back to before the burst (the empty body), the next undoes the creation.
    store.undo().unwrap();
    assert_eq!(store.read(|c| get_note(c, &note.id)).unwrap().body, "");
    assert_eq!(undo_label(&store), "Add note “Interview with Dana”");
    store.redo().unwrap();
    assert_eq!(
        store.read(|c| get_note(c, &note.id)).unwrap().body,
        "I pay late fees"
    );
}

#[test]
fn another_change_between_body_saves_starts_a_new_step() {
    let (store, _, note) = note_with_store("Call");
    store.write(|c| save_note_body(c, &note.id, "one")).unwrap();
    let patch = NotePatch {
        source: Some("Phone".into()),
        ..Default::default()
    };
    store.write(|c| update_note(c, &note.id, &patch)).unwrap();
    store
        .write(|c| save_note_body(c, &note.id, "one two"))
        .unwrap();
    store.undo().unwrap();
    assert_eq!(store.read(|c| get_note(c, &note.id)).unwrap().body, "one");
    store.undo().unwrap();
    store.undo().unwrap();
    assert_eq!(store.read(|c| get_note(c, &note.id)).unwrap().body, "");
}

#[test]
fn saving_the_same_body_records_nothing() {
    let (store, _, note) = note_with_store("Call");
    store
        .write(|c| save_note_body(c, &note.id, "same"))
        .unwrap();
    let (_, changed) = store
        .write_reporting(|c| save_note_body(c, &note.id, "same"))
        .unwrap();
    assert!(changed.is_empty());
}

#[test]
fn participants_are_reused_across_notes_and_linked_in_one_step() {
    let (store, product, note) = note_with_store("Interview with Dana");
    let dana = store
        .write(|c| create_participant(c, &product, &person(" Dana ")))
        .unwrap();
    assert_eq!(undo_label(&store), "Add participant “Dana”");
    let other = store
        .write(|c| create_note(c, &new_note(&product, "Follow-up", "2026-03-02")))
        .unwrap();
    for id in [&note.id, &other.id] {
        store
            .write(|c| set_note_links(c, LinkKind::Participant, id, std::slice::from_ref(&dana.id)))
            .unwrap();
    }
    assert_eq!(undo_label(&store), "Add “Dana” to “Follow-up”");
    let listed = store.read(|c| list_participants(c, &product)).unwrap();
    assert_eq!(listed[0].note_count, 2);
    assert_eq!(listed[0].persona, "Busy freelancer");
    // Created inline and linked: one step.
    let with_sam = store
        .write(|c| add_new_participant(c, &note.id, &person("Sam")))
        .unwrap();
    assert_eq!(names(&with_sam.participants), ["Dana", "Sam"]);
    assert_eq!(undo_label(&store), "Add “Sam” to “Interview with Dana”");
    store.undo().unwrap();
    let after_undo = store.read(|c| get_note(c, &note.id)).unwrap();
    assert_eq!(names(&after_undo.participants), ["Dana"]);
    assert_eq!(
        store
            .read(|c| list_participants(c, &product))
            .unwrap()
            .len(),
        1
    );
    // Removing one, renaming one, deleting one (hidden on every note, back with undo).
    let renamed = ParticipantPatch {
        name: Some("Dana K.".into()),
        ..Default::default()
    };
    store
        .write(|c| update_participant(c, &dana.id, &renamed))
        .unwrap();
    assert_eq!(
        names(&store.read(|c| get_note(c, &other.id)).unwrap().participants),
        ["Dana K."]
    );
    store.write(|c| delete_participant(c, &dana.id)).unwrap();
    assert!(store
        .read(|c| get_note(c, &other.id))
        .unwrap()
        .participants
        .is_empty());
    store.undo().unwrap();
    assert_eq!(
        names(&store.read(|c| get_note(c, &other.id)).unwrap().participants),
        ["Dana K."]
    );
    store
        .write(|c| set_note_links(c, LinkKind::Participant, &other.id, &[]))
        .unwrap();
    assert_eq!(undo_label(&store), "Remove “Dana K.” from “Follow-up”");
    let (field, reason) =
        invalid_field(store.write(|c| add_new_participant(c, &note.id, &person("  "))));
    assert_eq!(field, "name");
    assert_eq!(reason, "Give the participant a name or a pseudonym.");
}

#[test]
fn links_across_products_are_refused() {
    let (store, _, note) = note_with_store("Call");
    let elsewhere = store.write(|c| create_product(c, "Other")).unwrap();
    let stranger = store
        .write(|c| create_participant(c, &elsewhere.id, &person("Lee")))
        .unwrap();
    let (field, reason) = invalid_field(store.write(|c| {
        set_note_links(
            c,
            LinkKind::Participant,
            &note.id,
            std::slice::from_ref(&stranger.id),
        )
    }));
    assert_eq!(field, "participantIds");
    assert!(reason.contains("another product"), "{reason}");
}

#[test]
fn tags_are_unique_without_case_and_tagging_reuses_them() {
    let (store, product, note) = note_with_store("Call");
    let pricing = store.write(|c| create_tag(c, &product, "Pricing")).unwrap();
    let (field, reason) = invalid_field(store.write(|c| create_tag(c, &product, " pricing ")));
    assert_eq!(field, "name");
    assert_eq!(reason, "There is already a tag “Pricing”: use that one.");
    let tagged = store.write(|c| tag_note(c, &note.id, "PRICING")).unwrap();
    assert_eq!(
        tagged.tags,
        vec![NamedRef {
            id: pricing.id.clone(),
            name: "Pricing".into()
        }]
    );
    assert_eq!(undo_label(&store), "Tag “Call” with “Pricing”");
    let (_, nothing) = store
        .write_reporting(|c| tag_note(c, &note.id, "pricing"))
        .unwrap();
    assert!(nothing.is_empty());
    // A new name makes the tag and the link in one step.
    store
        .write(|c| tag_note(c, &note.id, "onboarding"))
        .unwrap();
    assert_eq!(store.read(|c| list_tags(c, &product)).unwrap().len(), 2);
    store.undo().unwrap();
    assert_eq!(store.read(|c| list_tags(c, &product)).unwrap().len(), 1);
    // Rename (case change allowed), delete hides the tag and its links.
    let other = store.write(|c| create_tag(c, &product, "Churn")).unwrap();
    let (_, reason) = invalid_field(store.write(|c| rename_tag(c, &other.id, "pricing")));
    assert!(reason.contains("already a tag"));
    store
        .write(|c| rename_tag(c, &pricing.id, "pricing"))
        .unwrap();
    assert_eq!(undo_label(&store), "Rename tag “Pricing” to “pricing”");
    store.write(|c| delete_tag(c, &pricing.id)).unwrap();
    assert!(store
        .read(|c| get_note(c, &note.id))
        .unwrap()
        .tags
        .is_empty());
    // A deleted tag's name is free again.
    store.write(|c| create_tag(c, &product, "Pricing")).unwrap();
}

#[test]
fn the_list_filters_by_type_tag_and_participant() {
    let (store, product, note) = note_with_store("Interview");
    let ticket = store
        .write(|c| {
            create_note(
                c,
                &NewNote {
                    note_type: NoteType::SupportTicket,
                    ..new_note(&product, "Ticket", "2026-03-02")
                },
            )
        })
        .unwrap();
    store
        .write(|c| tag_note(c, &ticket.id, "bank sync"))
        .unwrap();
    let with_dana = store
        .write(|c| add_new_participant(c, &note.id, &person("Dana")))
        .unwrap();
    let tag = store.read(|c| list_tags(c, &product)).unwrap()[0].clone();
    let titles = |filter: NoteFilter| -> Vec<String> {
        store
            .read(|c| list_notes(c, &product, &filter))
            .unwrap()
            .into_iter()
            .map(|n| n.title)
            .collect()
    };
    assert_eq!(
        titles(NoteFilter {
            note_type: Some(NoteType::SupportTicket),
            ..Default::default()
        }),
        ["Ticket"]
    );
    assert_eq!(
        titles(NoteFilter {
            tag_id: Some(tag.id),
            ..Default::default()
        }),
        ["Ticket"]
    );
    assert_eq!(
        titles(NoteFilter {
            participant_id: Some(with_dana.participants[0].id.clone()),
            ..Default::default()
        }),
        ["Interview"]
    );
    store.write(|c| delete_note(c, &ticket.id)).unwrap();
    assert_eq!(titles(NoteFilter::default()), ["Interview"]);
    store.undo().unwrap();
    assert_eq!(titles(NoteFilter::default()), ["Ticket", "Interview"]);
}
