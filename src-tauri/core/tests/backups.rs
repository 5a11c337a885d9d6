//! Backups on disk, restore and its refusals, `check` findings and `repair`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use northstar_core::backup::{automatic_backup_due, backups_folder, list_backups, BackupReason};
use northstar_core::check::check_database_file;
use northstar_core::demo::seed_demo_product;
use northstar_core::export::export_json;
use northstar_core::model::MoveTarget;
use northstar_core::queries::items::{delete_item, list_items, move_item};
use northstar_core::queries::products::{create_product, delete_product, list_products};
use northstar_core::repair::{plan_rank_repairs, repair_store};
use northstar_core::restore::{preview_restore, restore_database};
use northstar_core::rotation::rotate_backups;
use northstar_core::{CoreError, Store};
use rusqlite::Connection;

fn demo_database(path: &Path) -> Store {
    let (store, _) = Store::open(path).unwrap();
    store.write_untracked(seed_demo_product).unwrap();
    store
}

fn export_of(path: &Path) -> String {
    Store::open_read_only(path)
        .unwrap()
        .read(export_json)
        .unwrap()
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_lists_with_its_counts_and_restores_to_an_identical_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let store = demo_database(&db);
    assert!(automatic_backup_due(&db, chrono::Utc::now()).unwrap());
    let backup = store.back_up(BackupReason::Manual).unwrap();
    assert_eq!(backup.parent().unwrap(), backups_folder(&db));
    assert!(!automatic_backup_due(&db, chrono::Utc::now()).unwrap());
    assert!(!store.changed_since_backup());
    let export_at_backup = store.read(export_json).unwrap();

    // Later changes, then restore.
    store.write(|c| create_product(c, "Atlas")).unwrap();
    assert!(store.changed_since_backup());
    store.close().unwrap();
    let listed = list_backups(&db).unwrap();
    assert_eq!(listed.len(), 1);
    let summary = listed[0].summary.as_ref().unwrap();
    assert_eq!((summary.products, summary.items), (1, 25));
    assert!(listed[0].size_bytes > 0.0);
    assert!(summary.last_change_at.is_some());

    let preview = preview_restore(&db, &backup).unwrap();
    assert_eq!(preview.restored.products, 1);
    assert_eq!(preview.replaced.as_ref().unwrap().products, 2);
    let outcome = restore_database(&db, &backup).unwrap();
    assert_eq!(outcome.replaced.unwrap().products, 2);
    assert_eq!(export_of(&db), export_at_backup);

    // The replaced file was kept as a backup first, and it has the later change.
    let safety = outcome.safety_backup.unwrap();
    assert!(export_of(Path::new(&safety)).contains("Atlas"));
    let reasons: Vec<BackupReason> = list_backups(&db)
        .unwrap()
        .iter()
        .map(|b| b.reason)
        .collect();
    // Both are kept: the backup restored from and the one made of the replaced file.
    assert_eq!(reasons, [BackupReason::BeforeRestore, BackupReason::Manual]);
    assert_eq!(
        files_in(dir.path()),
        ["backups", "plan.db"],
        "no scratch, no -wal"
    );
    let report = check_database_file(&db).unwrap();
    assert!(report.is_healthy(), "{:?}", report.findings);
}

#[test]
fn restore_refuses_files_that_are_not_good_northstar_databases_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db).close().unwrap();
    let current = std::fs::read(&db).unwrap();

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database\n".repeat(500)).unwrap();
    let truncated = dir.path().join("cut.db");
    demo_database(&truncated).close().unwrap();
    let bytes = std::fs::read(&truncated).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2 + 100]).unwrap();
    let newer = dir.path().join("newer.db");
    demo_database(&newer).close().unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();

    for candidate in [&junk, &truncated, &newer, &empty, &db] {
        let before = std::fs::read(candidate).unwrap();
        assert!(
            restore_database(&db, candidate).is_err(),
            "{} was restored",
            candidate.display()
        );
        assert_eq!(std::fs::read(candidate).unwrap(), before);
        assert_eq!(std::fs::read(&db).unwrap(), current, "the database changed");
    }
    assert!(matches!(
        restore_database(&db, &dir.path().join("missing.db")),
        Err(CoreError::NotFound { .. })
    ));
    assert!(
        !backups_folder(&db).exists(),
        "no backup was made for a refused restore"
    );
    let names = files_in(dir.path());
    assert!(
        names.iter().all(|n| !n.ends_with(".partial")),
        "scratch left: {names:?}"
    );
}

