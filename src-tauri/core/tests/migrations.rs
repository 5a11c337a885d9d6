//! Migrations cannot cascade: a test-only migration rebuilds `product` on a database with items,
//! and every item survives; a migration that would orphan rows is rolled back; an existing file
//! is backed up before it is migrated.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use northstar_core::backup::{list_backups, BackupReason};
use northstar_core::export::export_json;
use northstar_core::migrations::{latest_version, schema};
use northstar_core::model::NewItem;
use northstar_core::queries::items::{create_item, list_items};
use northstar_core::queries::products::{create_product, delete_product};
use northstar_core::{CoreError, Store};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

/// The rename, copy, drop, recreate rebuild the issue warns about: with foreign keys on, the
/// `DROP TABLE` cascades to every backlog item (and renaming re-points their references).
const REBUILD_PRODUCT: &str = r#"
ALTER TABLE product RENAME TO product_old;
CREATE TABLE product (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    vision            TEXT NOT NULL DEFAULT '',
    strategy          TEXT NOT NULL DEFAULT '',
    target_users      TEXT NOT NULL DEFAULT '',
    north_star_metric TEXT NOT NULL DEFAULT '',
    colour            TEXT NOT NULL DEFAULT 'blue',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    ice_mode          TEXT NOT NULL DEFAULT 'product' CHECK (ice_mode IN ('product', 'average'))
) STRICT;
INSERT INTO product (id, name, vision, strategy, target_users, north_star_metric, created_at,
                     updated_at, deleted_at, ice_mode)
    SELECT id, name, vision, strategy, target_users, north_star_metric, created_at, updated_at,
           deleted_at, ice_mode FROM product_old;
DROP TABLE product_old;
"#;

