//! Launching the app on the mock runtime and calling its commands as the UI does: arguments and
//! results cross as JSON, errors as `{ kind, detail }` (shared by the command, contract,
//! lifecycle and backup tests).

#![allow(dead_code)]

use std::path::Path;
use std::sync::{Arc, Mutex};

use northstar_app::events::DataChanged;
use northstar_app::state::AppState;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;
use tauri_specta::Event;

pub struct App {
    pub state: AppState,
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    /// Every `data-changed` payload the app emitted, in order.
    events: Arc<Mutex<Vec<Value>>>,
}

pub fn launch(db: &Path) -> App {
    let state = AppState::new(db.to_path_buf(), db.parent().unwrap().to_path_buf(), true);
    let mut app = northstar_app::configure(mock_builder(), state.clone())
        .build(mock_context(noop_assets()))
        .unwrap();
    // The setup hook (typed events, the change notifier) runs with the first event-loop turn,
    // which the mock runtime only takes when asked.
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    DataChanged::listen_any(&app, move |event| {
        sink.lock()
            .unwrap()
            .push(serde_json::to_value(event.payload).unwrap());
    });
    App {
        state,
        _app: app,
        window,
        events,
    }
}

impl App {
    /// Ok(value) or Err(the serialized AppError).
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
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

    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|error| panic!("{cmd} failed: {error}"))
    }

    pub fn error_kind(&self, cmd: &str, args: Value) -> String {
        match self.call(cmd, args) {
            Ok(value) => panic!("{cmd} succeeded with {value}"),
            Err(error) => error["kind"].as_str().unwrap().to_string(),
        }
    }

    /// The events emitted since the last call of this function.
    pub fn take_events(&self) -> Vec<Value> {
        std::mem::take(&mut *self.events.lock().unwrap())
    }

    pub fn titles(&self, product_id: &str) -> Vec<String> {
        let items = self.ok("list_items", json!({ "productId": product_id }));
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["title"].as_str().unwrap().to_string())
            .collect()
    }
}