/// `database`'s backup files in its folder, oldest first.
fn backup_names(database: &Path) -> Vec<String> {
    files_in(&backups_folder(database))
        .into_iter()
        .filter(|name| name.starts_with("plan."))
        .collect()
}

/// Writes a real backup of `db` with the time `stamp` (`20260301T080000000Z`) in its name.
fn backup_at(source: &Store, db: &Path, stamp: &str, tag: &str) -> std::path::PathBuf {
    let folder = backups_folder(db);
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(format!("plan.{stamp}.{tag}.db"));
    source
        .read(|c| northstar_core::backup::copy_database(c, db, &path))
        .unwrap();
    path
}

#[test]
fn rotation_on_disk_deletes_only_this_databases_old_backups() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db).close().unwrap();
    let folder = backups_folder(&db);
    let source = Store::open_read_only(&db).unwrap();
    // Two backups on each of 10 consecutive days.
    for day in 1..=10 {
        for hour in [8, 20] {
            backup_at(
                &source,
                &db,
                &format!("202603{day:02}T{hour:02}0000000Z"),
                "auto",
            );
        }
    }
    std::fs::write(folder.join("other.20260301T080000000Z.auto.db"), b"x").unwrap();
    std::fs::write(folder.join("notes.txt"), b"x").unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-03-12T00:00:00Z")
        .unwrap()
        .to_utc();
    // One backup rotation would delete is named as one to keep.
    let named = folder.join("plan.20260305T080000000Z.auto.db");
    let deleted = rotate_backups(&db, now, &[&named]).unwrap();
    assert_eq!(deleted.len(), 20 - 8 - 1);
    let kept = files_in(&folder);
    assert!(kept.contains(&"other.20260301T080000000Z.auto.db".to_string()));
    assert!(kept.contains(&"notes.txt".to_string()));
    // Days 4–10 (the newest of each) and the week of 2–8 March's newest (8th) is among them;
    // the week of 23 Feb – 1 March keeps 1 March's newest.
    let mine = backup_names(&db);
    assert_eq!(mine.len(), 9, "{mine:?}");
    assert!(mine.contains(&"plan.20260301T200000000Z.auto.db".to_string()));
    assert!(mine.contains(&"plan.20260305T080000000Z.auto.db".to_string()));
    // A second rotation finds nothing more to delete.
    assert!(rotate_backups(&db, now, &[]).unwrap().len() <= 1);
}

#[test]
fn two_backups_in_one_day_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let store = demo_database(&db);
    let first = store.back_up(BackupReason::Manual).unwrap();
    store.write(|c| create_product(c, "Atlas")).unwrap();
    let second = store.back_up(BackupReason::Manual).unwrap();
    assert_ne!(first, second);
    let listed: Vec<String> = list_backups(&db)
        .unwrap()
        .into_iter()
        .map(|b| b.path)
        .collect();
    assert_eq!(
        listed,
        [second.display().to_string(), first.display().to_string()],
        "“Back up now” twice keeps both"
    );
}

#[test]
fn restoring_an_older_backup_of_a_day_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db).close().unwrap();
    let source = Store::open_read_only(&db).unwrap();
    // Two backups of a day long past: rotation keeps only the newer one of them...
    let older = backup_at(&source, &db, "20250301T080000000Z", "auto");
    backup_at(&source, &db, "20250301T200000000Z", "auto");
    drop(source);
    // ...except the one just restored from.
    let outcome = restore_database(&db, &older).unwrap();
    assert!(older.exists(), "the backup restored from was deleted");
    let safety = outcome.safety_backup.unwrap();
    assert!(Path::new(&safety).exists());
    assert_eq!(backup_names(&db).len(), 3);
}

#[cfg(unix)]
#[test]
fn backups_and_copies_of_a_private_database_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db).close().unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (store, _) = Store::open(&db).unwrap();
    let backup = store.back_up(BackupReason::Manual).unwrap();
    let copy = store
        .read(|c| northstar_core::restore::save_copy(c, &db, &dir.path().join("copy.db")))
        .unwrap();
    store.close().unwrap();
    for file in [&backup, &copy] {
        let mode = std::fs::metadata(file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{}", file.display());
    }
}

