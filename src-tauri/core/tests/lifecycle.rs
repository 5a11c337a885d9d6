//! The store's life on a real file: closing leaves the `.db` whole, idle checkpoints, readers
//! that do not wait for the writer, and undo that never destroys rows it did not record.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use northstar_core::connection::BUSY_TIMEOUT;
use northstar_core::files::with_suffix;
use northstar_core::idle::spawn_idle_checkpoints;
use northstar_core::model::NewItem;
use northstar_core::queries::items::{create_item, list_items};
use northstar_core::queries::products::{create_product, list_products};
use northstar_core::{CoreError, Store};
use rusqlite::Connection;

fn wal_size(db: &Path) -> Option<u64> {
    std::fs::metadata(with_suffix(db, "-wal"))
        .ok()
        .map(|m| m.len())
}

/// Copies only the `.db` file elsewhere and lists its product names, as a user who copies the
/// file to another machine would see them.
fn product_names_in_a_copy_of(db: &Path) -> Vec<String> {
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("copy.db");
    std::fs::copy(db, &copy).unwrap();
    // A copy that is not a usable Northstar file yet (only a header) holds nothing.
    let Ok(reader) = Store::open_read_only(&copy) else {
        return Vec::new();
    };
    reader
        .read(list_products)
        .unwrap()
        .into_iter()
        .map(|product| product.name)
        .collect()
}

fn new_item(product_id: &str, title: &str) -> NewItem {
    NewItem {
        product_id: product_id.into(),
        title: title.into(),
        ..Default::default()
    }
}

#[test]
fn closing_checkpoints_so_the_db_file_alone_holds_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (store, _) = Store::open(&db).unwrap();
    store.write(|c| create_product(c, "Lumen")).unwrap();
    store.write(|c| create_product(c, "Atlas")).unwrap();
    assert!(wal_size(&db).unwrap() > 0, "the changes are in the WAL");
    assert!(
        product_names_in_a_copy_of(&db).is_empty(),
        "before closing, the .db alone lacks them (what the issue saw)"
    );

    store.close().unwrap();
    assert_eq!(wal_size(&db), None, "no -wal left");
    assert!(!with_suffix(&db, "-shm").exists(), "no -shm left");
    assert_eq!(product_names_in_a_copy_of(&db), ["Lumen", "Atlas"]);
    assert!(matches!(store.read(list_products), Err(CoreError::Closed)));
    assert!(matches!(
        store.write(|c| create_product(c, "Late")),
        Err(CoreError::Closed)
    ));
    store.close().unwrap();
}

#[test]
fn an_idle_store_checkpoints_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (store, _) = Store::open(&db).unwrap();
    let store = Arc::new(store);
    let checkpoints = spawn_idle_checkpoints(&store, Duration::from_millis(100)).unwrap();
    store.write(|c| create_product(c, "Lumen")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while wal_size(&db) != Some(0) {
        assert!(
            Instant::now() < deadline,
            "no checkpoint after the store went idle"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(product_names_in_a_copy_of(&db), ["Lumen"]);
    drop(store);
    checkpoints.join().unwrap();
}

#[test]
fn reads_do_not_wait_for_a_long_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (store, _) = Store::open(&db).unwrap();
    store.write(|c| create_product(c, "Lumen")).unwrap();
    let store = Arc::new(store);
    let (started, writing) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let writer = {
        let store = Arc::clone(&store);
        std::thread::spawn(move || {
            store
                .write(|c| {
                    create_product(c, "Slow")?;
                    started.send(()).unwrap();
                    released.recv().unwrap();
                    Ok(())
                })
                .unwrap();
        })
    };
    writing.recv().unwrap();
    let (answer, answered) = mpsc::channel();
    {
        let store = Arc::clone(&store);
        std::thread::spawn(move || {
            let names: Vec<String> = store
                .read(list_products)
                .unwrap()
                .into_iter()
                .map(|p| p.name)
                .collect();
            answer.send(names).unwrap();
        });
    }
    let names = answered
        .recv_timeout(Duration::from_secs(5))
        .expect("the read waited for the writer");
    assert_eq!(names, ["Lumen"], "the uncommitted write is not seen");
    release.send(()).unwrap();
    writer.join().unwrap();
    assert_eq!(store.read(list_products).unwrap().len(), 2);
}

#[test]
fn undoing_a_create_hides_the_row_and_keeps_rows_added_since_by_another_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (first, _) = Store::open(&db).unwrap();
    let product = first.write(|c| create_product(c, "Atlas")).unwrap();
    // Another window adds items to the product the first one is about to un-create.
    let (second, _) = Store::open(&db).unwrap();
    for title in ["Search", "Sharing"] {
        second
            .write(|c| create_item(c, &new_item(&product.id, title)))
            .unwrap();
    }
    let rows = |table: &str| -> i64 {
        let connection = Connection::open(&db).unwrap();
        connection
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };

    first.undo().unwrap();
    assert!(first.read(list_products).unwrap().is_empty());
    assert_eq!(
        rows("product"),
        1,
        "the product row is soft-deleted, not removed"
    );
    assert_eq!(
        rows("backlog_item"),
        2,
        "the other store's items are still there"
    );

    first.redo().unwrap();
    let titles: Vec<String> = first
        .read(|c| list_items(c, &product.id))
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(titles, ["Search", "Sharing"], "they come back with it");
    // And the step keeps replaying both ways.
    first.undo().unwrap();
    first.redo().unwrap();
    assert_eq!(first.read(list_products).unwrap().len(), 1);
}

#[test]
fn an_empty_history_says_there_is_nothing_to_undo() {
    let store = Store::open_in_memory().unwrap();
    match store.undo() {
        Err(CoreError::NothingToUndo(message)) => assert_eq!(message, "There is nothing to undo."),
        other => panic!("expected NothingToUndo, got {other:?}"),
    }
    assert!(matches!(store.redo(), Err(CoreError::NothingToUndo(_))));
}

