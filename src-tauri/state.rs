//! The app's state: the open database (or why it could not be opened) and the event notifier.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use northstar_core::demo::seed_demo_product;
use northstar_core::inspect::FileProblem;
use northstar_core::mutation::ChangeSet;
use northstar_core::store::Opened;
use northstar_core::{CoreError, Store};

use crate::error::AppError;
use crate::events::DataChanged;

type Notifier = Box<dyn Fn(DataChanged) + Send + Sync>;

/// Cheap to clone (shared handles), so blocking work can take its own copy.
#[derive(Clone)]
pub struct AppState {
    database: Arc<RwLock<Database>>,
    data_dir: PathBuf,
    /// Whether the path came from `--db`/`NORTHSTAR_DB` (then switching files is not remembered).
    path_from_command_line: bool,
    notifier: Arc<OnceLock<Notifier>>,
    /// The sequence number of the last `DataChanged`.
    sequence: Arc<AtomicU32>,
}

struct Database {
    path: PathBuf,
    opened: Result<Arc<Store>, FileProblem>,
}

impl AppState {
    pub fn new(path: PathBuf, data_dir: PathBuf, path_from_command_line: bool) -> AppState {
        let opened = open_with_demo(&path).map_err(|error| problem_of(&error));
        AppState {
            database: Arc::new(RwLock::new(Database { path, opened })),
            data_dir,
            path_from_command_line,
            notifier: Arc::new(OnceLock::new()),
            sequence: Arc::new(AtomicU32::new(0)),
        }
    }

    pub fn set_notifier(&self, notifier: impl Fn(DataChanged) + Send + Sync + 'static) {
        // Set once at start-up; a second call keeps the first notifier.
        let _ = self.notifier.set(Box::new(notifier));
    }

    /// Tells the window that everything may have changed (another database is open).
    pub fn notify_changed(&self, reason: impl Into<String>) {
        let event = DataChanged::of_everything(self.next_sequence(), reason);
        self.emit(event);
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
        database
            .opened
            .clone()
            .map_err(|problem| AppError::DatabaseUnavailable {
                message: problem.message,
            })
    }

    /// Switches to another file. On failure the current database stays open and the error says
    /// why the other file was refused.
    pub fn switch_to(&self, path: PathBuf) -> Result<(), AppError> {
        let store = open_with_demo(&path)?;
        *self
            .database
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Database {
            path: path.clone(),
            opened: Ok(store),
        };
        if !self.path_from_command_line {
            crate::db_location::remember_database_path(&self.data_dir, &path);
        }
        Ok(())
    }
}

fn open_with_demo(path: &Path) -> Result<Arc<Store>, CoreError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let (store, opened) = Store::open(path)?;
    if opened == Opened::Created {
        store.write_untracked(seed_demo_product)?;
    }
    Ok(Arc::new(store))
}

fn problem_of(error: &CoreError) -> FileProblem {
    match error {
        CoreError::File(problem) => problem.clone(),
        other => {
            eprintln!("northstar: could not open the database: {other}");
            FileProblem {
                kind: northstar_core::inspect::FileProblemKind::Unreadable,
                message: "Northstar couldn’t open this database file.".into(),
            }
        }
    }
}
