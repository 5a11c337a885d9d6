//! Writes a Northstar database for benchmarks: one product with N backlog items, made through
//! the core's own `Store` and queries (the same validation, ranks and transactions as the app),
//! and opened on that product when the app starts. The first 2,000 items are on the roadmap with
//! dates (the timeline's benchmark).
//!
//!   cargo run -p northstar-core --example bench_db -- --items 10000 --out /tmp/big.db
//!
//! Items are created in batches, each batch one transaction. The file must not exist yet; when
//! writing fails, the half-made file is removed.

mod content;
mod roadmap;
mod scores;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use northstar_core::model::{NewItem, ProductPatch};
use northstar_core::queries::item_scores::set_score_inputs;
use northstar_core::queries::items::create_item;
use northstar_core::queries::products::{create_product, update_product};
use northstar_core::queries::settings::set_open_product_id;
use northstar_core::store::Opened;
use northstar_core::{CoreResult, Store};
use rand::rngs::StdRng;
use rand::SeedableRng;

const USAGE: &str = "usage: bench_db --items N --out PATH [--seed N]
  --items N   backlog items to create (0 to 100000)
  --out PATH  the database file to write; it must not exist yet
  --seed N    seed of the generated text (default 6); the same seed gives the same content";

const MAX_ITEMS: usize = 100_000;
/// Items per transaction: big enough to be quick, small enough to keep each undo record modest.
const BATCH: usize = 1_000;

#[derive(Debug, PartialEq)]
struct Options {
    items: usize,
    out: PathBuf,
    seed: u64,
}

#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Write(Options),
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut items = None;
    let mut out = None;
    let mut seed = 6;
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            return Ok(Command::Help);
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--items" => {
                let count: usize = value
                    .parse()
                    .map_err(|_| format!("--items must be a whole number, got “{value}”"))?;
                if count > MAX_ITEMS {
                    return Err(format!("--items can be at most {MAX_ITEMS}, got {count}"));
                }
                items = Some(count);
            }
            "--out" => out = Some(PathBuf::from(value)),
            "--seed" => {
                seed = value
                    .parse()
                    .map_err(|_| format!("--seed must be a whole number, got “{value}”"))?;
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(Command::Write(Options {
        items: items.ok_or("--items is required")?,
        out: out.ok_or("--out is required")?,
        seed,
    }))
}

/// Why a database could not be written, worded for the person running the benchmark.
fn check_target(out: &Path) -> Result<(), String> {
    if out.exists() {
        return Err(format!(
            "{} already exists; choose a new path (it is never overwritten)",
            out.display()
        ));
    }
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !parent.is_dir() {
        return Err(format!("the folder {} does not exist", parent.display()));
    }
    Ok(())
}

