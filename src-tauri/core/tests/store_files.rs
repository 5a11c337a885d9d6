//! Store tests on real files: reopening, PRAGMAs, WAL readers, and files that must be refused
//! byte-for-byte untouched.

// Tests may unwrap and panic; the core's lints deny both in its own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use northstar_core::check::check_database_file;
use northstar_core::demo::seed_demo_product;
use northstar_core::inspect::{inspect_database_file, FileProblemKind, FileState, APPLICATION_ID};
use northstar_core::model::{MoveTarget, NewItem};
use northstar_core::queries::items::{create_item, list_items, move_item};
use northstar_core::queries::products::{create_product, list_products};
use northstar_core::store::Opened;
use northstar_core::{CoreError, Store};
use rusqlite::Connection;

fn titles(store: &Store, product_id: &str) -> Vec<String> {
    store
        .read(|c| list_items(c, product_id))
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect()
}

fn assert_refused(path: &Path, kind: FileProblemKind) {
    let before = std::fs::read(path).unwrap();
    match Store::open(path) {
        Err(CoreError::File(problem)) => assert_eq!(problem.kind, kind, "{}", problem.message),
        Err(other) => panic!("expected a file problem, got {other}"),
        Ok(_) => panic!("{} was opened", path.display()),
    }
    assert!(Store::open_read_only(path).is_err());
    assert!(check_database_file(path).is_err());
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "the refused file was modified"
    );
    let directory = path.parent().unwrap();
    let name = path.file_name().unwrap().to_string_lossy();
    let extra: Vec<_> = std::fs::read_dir(directory)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|entry| entry.starts_with(name.as_ref()) && entry != name.as_ref())
        .collect();
    assert!(
        extra.is_empty(),
        "files appeared next to the refused one: {extra:?}"
    );
}

#[test]
fn a_new_file_is_created_configured_and_reopened_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let (store, opened) = Store::open(&path).unwrap();
    assert_eq!(opened, Opened::Created);
    let product_id = store.write_untracked(seed_demo_product).unwrap();
    let last = store
        .read(|c| list_items(c, &product_id))
        .unwrap()
        .pop()
        .unwrap();
    store
        .write(|c| move_item(c, &last.id, &MoveTarget::Top))
        .unwrap();
    let order = titles(&store, &product_id);
    store
        .read(|c| {
            let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
            let synchronous: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0))?;
            let foreign_keys: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
            let application_id: i32 = c.query_row("PRAGMA application_id", [], |r| r.get(0))?;
            assert_eq!(mode, "wal");
            assert_eq!(synchronous, 2, "synchronous=FULL");
            assert_eq!(foreign_keys, 1);
            assert_eq!(application_id, APPLICATION_ID);
            Ok(())
        })
        .unwrap();
    drop(store);

    assert_eq!(
        inspect_database_file(&path),
        FileState::Northstar {
            schema_version: northstar_core::migrations::latest_version()
        }
    );
    let (store, opened) = Store::open(&path).unwrap();
    assert_eq!(opened, Opened::Existing);
    assert_eq!(titles(&store, &product_id), order);
    assert_eq!(order[0], last.title);
    let report = check_database_file(&path).unwrap();
    assert!(report.is_healthy(), "{:?}", report.findings);
    assert_eq!((report.products, report.items), (1, 25));
}

#[test]
fn an_empty_file_is_set_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let (_store, opened) = Store::open(&path).unwrap();
    assert_eq!(opened, Opened::Created);
}

#[test]
fn a_text_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "Meeting notes\n".repeat(300)).unwrap();
    assert_refused(&path, FileProblemKind::NotNorthstar);
}

#[test]
fn another_apps_sqlite_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');")
        .unwrap();
    drop(other);
    assert_refused(&path, FileProblemKind::NotNorthstar);
}

#[test]
fn a_truncated_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.db");
    let (store, _) = Store::open(&path).unwrap();
    store.write_untracked(seed_demo_product).unwrap();
    drop(store);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192);
    std::fs::write(&path, &bytes[..bytes.len() - 4096 - 100]).unwrap();
    assert_refused(&path, FileProblemKind::Corrupt);
}

#[test]
fn a_damaged_page_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.db");
    let (store, _) = Store::open(&path).unwrap();
    store.write_untracked(seed_demo_product).unwrap();
    drop(store);
    let mut bytes = std::fs::read(&path).unwrap();
    // Overwrite the second page (the first table's root) with garbage.
    for byte in &mut bytes[4096..4096 + 512] {
        *byte = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_refused(&path, FileProblemKind::Corrupt);
}

