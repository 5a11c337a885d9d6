//! The research migration (the last one) upgrades a file with items: every item is in the search
//! index at once, under the stable key the triggers keep from then on.

// Tests may unwrap.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use northstar_core::migrations::schema;
use northstar_core::search::{search, SearchRequest};
use northstar_core::Store;

#[test]
fn an_upgraded_file_finds_its_existing_items() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let before_research = &schema()[..schema().len() - 1];
    let (store, _) = Store::open_with_schema(&db, before_research).unwrap();
    store
        .write_untracked(|c| {
            c.execute(
                "INSERT INTO product (id, name, created_at, updated_at) \
                 VALUES ('p1', 'Lumen', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                [],
            )?;
            c.execute(
                "INSERT INTO backlog_item (id, product_id, title, description, status, kind, \
                 rank, created_at, updated_at) VALUES ('i1', 'p1', 'Bank sync', \
                 'Import transactions every night', 'idea', 'feature', 'a0', \
                 '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    store.close().unwrap();

    let (store, _) = Store::open(&db).unwrap();
    let request = |text: &str| SearchRequest {
        text: text.into(),
        product_id: Some("p1".into()),
        ..Default::default()
    };
    let hits = store.read(|c| search(c, &request("transactions"))).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "i1");
    // FTS5's own check: the index agrees with its content (an error otherwise).
    store
        .write_untracked(|c| {
            c.execute(
                "INSERT INTO search_index (search_index) VALUES ('integrity-check')",
                [],
            )?;
            Ok(())
        })
        .unwrap();
}
