use super::*;
use crate::kano_survey::import::{delete_import, import_answers};
use crate::queries::items::test_support::{id_of, store_with_items};
use crate::Store;

fn import(store: &Store, product: &str, rows: &[&str]) -> KanoSurvey {
    let mut text = String::from("respondent,item,functional,dysfunctional\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    store
        .write(|c| import_answers(c, product, "survey.csv", text.as_bytes()))
        .unwrap()
}

#[test]
fn results_per_item_in_backlog_order_with_distribution_mode_better_and_worse() {
    let (store, product) = store_with_items(&["Dark mode", "Offline mode", "Export"]);
    import(
        &store,
        &product,
        &[
            "R1,Offline mode,Like,Dislike",    // O
            "R2,Offline mode,Expect,Dislike",  // M
            "R3,Offline mode,Neutral,Dislike", // M
            "R4,Offline mode,Like,Neutral",    // A
            "R5,Offline mode,Dislike,Like",    // R
            "R1,Dark mode,Like,Like",          // Q
            "R2,Dark mode,Dislike,Dislike",    // Q
        ],
    );
    let results = store.read(|c| kano_results(c, &product)).unwrap();
    assert_eq!(results.surveys.len(), 1);
    let titles: Vec<&str> = results.items.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["Dark mode", "Offline mode"],
        "Export has no answers"
    );
    let offline = &results.items[1];
    assert_eq!(offline.respondents, 5);
    assert_eq!(offline.distribution.must_be, 2);
    assert_eq!(offline.distribution.performance, 1);
    assert_eq!(offline.distribution.attractive, 1);
    assert_eq!(offline.distribution.reverse, 1);
    assert_eq!(offline.mode, Some(KanoCategory::MustBe));
    // Better = (1 + 1) / 4 = 0.5; Worse = −(1 + 2) / 4 = −0.75.
    assert_eq!(offline.better, Some(0.5));
    assert_eq!(offline.worse, Some(-0.75));
    assert_eq!(offline.current, None);
    assert_eq!(offline.apply_blocked, None);
    let dark = &results.items[0];
    assert_eq!(dark.mode, Some(KanoCategory::Questionable));
    assert_eq!((dark.better, dark.worse), (None, None));
}

#[test]
fn apply_sets_the_mode_in_one_undo_step_and_is_then_blocked() {
    let (store, product) = store_with_items(&["Offline mode"]);
    import(
        &store,
        &product,
        &[
            "R1,Offline mode,Expect,Dislike",
            "R2,Offline mode,Like,Neutral",
        ],
    );
    let item = id_of(&store, &product, "Offline mode");
    let saved = store.write(|c| apply_kano_result(c, &item)).unwrap();
    assert_eq!(saved[0].inputs.kano, Some(KanoCategory::MustBe));
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Set Kano category of “Offline mode” to Must-be")
    );
    let results = store.read(|c| kano_results(c, &product)).unwrap();
    assert_eq!(results.items[0].current, Some(KanoCategory::MustBe));
    assert_eq!(
        results.items[0].apply_blocked.as_deref(),
        Some("Its Kano category is already Must-be.")
    );
    let again = store.write(|c| apply_kano_result(c, &item)).unwrap_err();
    assert!(matches!(
        again,
        CoreError::Invalid { reason, .. }
            if reason == "Its Kano category is already Must-be."
    ));
    store.undo().unwrap();
    let results = store.read(|c| kano_results(c, &product)).unwrap();
    assert_eq!(results.items[0].current, None);
}

#[test]
fn an_item_without_answers_cannot_take_a_result_and_deleted_answers_do_not_count() {
    let (store, product) = store_with_items(&["Offline mode", "Export"]);
    let survey = import(&store, &product, &["R1,Offline mode,Like,Dislike"]);
    let export = id_of(&store, &product, "Export");
    assert!(matches!(
        store.write(|c| apply_kano_result(c, &export)),
        Err(CoreError::Invalid { .. })
    ));
    assert!(matches!(
        store.write(|c| apply_kano_result(c, "missing")),
        Err(CoreError::NotFound { .. })
    ));
    store.write(|c| delete_import(c, &survey.id)).unwrap();
    let results = store.read(|c| kano_results(c, &product)).unwrap();
    assert!(results.items.is_empty());
    assert!(results.surveys.is_empty());
}
