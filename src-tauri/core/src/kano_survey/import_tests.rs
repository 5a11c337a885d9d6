use super::*;
use crate::queries::items::test_support::{id_of, store_with_items};
use crate::queries::kano_responses::{list_responses, list_surveys};
use crate::Store;

const HEADER: &str = "respondent,item,functional,dysfunctional\n";

fn file(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from(HEADER);
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.into_bytes()
}

fn preview(store: &Store, product: &str, bytes: &[u8]) -> KanoImportPreview {
    store
        .read(|c| preview_import(c, product, "survey.csv", bytes))
        .unwrap()
}

fn live_answers(store: &Store, product: &str) -> usize {
    store.read(|c| list_responses(c, product)).unwrap().len()
}

#[test]
fn a_clean_file_previews_with_a_summary_and_no_problems() {
    let (store, product) = store_with_items(&["Offline mode", "Dark mode"]);
    let offline = id_of(&store, &product, "Offline mode");
    let bytes = file(&[
        "R1,Offline mode,Like,Dislike",
        "R1,Dark mode,I like it,I am neutral",
        &format!("R2,{offline},must-be,dislike"),
    ]);
    let preview = preview(&store, &product, &bytes);
    assert_eq!(
        preview.summary,
        KanoImportSummary {
            rows: 3,
            respondents: 2,
            items: 2,
            problems: 0
        }
    );
    assert_eq!(preview.source, "survey.csv");
    assert_eq!(preview.import_blocked, None);
    let first = &preview.rows[0];
    assert_eq!(first.line, 2);
    assert_eq!(first.item_id.as_deref(), Some(offline.as_str()));
    assert_eq!(first.category, Some(KanoCategory::Performance));
    assert_eq!(preview.rows[1].category, Some(KanoCategory::Attractive));
    // Matched by id, shown by title.
    assert_eq!(preview.rows[2].item_title.as_deref(), Some("Offline mode"));
    assert_eq!(preview.rows[2].category, Some(KanoCategory::MustBe));
    assert_eq!(
        live_answers(&store, &product),
        0,
        "a preview writes nothing"
    );
}

#[test]
fn lists_every_problem_of_every_row() {
    let (store, product) = store_with_items(&["Offline mode", "Sync", "Sync"]);
    let bytes = file(&[
        "R1,Offline mode,Like,Dislike",
        "R1,Offline mode,Like,Neutral",
        ",Search,love it,",
        "R2,Sync,Like,Dislike",
    ]);
    let preview = preview(&store, &product, &bytes);
    assert_eq!(preview.summary.problems, 3);
    assert_eq!(
        preview.import_blocked.as_deref(),
        Some("3 rows have problems: fix them in the file, then choose the file again.")
    );
    assert_eq!(preview.summary.rows, 4);
    assert!(preview.rows[0].problems.is_empty());
    assert_eq!(
        preview.rows[1].problems,
        vec!["“R1” already answered “Offline mode” on line 2."]
    );
    assert_eq!(
        preview.rows[2].problems,
        vec![
            "No respondent.",
            "No item of this product is called “Search”.",
            "The functional answer “love it” is not one of Like, Expect, Neutral, Live with, \
             Dislike (or 1–5).",
            "No dysfunctional answer.",
        ]
    );
    assert_eq!(
        preview.rows[3].problems,
        vec!["2 items are called “Sync”: name the item by its id instead."]
    );
}

#[test]
fn imports_all_rows_in_one_undo_step_and_undo_redo_bring_them_back_and_forth() {
    let (store, product) = store_with_items(&["Offline mode", "Dark mode"]);
    let bytes = file(&[
        "R1,Offline mode,Like,Dislike",
        "R2,Offline mode,Expect,Dislike",
        "R1,Dark mode,Like,Neutral",
    ]);
    let survey = store
        .write(|c| import_answers(c, &product, "survey.csv", &bytes))
        .unwrap();
    assert_eq!(survey.source, "survey.csv");
    assert_eq!(survey.answers, 3);
    assert_eq!(survey.respondents, 2);
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Import Kano answers from survey.csv (3 rows)")
    );
    assert_eq!(live_answers(&store, &product), 3);
    store.undo().unwrap();
    assert_eq!(live_answers(&store, &product), 0);
    assert!(store
        .read(|c| list_surveys(c, &product))
        .unwrap()
        .is_empty());
    store.redo().unwrap();
    assert_eq!(live_answers(&store, &product), 3);
    assert_eq!(store.read(|c| list_surveys(c, &product)).unwrap().len(), 1);
}

