//! The commands through Tauri's IPC layer (mock runtime), against a real SQLite file: arguments
//! and results cross as JSON exactly as the UI sends them, errors cross as `{ kind, detail }`.

use std::path::Path;

use northstar_app::state::AppState;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

struct App {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn launch(db: &Path) -> App {
    let state = AppState::new(db.to_path_buf(), db.parent().unwrap().to_path_buf(), true);
    let app = northstar_app::configure(mock_builder(), state)
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    App { _app: app, window }
}

impl App {
    /// Ok(value) or Err(the serialized AppError).
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // WebKitGTK serves the app from tauri://localhost; the http origin counts as remote.
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|error| panic!("{cmd} failed: {error}"))
    }

    fn titles(&self, product_id: &str) -> Vec<String> {
        let items = self.ok("list_items", json!({ "productId": product_id }));
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["title"].as_str().unwrap().to_string())
            .collect()
    }
}

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
    let product_id = product["id"].as_str().unwrap().to_string();
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
    assert_eq!(moved["position"], 1);
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
    let history = app.ok("redo", json!({}));
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
