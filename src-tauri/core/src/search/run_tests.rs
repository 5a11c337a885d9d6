use super::*;
use crate::model::{ItemPatch, NewItem};
use crate::queries::items::test_support::{id_of, store_with_items};
use crate::queries::items::{create_item, delete_item, update_item};
use crate::queries::products::delete_product;
use crate::queries::research_notes::{
    add_new_participant, create_note, delete_note, save_note_body, tag_note, update_note,
};
use crate::research::{NewNote, NewParticipant, NotePatch, NoteType};
use crate::search::Segment;
use crate::Store;

fn note(store: &Store, product: &str, title: &str, body: &str, day: &str) -> String {
    let new = NewNote {
        product_id: product.into(),
        note_type: NoteType::Interview,
        title: title.into(),
        noted_on: Some(day.into()),
        source: None,
        body: Some(body.into()),
    };
    store.write(|c| create_note(c, &new)).unwrap().id
}

fn request(product: &str, text: &str) -> SearchRequest {
    SearchRequest {
        text: text.into(),
        product_id: Some(product.into()),
        ..Default::default()
    }
}

fn found(store: &Store, request: &SearchRequest) -> Vec<String> {
    store
        .read(|c| search(c, request))
        .unwrap()
        .into_iter()
        .map(|hit| hit.title.iter().map(|s| s.text.as_str()).collect())
        .collect()
}

fn seeded() -> (Store, String) {
    let (store, product) = store_with_items(&["Bank sync", "Offline mode"]);
    let bank = id_of(&store, &product, "Bank sync");
    let patch = ItemPatch {
        description: Some("Import transactions from the bank every night.".into()),
        ..Default::default()
    };
    store.write(|c| update_item(c, &bank, &patch)).unwrap();
    note(
        &store,
        &product,
        "Interview with Dana",
        "Dana re-types every bank transaction by hand. She said \"it's a chore\".",
        "2026-03-01",
    );
    note(
        &store,
        &product,
        "Café owner call",
        "Crème brûlée sales drop when the card reader is offline.",
        "2026-02-10",
    );
    (store, product)
}

#[test]
fn finds_notes_and_items_ranked_with_the_match_marked() {
    let (store, product) = seeded();
    let hits = store
        .read(|c| search(c, &request(&product, "bank")))
        .unwrap();
    assert_eq!(hits.len(), 2);
    // The title match ranks first.
    assert_eq!(hits[0].kind, SearchKind::Item);
    assert_eq!(
        hits[0].title,
        vec![
            Segment {
                text: "Bank".into(),
                matched: true
            },
            Segment {
                text: " sync".into(),
                matched: false
            }
        ]
    );
    assert_eq!(hits[1].kind, SearchKind::Note);
    assert_eq!(hits[1].noted_on.as_deref(), Some("2026-03-01"));
    assert!(hits[1]
        .snippet
        .iter()
        .any(|s| s.matched && s.text == "bank"));
    // The last word is a prefix while typing.
    assert_eq!(found(&store, &request(&product, "transac")).len(), 2);
    assert_eq!(found(&store, &request(&product, "transac ")).len(), 0);
}

#[test]
fn quotes_and_operators_are_searched_as_words_never_as_syntax() {
    let (store, product) = seeded();
    for input in [
        "\"",
        "\"\"",
        "bank\"",
        "bank AND",
        "OR",
        "bank OR offline",
        "NEAR(bank sync)",
        "bank*",
        "*",
        "-bank",
        "^bank",
        "title:bank",
        "bank:",
        "(bank",
        "bank)",
        "'",
        "NOT bank",
        "+",
        "it's",
        "\u{0}",
    ] {
        let result = store.read(|c| search(c, &request(&product, input)));
        assert!(result.is_ok(), "{input:?}: {result:?}");
    }
    // "OR" is a word here: no note has both "bank" and "or" as words.
    assert_eq!(
        found(&store, &request(&product, "bank OR offline ")).len(),
        0
    );
    assert_eq!(
        found(&store, &request(&product, "it's a chore")),
        ["Interview with Dana"]
    );
}

