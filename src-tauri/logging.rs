//! The log: `tracing` events go to a daily-rotated file (seven kept) in the OS state folder
//! (`~/.local/state/northstar/logs` on Linux; `NORTHSTAR_LOG_DIR` overrides it). A desktop app
//! launched from a menu has no terminal, so raw SQLite and OS error text goes here, never to the
//! screen; the problem screen and `northstar --help` show where it is.

use std::path::PathBuf;
use std::sync::Mutex;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

const LOG_FILES_KEPT: usize = 7;

/// The folder the log files are written to.
pub fn log_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("NORTHSTAR_LOG_DIR").filter(|dir| !dir.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::state_dir()
        .map(|state| state.join("northstar"))
        .unwrap_or_else(crate::db_location::data_dir)
        .join("logs")
}

/// Starts writing the log. Writes are synchronous: the process may end through
/// `std::process::exit`, which would drop a background writer's last lines. Failing to set up
/// the log never stops Northstar.
pub fn init() {
    let dir = log_dir();
    let appender = std::fs::create_dir_all(&dir).ok().and_then(|()| {
        RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix("northstar")
            .filename_suffix("log")
            .max_log_files(LOG_FILES_KEPT)
            .build(&dir)
            .ok()
    });
    let Some(appender) = appender else {
        return;
    };
    let filter = EnvFilter::try_from_env("NORTHSTAR_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,tao=warn,wry=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Mutex::new(appender))
        .try_init();
}
