use super::*;
use crate::queries::items::list_items;
use crate::queries::items::test_support::store_with_items;
use crate::queries::products::create_product;
use crate::queries::research_notes::{create_note, delete_note, save_note_body};
use crate::queries::tags::create_tag;
use crate::research::{NewNote, NoteType};
use crate::Store;

const BODY: &str = "Dana: exporting to PDF takes forever on big boards. I gave up twice.";

fn setup(body: &str) -> (Store, String, String, Vec<String>) {
    let (store, product) = store_with_items(&["Faster export", "Dark mode"]);
    let note = store
        .write(|c| {
            create_note(
                c,
                &NewNote {
                    product_id: product.clone(),
                    note_type: NoteType::Interview,
                    title: "Interview with Dana".into(),
                    noted_on: Some("2026-03-01".into()),
                    source: None,
                    body: Some(body.into()),
                },
            )
        })
        .unwrap();
    let items = store
        .read(|c| list_items(c, &product))
        .unwrap()
        .into_iter()
        .map(|item| item.id)
        .collect();
    (store, product, note.id, items)
}

fn range_of(body: &str, passage: &str) -> (u32, u32) {
    let byte = body.find(passage).unwrap();
    let start = utf16_len(&body[..byte]) as u32;
    (start, start + utf16_len(passage) as u32)
}

fn highlight(store: &Store, note: &str, body: &str, passage: &str, items: &[String]) -> Highlight {
    let (start, end) = range_of(body, passage);
    store
        .write(|c| {
            create_highlight(
                c,
                &NewHighlight {
                    note_id: note.into(),
                    start,
                    end,
                    tag_ids: vec![],
                    item_ids: items.to_vec(),
                },
            )
        })
        .unwrap()
}

fn save(store: &Store, note: &str, body: &str) {
    store.write(|c| save_note_body(c, note, body)).unwrap();
}

fn reread(store: &Store, id: &str) -> Highlight {
    store.read(|c| get_highlight(c, id)).unwrap()
}

#[test]
fn creates_a_highlight_from_the_saved_body_with_tags_and_items() {
    let (store, product, note, items) = setup(BODY);
    let tag = store.write(|c| create_tag(c, &product, "export")).unwrap();
    let (start, end) = range_of(BODY, "takes forever");
    let made = store
        .write(|c| {
            create_highlight(
                c,
                &NewHighlight {
                    note_id: note.clone(),
                    start,
                    end,
                    tag_ids: vec![tag.id.clone()],
                    item_ids: vec![items[0].clone(), items[0].clone()],
                },
            )
        })
        .unwrap();
    assert_eq!(made.exact, "takes forever");
    assert_eq!(made.prefix, "Dana: exporting to PDF ");
    assert_eq!((made.start, made.end), (start, end));
    assert!(!made.orphaned);
    assert_eq!(made.tags[0].name, "export");
    assert_eq!(made.items.len(), 1, "an item named twice is linked once");
    assert_eq!(made.items[0].name, "Faster export");
    assert_eq!(
        store.history_state().undo_label.unwrap(),
        "Highlight “takes forever” in “Interview with Dana”"
    );
    let by_tag = HighlightFilter {
        tag_id: Some(tag.id.clone()),
        ..Default::default()
    };
    assert_eq!(
        store
            .read(|c| list_highlights(c, &product, &by_tag))
            .unwrap()
            .len(),
        1
    );
    store.undo().unwrap();
    assert!(store
        .read(|c| list_highlights(c, &product, &by_tag))
        .unwrap()
        .is_empty());
}

#[test]
fn refuses_bad_ranges_and_foreign_items_and_writes_nothing() {
    let (store, product, note, _) = setup(BODY);
    let (other_store_product, other_item) = {
        let other = store.write(|c| create_product(c, "Other")).unwrap();
        let item = store
            .write(|c| {
                crate::queries::items::create_item(
                    c,
                    &crate::model::NewItem {
                        product_id: other.id.clone(),
                        title: "Elsewhere".into(),
                        ..Default::default()
                    },
                )
            })
            .unwrap();
        (other.id, item.id)
    };
    let _ = other_store_product;
    for (start, end, items) in [(5, 5, vec![]), (0, 9999, vec![]), (0, 4, vec![other_item])] {
        let result = store.write(|c| {
            create_highlight(
                c,
                &NewHighlight {
                    note_id: note.clone(),
                    start,
                    end,
                    tag_ids: vec![],
                    item_ids: items.clone(),
                },
            )
        });
        assert!(
            matches!(result, Err(CoreError::Invalid { .. })),
            "{start}..{end}"
        );
    }
    let all = store
        .read(|c| list_highlights(c, &product, &HighlightFilter::default()))
        .unwrap();
    assert!(all.is_empty());
}

