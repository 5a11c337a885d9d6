//! The crash harness: a writer process makes real mutations through the store (create, edit,
//! move, delete, undo, and a three-row batch) and prints each one after its commit returns; the
//! harness kills it with SIGKILL at random moments, reopens the file, and checks that every
//! acknowledged edit is there, that the one edit in flight is there whole or not at all, and that
//! `integrity_check` and `northstar check` (the same function) pass.
//!
//! The writer is this test binary run again (`crash_writer`, which does nothing unless
//! `NORTHSTAR_CRASH_WRITER_DB` is set). `NORTHSTAR_CRASH_KILLS` sets the number of kills
//! (default 50; `make crash-test` runs 1,000).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use northstar_core::check::check_database_file;
use northstar_core::model::{ItemPatch, MoveTarget, NewItem};
use northstar_core::mutation::Table;
use northstar_core::queries::items::{
    create_item, delete_item, list_items, move_item, update_item,
};
use northstar_core::queries::products::{create_product, list_products};
use northstar_core::Store;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::Connection;

const WRITER_DB: &str = "NORTHSTAR_CRASH_WRITER_DB";
const WRITER_SEED: &str = "NORTHSTAR_CRASH_WRITER_SEED";

/// A row as the harness compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    title: String,
    rank: String,
    deleted: bool,
}

fn row_text(id: &str, row: &Row) -> String {
    format!(
        "{id}\t{}\t{}\t{}",
        row.title,
        row.rank,
        u8::from(row.deleted)
    )
}

fn parse_row(text: &str) -> (String, Row) {
    let fields: Vec<&str> = text.split('\t').collect();
    (
        fields[0].to_string(),
        Row {
            title: fields[1].to_string(),
            rank: fields[2].to_string(),
            deleted: fields[3] == "1",
        },
    )
}