#[cfg(unix)]
#[test]
fn restoring_through_a_link_replaces_the_file_behind_it() {
    let dir = tempfile::tempdir().unwrap();
    let real_folder = dir.path().join("synced");
    std::fs::create_dir(&real_folder).unwrap();
    let real = real_folder.join("plan.db");
    let store = demo_database(&real);
    store.write(|c| create_product(c, "Atlas")).unwrap();
    store.close().unwrap();
    let link = dir.path().join("plan.db");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let good = dir.path().join("good.db");
    demo_database(&good).close().unwrap();

    restore_database(&link, &good).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(export_of(&real), export_of(&good));
    assert_eq!(
        files_in(&real_folder),
        ["plan.db"],
        "no -wal, -shm or scratch left"
    );
    // The backup of the replaced file is beside the path the user named.
    let backups = list_backups(&link).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].summary.as_ref().unwrap().products, 2);
}

#[test]
fn restoring_over_a_file_northstar_refuses_keeps_it_with_its_wal() {
    let dir = tempfile::tempdir().unwrap();
    // A file a newer Northstar left after a crash: its last changes are in the -wal.
    let newer = dir.path().join("newer.db");
    demo_database(&newer).close().unwrap();
    let connection = Connection::open(&newer).unwrap();
    connection
        .execute_batch(
            "CREATE TABLE later_feature (note TEXT); \
             INSERT INTO later_feature VALUES ('only in the wal'); PRAGMA user_version = 99;",
        )
        .unwrap();
    let db = dir.path().join("plan.db");
    for suffix in ["", "-wal"] {
        std::fs::copy(
            format!("{}{suffix}", newer.display()),
            format!("{}{suffix}", db.display()),
        )
        .unwrap();
    }
    drop(connection);
    let good = dir.path().join("good.db");
    demo_database(&good).close().unwrap();

    let outcome = restore_database(&db, &good).unwrap();
    assert_eq!(
        outcome.replaced, None,
        "the replaced file could not be read"
    );
    let kept = outcome.safety_backup.unwrap();
    let note: String = Connection::open(&kept)
        .unwrap()
        .query_row("SELECT note FROM later_feature", [], |r| r.get(0))
        .unwrap();
    assert_eq!(note, "only in the wal");
    assert_eq!(export_of(&db), export_of(&good));
}

/// Sets ranks by hand (as a damaged or hand-edited file would have them).
fn set_rank(db: &Path, title: &str, rank: &str) {
    Connection::open(db)
        .unwrap()
        .execute(
            "UPDATE backlog_item SET rank = ?2 WHERE title = ?1",
            [title, rank],
        )
        .unwrap();
}

#[test]
fn check_finds_rank_damage_and_repair_fixes_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let store = demo_database(&db);
    let product = store.read(list_products).unwrap()[0].id.clone();
    let order: Vec<String> = store
        .read(|c| list_items(c, &product))
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    store.close().unwrap();
    assert!(check_database_file(&db).unwrap().is_healthy());

    // A tie of two live items, a bad key, and a live item sharing a deleted one's rank.
    let rank_of = |title: &str| -> String {
        Connection::open(&db)
            .unwrap()
            .query_row(
                "SELECT rank FROM backlog_item WHERE title = ?1",
                [title],
                |r| r.get(0),
            )
            .unwrap()
    };
    let third = rank_of(&order[2]);
    set_rank(&db, &order[3], &third);
    set_rank(&db, &order[10], "not a key!");
    let deleted_rank = rank_of(&order[20]);
    Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE backlog_item SET deleted_at = updated_at WHERE title = ?1",
            [&order[21]],
        )
        .unwrap();
    set_rank(&db, &order[21], &deleted_rank);

    let findings = check_database_file(&db).unwrap().findings;
    assert!(
        findings
            .iter()
            .any(|f| f.contains("2 items of product") && f.contains("share the rank")),
        "{findings:?}"
    );
    assert!(
        findings.iter().any(|f| f.contains("invalid rank key")),
        "{findings:?}"
    );
    assert!(
        findings.iter().any(|f| f.contains("with a deleted item")),
        "{findings:?}"
    );
    let order_before: Vec<String> = {
        let store = Store::open_read_only(&db).unwrap();
        store
            .read(|c| list_items(c, &product))
            .unwrap()
            .into_iter()
            .map(|i| i.title)
            .collect()
    };

    let (store, _) = Store::open(&db).unwrap();
    let report = repair_store(&store).unwrap();
    assert_eq!(report.repairs.len(), 3, "{:?}", report.repairs);
    assert!(report.backup.is_some());
    let order_after: Vec<String> = store
        .read(|c| list_items(c, &product))
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(order_after, order_before, "repair keeps the order");
    assert!(store.read(plan_rank_repairs).unwrap().is_empty());
    let again = repair_store(&store).unwrap();
    assert!(
        again.repairs.is_empty() && again.backup.is_none(),
        "a second repair changes nothing"
    );
    store.close().unwrap();
    let report = check_database_file(&db).unwrap();
    assert!(report.is_healthy(), "{:?}", report.findings);
    let backups = list_backups(&db).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, BackupReason::BeforeRepair);
}

