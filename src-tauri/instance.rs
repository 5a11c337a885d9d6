//! One app per database file. The running app holds the file's lock
//! ([`northstar_core::lock::DatabaseLock`]) and listens on a Unix socket named after the file in
//! the runtime folder; a second launch on the same file connects, asks it to bring its window
//! to the front, and exits instead of opening a second writer. When nobody answers (the holder is
//! another process, such as `northstar repair`), the second launch says the file is in use.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

const FOCUS_REQUEST: &str = "focus";
const FOCUS_ANSWER: &str = "focused";
const ANSWER_TIMEOUT: Duration = Duration::from_secs(3);

/// A stable name for the database: FNV-1a of its resolved path (the same file reached through
/// another path or a link gets the same socket).
fn socket_name(database: &Path) -> String {
    let resolved = database
        .canonicalize()
        .unwrap_or_else(|_| database.to_path_buf());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in resolved.as_os_str().as_encoded_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}.sock")
}

fn runtime_folder() -> PathBuf {
    dirs::runtime_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("northstar")
}

pub fn socket_path(database: &Path) -> PathBuf {
    runtime_folder().join(socket_name(database))
}

/// Asks the app that has `database` open to show its window. True when it answered.
pub fn request_focus(database: &Path) -> bool {
    let ask = || -> std::io::Result<bool> {
        let mut stream = UnixStream::connect(socket_path(database))?;
        stream.set_read_timeout(Some(ANSWER_TIMEOUT))?;
        stream.set_write_timeout(Some(ANSWER_TIMEOUT))?;
        writeln!(stream, "{FOCUS_REQUEST}")?;
        let mut answer = String::new();
        BufReader::new(stream).read_line(&mut answer)?;
        Ok(answer.trim() == FOCUS_ANSWER)
    };
    match ask() {
        Ok(answered) => answered,
        Err(error) => {
            tracing::info!(
                "no running Northstar answered for {}: {error}",
                database.display()
            );
            false
        }
    }
}

/// Listens for focus requests for `database` until dropped; dropping it also ends its thread
/// (each database switch or restore starts a new one).
pub struct FocusListener {
    path: PathBuf,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl FocusListener {
    /// Binds the socket (replacing a stale one: the caller holds the database lock, so no live
    /// app owns it) and answers each request on a thread by calling `on_focus`.
    pub fn start(
        database: &Path,
        on_focus: impl Fn() + Send + 'static,
    ) -> std::io::Result<FocusListener> {
        let path = socket_path(database);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let _ = std::fs::remove_file(&path);
        let listener = UnixListener::bind(&path)?;
        let stopping = Arc::new(AtomicBool::new(false));
        let stop_seen = Arc::clone(&stopping);
        let thread = std::thread::Builder::new()
            .name("northstar-focus".into())
            .spawn(move || {
                for stream in listener.incoming().map_while(Result::ok) {
                    if stop_seen.load(Ordering::Acquire) {
                        break;
                    }
                    let _ = stream.set_read_timeout(Some(ANSWER_TIMEOUT));
                    let mut request = String::new();
                    let mut reader = BufReader::new(&stream);
                    if reader.read_line(&mut request).is_ok() && request.trim() == FOCUS_REQUEST {
                        on_focus();
                        let _ = writeln!(&stream, "{FOCUS_ANSWER}");
                    }
                }
            })?;
        Ok(FocusListener {
            path,
            stopping,
            thread: Some(thread),
        })
    }
}

impl Drop for FocusListener {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::Release);
        // The thread waits in `accept`: one connection wakes it to see that it must stop.
        let woken = UnixStream::connect(&self.path).is_ok();
        let _ = std::fs::remove_file(&self.path);
        if let Some(thread) = self.thread.take() {
            if woken {
                let _ = thread.join();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[test]
    fn a_second_launch_reaches_the_first_one() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("plan.db");
        std::fs::write(&database, b"").unwrap();
        assert!(!request_focus(&database), "nobody listens yet");
        let focused = Arc::new(AtomicUsize::new(0));
        let listener = {
            let focused = Arc::clone(&focused);
            FocusListener::start(&database, move || {
                focused.fetch_add(1, Ordering::SeqCst);
            })
            .unwrap()
        };
        // Through another path to the same file.
        let aliased = dir.path().join(".").join("plan.db");
        assert!(request_focus(&aliased));
        assert_eq!(focused.load(Ordering::SeqCst), 1);
        let socket = socket_path(&database);
        drop(listener); // joins its thread: a thread left waiting in accept would hang here
        assert!(
            !socket.exists(),
            "the socket is removed when the app closes"
        );
        assert!(!request_focus(&database));
    }
}
