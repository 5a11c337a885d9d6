//! The Kano questionnaire part of the contract session: previews of a file with problems and of
//! a clean one, refusals of bad files, the import, results, setting an item's category from them
//! (and the refusal once it is set), a repeated file, deleting the import and undoing that.
//!
//! Files are written into a folder of their own and named in the arguments as
//! `<questionnaires>/name.csv` (resolved to the real folder only for the call), so the fixture
//! does not depend on where the test runs.

use std::path::Path;

use serde_json::json;

use super::{new_item, Session};

/// What the files the session imports hold.
pub(super) const QUESTIONNAIRES: [(&str, &[u8]); 5] = [
    (
        "problems.csv",
        b"respondent,item,functional,dysfunctional\n\
          R1,Offline mode,Like,Dislike\n\
          R1,Offline mode,Like,Neutral\n\
          ,Search,love it,\n\
          R2,Sync,Like,Dislike\n",
    ),
    (
        "clean.csv",
        b"Respondent,Item,Functional,Dysfunctional\r\n\
          R1,Offline mode,I expect it,I dislike it\r\n\
          R2,Offline mode,Neutral,Dislike\r\n\
          R3,Offline mode,Like,Dislike\r\n\
          R4,Offline mode,Like,Neutral\r\n\
          R1,Dark mode,Like,Neutral\r\n\
          R2,Dark mode,Like,Live with\r\n\
          R3,Dark mode,Neutral,Neutral\r\n\
          R4,Dark mode,Like,Dislike\r\n\
          R1,Export to CSV,Neutral,Neutral\r\n\
          R2,Export to CSV,Dislike,Like\r\n\
          R3,Export to CSV,Like,Like\r\n",
    ),
    ("empty.csv", b""),
    (
        "latin1.csv",
        b"respondent,item,functional,dysfunctional\nR1,Caf\xE9,Like,Dislike\n",
    ),
    (
        "columns.csv",
        b"respondent,item,answer\nR1,Offline mode,Like\n",
    ),
];

/// Writes the session's questionnaire files into `folder`.
pub(super) fn write_questionnaires(folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    for (name, bytes) in QUESTIONNAIRES {
        std::fs::write(folder.join(name), bytes).unwrap();
    }
}

fn file(name: &str) -> String {
    format!("<questionnaires>/{name}")
}

fn results(session: &mut Session, note: &str, product: &str) {
    session.call(note, "get_kano_results", json!({ "productId": product }));
}

/// Runs the questionnaire part on a product of its own.
pub(super) fn run_kano(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Survey" }));
    let product = session.alias(&product, "/value/id");
    let mut ids = Vec::new();
    for title in ["Offline mode", "Dark mode", "Export to CSV", "Sync", "Sync"] {
        let item = session.call("", "create_item", new_item(&product, title));
        ids.push(session.alias(&item, "/value/id"));
    }
    let offline = ids[0].clone();
    let export = ids[2].clone();
    session.call("", "list_items", json!({ "productId": product }));
    results(session, "no answers yet", &product);
    for (note, name) in [
        ("every problem of every row", "problems.csv"),
        ("a clean file", "clean.csv"),
        ("an empty file", "empty.csv"),
        ("a file that is not UTF-8", "latin1.csv"),
        ("missing columns", "columns.csv"),
        ("a file that is not there", "missing.csv"),
    ] {
        session.call(
            note,
            "preview_kano_import",
            json!({ "productId": product, "path": file(name) }),
        );
    }
    session.call(
        "a path that is not a full path",
        "preview_kano_import",
        json!({ "productId": product, "path": "clean.csv" }),
    );
    session.call(
        "a file with problems imports nothing",
        "import_kano_answers",
        json!({ "productId": product, "path": file("problems.csv") }),
    );
    let survey = session.call(
        "the clean file: one undo step",
        "import_kano_answers",
        json!({ "productId": product, "path": file("clean.csv") }),
    );
    let survey = session.alias(&survey, "/value/id");
    session.call("", "get_history", json!({}));
    results(
        session,
        "distribution, mode, Better and Worse per item",
        &product,
    );
    session.call(
        "the same file again: every row answered already",
        "preview_kano_import",
        json!({ "productId": product, "path": file("clean.csv") }),
    );
    session.call(
        "Set Kano to the mode",
        "apply_kano_result",
        json!({ "itemId": offline }),
    );
    session.call("", "get_history", json!({}));
    results(session, "Offline mode has its mode now", &product);
    session.call(
        "already set",
        "apply_kano_result",
        json!({ "itemId": offline }),
    );
    session.call(
        "Indifferent for Export to CSV",
        "apply_kano_result",
        json!({ "itemId": export }),
    );
    session.call(
        "an item without answers",
        "apply_kano_result",
        json!({ "itemId": ids[3] }),
    );
    session.call("", "undo", json!({}));
    results(session, "", &product);
    session.call(
        "delete the import",
        "delete_kano_import",
        json!({ "surveyId": survey }),
    );
    session.call("", "get_history", json!({}));
    results(session, "no answers after the delete", &product);
    session.call(
        "an import that is gone",
        "delete_kano_import",
        json!({ "surveyId": survey }),
    );
    session.call("", "undo", json!({}));
    results(session, "the answers are back", &product);
}