#[test]
fn a_database_from_a_newer_northstar_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    drop(Store::open(&path).unwrap());
    // Still in WAL mode, as a newer Northstar would leave it.
    let connection = Connection::open(&path).unwrap();
    connection.pragma_update(None, "user_version", 99).unwrap();
    drop(connection);
    assert_refused(&path, FileProblemKind::NewerSchema);
}

#[test]
fn another_apps_wal_mode_database_is_refused_without_leaving_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wal-app.db");
    let other = Connection::open(&path).unwrap();
    other.pragma_update(None, "journal_mode", "WAL").unwrap();
    other
        .execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
        .unwrap();
    drop(other);
    assert_refused(&path, FileProblemKind::NotNorthstar);
}

#[test]
fn an_empty_database_with_a_schema_version_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("versioned.db");
    let other = Connection::open(&path).unwrap();
    other.pragma_update(None, "user_version", 7).unwrap();
    drop(other);
    assert_refused(&path, FileProblemKind::NotNorthstar);
}

#[test]
fn the_read_only_store_refuses_writes_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let (store, _) = Store::open(&path).unwrap();
    store.write_untracked(seed_demo_product).unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.read(list_products).unwrap().len(), 1);
    assert!(reader.write(|c| create_product(c, "Nope")).is_err());
    drop(reader);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert!(Store::open_read_only(&empty).is_err());
    assert_eq!(std::fs::read(&empty).unwrap(), b"");
}

#[test]
fn a_reader_sees_committed_data_while_the_store_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let (store, _) = Store::open(&path).unwrap();
    let product = store.write(|c| create_product(c, "Lumen")).unwrap();
    let reader = Connection::open(&path).unwrap();
    let count = |reader: &Connection| -> i64 {
        reader
            .query_row("SELECT count(*) FROM backlog_item", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(&reader), 0);
    let new = NewItem {
        product_id: product.id.clone(),
        title: "A".into(),
        ..Default::default()
    };
    store.write(|c| create_item(c, &new)).unwrap();
    assert_eq!(count(&reader), 1);
}

#[test]
fn undo_is_refused_when_the_row_changed_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("conflict.db");
    let (store, _) = Store::open(&path).unwrap();
    let product = store.write(|c| create_product(c, "Lumen")).unwrap();
    let other = Connection::open(&path).unwrap();
    other
        .execute(
            "UPDATE product SET name = 'Changed elsewhere' WHERE id = ?1",
            [&product.id],
        )
        .unwrap();
    assert!(matches!(store.undo(), Err(CoreError::Conflict(_))));
    assert!(!store.history_state().can_undo);
    assert_eq!(
        store.read(list_products).unwrap()[0].name,
        "Changed elsewhere"
    );
}

#[test]
fn a_failed_write_rolls_back_completely() {
    let store = Store::open_in_memory().unwrap();
    let product = store.write(|c| create_product(c, "Lumen")).unwrap();
    let result = store.write(|changes| {
        let new = NewItem {
            product_id: product.id.clone(),
            title: "First".into(),
            ..Default::default()
        };
        create_item(changes, &new)?;
        let bad = NewItem {
            product_id: product.id.clone(),
            title: String::new(),
            ..Default::default()
        };
        create_item(changes, &bad)
    });
    assert!(matches!(result, Err(CoreError::Invalid { .. })));
    assert!(
        titles(&store, &product.id).is_empty(),
        "half of the action was kept"
    );
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Add product “Lumen”")
    );
}

#[test]
fn a_full_disk_is_reported_as_such_and_nothing_is_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("full.db")).unwrap();
    let product = store.write(|c| create_product(c, "Lumen")).unwrap();
    // Cap the file at its current size: the next write that needs a page fails like a full disk.
    store
        .write_untracked(|c| {
            let pages: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0))?;
            c.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))?;
            Ok(())
        })
        .unwrap();
    let big = NewItem {
        product_id: product.id.clone(),
        title: "Needs room".into(),
        description: Some("x".repeat(200_000)),
        ..Default::default()
    };
    assert!(matches!(
        store.write(|c| create_item(c, &big)),
        Err(CoreError::DiskFull)
    ));
    assert!(titles(&store, &product.id).is_empty());
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Add product “Lumen”")
    );
}
