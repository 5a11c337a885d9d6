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

/// What the signal thread does with the signals it gets: the first asks the app to end the
/// ordinary way (`quit`, which closes the database whole); any later one, while that is still
/// under way, is passed to `force`, which ends the process as the signal would have without a
/// handler (Ctrl+C pressed again means it; a crash is safe, the WAL is only left unfolded).
fn handle_signals(
    signals: impl IntoIterator<Item = i32>,
    quit: impl FnOnce(),
    mut force: impl FnMut(i32),
) {
    let mut signals = signals.into_iter();
    if let Some(signal) = signals.next() {
        tracing::info!("signal {signal}: quitting");
        quit();
    }
    for signal in signals {
        tracing::warn!("signal {signal} again while quitting: ending now");
        force(signal);
    }
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
            handle_signals(
                signals.forever(),
                || app.exit(0),
                |signal| {
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                },
            );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_signal_quits_and_a_second_one_ends_at_once() {
        let mut quits = 0;
        let mut forced = Vec::new();
        handle_signals(
            [SIGTERM, SIGINT],
            || quits += 1,
            |signal| forced.push(signal),
        );
        assert_eq!(quits, 1);
        assert_eq!(forced, [SIGINT]);

        let mut quits = 0;
        handle_signals([SIGINT], || quits += 1, |_| panic!("one signal only quits"));
        assert_eq!(quits, 1);
    }
}