/// The titles of the product's live items, in rank order.
fn titles(store: &Store, product: &str) -> Vec<String> {
    store
        .read(|c| list_items(c, product))
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect()
}

/// `move_item` picks a key between the two live neighbours only, so moving an item into the
/// gap a deleted item left gives it that item's rank (a fix belongs in `queries/items.rs`:
/// take the neighbours among all rows, deleted ones included). `check` reports the shared rank
/// and `repair` separates it, keeping the order, so undoing the delete later cannot tie.
#[test]
fn a_rank_a_move_shares_with_a_deleted_item_is_reported_and_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let store = demo_database(&db);
    let product = store.read(list_products).unwrap()[0].id.clone();
    let items = store.read(|c| list_items(c, &product)).unwrap();
    let (first, deleted, moved) = (&items[0], &items[1], &items[5]);
    store.write(|c| delete_item(c, &deleted.id)).unwrap();
    let target = MoveTarget::After {
        item_id: first.id.clone(),
    };
    store.write(|c| move_item(c, &moved.id, &target)).unwrap();
    let order = titles(&store, &product);
    store.close().unwrap();

    let findings = check_database_file(&db).unwrap().findings;
    assert!(
        findings.iter().all(|f| f.ends_with("with a deleted item")),
        "{findings:?}"
    );
    let (store, _) = Store::open(&db).unwrap();
    let report = repair_store(&store).unwrap();
    assert_eq!(report.repairs.len(), findings.len(), "{:?}", report.repairs);
    assert_eq!(titles(&store, &product), order, "repair keeps the order");
    assert!(repair_store(&store).unwrap().repairs.is_empty());
    // The deleted item comes back (as an undo would bring it): nothing ties.
    store
        .write_untracked(|c| {
            c.execute(
                "UPDATE backlog_item SET deleted_at = NULL WHERE id = ?1",
                [&deleted.id],
            )?;
            Ok(())
        })
        .unwrap();
    store.close().unwrap();
    let report = check_database_file(&db).unwrap();
    assert!(report.is_healthy(), "{:?}", report.findings);
}

#[test]
fn check_counts_only_live_rows_finds_orphans_and_refuses_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let store = demo_database(&db);
    let atlas = store.write(|c| create_product(c, "Atlas")).unwrap();
    let new = northstar_core::model::NewItem {
        product_id: atlas.id.clone(),
        title: "Hidden with its product".into(),
        ..Default::default()
    };
    store
        .write(|c| northstar_core::queries::items::create_item(c, &new))
        .unwrap();
    store.write(|c| delete_product(c, &atlas.id)).unwrap();
    store.close().unwrap();
    let report = check_database_file(&db).unwrap();
    assert_eq!((report.products, report.items), (1, 25));
    assert!(report.is_healthy(), "{:?}", report.findings);

    let connection = Connection::open(&db).unwrap();
    connection
        .pragma_update(None, "foreign_keys", "OFF")
        .unwrap();
    connection
        .execute("DELETE FROM product WHERE id = ?1", [&atlas.id])
        .unwrap();
    drop(connection);
    let findings = check_database_file(&db).unwrap().findings;
    assert!(
        findings.iter().any(|f| f.contains("belongs to no product")),
        "{findings:?}"
    );

    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert!(check_database_file(&empty).is_err());
    assert_eq!(std::fs::read(&empty).unwrap(), b"");
}
