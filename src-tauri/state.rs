//! The app's state: the open database (or why it could not be opened), its lock, and the event
//! notifier.
//!
//! Life of a database in the app: [`AppState::new`] takes the file's lock and opens it (a new
//! file gets the demo product), starts the idle checkpoints and, in the background, the
//! automatic backup when one is due. Every way the app ends goes through [`AppState::shutdown`]:
//! a backup when anything changed since the last one, then the store is checkpointed and closed
//! (no `-wal`/`-shm` left), then the lock is released.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock, RwLockWriteGuard};
use std::time::Duration;

use northstar_core::backup::{automatic_backup_due, backup_path, summarize_file, BackupReason};
use northstar_core::demo::seed_demo_product;
use northstar_core::idle::spawn_idle_checkpoints;
use northstar_core::inspect::{FileProblem, FileProblemKind};
use northstar_core::lock::DatabaseLock;
use northstar_core::mutation::ChangeSet;
use northstar_core::restore::{restore_database, RestoreOutcome};
use northstar_core::store::Opened;
use northstar_core::{CoreError, Store};

use crate::error::AppError;
use crate::events::DataChanged;
use crate::instance::FocusListener;

type Notifier = Box<dyn Fn(DataChanged) + Send + Sync>;
type FocusCallback = Arc<dyn Fn() + Send + Sync>;
type ExitRequest = Box<dyn Fn() + Send + Sync>;

/// How long after the last write the WAL is checkpointed by default.
pub const IDLE_CHECKPOINT: Duration = Duration::from_secs(3);

/// Cheap to clone (shared handles), so blocking work can take its own copy.
#[derive(Clone)]
pub struct AppState {
    database: Arc<RwLock<Database>>,
    data_dir: PathBuf,
    /// Whether the path came from `--db`/`NORTHSTAR_DB` (then switching files is not remembered).
    path_from_command_line: bool,
    idle_checkpoint: Duration,
    notifier: Arc<OnceLock<Notifier>>,
    exit: Arc<OnceLock<ExitRequest>>,
    on_focus: Arc<OnceLock<FocusCallback>>,
    focus_listener: Arc<Mutex<Option<FocusListener>>>,
    /// The sequence number of the last `DataChanged`.
    sequence: Arc<AtomicU32>,
}

struct Database {
    path: PathBuf,
    opened: Result<Arc<Store>, FileProblem>,
    /// Held while the store is open; released after it is closed.
    lock: Option<DatabaseLock>,
}

impl Database {
    fn open(path: PathBuf, idle_checkpoint: Duration) -> Database {
        match open_locked(&path, idle_checkpoint) {
            Ok((store, lock)) => Database {
                path,
                opened: Ok(store),
                lock: Some(lock),
            },
            Err(error) => Database {
                path,
                opened: Err(problem_of(&error)),
                lock: None,
            },
        }
    }

    /// Backs up what changed, checkpoints, closes, then lets go of the lock.
    fn close(&mut self) {
        if let Ok(store) = &self.opened {
            if store.changed_since_backup() {
                if let Err(error) = store.back_up(BackupReason::AtExit) {
                    tracing::error!("the backup at exit failed: {error}");
                }
            }
            match store.close() {
                Ok(()) => tracing::info!("closed {}", self.path.display()),
                Err(error) => tracing::error!("closing {} failed: {error}", self.path.display()),
            }
        }
        self.opened = Err(FileProblem::new(
            FileProblemKind::Unreadable,
            "Northstar closed this database.",
        ));
        self.lock = None;
    }
}

impl AppState {
    pub fn new(path: PathBuf, data_dir: PathBuf, path_from_command_line: bool) -> AppState {
        AppState::with_idle_checkpoint(path, data_dir, path_from_command_line, IDLE_CHECKPOINT)
    }

    pub fn with_idle_checkpoint(
        path: PathBuf,
        data_dir: PathBuf,
        path_from_command_line: bool,
        idle_checkpoint: Duration,
    ) -> AppState {
        AppState {
            database: Arc::new(RwLock::new(Database::open(path, idle_checkpoint))),
            data_dir,
            path_from_command_line,
            idle_checkpoint,
            notifier: Arc::new(OnceLock::new()),
            exit: Arc::new(OnceLock::new()),
            on_focus: Arc::new(OnceLock::new()),
            focus_listener: Arc::new(Mutex::new(None)),
            sequence: Arc::new(AtomicU32::new(0)),
        }
    }

