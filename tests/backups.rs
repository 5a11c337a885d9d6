//! The Backups view's commands through the mock runtime, on a real file: list, back up now,
//! preview and restore, and file names that are not backups.

mod support;

use serde_json::json;
use support::launch;

#[test]
fn back_up_now_lists_counts_and_restore_puts_the_backup_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let app = launch(&db);
    let listed = app.ok("list_backups", json!({}));
    assert_eq!(listed["backups"], json!([]));
    assert_eq!(listed["databasePath"], db.display().to_string());
    assert_eq!(
        listed["folder"],
        dir.path().join("backups").display().to_string()
    );
    let backup = app.ok("back_up_now", json!({}));
    assert_eq!(backup["reason"], "manual");
    assert_eq!(backup["summary"]["products"], 1);
    assert_eq!(backup["summary"]["items"], 25);
    assert!(backup["sizeBytes"].as_f64().unwrap() > 0.0);
    let file_name = backup["fileName"].as_str().unwrap().to_string();

    app.ok("create_product", json!({ "name": "Atlas" }));
    let preview = app.ok("preview_restore", json!({ "fileName": file_name }));
    assert_eq!(preview["restored"]["products"], 1);
    assert_eq!(preview["replaced"]["products"], 2);
    assert!(preview["replaced"]["lastChangeAt"].is_string());

    let saved = app.ok("restore_backup", json!({ "fileName": file_name }));
    // Every view reloads: the change is everything, not a list of rows.
    assert_eq!(saved["change"]["everything"], true);
    assert_eq!(saved["change"]["reason"], "Restored a backup");
    let outcome = &saved["value"];
    assert_eq!(outcome["restored"]["products"], 1);
    assert_eq!(outcome["replaced"]["products"], 2);
    assert!(outcome["safetyBackup"]
        .as_str()
        .unwrap()
        .contains("pre-restore"));
    let products = app.ok("list_products", json!({}));
    assert_eq!(
        products.as_array().unwrap().len(),
        1,
        "the backup's data is open"
    );
    // A restored file starts a fresh history: nothing to undo (its own kind, not a conflict).
    assert_eq!(app.error_kind("undo", json!({})), "NothingToUndo");
    // The replaced file was kept.
    let listed = app.ok("list_backups", json!({}));
    assert!(listed["backups"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["reason"] == "beforeRestore" && b["summary"]["products"] == 2));
}

#[test]
fn names_that_are_not_this_databases_backups_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let app = launch(&db);
    std::fs::write(dir.path().join("secret.db"), b"x").unwrap();
    for name in [
        "../secret.db",
        "secret.db",
        "/etc/passwd",
        "plan.20260101T000000000Z.manual.db",
    ] {
        let kind = app.error_kind("restore_backup", json!({ "fileName": name }));
        assert!(kind == "Invalid" || kind == "NotFound", "{name}: {kind}");
        app.error_kind("preview_restore", json!({ "fileName": name }));
    }
    assert_eq!(
        app.ok("list_products", json!({})).as_array().unwrap().len(),
        1
    );
}