fn with_extra(step: &'static str) -> Vec<M<'static>> {
    let mut list = schema().to_vec();
    list.push(M::up(step));
    list
}

/// A file at the shipped schema with two products (one deleted) and five items.
fn database_with_items(path: &Path) -> String {
    let (store, _) = Store::open(path).unwrap();
    let lumen = store.write(|c| create_product(c, "Lumen")).unwrap();
    let gone = store.write(|c| create_product(c, "Gone")).unwrap();
    for (product, title) in [
        (&lumen.id, "Tax pot"),
        (&lumen.id, "Invoices"),
        (&lumen.id, "Bank sync"),
        (&gone.id, "Old idea"),
        (&gone.id, "Older idea"),
    ] {
        let new = NewItem {
            product_id: product.clone(),
            title: title.into(),
            ..Default::default()
        };
        store.write(|c| create_item(c, &new)).unwrap();
    }
    store.write(|c| delete_product(c, &gone.id)).unwrap();
    let export = store.read(export_json).unwrap();
    store.close().unwrap();
    export
}

fn count(path: &Path, sql: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn rebuilding_product_keeps_every_item() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let export_before = database_with_items(&db);

    let list = with_extra(REBUILD_PRODUCT);
    let (store, _) = Store::open_with_schema(&db, &list).unwrap();
    let version: i64 = store
        .read(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(version, list.len() as i64);
    assert_eq!(store.read(export_json).unwrap(), export_before);
    let colour: String = store
        .read(|c| Ok(c.query_row("SELECT colour FROM product LIMIT 1", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(colour, "blue", "the new column is there");
    let lumen = &store
        .read(northstar_core::queries::products::list_products)
        .unwrap()[0];
    assert_eq!(store.read(|c| list_items(c, &lumen.id)).unwrap().len(), 3);
    store
        .write_untracked(|c| {
            let on: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
            assert_eq!(on, 1, "foreign keys are on again on the writer");
            Ok(())
        })
        .unwrap();
    store.close().unwrap();
    assert_eq!(count(&db, "SELECT count(*) FROM backlog_item"), 5);
    assert_eq!(
        count(&db, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
}

#[test]
fn the_same_rebuild_without_the_safeguards_would_lose_every_item() {
    // What the test above guards against, shown on a copy: foreign keys on, as the bundled
    // SQLite defaults, and a plain `to_latest`.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    database_with_items(&db);
    let mut connection = Connection::open(&db).unwrap();
    connection
        .pragma_update(None, "foreign_keys", "ON")
        .unwrap();
    Migrations::from_iter(with_extra(REBUILD_PRODUCT))
        .to_latest(&mut connection)
        .unwrap();
    drop(connection);
    assert_eq!(count(&db, "SELECT count(*) FROM backlog_item"), 0);
}

#[test]
fn a_migration_that_orphans_rows_is_rolled_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let export_before = database_with_items(&db);
    let bad = with_extra("CREATE TABLE note (id TEXT PRIMARY KEY) STRICT; DELETE FROM product;");
    match Store::open_with_schema(&db, &bad) {
        Err(CoreError::Migration(_)) => {}
        Err(other) => panic!("expected a migration error, got {other}"),
        Ok(_) => panic!("the orphaning migration was committed"),
    }
    assert_eq!(count(&db, "PRAGMA user_version"), schema().len() as i64);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM sqlite_schema WHERE name = 'note'"
        ),
        0,
        "nothing of the failed step is left"
    );
    let (store, _) = Store::open(&db).unwrap();
    assert_eq!(store.read(export_json).unwrap(), export_before);
}

#[test]
fn an_existing_file_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let export_before = database_with_items(&db);
    // Opening with nothing pending makes no backup.
    let (store, _) = Store::open(&db).unwrap();
    store.close().unwrap();
    assert!(list_backups(&db).unwrap().is_empty());

    let list = with_extra("CREATE INDEX product_by_name ON product (name);");
    let (store, _) = Store::open_with_schema(&db, &list).unwrap();
    store.close().unwrap();
    let backups = list_backups(&db).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, BackupReason::BeforeMigration);
    let summary = backups[0].summary.as_ref().unwrap();
    assert_eq!(
        (summary.schema_version, summary.products, summary.items),
        (latest_version() as i32, 1, 3),
        "the backup is of the file as it was, before the extra step"
    );
    let copy = Store::open_read_only(Path::new(&backups[0].path)).unwrap();
    assert_eq!(copy.read(export_json).unwrap(), export_before);

    // A new file never gets one.
    let fresh = dir.path().join("fresh.db");
    Store::open_with_schema(&fresh, &list).unwrap();
    assert!(list_backups(&fresh).unwrap().is_empty());
}

#[test]
fn the_score_migration_upgrades_a_file_with_items_after_a_backup() {
    use northstar_core::mutation::{read_row, Table};
    use northstar_core::queries::item_scores::set_score_inputs;
    use northstar_core::queries::items::list_item_summaries;
    use northstar_core::scoring::{InputValue, ScoreChange, ScoreInput};

    // A file as the release before scores left it: schema version 2, a product and its items.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let before_scores = &schema()[..2];
    let (store, _) = Store::open_with_schema(&db, before_scores).unwrap();
    store
        .write_untracked(|c| {
            c.execute(
                "INSERT INTO product (id, name, created_at, updated_at) \
                 VALUES ('p1', 'Lumen', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                [],
            )?;
            for (id, rank) in [("i1", "a0"), ("i2", "a1"), ("i3", "a2")] {
                c.execute(
                    "INSERT INTO backlog_item (id, product_id, title, status, kind, rank, \
                     created_at, updated_at) VALUES (?1, 'p1', ?1, 'idea', 'feature', ?2, \
                     '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                    [id, rank],
                )?;
            }
            Ok(())
        })
        .unwrap();
    store.close().unwrap();
    assert_eq!(count(&db, "PRAGMA user_version"), 2);

    let (store, _) = Store::open(&db).unwrap();
    let backups = list_backups(&db).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, BackupReason::BeforeMigration);
    let summary = backups[0].summary.as_ref().unwrap();
    assert_eq!((summary.schema_version, summary.items), (2, 3));

    let rows = store.read(|c| list_item_summaries(c, "p1")).unwrap();
    assert_eq!(rows.len(), 3, "every item survives");
    assert!(rows
        .iter()
        .all(|row| row.inputs == Default::default() && row.scores == Default::default()));
    let product = &store
        .read(northstar_core::queries::products::list_products)
        .unwrap()[0];
    assert_eq!(product.ice_mode, northstar_core::scoring::IceMode::Product);

    // Undo's row images carry the new columns: an undone change restores them exactly.
    let image = store
        .read(|c| read_row(c, Table::BacklogItem, "i2"))
        .unwrap()
        .unwrap();
    for column in [
        "rice_reach",
        "wsjf_job_size",
        "moscow",
        "kano",
        "value",
        "effort",
    ] {
        assert!(image.iter().any(|(name, _)| name == column), "{column}");
    }
    let change = ScoreChange {
        input: ScoreInput::RiceImpact,
        value: Some(InputValue::Number(2.0)),
    };
    store
        .write(|c| set_score_inputs(c, &["i2".to_string()], &[change]))
        .unwrap();
    store.undo().unwrap();
    let undone = store
        .read(|c| read_row(c, Table::BacklogItem, "i2"))
        .unwrap()
        .unwrap();
    assert_eq!(undone, image);
    store.close().unwrap();
    assert_eq!(count(&db, "PRAGMA user_version"), latest_version());
    assert_eq!(
        count(&db, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
}
