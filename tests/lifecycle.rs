//! The app's life on a real file, through the mock runtime: closing leaves the `.db` whole (no
//! `-wal`/`-shm`) with a backup of what changed, and a file held by another process is reported
//! as busy with a retry that works once it is free.

mod support;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};

use northstar_core::lock::DatabaseLock;
use northstar_core::Store;
use serde_json::json;
use support::launch;

const HOLD_LOCK: &str = "NORTHSTAR_TEST_HOLD_LOCK";

/// Run as a child process: holds the database lock until its standard input closes.
#[test]
fn lock_holder() {
    let Ok(path) = std::env::var(HOLD_LOCK) else {
        return;
    };
    let _lock = DatabaseLock::acquire(Path::new(&path)).unwrap();
    println!("\nlocked");
    let mut rest = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut rest);
}

fn product_names_in_a_copy_of(db: &Path) -> Vec<String> {
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("copy.db");
    std::fs::copy(db, &copy).unwrap();
    let store = Store::open_read_only(&copy).unwrap();
    store
        .read(northstar_core::queries::products::list_products)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn shutdown_leaves_the_db_file_whole_and_backs_up_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let app = launch(&db);
    app.ok("create_product", json!({ "name": "Atlas" }));
    assert!(dir.path().join("plan.db-wal").exists());

    app.state.shutdown();
    assert!(!dir.path().join("plan.db-wal").exists(), "-wal left");
    assert!(!dir.path().join("plan.db-shm").exists(), "-shm left");
    assert_eq!(product_names_in_a_copy_of(&db), ["Lumen", "Atlas"]);
    let backups = northstar_core::backup::list_backups(&db).unwrap();
    assert_eq!(
        backups.len(),
        1,
        "a backup at exit, because something changed"
    );
    assert_eq!(backups[0].summary.as_ref().unwrap().products, 2);
    assert_eq!(
        app.error_kind("list_products", json!({})),
        "DatabaseUnavailable"
    );
    // Asked from another process: within this one the lock is shared, so it cannot tell.
    assert!(another_process_can_lock(&db), "the lock is released");
}

/// Whether a child process can take the database lock now.
fn another_process_can_lock(db: &Path) -> bool {
    let mut holder = spawn_lock_holder(db);
    let locked = BufReader::new(holder.stdout.take().unwrap())
        .lines()
        .any(|line| line.unwrap().trim() == "locked");
    drop(holder.stdin.take());
    holder.wait().unwrap();
    locked
}

fn spawn_lock_holder(db: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "lock_holder", "--nocapture", "--test-threads=1"])
        .env(HOLD_LOCK, db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_file_held_by_another_process_is_busy_until_it_is_free() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    launch(&db).state.shutdown();
    let before = std::fs::read(&db).unwrap();

    let mut holder = spawn_lock_holder(&db);
    let mut lines = BufReader::new(holder.stdout.take().unwrap()).lines();
    assert!(lines.any(|line| line.unwrap().trim() == "locked"));

    let app = launch(&db);
    let status = app.ok("get_app_status", json!({}));
    assert_eq!(status["problem"]["kind"], "busy");
    let message = status["problem"]["message"].as_str().unwrap();
    assert!(
        message.contains("open in another Northstar window or process"),
        "{message}"
    );
    assert!(status["logFolder"].is_string());
    assert_eq!(app.error_kind("list_products", json!({})), "DatabaseBusy");
    assert_eq!(
        app.error_kind("retry_open_database", json!({})),
        "DatabaseBusy"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the busy file was not touched"
    );

    drop(holder.stdin.take());
    holder.wait().unwrap();
    let status = app.ok("retry_open_database", json!({}));
    assert_eq!(status["problem"], json!(null));
    assert_eq!(
        app.ok("list_products", json!({})).as_array().unwrap().len(),
        1
    );
    app.state.shutdown();
}
