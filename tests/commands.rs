//! The commands through Tauri's IPC layer (mock runtime), against a real SQLite file: arguments
//! and results cross as JSON exactly as the UI sends them, errors cross as `{ kind, detail }`.
//! `contract` records a scripted session as the fixture the UI's fake backend is checked against.

#[path = "commands/contract.rs"]
mod contract;
#[path = "commands/kano_survey.rs"]
mod kano_survey;
#[path = "commands/scores.rs"]
mod scores;

mod support;

use serde_json::{json, Value};
use support::{launch, App};

#[test]
fn a_new_database_opens_on_the_demo_product() {
    let dir = tempfile::tempdir().unwrap();
    let app = launch(&dir.path().join("plan.db"));
    let status = app.ok("get_app_status", json!({}));
    assert_eq!(status["problem"], Value::Null);
    assert_eq!(
        status["statusOptions"][3],
        json!({ "value": "in_progress", "label": "In progress" })
    );
    let products = app.ok("list_products", json!({}));
    assert_eq!(products.as_array().unwrap().len(), 1);
    assert_eq!(status["openProductId"], products[0]["id"]);
    assert_eq!(app.titles(products[0]["id"].as_str().unwrap()).len(), 25);
}

#[test]
fn create_move_undo_redo_and_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let app = launch(&db);
    let product = app.ok("create_product", json!({ "name": "Atlas" }));
    let product_id = product["value"]["id"].as_str().unwrap().to_string();
    for title in ["Search", "Sharing", "Offline mode"] {
        let input = json!({ "productId": product_id, "title": title, "description": null, "status": null, "kind": null });
        app.ok("create_item", json!({ "input": input }));
    }
    let items = app.ok("list_items", json!({ "productId": product_id }));
    let offline = items[2]["id"].as_str().unwrap().to_string();

    let moved = app.ok(
        "move_item",
        json!({ "id": offline, "target": { "to": "top" } }),
    );
    assert_eq!(moved["value"]["id"], offline.as_str());
    let listed = app.ok("list_items", json!({ "productId": product_id }));
    assert_eq!(listed[0]["rank"], moved["value"]["rank"]);
    assert_eq!(listed[0]["position"], 1);
    assert_eq!(
        app.titles(&product_id),
        ["Offline mode", "Search", "Sharing"]
    );
    let history = app.ok("get_history", json!({}));
    assert_eq!(history["undoLabel"], "Move “Offline mode” to top");

    app.ok("undo", json!({}));
    assert_eq!(
        app.titles(&product_id),
        ["Search", "Sharing", "Offline mode"]
    );
    let history = app.ok("redo", json!({}))["value"].clone();
    assert_eq!(history["canRedo"], false);
    assert_eq!(
        app.titles(&product_id),
        ["Offline mode", "Search", "Sharing"]
    );

    let search = items[0]["id"].as_str().unwrap();
    app.ok(
        "move_item",
        json!({ "id": search, "target": { "to": "after", "itemId": items[1]["id"] } }),
    );
    app.ok("set_open_product", json!({ "id": product_id }));
    drop(app);

    let reopened = launch(&db);
    assert_eq!(
        reopened.titles(&product_id),
        ["Offline mode", "Sharing", "Search"]
    );
    assert_eq!(
        reopened.ok("get_app_status", json!({}))["openProductId"],
        product_id.as_str()
    );
    assert_eq!(reopened.ok("get_history", json!({}))["canUndo"], false);
}

#[test]
fn errors_cross_ipc_as_typed_values() {
    let dir = tempfile::tempdir().unwrap();
    let app = launch(&dir.path().join("plan.db"));
    let product_id = app.ok("list_products", json!({}))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let item = app.ok("list_items", json!({ "productId": product_id }))[0].clone();

    let long_title = json!({ "productId": product_id, "title": "x".repeat(301), "description": null, "status": null, "kind": null });
    let error = app
        .call("create_item", json!({ "input": long_title }))
        .unwrap_err();
    assert_eq!(error["kind"], "Invalid");
    assert_eq!(error["detail"]["field"], "title");
    assert!(error["detail"]["reason"]
        .as_str()
        .unwrap()
        .contains("at most 300 characters"));

    let patch = json!({ "title": null, "description": null, "status": "shipping", "kind": null });
    let error = app
        .call("update_item", json!({ "id": item["id"], "patch": patch }))
        .unwrap_err();
    assert_eq!(
        error,
        json!({ "kind": "Invalid", "detail": { "field": "status", "reason": "“shipping” is not a status. Use one of: idea, discovery, ready, in_progress, shipped, archived." } })
    );

    let error = app
        .call("delete_item", json!({ "id": "no-such-item" }))
        .unwrap_err();
    assert_eq!(
        error,
        json!({ "kind": "NotFound", "detail": { "entity": "item", "id": "no-such-item" } })
    );

    let error = app
        .call(
            "open_database",
            json!({ "path": "/no/such/folder/plan.db" }),
        )
        .unwrap_err();
    assert_eq!(error["kind"], "Invalid");

    let unchanged = app.ok("list_items", json!({ "productId": product_id }))[0].clone();
    assert_eq!(unchanged, item, "a refused change wrote nothing");
}

