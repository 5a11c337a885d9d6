//! `make bench`: store operations on a 10,000-item backlog in a temp file, each next to a
//! baseline measured in the same run (the raw SQL floor of the same work), printed as a table of
//! medians and ratios. Targets live here, never in timed tests.

// A benchmark may unwrap: a failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use northstar_core::model::{MoveTarget, NewItem};
use northstar_core::queries::item_scores::{get_item_details, get_sensitivity, set_score_inputs};
use northstar_core::queries::items::{create_item, list_item_summaries, move_item};
use northstar_core::queries::outscoring::{list_outscoring_items, MovedIn};
use northstar_core::queries::products::create_product;
use northstar_core::rank::key_between;
use northstar_core::scoring::positions::score_positions;
use northstar_core::scoring::{
    IceMode, InputValue, NumericFramework, ScoreChange, ScoreInput, ScoreInputs, Scores,
};
use northstar_core::Store;
use rusqlite::{params, Connection};

#[path = "support/boards.rs"]
mod boards;
#[path = "support/plan.rs"]
mod plan;

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

/// Varied inputs for item `index`, every framework scored (a few equal scores, as in life).
fn scored_inputs(index: usize) -> ScoreInputs {
    let pick =
        |values: &[i32], salt: usize| values[(index * 7 + salt * 3 + index / 5) % values.len()];
    let fibonacci = [1, 2, 3, 5, 8, 13, 20];
    ScoreInputs {
        rice_reach: Some(((index * 37) % 5_000 + 10) as f64),
        rice_impact: Some([3.0, 2.0, 1.0, 0.5, 0.25][index % 5]),
        rice_confidence: Some([100, 80, 50][index % 3]),
        rice_effort: Some([0.5, 1.0, 2.0, 3.0, 6.0][(index / 3) % 5]),
        ice_impact: Some(pick(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1)),
        ice_confidence: Some(pick(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2)),
        ice_ease: Some(pick(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)),
        wsjf_business_value: Some(pick(&fibonacci, 4)),
        wsjf_time_criticality: Some(pick(&fibonacci, 5)),
        wsjf_risk_reduction: Some(pick(&fibonacci, 6)),
        wsjf_job_size: Some(pick(&fibonacci, 7)),
        moscow: None,
        kano: None,
        value: Some(pick(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 8)),
        effort: Some(pick(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9)),
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
    // A second product whose every item is scored in RICE, ICE and WSJF.
    let scored = store.write(|c| create_product(c, "Scored")).unwrap();
    store
        .write_untracked(|connection| {
            let mut rank: Option<String> = None;
            for index in 0..ITEMS {
                let next = key_between(rank.as_deref(), None)?;
                let inputs = scored_inputs(index);
                connection.execute(
                    "INSERT INTO backlog_item (id, product_id, title, description, status, kind, rank, created_at, updated_at, \
                     rice_reach, rice_impact, rice_confidence, rice_effort, ice_impact, ice_confidence, ice_ease, \
                     wsjf_business_value, wsjf_time_criticality, wsjf_risk_reduction, wsjf_job_size, value, effort) \
                     VALUES (?1, ?2, ?3, 'A description', 'idea', 'feature', ?4, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', \
                     ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                    params![
                        format!("scored-{index:05}"),
                        scored.id,
                        format!("Scored {index}"),
                        next,
                        inputs.rice_reach,
                        inputs.rice_impact,
                        inputs.rice_confidence,
                        inputs.rice_effort,
                        inputs.ice_impact,
                        inputs.ice_confidence,
                        inputs.ice_ease,
                        inputs.wsjf_business_value,
                        inputs.wsjf_time_criticality,
                        inputs.wsjf_risk_reduction,
                        inputs.wsjf_job_size,
                        inputs.value,
                        inputs.effort,
                    ],
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

    let list_scored = time(30, |_| {
        let items = store.read(|c| list_item_summaries(c, &scored.id)).unwrap();
        assert!(items.iter().all(|item| item.score_positions.rice.is_some()));
    });
    rows.push((
        "list 10k items, all scored (+ breakdowns, positions)",
        list_scored,
        "raw SELECT of the same rows",
        list_raw,
    ));

    // What crosses IPC: the rows as JSON (the command's serialisation), with and without scores.
    let mut sizes = (0, 0);
    let json_unscored = time(10, |_| {
        let items = store.read(|c| list_item_summaries(c, &product.id)).unwrap();
        sizes.0 = serde_json::to_vec(&items).unwrap().len();
    });
    let json_scored = time(10, |_| {
        let items = store.read(|c| list_item_summaries(c, &scored.id)).unwrap();
        sizes.1 = serde_json::to_vec(&items).unwrap().len();
    });
    rows.push((
        "list 10k scored items + JSON for IPC",
        json_scored,
        "the same, 10k unscored items",
        json_unscored,
    ));

    // The computation alone: scores with their breakdowns, then every framework's positions.
    let inputs: Vec<ScoreInputs> = (0..ITEMS).map(scored_inputs).collect();
    let compute = time(30, |_| {
        let scores: Vec<Scores> = inputs
            .iter()
            .map(|inputs| Scores::of(inputs, IceMode::Product))
            .collect();
        let positions = score_positions(&scores);
        assert_eq!(positions.len(), ITEMS);
    });
    rows.push((
        "compute scores + positions, 10k items (no I/O)",
        compute,
        "raw SELECT of the same rows",
        list_raw,
    ));

    let details = time(30, |run| {
        let id = format!("scored-{:05}", (run * 331) % ITEMS);
        let item = store.read(|c| get_item_details(c, &id)).unwrap();
        assert!(item.score_positions.wsjf.is_some());
    });
    let sensitivity = time(30, |run| {
        let id = format!("scored-{:05}", (run * 331) % ITEMS);
        store
            .read(|c| get_sensitivity(c, &id, NumericFramework::Rice))
            .unwrap();
    });
    rows.push((
        "item details with positions (10k backlog)",
        details,
        "raw SELECT of the same rows",
        list_raw,
    ));
    rows.push((
        "RICE sensitivity of one item (10k backlog)",
        sensitivity,
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

    // A bulk edit: MoSCoW on 1,000 items, one transaction and one undo step, alternating
    // values so that every run writes every row.
    const BULK: usize = 1_000;
    let bulk_ids: Vec<String> = (0..BULK)
        .map(|index| format!("scored-{index:05}"))
        .collect();
    let bulk = time(10, |run| {
        let bucket = if run % 2 == 0 { "must" } else { "could" };
        let change = ScoreChange {
            input: ScoreInput::Moscow,
            value: Some(InputValue::Text(bucket.into())),
        };
        let saved = store
            .write(|c| set_score_inputs(c, &bulk_ids, std::slice::from_ref(&change)))
            .unwrap();
        assert_eq!(saved.len(), BULK);
    });
    let bulk_raw = time(10, |run| {
        let bucket = if run % 2 == 0 { "should" } else { "wont" };
        let transaction = raw.unchecked_transaction().unwrap();
        for id in &bulk_ids {
            transaction
                .execute(
                    "UPDATE backlog_item SET moscow = ?2 WHERE id = ?1",
                    params![id, bucket],
                )
                .unwrap();
        }
        transaction.commit().unwrap();
    });
    rows.push((
        "set MoSCoW on 1,000 items (one undo step)",
        bulk,
        "raw 1,000-row UPDATE, one transaction",
        bulk_raw,
    ));

    // "Outscored by" after a move (the rationale prompt's question), on the scored backlog: a
    // one-step move jumps over one item; a move to the top from the middle over 5,000. Baseline:
    // the raw read of the same range of rows with their RICE inputs (the floor of that work).
    let rank_of = |id: &str| -> String {
        store
            .read(|c| {
                Ok(
                    c.query_row("SELECT rank FROM backlog_item WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?,
                )
            })
            .unwrap()
    };
    for (label, id, target) in [
        (
            "outscored by after a one-step move",
            "scored-06000",
            MoveTarget::Up,
        ),
        (
            "outscored by after a move to top over 5,000 items",
            "scored-05000",
            MoveTarget::Top,
        ),
    ] {
        let previous = rank_of(id);
        store.write(|c| move_item(c, id, &target)).unwrap();
        let rank = rank_of(id);
        let asked = time(30, |_| {
            let answer = store
                .read(|c| {
                    list_outscoring_items(
                        c,
                        id,
                        NumericFramework::Rice,
                        MovedIn::Backlog,
                        Some(previous.as_str()),
                    )
                })
                .unwrap();
            assert!(answer.score.is_some());
        });
        let floor = time(30, |_| {
            let mut statement = raw
                .prepare_cached(
                    "SELECT id, title, rice_reach, rice_impact, rice_confidence, rice_effort \
                     FROM backlog_item WHERE product_id = ?1 AND deleted_at IS NULL \
                     AND (rank, id) > (?2, ?3) AND rank < ?4 ORDER BY rank, id",
                )
                .unwrap();
            let count = statement
                .query_map(params![scored.id, rank, id, previous], |row| {
                    row.get::<_, String>(0)
                })
                .unwrap()
                .count();
            assert!(count >= 1);
        });
        rows.push((label, asked, "raw read of the rows jumped over", floor));
    }

    boards::run(&store, &path);
    let scored_ids: Vec<String> = (0..ITEMS)
        .map(|index| format!("scored-{index:05}"))
        .collect();
    plan::run(&store, &path, &scored.id, &scored_ids);

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

    let megabytes = |bytes: usize| bytes as f64 / 1_000_000.0;
    println!(
        "list_items as JSON: {:.1} MB for 10k scored items, {:.1} MB unscored",
        megabytes(sizes.1),
        megabytes(sizes.0)
    );
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
