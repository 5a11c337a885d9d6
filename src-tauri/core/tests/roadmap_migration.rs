//! The roadmap's migration rebuilds `board_rank` to let the Now/Next/Later board in: every row
//! of the other boards survives with its id and rank, and the extended CHECK still refuses a
//! bucket of another board.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use northstar_core::migrations::{migrate, schema};
use rusqlite::Connection;

const AT: &str = "2026-03-01T08:00:00.000Z";

fn board_rows(connection: &Connection) -> Vec<(String, String, String, String)> {
    let mut statement = connection
        .prepare("SELECT id, board, bucket, rank FROM board_rank ORDER BY id")
        .unwrap();
    statement
        .query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn board_rows_keep_their_ids_and_ranks_and_the_horizon_board_is_allowed() {
    let list = schema();
    // The database starts just before the migration that lets the horizon board in, found by
    // what it does (so later migrations appended after it do not move the test's start).
    let roadmap = (1..=list.len())
        .find(|&count| {
            let mut probe = Connection::open_in_memory().unwrap();
            migrate(&mut probe, &list[..count]).unwrap();
            let sql: String = probe
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE name = 'board_rank'",
                    [],
                    |r| r.get(0),
                )
                .unwrap_or_default();
            sql.contains("'horizon'")
        })
        .unwrap();
    let before = &list[..roadmap - 1];
    let mut connection = Connection::open_in_memory().unwrap();
    migrate(&mut connection, before).unwrap();
    connection
        .execute_batch(&format!(
            "INSERT INTO product (id, name, created_at, updated_at) VALUES ('p', 'Lumen', '{AT}', '{AT}');
             INSERT INTO backlog_item (id, product_id, title, status, kind, rank, created_at, updated_at)
                 VALUES ('i', 'p', 'Offline mode', 'idea', 'feature', 'a0', '{AT}', '{AT}');
             INSERT INTO board_rank (id, board, item_id, product_id, bucket, rank, created_at, updated_at)
                 VALUES ('moscow:i', 'moscow', 'i', 'p', 'must', 'Zz', '{AT}', '{AT}'),
                        ('kano:i', 'kano', 'i', 'p', 'unsorted', 'a1V', '{AT}', '{AT}');"
        ))
        .unwrap();
    let rows = board_rows(&connection);

    migrate(&mut connection, list).unwrap();
    assert_eq!(board_rows(&connection), rows);
    let fresh: (Option<String>, Option<String>, Option<String>) = connection
        .query_row(
            "SELECT horizon, start_date, end_date FROM backlog_item WHERE id = 'i'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap();
    assert_eq!(fresh, (None, None, None));
    connection
        .execute(
            "INSERT INTO board_rank (id, board, item_id, product_id, bucket, rank, created_at, \
             updated_at) VALUES ('horizon:i', 'horizon', 'i', 'p', 'next', 'a0', ?1, ?1)",
            [AT],
        )
        .unwrap();
    let wrong_bucket = connection.execute(
        "UPDATE board_rank SET bucket = 'must' WHERE id = 'horizon:i'",
        [],
    );
    assert!(wrong_bucket.is_err());
    let plan: String = connection
        .query_row(
            "EXPLAIN QUERY PLAN SELECT rank FROM board_rank WHERE product_id = 'p' \
             AND board = 'horizon' AND bucket = 'now' ORDER BY rank LIMIT 1",
            [],
            |row| row.get(3),
        )
        .unwrap();
    assert!(plan.contains("board_rank_by_bucket"), "{plan}");
    let check: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}
