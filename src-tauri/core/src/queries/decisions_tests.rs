use super::*;
use crate::model::NewItem;
use crate::queries::items::test_support::{id_of, query_plan, store_with_items};
use crate::queries::items::{create_item, delete_item};
use crate::queries::products::create_product;
use crate::Store;

fn new_decision(product_id: &str, text: &str, day: &str, item_ids: &[&str]) -> NewDecision {
    NewDecision {
        product_id: product_id.to_string(),
        decided_on: Some(day.to_string()),
        decision: text.to_string(),
        rationale: format!("Because of {text}."),
        item_ids: item_ids.iter().map(|id| id.to_string()).collect(),
    }
}

fn texts(decisions: &[Decision]) -> Vec<&str> {
    decisions.iter().map(|d| d.decision.as_str()).collect()
}

fn titles(decision: &Decision) -> Vec<&str> {
    decision
        .items
        .iter()
        .map(|item| item.title.as_str())
        .collect()
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

#[test]
fn records_a_decision_with_its_items_in_one_undo_step() {
    let (store, product) = store_with_items(&["Bank sync", "Offline mode", "Budgets"]);
    let offline = id_of(&store, &product, "Offline mode");
    let bank = id_of(&store, &product, "Bank sync");
    let new = NewDecision {
        decided_on: None,
        ..new_decision(
            &product,
            " Ship offline first ",
            "",
            &[&offline, &bank, &offline],
        )
    };
    let decision = store.write(|c| create_decision(c, &new)).unwrap();
    assert_eq!(decision.decision, "Ship offline first");
    assert_eq!(decision.rationale, "Because of  Ship offline first .");
    assert_eq!(decision.decided_on, today());
    assert_eq!(
        titles(&decision),
        ["Bank sync", "Offline mode"],
        "backlog order, once each"
    );
    assert_eq!(undo_label(&store), "Record decision “Ship offline first”");

    store.undo().unwrap();
    assert!(store
        .read(|c| list_decisions(c, &product, None))
        .unwrap()
        .is_empty());
    let gone = store.read(|c| get_decision(c, &decision.id));
    assert!(matches!(gone, Err(CoreError::NotFound { .. })));
    store.redo().unwrap();
    let back = store.read(|c| get_decision(c, &decision.id)).unwrap();
    assert_eq!(back, decision);
}

#[test]
fn the_log_is_newest_first_and_filters_by_item() {
    let (store, product) = store_with_items(&["Bank sync", "Offline mode", "Budgets"]);
    let offline = id_of(&store, &product, "Offline mode");
    let budgets = id_of(&store, &product, "Budgets");
    for (text, day, items) in [
        ("Older", "2026-01-10", vec![offline.as_str()]),
        ("Newest", "2026-03-02", vec![budgets.as_str()]),
        (
            "Same day, recorded later",
            "2026-01-10",
            vec![offline.as_str(), budgets.as_str()],
        ),
        ("About nothing", "2025-12-31", vec![]),
    ] {
        let new = new_decision(&product, text, day, &items);
        store.write(|c| create_decision(c, &new)).unwrap();
    }
    let all = store.read(|c| list_decisions(c, &product, None)).unwrap();
    assert_eq!(
        texts(&all),
        [
            "Newest",
            "Same day, recorded later",
            "Older",
            "About nothing"
        ]
    );
    assert_eq!(titles(&all[1]), ["Offline mode", "Budgets"]);
    assert!(all[3].items.is_empty());

    let of_offline = store
        .read(|c| list_decisions(c, &product, Some(&offline)))
        .unwrap();
    assert_eq!(texts(&of_offline), ["Same day, recorded later", "Older"]);
    assert_eq!(
        titles(&of_offline[0]),
        ["Offline mode", "Budgets"],
        "a filtered decision still lists all its items"
    );
    let panel = store.read(|c| list_item_decisions(c, &budgets)).unwrap();
    assert_eq!(texts(&panel), ["Newest", "Same day, recorded later"]);
}

#[test]
fn edits_links_and_deletes_are_one_labelled_undo_step_each() {
    let (store, product) = store_with_items(&["Bank sync", "Offline mode", "Budgets"]);
    let bank = id_of(&store, &product, "Bank sync");
    let offline = id_of(&store, &product, "Offline mode");
    let budgets = id_of(&store, &product, "Budgets");
    let new = new_decision(&product, "Ship offline first", "2026-03-01", &[&offline]);
    let created = store.write(|c| create_decision(c, &new)).unwrap();
    let id = created.id.clone();

    let patch = DecisionPatch {
        rationale: Some("Commuters have no signal.".into()),
        decided_on: Some("2026-03-02".into()),
        ..DecisionPatch::default()
    };
    let edited = store.write(|c| update_decision(c, &id, &patch)).unwrap();
    assert_eq!(
        (edited.rationale.as_str(), edited.decided_on.as_str()),
        ("Commuters have no signal.", "2026-03-02")
    );
    assert_eq!(undo_label(&store), "Edit decision “Ship offline first”");
    let unchanged = store.write(|c| update_decision(c, &id, &patch)).unwrap();
    assert_eq!(unchanged, edited);
    assert_eq!(undo_label(&store), "Edit decision “Ship offline first”");

    let link = [offline.clone(), bank.clone()];
    let linked = store.write(|c| set_decision_items(c, &id, &link)).unwrap();
    assert_eq!(titles(&linked), ["Bank sync", "Offline mode"]);
    assert_eq!(
        undo_label(&store),
        "Link “Bank sync” to decision “Ship offline first”"
    );
    let unlinked = store
        .write(|c| set_decision_items(c, &id, std::slice::from_ref(&bank)))
        .unwrap();
    assert_eq!(titles(&unlinked), ["Bank sync"]);
    assert_eq!(
        undo_label(&store),
        "Unlink “Offline mode” from decision “Ship offline first”"
    );
    let swapped = [offline.clone(), budgets.clone()];
    let changed = store
        .write(|c| set_decision_items(c, &id, &swapped))
        .unwrap();
    assert_eq!(titles(&changed), ["Offline mode", "Budgets"]);
    assert_eq!(
        undo_label(&store),
        "Change the items of decision “Ship offline first”"
    );

    store.write(|c| delete_decision(c, &id)).unwrap();
    assert_eq!(undo_label(&store), "Delete decision “Ship offline first”");
    assert!(store
        .read(|c| list_decisions(c, &product, None))
        .unwrap()
        .is_empty());
    assert!(store
        .read(|c| list_item_decisions(c, &offline))
        .unwrap()
        .is_empty());

    // Each step undone in turn gives back exactly the state before it.
    store.undo().unwrap();
    assert_eq!(store.read(|c| get_decision(c, &id)).unwrap(), changed);
    store.undo().unwrap();
    assert_eq!(
        titles(&store.read(|c| get_decision(c, &id)).unwrap()),
        ["Bank sync"]
    );
    store.undo().unwrap();
    assert_eq!(
        titles(&store.read(|c| get_decision(c, &id)).unwrap()),
        ["Bank sync", "Offline mode"]
    );
    store.undo().unwrap();
    store.undo().unwrap();
    assert_eq!(store.read(|c| get_decision(c, &id)).unwrap(), created);
    store.redo().unwrap();
    store.redo().unwrap();
    store.redo().unwrap();
    store.redo().unwrap();
    store.redo().unwrap();
    assert!(store
        .read(|c| list_decisions(c, &product, None))
        .unwrap()
        .is_empty());
}

#[test]
fn refusals_name_the_field_and_write_nothing() {
    let (store, product) = store_with_items(&["Bank sync", "Offline mode"]);
    let bank = id_of(&store, &product, "Bank sync");
    let other = store.write(|c| create_product(c, "Other")).unwrap();
    let stranger = NewItem {
        product_id: other.id.clone(),
        title: "Stranger".into(),
        ..NewItem::default()
    };
    let stranger = store.write(|c| create_item(c, &stranger)).unwrap();
    let offline = id_of(&store, &product, "Offline mode");
    store.write(|c| delete_item(c, &offline)).unwrap();
    let steps = store.history_state().undo_label;

    let cases: Vec<(NewDecision, &str, &str)> = vec![
        (
            new_decision(&product, "  ", "2026-03-01", &[]),
            "decision",
            "Say what was decided.",
        ),
        (
            NewDecision {
                rationale: " ".into(),
                ..new_decision(&product, "Ship", "2026-03-01", &[])
            },
            "rationale",
            "Give the decision a rationale: why was it taken?",
        ),
        (
            new_decision(&product, "Ship", "2026-02-30", &[]),
            "decidedOn",
            "“2026-02-30” is not a date. Write it as year-month-day, e.g. 2026-03-01.",
        ),
        (
            new_decision(&product, "Ship", "2026-03-01", &[&bank, &stranger.id]),
            "itemIds",
            "“Stranger” belongs to another product: a decision links items of its own product.",
        ),
        (
            new_decision(&product, "Ship", "2026-03-01", &[&bank, &offline]),
            "itemIds",
            "One of these items was deleted meanwhile: choose the items again in the decision \
             log.",
        ),
        (
            new_decision(&product, "Ship", "2026-03-01", &["no-such-item"]),
            "itemIds",
            "One of these items was deleted meanwhile: choose the items again in the decision \
             log.",
        ),
    ];
    for (new, field, reason) in cases {
        let refused = invalid_field(store.write(|c| create_decision(c, &new)));
        assert_eq!(refused, (field.to_string(), reason.to_string()));
    }
    let long = new_decision(&product, &"d".repeat(301), "2026-03-01", &[]);
    let (field, reason) = invalid_field(store.write(|c| create_decision(c, &long)));
    assert_eq!(field, "decision");
    assert_eq!(
        reason,
        "The decision can be at most 300 characters; this one has 301."
    );
    assert!(store
        .read(|c| list_decisions(c, &product, None))
        .unwrap()
        .is_empty());
    assert_eq!(store.history_state().undo_label, steps, "no step recorded");

    let created = store
        .write(|c| create_decision(c, &new_decision(&product, "Ship", "2026-03-01", &[&bank])))
        .unwrap();
    let refused =
        store.write(|c| set_decision_items(c, &created.id, std::slice::from_ref(&stranger.id)));
    assert_eq!(invalid_field(refused).0, "itemIds");
    let filter = store.read(|c| list_decisions(c, &product, Some(&stranger.id)));
    assert_eq!(invalid_field(filter).0, "itemId");
    assert_eq!(
        titles(&store.read(|c| get_decision(c, &created.id)).unwrap()),
        ["Bank sync"]
    );
    let missing = store.write(|c| update_decision(c, "nope", &DecisionPatch::default()));
    assert!(matches!(
        missing,
        Err(CoreError::NotFound {
            entity: "decision",
            ..
        })
    ));
}

#[test]
fn a_deleted_item_is_hidden_from_its_decisions_and_comes_back_with_undo() {
    let (store, product) = store_with_items(&["Bank sync", "Offline mode"]);
    let bank = id_of(&store, &product, "Bank sync");
    let offline = id_of(&store, &product, "Offline mode");
    let new = new_decision(
        &product,
        "Ship offline first",
        "2026-03-01",
        &[&bank, &offline],
    );
    let created = store.write(|c| create_decision(c, &new)).unwrap();
    store.write(|c| delete_item(c, &offline)).unwrap();
    let shown = store.read(|c| get_decision(c, &created.id)).unwrap();
    assert_eq!(titles(&shown), ["Bank sync"]);
    // Changing the links leaves the hidden link alone.
    store
        .write(|c| set_decision_items(c, &created.id, &[]))
        .unwrap();
    store.undo().unwrap();
    store.undo().unwrap();
    let restored = store.read(|c| get_decision(c, &created.id)).unwrap();
    assert_eq!(titles(&restored), ["Bank sync", "Offline mode"]);
}

#[test]
fn the_log_about_a_deleted_item_is_empty_until_the_delete_is_undone() {
    let (store, product) = store_with_items(&["Bank sync", "Offline mode"]);
    let offline = id_of(&store, &product, "Offline mode");
    let new = new_decision(&product, "Ship offline first", "2026-03-01", &[&offline]);
    store.write(|c| create_decision(c, &new)).unwrap();
    store.write(|c| delete_item(c, &offline)).unwrap();
    let about = store
        .read(|c| list_decisions(c, &product, Some(&offline)))
        .unwrap();
    assert!(about.is_empty(), "{about:?}");
    store.undo().unwrap();
    let about = store
        .read(|c| list_decisions(c, &product, Some(&offline)))
        .unwrap();
    assert_eq!(texts(&about), ["Ship offline first"]);
    // An id that was never an item of this product is still refused.
    assert!(store
        .read(|c| list_decisions(c, &product, Some("no-such-item")))
        .is_err());
}

#[test]
fn reading_the_log_and_an_items_decisions_uses_the_indexes() {
    let store = Store::open_in_memory().unwrap();
    store
        .read(|connection| {
            let log = format!(
                "{SELECT_DECISION} WHERE product_id = ?1 AND deleted_at IS NULL AND id IN \
                 (SELECT decision_id FROM decision_item WHERE item_id = ?2 AND deleted_at IS NULL) \
                 {NEWEST_FIRST}"
            );
            let plan = query_plan(connection, &log, 2).join("\n");
            assert!(plan.contains("decision_item_by_item"), "{plan}");
            assert!(!plan.contains("SCAN decision_item"), "{plan}");
            let links = "SELECT l.decision_id FROM decision_item l WHERE l.product_id = ?1";
            let plan = query_plan(connection, links, 1).join("\n");
            assert!(plan.contains("decision_item_by_product"), "{plan}");
            let product = format!("{SELECT_DECISION} WHERE product_id = ?1 {NEWEST_FIRST}");
            let plan = query_plan(connection, &product, 1).join("\n");
            assert!(plan.contains("decision_by_product"), "{plan}");
            Ok(())
        })
        .unwrap();
}
