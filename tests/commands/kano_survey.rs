//! The Kano questionnaire through the commands: a file imported from the path the dialog gave,
//! its results and an applied category surviving a restart, and undo of the import.

use serde_json::{json, Value};

use super::launch;

fn item_id(app: &super::App, product_id: &str, title: &str) -> String {
    let items = app.ok("list_items", json!({ "productId": product_id }));
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["title"] == title)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn an_imported_questionnaire_and_an_applied_result_survive_a_restart_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let csv = dir.path().join("survey.csv");
    std::fs::write(
        &csv,
        "respondent,item,functional,dysfunctional\n\
         Ana,Search,Like,Dislike\n\
         Ben,Search,Like,Dislike\n\
         Cleo,Search,Expect,Dislike\n",
    )
    .unwrap();
    let app = launch(&db);
    let product = app.ok("create_product", json!({ "name": "Atlas" }));
    let product_id = product["value"]["id"].as_str().unwrap().to_string();
    let input = json!({ "productId": product_id, "title": "Search", "description": null, "status": null, "kind": null });
    app.ok("create_item", json!({ "input": input }));
    let path = csv.display().to_string();

    let preview = app.ok(
        "preview_kano_import",
        json!({ "productId": product_id, "path": path }),
    );
    assert_eq!(
        preview["summary"],
        json!({ "rows": 3, "respondents": 3, "items": 1, "problems": 0 })
    );
    let imported = app.ok(
        "import_kano_answers",
        json!({ "productId": product_id, "path": path }),
    );
    assert_eq!(imported["value"]["source"], "survey.csv");
    assert_eq!(
        imported["change"]["tables"],
        json!(["kanoSurvey", "kanoResponse"])
    );
    let search = item_id(&app, &product_id, "Search");
    let applied = app.ok("apply_kano_result", json!({ "itemId": search }));
    assert_eq!(applied["value"][0]["inputs"]["kano"], "performance");
    drop(app);

    let app = launch(&db);
    let results = app.ok("get_kano_results", json!({ "productId": product_id }));
    let row = &results["items"][0];
    assert_eq!(row["respondents"], 3);
    assert_eq!(row["mode"], "performance");
    assert_eq!(row["current"], "performance");
    // Better = (0 + 2) / 3; Worse = −(2 + 1) / 3.
    assert!((row["better"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(row["worse"], json!(-1.0));
    assert_eq!(results["surveys"][0]["answers"], 3);

    // A fresh session has no history: the import is undone by deleting it, itself undoable.
    let survey = results["surveys"][0]["id"].clone();
    app.ok("delete_kano_import", json!({ "surveyId": survey }));
    let emptied = app.ok("get_kano_results", json!({ "productId": product_id }));
    assert_eq!(emptied["items"], json!([]));
    app.ok("undo", json!({}));
    let back = app.ok("get_kano_results", json!({ "productId": product_id }));
    assert_eq!(back["items"].as_array().map(Vec::len), Some(1));
    assert_ne!(back["items"][0]["mode"], Value::Null);
}