/// Creates the database and returns the product's id.
fn write_database(options: &Options) -> CoreResult<String> {
    let (store, opened) = Store::open(&options.out)?;
    if opened != Opened::Created {
        return Err(northstar_core::CoreError::Conflict(format!(
            "{} appeared while it was being created",
            options.out.display()
        )));
    }
    // Only for this process: `create_item` reads the product's whole backlog for its rank, and
    // pages kept in memory make 10,000 of those seconds instead of half a minute of reads.
    store.read(|connection| Ok(connection.pragma_update(None, "cache_size", -256_000)?))?;
    let product = store.write(|changes| {
        let product = create_product(changes, "Atlas")?;
        let patch = ProductPatch {
            vision: Some("Every team knows what to build next, and why.".into()),
            strategy: Some(format!(
                "A benchmark backlog of {} items with realistic titles, kinds, statuses and \
                 Markdown descriptions.",
                options.items
            )),
            target_users: Some("Product owners with long backlogs.".into()),
            north_star_metric: Some("Weekly active product owners".into()),
            ..ProductPatch::default()
        };
        update_product(changes, &product.id, &patch)
    })?;

    let mut rng = StdRng::seed_from_u64(options.seed);
    // Scores draw from their own generator, so the text of a seed stays what it was.
    let mut score_rng = StdRng::seed_from_u64(options.seed.wrapping_add(1));
    let mut created = 0;
    let mut ids: Vec<String> = Vec::with_capacity(options.items);
    while created < options.items {
        let batch_end = (created + BATCH).min(options.items);
        store.write(|changes| {
            for index in created..batch_end {
                let content = content::item_content(&mut rng, index);
                let inputs = scores::score_changes(&mut score_rng, content.kind);
                let new = NewItem {
                    product_id: product.id.clone(),
                    title: content.title,
                    description: Some(content.description),
                    status: Some(content.status.as_str().to_string()),
                    kind: Some(content.kind.as_str().to_string()),
                };
                let item = create_item(changes, &new)?;
                if !inputs.is_empty() {
                    set_score_inputs(changes, std::slice::from_ref(&item.id), &inputs)?;
                }
                ids.push(item.id);
            }
            Ok(())
        })?;
        created = batch_end;
    }
    store.write_untracked(|connection| roadmap::plan_items(connection, &ids))?;
    store.write_untracked(|connection| set_open_product_id(connection, &product.id))?;
    Ok(product.id)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Write(options)) => options,
        Err(message) => {
            eprintln!("bench_db: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(message) = check_target(&options.out) {
        eprintln!("bench_db: {message}");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    match write_database(&options) {
        Ok(_) => {
            println!(
                "bench_db: wrote {} items to {} in {} ms",
                options.items,
                options.out.display(),
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            // Leave nothing half-made behind: a later run would refuse the path.
            for suffix in ["", "-wal", "-shm"] {
                let mut path = options.out.clone().into_os_string();
                path.push(suffix);
                let _ = std::fs::remove_file(path);
            }
            eprintln!(
                "bench_db: writing {} failed: {error}",
                options.out.display()
            );
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use northstar_core::queries::items::list_item_summaries;
    use northstar_core::queries::settings::get_open_product_id;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|arg| arg.to_string()).collect()
    }

    #[test]
    fn parses_options_and_refuses_bad_ones() {
        assert_eq!(
            parse_args(args(&["--items", "25", "--out", "a.db"])),
            Ok(Command::Write(Options {
                items: 25,
                out: "a.db".into(),
                seed: 6
            }))
        );
        assert_eq!(parse_args(args(&["--help"])), Ok(Command::Help));
        let error = |list: &[&str]| parse_args(args(list)).unwrap_err();
        assert!(error(&["--out", "a.db"]).contains("--items is required"));
        assert!(error(&["--items", "2"]).contains("--out is required"));
        assert!(error(&["--items", "ten", "--out", "a"]).contains("whole number"));
        assert!(error(&["--items", "100001", "--out", "a"]).contains("at most 100000"));
        assert!(error(&["--items"]).contains("needs a value"));
        assert!(error(&["--size", "1"]).contains("unknown option --size"));
    }

    #[test]
    fn writes_a_ranked_backlog_the_app_opens_on() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("bench.db");
        let options = Options {
            items: BATCH + 150,
            out: out.clone(),
            seed: 3,
        };
        check_target(&out).unwrap();
        let product_id = write_database(&options).unwrap();

        let (store, opened) = Store::open(&out).unwrap();
        assert_eq!(opened, Opened::Existing);
        let items = store.read(|c| list_item_summaries(c, &product_id)).unwrap();
        assert_eq!(items.len(), BATCH + 150);
        let positions: Vec<i32> = items.iter().map(|item| item.position).collect();
        assert_eq!(positions, (1..=(BATCH as i32 + 150)).collect::<Vec<_>>());
        // Created in order: the backlog reads #1, #2, … from the top.
        assert!(items[0].title.ends_with(" #1"));
        // Features and stories are scored in every framework, opportunities not at all.
        for item in &items {
            let scored = item.kind != northstar_core::model::ItemKind::Opportunity;
            assert_eq!(item.scores.rice.is_some(), scored, "{}", item.title);
            assert_eq!(item.scores.wsjf.is_some(), scored);
            assert_eq!(item.score_positions.ice.is_some(), scored);
        }
        let scored = items
            .iter()
            .filter(|item| item.scores.ice.is_some())
            .count();
        assert!(
            scored > items.len() / 2,
            "{scored} of {} scored",
            items.len()
        );
        assert!(items[BATCH].title.ends_with(&format!(" #{}", BATCH + 1)));
        assert_eq!(
            store.read(get_open_product_id).unwrap(),
            Some(product_id.clone())
        );
        // The first DATED_ITEMS (here all of them) have a horizon and a bar.
        let dated = items
            .iter()
            .filter(|item| item.start_date.is_some())
            .count();
        assert_eq!(dated, (BATCH + 150).min(roadmap::DATED_ITEMS));
        assert!(items
            .iter()
            .all(|item| item.horizon.is_some() == item.start_date.is_some()));
        assert_eq!(items[0].start_date.as_deref(), Some("2026-11-02"));
        assert_eq!(items[0].end_date.as_deref(), Some("2026-11-08"));
    }

    #[test]
    fn an_empty_backlog_is_a_valid_database_and_paths_are_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("empty.db");
        let options = Options {
            items: 0,
            out: out.clone(),
            seed: 6,
        };
        let product_id = write_database(&options).unwrap();
        let (store, _) = Store::open(&out).unwrap();
        assert!(store
            .read(|c| list_item_summaries(c, &product_id))
            .unwrap()
            .is_empty());
        assert!(check_target(&out).unwrap_err().contains("already exists"));
        assert!(check_target(&dir.path().join("missing/x.db"))
            .unwrap_err()
            .contains("does not exist"));
    }
}