fn all_rows(connection: &Connection) -> BTreeMap<String, Row> {
    let mut statement = connection
        .prepare("SELECT id, title, rank, deleted_at IS NOT NULL FROM backlog_item")
        .unwrap();
    statement
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Row {
                    title: r.get(1)?,
                    rank: r.get(2)?,
                    deleted: r.get(3)?,
                },
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn one_row(connection: &Connection, id: &str) -> Row {
    connection
        .query_row(
            "SELECT title, rank, deleted_at IS NOT NULL FROM backlog_item WHERE id = ?1",
            [id],
            |r| {
                Ok(Row {
                    title: r.get(0)?,
                    rank: r.get(1)?,
                    deleted: r.get(2)?,
                })
            },
        )
        .unwrap()
}

/// The writer: runs until killed. Protocol on stdout, one line each: `begin <op> <ids…>` before
/// an action; after its commit returned, a `row <id> …` line for every row it touched, then
/// `done <op>` (the acknowledgement). A refused undo prints `refused`.
#[test]
fn crash_writer() {
    let Ok(db) = std::env::var(WRITER_DB) else {
        return;
    };
    let seed: u64 = std::env::var(WRITER_SEED).unwrap().parse().unwrap();
    let mut rng = StdRng::seed_from_u64(seed);
    let (store, _) = Store::open(Path::new(&db)).unwrap();
    let product = match store.read(list_products).unwrap().first() {
        Some(product) => product.id.clone(),
        None => store.write(|c| create_product(c, "Crash")).unwrap().id,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // libtest has printed "test crash_writer ... " without a newline: start on a line of our own.
    writeln!(out).unwrap();
    // The rows of each undoable step, as the store's history holds them.
    let mut undoable: Vec<Vec<String>> = Vec::new();
    for step in 0u64.. {
        let items = store.read(|c| list_items(c, &product)).unwrap();
        let pick = |rng: &mut StdRng| items[rng.random_range(0..items.len())].id.clone();
        let choice = if items.len() < 5 {
            0
        } else {
            rng.random_range(0..6)
        };
        let tag = format!("{seed}-{step}");
        let (line, result) = match choice {
            0 => {
                let title = format!("New {tag}");
                let new = NewItem {
                    product_id: product.clone(),
                    title: title.clone(),
                    ..Default::default()
                };
                writeln!(out, "begin create {title}").unwrap();
                (
                    "create",
                    store.write_reporting(|c| create_item(c, &new).map(|_| ())),
                )
            }
            1 => {
                let id = pick(&mut rng);
                let patch = ItemPatch {
                    title: Some(format!("Edited {tag}")),
                    ..Default::default()
                };
                writeln!(out, "begin edit {id}").unwrap();
                (
                    "edit",
                    store.write_reporting(|c| update_item(c, &id, &patch).map(|_| ())),
                )
            }
            2 => {
                let id = pick(&mut rng);
                let target = if rng.random_bool(0.5) {
                    MoveTarget::Top
                } else {
                    MoveTarget::After {
                        item_id: pick(&mut rng),
                    }
                };
                writeln!(out, "begin move {id}").unwrap();
                (
                    "move",
                    store.write_reporting(|c| move_item(c, &id, &target).map(|_| ())),
                )
            }
            3 if items.len() > 20 => {
                let id = pick(&mut rng);
                writeln!(out, "begin delete {id}").unwrap();
                ("delete", store.write_reporting(|c| delete_item(c, &id)))
            }
            4 => {
                // Three rows in one action: all or nothing.
                let ids: Vec<String> = (0..3).map(|_| pick(&mut rng)).collect();
                writeln!(out, "begin batch {}", ids.join(" ")).unwrap();
                let result = store.write_reporting(|c| {
                    for (index, id) in ids.iter().enumerate() {
                        let patch = ItemPatch {
                            title: Some(format!("Batch {tag}.{index}")),
                            ..Default::default()
                        };
                        update_item(c, id, &patch)?;
                    }
                    Ok(())
                });
                ("batch", result)
            }
            _ => {
                let Some(ids) = undoable.last() else {
                    continue;
                };
                writeln!(out, "begin undo {}", ids.join(" ")).unwrap();
                ("undo", store.undo().map(|replayed| ((), replayed.changes)))
            }
        };
        let ((), changes) = match result {
            Ok(done) => done,
            // A refused undo (its row changed) is not an edit; nothing was written.
            Err(error) => {
                writeln!(out, "refused {line} {error}").unwrap();
                undoable.clear();
                continue;
            }
        };
        if line == "undo" {
            undoable.pop();
        } else if !changes.is_empty() {
            undoable.push(changes.ids());
        }
        let mut block = String::new();
        store
            .read(|c| {
                for (table, id) in &changes.rows {
                    assert_eq!(*table, Table::BacklogItem);
                    let row = one_row(c, id);
                    block.push_str(&format!("row {}\n", row_text(id, &row)));
                }
                Ok(())
            })
            .unwrap();
        block.push_str(&format!("done {line}\n"));
        out.write_all(block.as_bytes()).unwrap();
    }
}

/// The edit in flight when the writer was killed.
#[derive(Debug, Default)]
struct InFlight {
    op: String,
    ids: Vec<String>,
    title: Option<String>,
}

#[derive(Debug, Default)]
struct Tally {
    kills: u64,
    acknowledged: u64,
    lost: u64,
    integrity_failures: u64,
    in_flight_committed: u64,
    ranks_shared_with_deleted: u64,
}

/// Runs the writer once, kills it after `delay`, and returns what it acknowledged.
fn run_writer_once(
    db: &Path,
    seed: u64,
    delay: Duration,
) -> (Vec<(String, Row)>, Option<InFlight>, u64) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_writer", "--nocapture", "--test-threads=1"])
        .env(WRITER_DB, db)
        .env(WRITER_SEED, seed.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    // Let it get past opening the file before the clock starts, most of the time.
    let started = Instant::now();
    while started.elapsed() < delay {
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let lines = reader.join().unwrap();
    if std::env::var_os("NORTHSTAR_CRASH_DEBUG").is_some() {
        eprintln!("--- writer {seed}:\n{}", lines.join("\n"));
    }

    let mut acknowledged_rows = Vec::new();
    let mut acknowledged = 0;
    let mut in_flight: Option<InFlight> = None;
    let mut pending_rows = Vec::new();
    for line in lines {
        if let Some(rest) = line.strip_prefix("begin ") {
            let mut words = rest.splitn(2, ' ');
            let op = words.next().unwrap_or_default().to_string();
            let args = words.next().unwrap_or_default().to_string();
            let (ids, title) = if op == "create" {
                (Vec::new(), Some(args))
            } else {
                (args.split_whitespace().map(String::from).collect(), None)
            };
            in_flight = Some(InFlight { op, ids, title });
            pending_rows.clear();
        } else if let Some(row) = line.strip_prefix("row ") {
            pending_rows.push(parse_row(row));
        } else if line.starts_with("done ") {
            acknowledged += 1;
            acknowledged_rows.append(&mut pending_rows);
            in_flight = None;
        } else if line.starts_with("refused ") {
            in_flight = None;
        }
    }
    (acknowledged_rows, in_flight, acknowledged)
}

#[test]
fn killed_writers_never_lose_an_acknowledged_edit() {
    let kills: u64 = std::env::var("NORTHSTAR_CRASH_KILLS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let base_seed: u64 = std::env::var("NORTHSTAR_CRASH_SEED")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or_else(|| rand::rng().random());
    let mut rng = StdRng::seed_from_u64(base_seed);
    let mut model: BTreeMap<String, Row> = BTreeMap::new();
    let mut tally = Tally::default();
    let mut first_problem: Option<String> = None;

    for round in 0..kills {
        let delay = Duration::from_millis(rng.random_range(5..120));
        let seed = base_seed.wrapping_add(round);
        let (rows, in_flight, acknowledged) = run_writer_once(&db, seed, delay);
        tally.kills += 1;
        tally.acknowledged += acknowledged;
        for (id, row) in rows {
            model.insert(id, row);
        }

        // Reopen as the app would (recovering the WAL), then compare.
        let store = Store::open(&db).map(|(store, _)| store);
        let Ok(store) = store else {
            tally.integrity_failures += 1;
            first_problem.get_or_insert(format!("round {round}: the file did not reopen"));
            continue;
        };
        let found = store.read(|c| Ok(all_rows(c))).unwrap();
        let integrity: String = store
            .read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
            .unwrap();
        store.close().unwrap();
        let check = check_database_file(&db);
        // A move may pick the rank a deleted item still has: reported by `check`, but a
        // property of moves, not damage from the crash; counted apart.
        let damage: Option<Vec<String>> = check.as_ref().ok().map(|report| {
            let (shared, other): (Vec<String>, Vec<String>) = report
                .findings
                .iter()
                .cloned()
                .partition(|finding| finding.ends_with("with a deleted item"));
            tally.ranks_shared_with_deleted += shared.len() as u64;
            other
        });
        if integrity != "ok" || !damage.as_ref().is_some_and(Vec::is_empty) {
            tally.integrity_failures += 1;
            first_problem.get_or_insert(format!("round {round}: {integrity} / {check:?}"));
        }

        let flight_ids: Vec<String> = in_flight
            .as_ref()
            .map(|f| f.ids.clone())
            .unwrap_or_default();
        // Every acknowledged row image is there, unless the edit in flight touched it since.
        for (id, expected) in &model {
            let touched_by_flight = flight_ids.contains(id);
            match found.get(id) {
                Some(row) if row == expected => {}
                Some(_) if touched_by_flight => {}
                other => {
                    tally.lost += 1;
                    first_problem.get_or_insert(format!(
                        "round {round}: item {id} should be {expected:?}, found {other:?}"
                    ));
                }
            }
        }
        // Nothing else: a row the harness never saw acknowledged can only be the in-flight create.
        let unknown: Vec<&String> = found.keys().filter(|id| !model.contains_key(*id)).collect();
        let created_title = in_flight.as_ref().and_then(|f| f.title.clone());
        let unknown_ok = unknown.is_empty()
            || (unknown.len() == 1 && Some(&found[unknown[0]].title) == created_title.as_ref());
        if !unknown_ok {
            tally.lost += 1;
            first_problem.get_or_insert(format!(
                "round {round}: unexpected rows {:?}, in flight {in_flight:?}",
                unknown.iter().map(|id| &found[*id]).collect::<Vec<_>>()
            ));
        }
        // The batch in flight is all there or not at all.
        if let Some(flight) = in_flight.as_ref().filter(|f| f.op == "batch") {
            let mut ids = flight.ids.clone();
            ids.sort();
            ids.dedup();
            let changed = ids
                .iter()
                .filter(|id| found.get(*id) != model.get(*id))
                .count();
            let distinct = ids.len();
            if changed != 0 && changed != distinct {
                tally.integrity_failures += 1;
                first_problem.get_or_insert(format!(
                    "round {round}: half of a batch: {changed} of {distinct} rows"
                ));
            }
        }
        if in_flight.is_some() && found != model {
            tally.in_flight_committed += 1;
        }
        // The file is the truth from here on (it was just checked).
        model = found;
    }

    println!(
        "crash harness: kills {}, acknowledged edits {}, edits lost {}, integrity failures {} \
         (in-flight edits found committed: {}, check findings of a rank shared with a deleted \
         item: {}, seed {base_seed})",
        tally.kills,
        tally.acknowledged,
        tally.lost,
        tally.integrity_failures,
        tally.in_flight_committed,
        tally.ranks_shared_with_deleted
    );
    assert_eq!(tally.lost, 0, "{first_problem:?}");
    assert_eq!(tally.integrity_failures, 0, "{first_problem:?}");
    assert!(
        tally.acknowledged > 0,
        "the writer never got to commit anything"
    );
}