#[test]
fn closing_waits_for_a_read_in_flight_and_still_leaves_the_db_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (store, _) = Store::open(&db).unwrap();
    let store = Arc::new(store);
    store.write(|c| create_product(c, "Lumen")).unwrap();

    // A long read (a backup, an export) is under way when the app closes.
    let (started, reading) = mpsc::channel();
    let (finish, finished) = mpsc::channel::<()>();
    let reader = {
        let store = Arc::clone(&store);
        std::thread::spawn(move || {
            store.read(|c| {
                c.execute_batch("BEGIN")?;
                let products: i64 =
                    c.query_row("SELECT count(*) FROM product", [], |r| r.get(0))?;
                started.send(()).unwrap();
                finished.recv().unwrap();
                c.execute_batch("COMMIT")?;
                Ok(products)
            })
        })
    };
    reading.recv().unwrap();
    let closer = {
        let store = Arc::clone(&store);
        std::thread::spawn(move || store.close())
    };
    // Held past SQLite's busy timeout, after which a checkpoint gives up on a reader.
    let deadline = Instant::now() + BUSY_TIMEOUT + Duration::from_secs(1);
    while Instant::now() < deadline && !closer.is_finished() {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !closer.is_finished(),
        "close went ahead while a read was in flight"
    );
    finish.send(()).unwrap();
    assert_eq!(
        reader.join().unwrap().unwrap(),
        1,
        "the read in flight finished"
    );
    closer.join().unwrap().unwrap();

    assert_eq!(wal_size(&db), None, "no -wal left");
    assert!(!with_suffix(&db, "-shm").exists(), "no -shm left");
    assert_eq!(product_names_in_a_copy_of(&db), ["Lumen"]);
    assert!(matches!(store.read(list_products), Err(CoreError::Closed)));
}

#[test]
fn an_idle_checkpoint_never_holds_up_writes_behind_a_long_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (store, _) = Store::open(&db).unwrap();
    let store = Arc::new(store);
    let checkpoints = spawn_idle_checkpoints(&store, Duration::from_millis(100)).unwrap();
    store.write(|c| create_product(c, "Lumen")).unwrap();

    // A long read (the backup at start, an export) holds its snapshot...
    let (started, reading) = mpsc::channel();
    let (finish, finished) = mpsc::channel::<()>();
    let reader = {
        let store = Arc::clone(&store);
        std::thread::spawn(move || {
            store.read(|c| {
                c.execute_batch("BEGIN")?;
                c.query_row("SELECT count(*) FROM product", [], |r| r.get::<_, i64>(0))?;
                started.send(()).unwrap();
                finished.recv().unwrap();
                c.execute_batch("COMMIT")?;
                Ok(())
            })
        })
    };
    reading.recv().unwrap();
    // ...while the user saves, then pauses long enough for the idle checkpoint to run...
    store.write(|c| create_product(c, "Atlas")).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    // ...and saves again: that save must not wait for the checkpoint to give up on the reader.
    let (saved, save_done) = mpsc::channel();
    {
        let store = Arc::clone(&store);
        std::thread::spawn(move || {
            saved
                .send(store.write(|c| create_product(c, "Beacon")).is_ok())
                .unwrap();
        });
    }
    let waited = save_done.recv_timeout(BUSY_TIMEOUT / 2);
    finish.send(()).unwrap();
    reader.join().unwrap().unwrap();
    assert_eq!(
        waited,
        Ok(true),
        "the save waited for an idle checkpoint stuck behind a reader"
    );

    // Once the reader is gone, the checkpoint that was held back is tried again.
    let deadline = Instant::now() + Duration::from_secs(10);
    while wal_size(&db) != Some(0) {
        assert!(Instant::now() < deadline, "the WAL was never folded in");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        product_names_in_a_copy_of(&db),
        ["Lumen", "Atlas", "Beacon"]
    );
    drop(store);
    checkpoints.join().unwrap();
}

#[test]
fn a_read_that_leaves_a_transaction_open_does_not_pin_later_reads_to_its_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (store, _) = Store::open(&db).unwrap();
    store.write(|c| create_product(c, "Lumen")).unwrap();
    // A read that fails half-way, inside a transaction it opened.
    let failed = store.read(|c| {
        c.execute_batch("BEGIN")?;
        c.query_row("SELECT count(*) FROM product", [], |r| r.get::<_, i64>(0))?;
        Err::<(), _>(CoreError::Conflict("gave up".into()))
    });
    assert!(failed.is_err());
    store.write(|c| create_product(c, "Atlas")).unwrap();
    assert_eq!(
        store.read(list_products).unwrap().len(),
        2,
        "a later read saw the failed read's old snapshot"
    );
    store.close().unwrap();
    assert_eq!(wal_size(&db), None);
}

#[test]
fn a_read_that_panics_does_not_hold_up_closing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let (store, _) = Store::open(&db).unwrap();
    let store = Arc::new(store);
    store.write(|c| create_product(c, "Lumen")).unwrap();
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        store.read(|_| -> Result<(), CoreError> { panic!("a bug in a read") })
    }));
    assert!(panicked.is_err());
    assert_eq!(store.read(list_products).unwrap().len(), 1);
    let (closed, closing) = mpsc::channel();
    {
        let store = Arc::clone(&store);
        std::thread::spawn(move || closed.send(store.close().is_ok()).unwrap());
    }
    assert_eq!(
        closing.recv_timeout(Duration::from_secs(10)),
        Ok(true),
        "closing waited for a read that had panicked"
    );
    assert_eq!(wal_size(&db), None);
}