#[test]
fn refuses_a_file_with_any_problem_and_writes_nothing() {
    let (store, product) = store_with_items(&["Offline mode"]);
    let last_step = store.history_state().undo_label;
    let bytes = file(&["R1,Offline mode,Like,Dislike", "R2,Search,Like,Dislike"]);
    let error = store
        .write(|c| import_answers(c, &product, "survey.csv", &bytes))
        .unwrap_err();
    assert!(matches!(
        &error,
        CoreError::Invalid { field: "file", reason } if reason ==
            "Nothing was imported: 1 row has a problem (line 3: No item of this product is \
             called “Search”.). Fix the file and preview it again."
    ));
    assert_eq!(live_answers(&store, &product), 0);
    assert!(store
        .read(|c| list_surveys(c, &product))
        .unwrap()
        .is_empty());
    assert_eq!(store.history_state().undo_label, last_step);
}

#[test]
fn refuses_bad_files_as_a_whole_and_writes_nothing() {
    let (store, product) = store_with_items(&["Offline mode"]);
    let last_step = store.history_state().undo_label;
    let bad: [&[u8]; 5] = [
        b"",
        b"respondent,item\nR1,Offline mode\n",
        b"respondent,item,functional,dysfunctional\n",
        b"respondent,item,functional,dysfunctional\nR1,Caf\xE9,Like,Dislike\n",
        b"respondent,item,functional,dysfunctional\nR1,\"Offline mode,Like,Dislike\n",
    ];
    for bytes in bad {
        let error = store
            .write(|c| import_answers(c, &product, "survey.csv", bytes))
            .unwrap_err();
        assert!(
            matches!(error, CoreError::Invalid { field: "file", .. }),
            "{error:?} for {bytes:?}"
        );
    }
    assert_eq!(live_answers(&store, &product), 0);
    assert_eq!(store.history_state().undo_label, last_step);
}

#[test]
fn a_second_file_repeating_an_answer_is_refused_until_the_first_import_is_deleted() {
    let (store, product) = store_with_items(&["Offline mode"]);
    let first = file(&["R1,Offline mode,Like,Dislike"]);
    let survey = store
        .write(|c| import_answers(c, &product, "march.csv", &first))
        .unwrap();
    let second = file(&[
        "R1,Offline mode,Neutral,Dislike",
        "R2,Offline mode,Like,Like",
    ]);
    let repeated = preview(&store, &product, &second);
    assert_eq!(
        repeated.rows[0].problems,
        vec![
            "“R1” already answered “Offline mode” in “march.csv”: delete that import to replace \
             its answers."
        ]
    );
    store.write(|c| delete_import(c, &survey.id)).unwrap();
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Delete Kano answers from march.csv")
    );
    assert_eq!(live_answers(&store, &product), 0);
    store
        .write(|c| import_answers(c, &product, "april.csv", &second))
        .unwrap();
    assert_eq!(live_answers(&store, &product), 2);
    // Undoing the second import, then the deletion, brings the first answers back.
    store.undo().unwrap();
    store.undo().unwrap();
    let responses = store.read(|c| list_responses(c, &product)).unwrap();
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0].respondent, "R1");
    assert_eq!(responses[0].functional, KanoAnswer::Like);
}

#[test]
fn an_unknown_product_or_import_is_not_found() {
    let (store, _) = store_with_items(&["Offline mode"]);
    let bytes = file(&["R1,Offline mode,Like,Dislike"]);
    assert!(matches!(
        store.read(|c| preview_import(c, "missing", "survey.csv", &bytes)),
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.write(|c| delete_import(c, "missing")),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn the_schema_refuses_an_answer_off_the_scale_and_a_second_live_answer() {
    let (store, product) = store_with_items(&["Offline mode"]);
    let bytes = file(&["R1,Offline mode,Like,Dislike"]);
    let survey = store
        .write(|c| import_answers(c, &product, "survey.csv", &bytes))
        .unwrap();
    let item = id_of(&store, &product, "Offline mode");
    let insert = |functional: &str| {
        store.write_untracked(|c| {
            c.execute(
                "INSERT INTO kano_response (id, survey_id, product_id, item_id, respondent, \
                 functional, dysfunctional, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, 'R9', ?5, 'dislike', 'x', 'x')",
                rusqlite::params![crate::ids::new_id(), survey.id, product, item, functional],
            )?;
            Ok(())
        })
    };
    assert!(insert("love").is_err());
    insert("like").unwrap();
    assert!(insert("like").is_err(), "R9 answered Offline mode already");
}