    fn database_mut(&self) -> RwLockWriteGuard<'_, Database> {
        self.database
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub fn set_notifier(&self, notifier: impl Fn(DataChanged) + Send + Sync + 'static) {
        // Set once at start-up; a second call keeps the first notifier.
        let _ = self.notifier.set(Box::new(notifier));
    }

    /// Tells the window that everything may have changed (another database is open), and
    /// returns that event (for a command's result).
    pub fn notify_changed(&self, reason: impl Into<String>) -> DataChanged {
        let event = DataChanged::of_everything(self.next_sequence(), reason);
        self.emit(event.clone());
        event
    }

    /// Tells the window which rows an action changed, and returns that event (for the command's
    /// result); `None`, and no event, when it changed nothing.
    pub fn notify_rows(&self, reason: &str, changes: &ChangeSet) -> Option<DataChanged> {
        if changes.is_empty() {
            return None;
        }
        let event = DataChanged::of_rows(self.next_sequence(), reason, changes);
        self.emit(event.clone());
        Some(event)
    }

    fn next_sequence(&self) -> u32 {
        self.sequence.fetch_add(1, Ordering::SeqCst).wrapping_add(1)
    }

    fn emit(&self, event: DataChanged) {
        if let Some(notifier) = self.notifier.get() {
            notifier(event);
        }
    }

    /// How the app asks its event loop to end (set once at start-up).
    pub fn set_exit(&self, exit: impl Fn() + Send + Sync + 'static) {
        let _ = self.exit.set(Box::new(exit));
    }

    /// Ends the app through its event loop, which then calls [`AppState::shutdown`].
    pub fn request_exit(&self) {
        match self.exit.get() {
            Some(exit) => exit(),
            None => self.shutdown(),
        }
    }

    /// Answers a second launch on the same file by calling `on_focus` (which shows the window).
    pub fn listen_for_focus(&self, on_focus: impl Fn() + Send + Sync + 'static) {
        let _ = self.on_focus.set(Arc::new(on_focus));
        self.restart_focus_listener();
    }