#[test]
fn saving_the_body_reanchors_before_inside_and_after() {
    let (store, _, note, _) = setup(BODY);
    let made = highlight(&store, &note, BODY, "takes forever", &[]);
    // Insertion before: the hint moves with the passage.
    let before = format!("Call on Monday. {BODY}");
    save(&store, &note, &before);
    let moved = reread(&store, &made.id);
    assert_eq!((moved.start, moved.end), range_of(&before, "takes forever"));
    // Insertion after: the start stays, the suffix follows the text.
    let after = format!("{before} Then she left.");
    save(&store, &note, &after);
    assert_eq!(reread(&store, &made.id).start, moved.start);
    // Insertion inside: orphaned, kept, listed.
    let inside = after.replace("takes forever", "takes nearly forever");
    save(&store, &note, &inside);
    let orphan = reread(&store, &made.id);
    assert!(orphan.orphaned);
    assert_eq!(orphan.exact, "takes forever");
    // Typed back: found again and un-orphaned.
    save(&store, &note, &after);
    let found = reread(&store, &made.id);
    assert!(!found.orphaned);
    assert_eq!(found.start, moved.start);
}

#[test]
fn a_duplicate_typed_before_does_not_steal_the_anchor() {
    let (store, _, note, _) = setup(BODY);
    let made = highlight(&store, &note, BODY, "gave up", &[]);
    let edited = format!("Note: the team gave up on PDF. {BODY}");
    save(&store, &note, &edited);
    let anchored = reread(&store, &made.id);
    assert_eq!(anchored.start, range_of(&edited, "I gave up").0 + 2);
}

#[test]
fn deleting_the_passage_orphans_and_undo_restores_it() {
    let (store, product, note, items) = setup(BODY);
    let made = highlight(&store, &note, BODY, "takes forever", &items[..1]);
    save(&store, &note, "Dana: nothing to report.");
    let orphan = reread(&store, &made.id);
    assert!(orphan.orphaned, "kept and flagged, never lost");
    assert_eq!(orphan.items.len(), 1, "its links stay");
    store.undo().unwrap();
    let restored = reread(&store, &made.id);
    assert!(!restored.orphaned);
    assert_eq!(restored.start, made.start);
    store.redo().unwrap();
    assert!(reread(&store, &made.id).orphaned);
    // A deleted note hides its highlights.
    store.write(|c| delete_note(c, &note)).unwrap();
    let all = store
        .read(|c| list_highlights(c, &product, &HighlightFilter::default()))
        .unwrap();
    assert!(all.is_empty());
}

#[test]
fn unicode_bodies_anchor_in_utf16() {
    let body = "Zoë 👩‍💻 said: the cafe\u{301} menu is confusing. 🙂";
    let (store, _, note, _) = setup(body);
    let made = highlight(&store, &note, body, "cafe\u{301} menu", &[]);
    assert_eq!((made.start, made.end), range_of(body, "cafe\u{301} menu"));
    let edited = format!("🎉🎉 {body}");
    save(&store, &note, &edited);
    let moved = reread(&store, &made.id);
    assert_eq!(
        moved.start,
        made.start + 5,
        "two emoji of two units each, and a space"
    );
}

#[test]
fn updates_links_and_deletes_as_single_undo_steps() {
    let (store, product, note, items) = setup(BODY);
    let made = highlight(&store, &note, BODY, "gave up", &items[..1]);
    let patch = HighlightPatch {
        tag_ids: None,
        item_ids: Some(vec![items[1].clone()]),
    };
    let changed = store
        .write(|c| update_highlight(c, &made.id, &patch))
        .unwrap();
    assert_eq!(changed.items[0].name, "Dark mode");
    assert_eq!(changed.items.len(), 1);
    store.undo().unwrap();
    assert_eq!(reread(&store, &made.id).items[0].name, "Faster export");
    store.write(|c| delete_highlight(c, &made.id)).unwrap();
    assert!(store.read(|c| get_highlight(c, &made.id)).is_err());
    store.undo().unwrap();
    assert_eq!(reread(&store, &made.id).items.len(), 1);
    let listed = store
        .read(|c| list_highlights(c, &product, &HighlightFilter::default()))
        .unwrap();
    assert_eq!(listed.len(), 1);
}
