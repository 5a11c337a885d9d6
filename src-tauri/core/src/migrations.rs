//! The schema, as an append-only list of migrations tracked by `PRAGMA user_version`.
//!
//! Never edit a shipped migration: add a new one at the end. Tables are STRICT, ids are UUIDv7
//! text, every row has `created_at`/`updated_at`, and rows the user can delete are soft-deleted
//! (`deleted_at`) so that undo and a later sync can bring them back.

use rusqlite_migration::{Migrations, M};

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(
        r#"
CREATE TABLE product (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    vision            TEXT NOT NULL DEFAULT '',
    strategy          TEXT NOT NULL DEFAULT '',
    target_users      TEXT NOT NULL DEFAULT '',
    north_star_metric TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT
) STRICT;

CREATE TABLE backlog_item (
    id          TEXT PRIMARY KEY NOT NULL,
    product_id  TEXT NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL
                CHECK (status IN ('idea', 'discovery', 'ready', 'in_progress', 'shipped', 'archived')),
    kind        TEXT NOT NULL CHECK (kind IN ('feature', 'opportunity', 'story')),
    rank        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX backlog_item_by_rank ON backlog_item (product_id, rank, id) WHERE deleted_at IS NULL;

CREATE TABLE setting (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
"#,
    ),
    // 2: the ranks a product ever used, deleted items included (a new item goes after the highest,
    // a move takes its key below the nearest, so undo never meets a reused rank), become index
    // lookups instead of scans of the product's items.
    M::up("CREATE INDEX backlog_item_by_product_rank ON backlog_item (product_id, rank);"),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATION_LIST)
}

/// The schema version a fully migrated database has.
pub fn latest_version() -> i64 {
    MIGRATION_LIST.len() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn bundled_sqlite_has_the_wal_reset_fix() {
        let connection = rusqlite::Connection::open_in_memory().unwrap();
        let version: String = connection
            .query_row("SELECT sqlite_version()", [], |row| row.get(0))
            .unwrap();
        let parts: Vec<u32> = version
            .split('.')
            .map(|part| part.parse().unwrap())
            .collect();
        assert!(
            parts >= vec![3, 51, 3],
            "SQLite {version} predates the 3.51.3 WAL-reset fix"
        );
    }
}
