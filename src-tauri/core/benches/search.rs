//! `make bench`: full-text search over 100,000 generated research notes in a temp file: the
//! top 50 hits with their snippets (FTS5, bm25), p50 and p95, next to a `LIKE '%term%'` scan of
//! the same notes measured in the same run (the baseline a search without an index would be).
//! Goal: at least 50× faster than the scan, p95 at most 50 ms for a selective term.

// A benchmark may unwrap: a failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use northstar_core::queries::products::create_product;
use northstar_core::search::{search, SearchRequest};
use northstar_core::Store;
use rusqlite::params;

const NOTES: usize = 100_000;
const WORDS_PER_NOTE: usize = 80;
/// In about one note in 2,000 (50 notes): a selective term.
const SELECTIVE: &str = "zucchini";
/// In about one note in 3: a common term (the ranking has many rows to order).
const COMMON: &str = "invoice";

/// A small deterministic generator (no dependency): the same notes every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// A vocabulary of 4,096 made-up words built from syllables.
fn vocabulary() -> Vec<String> {
    let syllables = [
        "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu",
        "va",
    ];
    let mut words = Vec::with_capacity(4096);
    for a in syllables {
        for b in syllables {
            for c in syllables {
                words.push(format!("{a}{b}{c}"));
            }
        }
    }
    words
}

fn percentile(samples: &mut [Duration], fraction: f64) -> Duration {
    samples.sort();
    let index = ((samples.len() as f64 - 1.0) * fraction).round() as usize;
    samples[index]
}

fn format(duration: Duration) -> String {
    let millis = duration.as_secs_f64() * 1e3;
    if millis >= 1.0 {
        format!("{millis:.2} ms")
    } else {
        format!("{:.1} µs", millis * 1e3)
    }
}

fn measure(runs: usize, mut work: impl FnMut()) -> (Duration, Duration) {
    work(); // warm-up
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.95),
    )
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("bench.db")).unwrap();
    let product = store.write(|c| create_product(c, "Bench")).unwrap();
    let words = vocabulary();
    let mut random = Lcg(7);
    let started = Instant::now();
    store
        .write_untracked(|connection| {
            let mut insert = connection.prepare(
                "INSERT INTO research_note (id, product_id, note_type, title, body, noted_on, \
                 source, created_at, updated_at) VALUES (?1, ?2, 'interview', ?3, ?4, ?5, ?6, \
                 '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            )?;
            for index in 0..NOTES {
                let mut body: Vec<&str> = (0..WORDS_PER_NOTE)
                    .map(|_| words[(random.next() % words.len() as u64) as usize].as_str())
                    .collect();
                if index % 2_000 == 17 {
                    body[40] = SELECTIVE;
                }
                if index % 3 == 0 {
                    body[10] = COMMON;
                }
                let title = format!("Interview {index} {}", words[index % words.len()]);
                let day = format!("2026-{:02}-{:02}", index % 12 + 1, index % 28 + 1);
                insert.execute(params![
                    format!("note-{index:06}"),
                    product.id,
                    title,
                    body.join(" "),
                    day,
                    format!("Call {index}")
                ])?;
            }
            Ok(())
        })
        .unwrap();
    eprintln!(
        "wrote and indexed {NOTES} notes in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let request = |text: &str| SearchRequest {
        text: text.to_string(),
        product_id: Some(product.id.clone()),
        ..Default::default()
    };
    let (selective_p50, selective_p95) = measure(50, || {
        let hits = store.read(|c| search(c, &request(SELECTIVE))).unwrap();
        assert_eq!(hits.len(), 50);
    });
    let (common_p50, common_p95) = measure(20, || {
        let hits = store.read(|c| search(c, &request(COMMON))).unwrap();
        assert_eq!(hits.len(), 50);
    });
    let like = |term: &str| {
        store
            .read(|connection| {
                let pattern = format!("%{term}%");
                let mut statement = connection.prepare_cached(
                    "SELECT id, title, substr(body, max(1, instr(lower(body), ?2) - 60), 160) \
                     FROM research_note WHERE product_id = ?1 AND deleted_at IS NULL \
                     AND (title LIKE ?3 OR body LIKE ?3 OR source LIKE ?3) \
                     ORDER BY noted_on DESC, id LIMIT 50",
                )?;
                let rows: Vec<(String, String, String)> = statement
                    .query_map(params![product.id, term, pattern], |row| {
                        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
                    })?
                    .collect::<Result<_, _>>()?;
                assert_eq!(rows.len(), 50);
                Ok(())
            })
            .unwrap()
    };
    let (like_selective_p50, like_selective_p95) = measure(10, || like(SELECTIVE));
    let (like_common_p50, like_common_p95) = measure(10, || like(COMMON));

    let ratio = |baseline: Duration, measured: Duration| {
        baseline.as_secs_f64() / measured.as_secs_f64().max(1e-9)
    };
    println!();
    println!("Search over {NOTES} notes of {WORDS_PER_NOTE} words: top 50 with snippets (medians of runs in this process)");
    println!(
        "| query | FTS5 p50 | FTS5 p95 | LIKE '%term%' p50 | LIKE p95 | faster (p50) | goal |"
    );
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| selective “{SELECTIVE}” (50 notes) | {} | {} | {} | {} | {:.0}× | ≥ 50×, p95 ≤ 50 ms |",
        format(selective_p50),
        format(selective_p95),
        format(like_selective_p50),
        format(like_selective_p95),
        ratio(like_selective_p50, selective_p50)
    );
    println!(
        "| common “{COMMON}” (33,334 notes) | {} | {} | {} | {} | {:.1}× | (information) |",
        format(common_p50),
        format(common_p95),
        format(like_common_p50),
        format(like_common_p95),
        ratio(like_common_p50, common_p50)
    );
}
