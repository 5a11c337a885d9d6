//! How the app ends. Every exit path — the window's close button (WM_DELETE_WINDOW), Quit
//! (Ctrl+Q, the `quit_app` command), SIGTERM (a desktop logout) and SIGINT (Ctrl+C in a
//! terminal) — reaches Tauri's `RunEvent::Exit`, where [`AppState::shutdown`] backs up, checkpoints
//! and closes the database before the event loop ends the process.

use std::process::ExitCode;

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use tauri::{AppHandle, Manager, RunEvent, Runtime};

use crate::state::AppState;

/// Shows the main window and gives it the focus (a second launch asked for it).
pub fn bring_to_front<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    tracing::info!("another launch asked for this window");
}

/// Turns SIGTERM and SIGINT into an ordinary exit of the event loop.
fn exit_on_signals<R: Runtime>(app: &AppHandle<R>) {
    let mut signals = match Signals::new([SIGTERM, SIGINT]) {
        Ok(signals) => signals,
        Err(error) => {
            tracing::warn!("signals will end the app without closing the database: {error}");
            return;
        }
    };
    let app = app.clone();
    let started = std::thread::Builder::new()
        .name("northstar-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                tracing::info!("signal {signal}: quitting");
                app.exit(0);
            }
        });
    if let Err(error) = started {
        tracing::warn!("signals will end the app without closing the database: {error}");
    }
}

/// Builds and runs the app until it exits, closing the database on the way out.
pub fn run(builder: tauri::Builder<tauri::Wry>, state: AppState) -> ExitCode {
    let app = match builder.build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(error) => {
            tracing::error!("the window could not be opened: {error}");
            eprintln!("northstar: the window could not be opened (details in the log)");
            state.shutdown();
            return ExitCode::FAILURE;
        }
    };
    exit_on_signals(app.handle());
    app.run(move |_, event| {
        if let RunEvent::Exit = event {
            state.shutdown();
            tracing::info!("Northstar ended");
        }
    });
    ExitCode::SUCCESS
}
