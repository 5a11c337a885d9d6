//! Launching the app on the mock runtime and calling its commands as the UI does (shared by the
//! lifecycle and backup tests).

#![allow(dead_code)]

use std::path::Path;

use northstar_app::state::AppState;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

pub struct App {
    pub state: AppState,
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

pub fn launch(db: &Path) -> App {
    let state = AppState::new(db.to_path_buf(), db.parent().unwrap().to_path_buf(), true);
    let app = northstar_app::configure(mock_builder(), state.clone())
        .build(mock_context(noop_assets()))
        .unwrap();
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    App {
        state,
        _app: app,
        window,
    }
}

impl App {
    /// Ok(value) or Err(the serialized AppError).
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
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
}