#[test]
fn a_file_that_is_not_a_northstar_database_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "not a database\n".repeat(200)).unwrap();
    let before = std::fs::read(&db).unwrap();
    let app = launch(&db);

    let status = app.ok("get_app_status", json!({}));
    assert_eq!(status["problem"]["kind"], "notNorthstar");
    let error = app.call("list_products", json!({})).unwrap_err();
    assert_eq!(error["kind"], "DatabaseUnavailable");

    // Opening another (new) file from the problem screen works and remembers nothing else.
    let other = dir.path().join("fresh.db");
    let status = app.ok("open_database", json!({ "path": other.to_str().unwrap() }));
    assert_eq!(status["problem"], Value::Null);
    assert_eq!(
        app.ok("list_products", json!({})).as_array().unwrap().len(),
        1
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn every_change_is_announced_once_with_its_rows_and_the_command_returns_the_same_event() {
    let dir = tempfile::tempdir().unwrap();
    let app = launch(&dir.path().join("plan.db"));
    let product_id = app.ok("list_products", json!({}))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let items = app.ok("list_items", json!({ "productId": product_id }));
    let last = items.as_array().unwrap().last().unwrap()["id"].clone();
    app.take_events();

    let moved = app.ok(
        "move_item",
        json!({ "id": last, "target": { "to": "top" } }),
    );
    let events = app.take_events();
    assert_eq!(events.len(), 1, "one event per change: {events:?}");
    assert_eq!(moved["change"], events[0]);
    assert_eq!(events[0]["tables"], json!(["backlogItem"]));
    assert_eq!(events[0]["ids"], json!([last]));
    assert_eq!(events[0]["everything"], false);
    let first_sequence = events[0]["sequence"].as_u64().unwrap();

    // A move that changes nothing records nothing and tells nobody.
    let again = app.ok(
        "move_item",
        json!({ "id": last, "target": { "to": "top" } }),
    );
    assert_eq!(again["change"], Value::Null);
    assert!(app.take_events().is_empty());

    let undone = app.ok("undo", json!({}));
    let events = app.take_events();
    assert_eq!(events.len(), 1);
    assert_eq!(undone["change"], events[0]);
    assert_eq!(events[0]["ids"], json!([last]));
    assert_eq!(events[0]["sequence"].as_u64().unwrap(), first_sequence + 1);

    // Another database: everything changed.
    let other = dir.path().join("other.db");
    app.ok("open_database", json!({ "path": other.to_str().unwrap() }));
    let events = app.take_events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["everything"], true);
    assert_eq!(events[0]["sequence"].as_u64().unwrap(), first_sequence + 2);
}

#[test]
fn the_editor_gets_the_full_item_and_the_list_only_an_excerpt() {
    let dir = tempfile::tempdir().unwrap();
    let app = launch(&dir.path().join("plan.db"));
    let product_id = app.ok("list_products", json!({}))[0]["id"].clone();
    let description = format!("**Why** it matters\n\n{}", "detail ".repeat(50_000));
    let input = json!({ "productId": product_id, "title": "Big", "description": description, "status": null, "kind": null });
    let created = app.ok("create_item", json!({ "input": input }));
    let id = created["value"]["id"].clone();

    let rows = app.ok("list_items", json!({ "productId": product_id }));
    let row = rows.as_array().unwrap().last().unwrap();
    assert_eq!(row["id"], id);
    assert_eq!(row["excerpt"], "Why it matters");
    assert_eq!(row.get("description"), None);
    assert_eq!(row["position"], 26);

    let item = app.ok("get_item", json!({ "id": id }));
    assert_eq!(item["description"], description.as_str());
    let error = app.call("get_item", json!({ "id": "gone" })).unwrap_err();
    assert_eq!(error["kind"], "NotFound");
}