#[test]
fn diacritics_are_ignored_both_ways() {
    let (store, product) = seeded();
    assert_eq!(
        found(&store, &request(&product, "cafe")),
        ["Café owner call"]
    );
    assert_eq!(
        found(&store, &request(&product, "creme brulee")),
        ["Café owner call"]
    );
    assert_eq!(
        found(&store, &request(&product, "Cafè")),
        ["Café owner call"]
    );
}

#[test]
fn empty_and_huge_queries_are_answered() {
    let (store, product) = seeded();
    assert!(found(&store, &request(&product, "")).is_empty());
    assert!(found(&store, &request(&product, "   \n\t ")).is_empty());
    let huge = "bank ".repeat(2048);
    assert_eq!(huge.len(), 10_240);
    assert_eq!(found(&store, &request(&product, &huge)).len(), 2);
    let one_long_word = "x".repeat(10_000);
    assert!(found(&store, &request(&product, &one_long_word)).is_empty());
}

#[test]
fn deleted_rows_are_left_out_and_come_back_with_undo() {
    let (store, product) = seeded();
    let bank = id_of(&store, &product, "Bank sync");
    store.write(|c| delete_item(c, &bank)).unwrap();
    assert_eq!(
        found(&store, &request(&product, "bank")),
        ["Interview with Dana"]
    );
    store.undo().unwrap();
    assert_eq!(found(&store, &request(&product, "bank")).len(), 2);
    let other = store
        .write(|c| crate::queries::products::create_product(c, "Other"))
        .unwrap();
    note(&store, &other.id, "Bank visit", "", "2026-01-01");
    let everywhere = SearchRequest {
        product_id: None,
        ..request(&product, "bank")
    };
    assert_eq!(found(&store, &everywhere).len(), 3);
    store.write(|c| delete_product(c, &other.id)).unwrap();
    assert_eq!(found(&store, &everywhere).len(), 2);
}

#[test]
fn edits_and_their_undo_keep_the_index_right() {
    let (store, product) = seeded();
    let id = note(
        &store,
        &product,
        "Usability test",
        "Nobody found the export.",
        "2026-03-03",
    );
    store
        .write(|c| save_note_body(c, &id, "Everyone found the invoice button."))
        .unwrap();
    assert!(found(&store, &request(&product, "export ")).is_empty());
    assert_eq!(
        found(&store, &request(&product, "invoice ")),
        ["Usability test"]
    );
    store.undo().unwrap();
    assert_eq!(
        found(&store, &request(&product, "export ")),
        ["Usability test"]
    );
    assert!(found(&store, &request(&product, "invoice ")).is_empty());
    store.redo().unwrap();
    assert_eq!(
        found(&store, &request(&product, "invoice ")),
        ["Usability test"]
    );
    let retitled = NotePatch {
        title: Some("Prototype test".into()),
        ..Default::default()
    };
    store.write(|c| update_note(c, &id, &retitled)).unwrap();
    assert_eq!(
        found(&store, &request(&product, "prototype ")),
        ["Prototype test"]
    );
    store.write(|c| delete_note(c, &id)).unwrap();
    assert!(found(&store, &request(&product, "prototype ")).is_empty());
    // A new item is found at once.
    let new = NewItem {
        product_id: product.clone(),
        title: "Invoice reminders".into(),
        ..Default::default()
    };
    store.write(|c| create_item(c, &new)).unwrap();
    assert_eq!(
        found(&store, &request(&product, "reminders ")),
        ["Invoice reminders"]
    );
}

