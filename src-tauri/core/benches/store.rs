//! `make bench`: store operations on a 10,000-item backlog in a temp file, each next to a
//! baseline measured in the same run (the raw SQL floor of the same work), printed as a table of
//! medians and ratios. Targets live here, never in timed tests.

// A benchmark may unwrap: a failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use northstar_core::model::{MoveTarget, NewItem};
use northstar_core::queries::items::{create_item, list_item_summaries, move_item};
use northstar_core::queries::products::create_product;
use northstar_core::rank::key_between;
use northstar_core::Store;
use rusqlite::{params, Connection};

const ITEMS: usize = 10_000;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut work: impl FnMut(usize)) -> Duration {
    work(0); // warm-up
    median(
        (0..runs)
            .map(|run| {
                let start = Instant::now();
                work(run + 1);
                start.elapsed()
            })
            .collect(),
    )
}

fn format(duration: Duration) -> String {
    let micros = duration.as_secs_f64() * 1e6;
    if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.1} µs")
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let (store, _) = Store::open(&path).unwrap();
    let product = store.write(|c| create_product(c, "Bench")).unwrap();
    store
        .write_untracked(|connection| {
            let mut rank: Option<String> = None;
            for index in 0..ITEMS {
                let next = key_between(rank.as_deref(), None)?;
                connection.execute(
                    "INSERT INTO backlog_item (id, product_id, title, description, status, kind, rank, created_at, updated_at) \
                     VALUES (?1, ?2, ?3, 'A description', 'idea', 'feature', ?4, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
                    params![format!("item-{index:05}"), product.id, format!("Item {index}"), next],
                )?;
                rank = Some(next);
            }
            Ok(())
        })
        .unwrap();
    let raw = Connection::open(&path).unwrap();
    raw.pragma_update(None, "synchronous", "FULL").unwrap();

    let mut rows: Vec<(&str, Duration, &str, Duration)> = Vec::new();

    let list = time(30, |_| {
        let items = store.read(|c| list_item_summaries(c, &product.id)).unwrap();
        assert_eq!(items.len(), ITEMS);
    });
    let list_raw = time(30, |_| {
        let mut statement = raw
            .prepare_cached(
                "SELECT id, title, rank FROM backlog_item WHERE product_id = ?1 ORDER BY rank, id",
            )
            .unwrap();
        let count = statement
            .query_map([&product.id], |row| row.get::<_, String>(0))
            .unwrap()
            .count();
        assert_eq!(count, ITEMS);
    });
    rows.push((
        "list 10k-item backlog (row summaries)",
        list,
        "raw SELECT of the same rows",
        list_raw,
    ));

    let move_top = time(50, |run| {
        let id = format!("item-{:05}", ITEMS - 1 - run);
        store
            .write(|c| move_item(c, &id, &MoveTarget::Top))
            .unwrap();
    });
    let raw_update = time(50, |run| {
        let transaction = raw.unchecked_transaction().unwrap();
        transaction
            .execute(
                "UPDATE setting SET value = ?1 WHERE key = 'bench'",
                [run.to_string()],
            )
            .unwrap();
        transaction
            .execute(
                "INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES ('bench', ?1, '')",
                [run.to_string()],
            )
            .unwrap();
        transaction.commit().unwrap();
    });
    rows.push((
        "move item to top (+undo record)",
        move_top,
        "raw 1-row durable write",
        raw_update,
    ));

    // A drop in the middle of the backlog: between two neighbours far from either end.
    let move_between = time(50, |run| {
        let id = format!("item-{:05}", 2 * run + 1);
        let anchor = format!("item-{:05}", ITEMS / 2 + 2 * run);
        store
            .write(|c| move_item(c, &id, &MoveTarget::After { item_id: anchor }))
            .unwrap();
    });
    rows.push((
        "move item after another, mid-backlog",
        move_between,
        "raw 1-row durable write",
        raw_update,
    ));

    let move_down = time(50, |run| {
        let id = format!("item-{:05}", ITEMS / 4 + run);
        store
            .write(|c| move_item(c, &id, &MoveTarget::Down))
            .unwrap();
    });
    rows.push((
        "move item one step down",
        move_down,
        "raw 1-row durable write",
        raw_update,
    ));

    let create = time(50, |run| {
        let new = NewItem {
            product_id: product.id.clone(),
            title: format!("New {run}"),
            ..Default::default()
        };
        store.write(|c| create_item(c, &new)).unwrap();
    });
    rows.push(("create item", create, "raw 1-row durable write", raw_update));

    let undo_redo = time(50, |_| {
        store.undo().unwrap();
        store.redo().unwrap();
    });
    rows.push((
        "undo + redo (2 transactions)",
        undo_redo,
        "2 × raw durable write",
        raw_update * 2,
    ));

    drop(store);
    let open = time(20, |_| {
        let (store, _) = Store::open(&path).unwrap();
        drop(store);
    });
    let open_raw = time(20, |_| {
        let connection = Connection::open(&path).unwrap();
        let _: i64 = connection
            .query_row("SELECT count(*) FROM product", [], |r| r.get(0))
            .unwrap();
    });
    rows.push((
        "open (inspect + migrate check)",
        open,
        "raw open + one query",
        open_raw,
    ));

    println!(
        "Northstar store benchmarks — {ITEMS} items, temp file, WAL, synchronous=FULL; medians"
    );
    println!("| operation | median | baseline (same run) | baseline median | ratio |");
    println!("|---|---|---|---|---|");
    for (name, value, baseline_name, baseline) in rows {
        let ratio = value.as_secs_f64() / baseline.as_secs_f64();
        println!(
            "| {name} | {} | {baseline_name} | {} | {ratio:.2}× |",
            format(value),
            format(baseline)
        );
    }
}
