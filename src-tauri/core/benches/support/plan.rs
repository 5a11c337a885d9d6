//! The roadmap plan on a 10,000-item backlog: every item assigned to one of 20 releases (500
//! each, sized by their RICE effort). Times reading every release with its load, one release with
//! its items, and an assignment (one undo step), each next to the raw SQL floor of the same work
//! in the same run. Prints its own table of medians.

use std::time::{Duration, Instant};

use northstar_core::plan::{CapacityUnit, PlanLink, ReleaseFields};
use northstar_core::queries::item_plan::set_item_link;
use northstar_core::queries::releases::{create_release, get_release, list_releases};
use northstar_core::Store;
use rusqlite::{params, Connection};

const RELEASES: usize = 20;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut work: impl FnMut(usize)) -> Duration {
    let samples = (0..runs)
        .map(|run| {
            let start = Instant::now();
            work(run);
            start.elapsed()
        })
        .collect();
    median(samples)
}

fn format(duration: Duration) -> String {
    let micros = duration.as_secs_f64() * 1e6;
    if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.1} µs")
    }
}

/// `product_id`'s items (10,000, scored) spread over 20 new releases.
pub fn run(store: &Store, path: &std::path::Path, product_id: &str, item_ids: &[String]) {
    let mut releases = Vec::new();
    for index in 0..RELEASES {
        let fields = ReleaseFields {
            name: format!("Release {index}"),
            starts_on: "2026-01-01".into(),
            ends_on: "2026-12-31".into(),
            capacity: Some(1_000.0),
            capacity_unit: Some(CapacityUnit::PersonMonths),
        };
        let release = store
            .write(|c| create_release(c, product_id, &fields))
            .unwrap()
            .release;
        releases.push(release.id);
    }
    store
        .write_untracked(|connection| {
            for (index, id) in item_ids.iter().enumerate() {
                connection.execute(
                    "UPDATE backlog_item SET release_id = ?2 WHERE id = ?1",
                    params![id, releases[index % RELEASES]],
                )?;
            }
            Ok(())
        })
        .unwrap();
    let raw = Connection::open(path).unwrap();
    raw.pragma_update(None, "synchronous", "FULL").unwrap();
    let mut rows: Vec<(&str, Duration, &str, Duration)> = Vec::new();

    let listed = time(30, |_| {
        let all = store.read(|c| list_releases(c, product_id)).unwrap();
        assert_eq!(all.len(), RELEASES);
    });
    let floor = time(30, |_| {
        let mut statement = raw
            .prepare_cached(
                "SELECT release_id, count(*), sum(rice_effort) FROM backlog_item \
                 WHERE product_id = ?1 AND deleted_at IS NULL AND release_id IS NOT NULL \
                 GROUP BY release_id",
            )
            .unwrap();
        let groups = statement
            .query_map([product_id], |row| row.get::<_, String>(0))
            .unwrap()
            .count();
        assert_eq!(groups, RELEASES);
    });
    rows.push((
        "list_releases: 20 releases, 10k items, loads",
        listed,
        "raw GROUP BY of the same items",
        floor,
    ));

    let one = &releases[0];
    let detail = time(50, |_| {
        let release = store.read(|c| get_release(c, one)).unwrap();
        assert_eq!(release.items.len(), item_ids.len() / RELEASES);
    });
    let floor = time(50, |_| {
        let mut statement = raw
            .prepare_cached(
                "SELECT id, title, moscow, rice_effort FROM backlog_item \
                 WHERE release_id = ?1 AND deleted_at IS NULL ORDER BY rank, id",
            )
            .unwrap();
        let count = statement
            .query_map([one], |row| row.get::<_, String>(0))
            .unwrap()
            .count();
        assert_eq!(count, item_ids.len() / RELEASES);
    });
    rows.push((
        "get_release: 500 items and load",
        detail,
        "raw read of its 500 items",
        floor,
    ));

    let assigned = time(50, |run| {
        let item = &item_ids[run * 7];
        let target = &releases[(run * 7 + 1) % RELEASES];
        store
            .write(|c| set_item_link(c, item, PlanLink::Release, Some(target)))
            .unwrap();
    });
    let floor = time(50, |run| {
        let item = &item_ids[run * 11 + 1];
        let target = &releases[(run * 11 + 3) % RELEASES];
        let transaction = raw.unchecked_transaction().unwrap();
        transaction
            .execute(
                "UPDATE backlog_item SET release_id = ?2 WHERE id = ?1",
                params![item, target],
            )
            .unwrap();
        transaction.commit().unwrap();
    });
    rows.push((
        "set_item_link: assign to a release (undo step)",
        assigned,
        "raw UPDATE in a transaction",
        floor,
    ));

    println!();
    println!(
        "Roadmap plan — {RELEASES} releases over {} items; medians",
        item_ids.len()
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