    fn restart_focus_listener(&self) {
        let mut listener = self
            .focus_listener
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *listener = None;
        let (Some(on_focus), Ok(_)) = (self.on_focus.get(), self.store()) else {
            return;
        };
        let on_focus = Arc::clone(on_focus);
        match FocusListener::start(&self.path(), move || on_focus()) {
            Ok(started) => *listener = Some(started),
            Err(error) => tracing::warn!("a second launch will not find this window: {error}"),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn path(&self) -> PathBuf {
        self.database
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .path
            .clone()
    }

    pub fn problem(&self) -> Option<FileProblem> {
        let database = self.database.read().unwrap_or_else(PoisonError::into_inner);
        database.opened.as_ref().err().cloned()
    }

    /// The open store, or why there is none.
    pub fn store(&self) -> Result<Arc<Store>, AppError> {
        let database = self.database.read().unwrap_or_else(PoisonError::into_inner);
        database.opened.clone().map_err(AppError::from)
    }

    /// Switches to another file. On failure the current database stays open and the error says
    /// why the other file was refused.
    pub fn switch_to(&self, path: PathBuf) -> Result<(), AppError> {
        {
            let mut database = self.database_mut();
            if database.path == path && database.opened.is_ok() {
                return Ok(());
            }
            let (store, lock) = open_locked(&path, self.idle_checkpoint)?;
            database.close();
            *database = Database {
                path: path.clone(),
                opened: Ok(store),
                lock: Some(lock),
            };
        }
        if !self.path_from_command_line {
            crate::db_location::remember_database_path(&self.data_dir, &path);
        }
        self.restart_focus_listener();
        Ok(())
    }

    /// Tries the current file again (after it was busy).
    pub fn retry(&self) -> Result<(), AppError> {
        {
            let mut database = self.database_mut();
            if database.opened.is_ok() {
                return Ok(());
            }
            let (store, lock) = open_locked(&database.path, self.idle_checkpoint)?;
            database.opened = Ok(store);
            database.lock = Some(lock);
        }
        self.restart_focus_listener();
        Ok(())
    }

    /// Replaces the open database with its backup `file_name`: the backup is checked first, the
    /// store closed (so the file is whole), the current file backed up and replaced, and the
    /// restored file opened. On failure the current file is opened again, unchanged.
    pub fn restore_backup(&self, file_name: &str) -> Result<RestoreOutcome, AppError> {
        let mut database = self.database_mut();
        let path = database.path.clone();
        database.opened.clone().map_err(AppError::from)?;
        let candidate = backup_path(&path, file_name)?;
        // The backup is judged before anything closes. (The open database itself is only looked
        // at through SQLite: another handle on it would drop SQLite's locks when closed.)
        summarize_file(&candidate)?;
        // Closed without an exit backup: the restore makes its own of the current file. A
        // failed close (its final checkpoint) must not leave the app on a closed store: the
        // changes it could not fold in are in the -wal, which that backup reads, and the file is
        // opened again below whatever happens.
        if let Ok(store) = &database.opened {
            if let Err(error) = store.close() {
                tracing::warn!(
                    "closing {} before a restore failed: {error}",
                    path.display()
                );
            }
        }
        let restored = restore_database(&path, &candidate);
        // The lock's handle is on the file that was replaced: take it again on the new one.
        database.lock = None;
        *database = Database::open(path, self.idle_checkpoint);
        drop(database);
        self.restart_focus_listener();
        Ok(restored?)
    }

    /// Ends the app's use of the database: every exit path calls this.
    pub fn shutdown(&self) {
        *self
            .focus_listener
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = None;
        self.database_mut().close();
    }
}

/// Takes the file's lock and opens it (creating it with the demo product when new), then starts
/// the idle checkpoints and a background automatic backup when one is due.
fn open_locked(path: &Path, idle: Duration) -> Result<(Arc<Store>, DatabaseLock), CoreError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let lock = acquire_patiently(path)?;
    let (store, opened) = Store::open(path)?;
    if opened == Opened::Created {
        store.write_untracked(seed_demo_product)?;
    }
    let store = Arc::new(store);
    if let Err(error) = spawn_idle_checkpoints(&store, idle) {
        tracing::warn!("idle checkpoints are off: {error}");
    }
    if opened == Opened::Existing {
        back_up_in_background(&store, path);
    }
    tracing::info!("opened {}", path.display());
    Ok((store, lock))
}

/// The file's lock, waiting up to two seconds: a Northstar that was just closed may still be
/// finishing its exit (its backup and checkpoint) when the next one starts.
fn acquire_patiently(path: &Path) -> Result<DatabaseLock, CoreError> {
    let deadline = std::time::Instant::now() + Duration::from_secs(2);
    loop {
        match DatabaseLock::acquire(path) {
            Err(CoreError::Busy) if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

fn back_up_in_background(store: &Arc<Store>, path: &Path) {
    let store = Arc::clone(store);
    let path = path.to_path_buf();
    let started = std::thread::Builder::new()
        .name("northstar-backup".into())
        .spawn(move || {
            let due = automatic_backup_due(&path, chrono::Utc::now());
            let backed_up = due.and_then(|due| match due {
                true => store.back_up(BackupReason::Automatic).map(Some),
                false => Ok(None),
            });
            match backed_up {
                Ok(Some(backup)) => tracing::info!("automatic backup {}", backup.display()),
                Ok(None) => {}
                Err(CoreError::Closed) => {}
                Err(error) => tracing::error!("the automatic backup failed: {error}"),
            }
        });
    if let Err(error) = started {
        tracing::warn!("no automatic backup: {error}");
    }
}

/// Why a file could not be opened, in words; the raw cause goes to the log.
pub fn problem_of(error: &CoreError) -> FileProblem {
    match error {
        CoreError::File(problem) => problem.clone(),
        CoreError::Busy => FileProblem::new(
            FileProblemKind::Busy,
            "This database is open in another Northstar window or process. Close it there, then \
             try again.",
        ),
        CoreError::WalRefused(_) => {
            tracing::error!("could not open the database: {error}");
            FileProblem::new(
                FileProblemKind::WalUnsupported,
                "Northstar can’t save safely in this folder: its file system doesn’t support the \
                 journal Northstar needs to survive crashes. Move the file to a local folder.",
            )
        }
        CoreError::DiskFull => FileProblem::new(
            FileProblemKind::Unreadable,
            "Your disk is full, so Northstar couldn’t open this database. Free some space and \
             try again.",
        ),
        other => {
            tracing::error!("could not open the database: {other}");
            FileProblem::new(
                FileProblemKind::Unreadable,
                "Northstar couldn’t open this database file.",
            )
        }
    }
}
