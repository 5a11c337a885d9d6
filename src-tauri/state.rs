//! The app's state: the open database (or why it could not be opened) and the event notifier.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use northstar_core::demo::seed_demo_product;
use northstar_core::inspect::FileProblem;
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
        }
    }

    pub fn set_notifier(&self, notifier: impl Fn(DataChanged) + Send + Sync + 'static) {
        // Set once at start-up; a second call keeps the first notifier.
        let _ = self.notifier.set(Box::new(notifier));
    }

    pub fn notify_changed(&self, reason: impl Into<String>) {
        if let Some(notifier) = self.notifier.get() {
            notifier(DataChanged {
                reason: reason.into(),
            });
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