#[test]
fn participants_and_tags_are_searchable_and_filter() {
    let (store, product) = seeded();
    let dana = found(&store, &request(&product, "Dana"));
    assert_eq!(dana, ["Interview with Dana"]);
    let cafe = store
        .read(|c| search(c, &request(&product, "cafe")))
        .unwrap()[0]
        .id
        .clone();
    let person = NewParticipant {
        name: "Mireille".into(),
        ..Default::default()
    };
    let with = store
        .write(|c| add_new_participant(c, &cafe, &person))
        .unwrap();
    store.write(|c| tag_note(c, &cafe, "hardware")).unwrap();
    assert_eq!(
        found(&store, &request(&product, "mireille")),
        ["Café owner call"]
    );
    assert_eq!(
        found(&store, &request(&product, "hardware")),
        ["Café owner call"]
    );
    let by_participant = SearchRequest {
        participant_id: Some(with.participants[0].id.clone()),
        ..request(&product, "offline")
    };
    assert_eq!(found(&store, &by_participant), ["Café owner call"]);
    // Note filters leave items out ("Offline mode" is an item).
    assert_eq!(found(&store, &request(&product, "offline")).len(), 2);
    let by_type = SearchRequest {
        note_type: Some(NoteType::Interview),
        ..request(&product, "offline")
    };
    assert_eq!(found(&store, &by_type), ["Café owner call"]);
    let items_only = SearchRequest {
        kind: Some(SearchKind::Item),
        ..request(&product, "offline")
    };
    assert_eq!(found(&store, &items_only), ["Offline mode"]);
    let dated = SearchRequest {
        from: Some("2026-02-11".into()),
        ..request(&product, "bank")
    };
    assert_eq!(found(&store, &dated), ["Interview with Dana"]);
    let bad_day = SearchRequest {
        to: Some("2026-13-01".into()),
        ..request(&product, "bank")
    };
    match store.read(|c| search(c, &bad_day)) {
        Err(CoreError::Invalid { field, .. }) => assert_eq!(field, "to"),
        other => panic!("expected Invalid, got {other:?}"),
    }
    // Undoing the tag takes it out of the index.
    store.undo().unwrap();
    assert!(found(&store, &request(&product, "hardware")).is_empty());
}

#[test]
fn the_index_key_survives_vacuum() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    let (store, _) = Store::open(&path).unwrap();
    let product = store
        .write(|c| crate::queries::products::create_product(c, "Lumen"))
        .unwrap();
    for index in 0..30 {
        note(
            &store,
            &product.id,
            &format!("Note {index}"),
            "filler",
            "2026-01-01",
        );
    }
    let keep = note(&store, &product.id, "Keeper", "unique zebra", "2026-01-01");
    // Deleting rows leaves gaps that a VACUUM would close in implicit rowids.
    store
        .write_untracked(|c| {
            c.execute("DELETE FROM research_note WHERE title LIKE 'Note 1%'", [])?;
            Ok(())
        })
        .unwrap();
    store.close().unwrap();
    drop(store);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("VACUUM")
        .unwrap();
    let (store, _) = Store::open(&path).unwrap();
    let hits = store
        .read(|c| search(c, &request(&product.id, "zebra")))
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, keep);
}

#[test]
fn hits_past_the_first_pass_of_best_rows_are_found() {
    let (store, product) = store_with_items(&[]);
    let other = store
        .write(|c| crate::queries::products::create_product(c, "Other"))
        .unwrap();
    // More strong matches (titles) in another product than the first pass takes.
    store
        .write_untracked(|c| {
            for index in 0..300 {
                c.execute(
                    "INSERT INTO backlog_item (id, product_id, title, status, kind, rank, \
                     created_at, updated_at) VALUES (?1, ?2, ?3, 'idea', 'feature', ?4, \
                     '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                    rusqlite::params![
                        format!("item-{index:03}"),
                        other.id,
                        format!("Walnut {index}"),
                        format!("a{index:03}")
                    ],
                )?;
            }
            Ok(())
        })
        .unwrap();
    note(
        &store,
        &product,
        "Call",
        "A long body where walnut is said once among many other words of the call.",
        "2026-01-01",
    );
    assert_eq!(found(&store, &request(&product, "walnut")), ["Call"]);
    let everywhere = SearchRequest {
        product_id: None,
        ..request(&product, "walnut")
    };
    assert_eq!(found(&store, &everywhere).len(), MAX_HITS as usize);
}
