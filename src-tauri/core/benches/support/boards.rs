//! Board moves on a 10,000-card column, next to a renumbering baseline on the same data in the
//! same run: a naive board keeps an integer position per card and, on every move, writes the
//! whole column's positions again in one transaction. Prints p50/p95 commit times and the rows
//! each approach writes per move.

use std::time::{Duration, Instant};

use northstar_core::board::BoardKind;
use northstar_core::model::MoveTarget;
use northstar_core::mutation::Table;
use northstar_core::queries::board_moves::move_card;
use northstar_core::queries::boards::list_board;
use northstar_core::queries::items::list_item_summaries;
use northstar_core::queries::products::create_product;
use northstar_core::rank::key_between;
use northstar_core::Store;
use rusqlite::{params, Connection};

const CARDS: usize = 10_000;
const MOVES: usize = 200;

fn percentile(samples: &mut [Duration], percent: usize) -> Duration {
    samples.sort();
    samples[(samples.len() * percent / 100).min(samples.len() - 1)]
}

fn format(duration: Duration) -> String {
    let micros = duration.as_secs_f64() * 1e6;
    if micros >= 1000.0 {
        format!("{:.2} ms", micros / 1000.0)
    } else {
        format!("{micros:.1} µs")
    }
}

/// A pseudo-random sequence that is the same in every run (and for both approaches).
fn picks() -> impl Iterator<Item = (usize, usize)> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    std::iter::repeat_with(move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let card = (state % CARDS as u64) as usize;
        let anchor = ((state >> 20) % CARDS as u64) as usize;
        (card, anchor)
    })
}

pub fn run(store: &Store, path: &std::path::Path) {
    let product = store.write(|c| create_product(c, "Board")).unwrap();
    let ids: Vec<String> = (0..CARDS).map(|index| format!("card-{index:05}")).collect();
    store
        .write_untracked(|connection| {
            let mut rank: Option<String> = None;
            for (index, id) in ids.iter().enumerate() {
                let next = key_between(rank.as_deref(), None)?;
                connection.execute(
                    "INSERT INTO backlog_item (id, product_id, title, description, status, kind, rank, \
                     created_at, updated_at, moscow) VALUES (?1, ?2, ?3, '', 'idea', 'feature', ?4, \
                     '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'must')",
                    params![id, product.id, format!("Card {index}"), next],
                )?;
                rank = Some(next);
            }
            Ok(())
        })
        .unwrap();

    // Northstar: one board row per move, through the store (undo step included).
    let mut northstar = Vec::with_capacity(MOVES);
    // The move's own reads and its one write, inside the transaction (without the commit).
    let mut work = Vec::with_capacity(MOVES);
    let mut board_rows = 0;
    let mut all_rows = 0;
    for (card, anchor) in picks().filter(|(card, anchor)| card != anchor).take(MOVES) {
        let target = MoveTarget::After {
            item_id: ids[anchor].clone(),
        };
        let start = Instant::now();
        let (_, changed) = store
            .write_reporting(|c| {
                let inside = Instant::now();
                let moved = move_card(c, &ids[card], BoardKind::Moscow, "must", &target);
                work.push(inside.elapsed());
                moved
            })
            .unwrap();
        northstar.push(start.elapsed());
        board_rows += changed
            .rows
            .iter()
            .filter(|(table, _)| *table == Table::BoardRank)
            .count();
        all_rows += changed.rows.len();
    }

    // The baseline: positions 1..n in a table of their own, renumbered on every move.
    let mut raw = Connection::open(path).unwrap();
    raw.pragma_update(None, "synchronous", "FULL").unwrap();
    raw.execute_batch(
        "CREATE TABLE naive_position (item_id TEXT PRIMARY KEY, position INTEGER NOT NULL) STRICT",
    )
    .unwrap();
    {
        let transaction = raw.transaction().unwrap();
        for (index, id) in ids.iter().enumerate() {
            transaction
                .execute(
                    "INSERT INTO naive_position (item_id, position) VALUES (?1, ?2)",
                    params![id, index as i64 + 1],
                )
                .unwrap();
        }
        transaction.commit().unwrap();
    }
    let mut order: Vec<String> = ids.clone();
    let mut naive = Vec::with_capacity(MOVES);
    let mut naive_rows = 0;
    for (card, anchor) in picks().filter(|(card, anchor)| card != anchor).take(MOVES) {
        let start = Instant::now();
        let transaction = raw.transaction().unwrap();
        let from = order.iter().position(|id| *id == ids[card]).unwrap();
        let moved = order.remove(from);
        let to = order.iter().position(|id| *id == ids[anchor]).unwrap() + 1;
        order.insert(to, moved);
        {
            let mut update = transaction
                .prepare_cached("UPDATE naive_position SET position = ?2 WHERE item_id = ?1")
                .unwrap();
            for (index, id) in order.iter().enumerate() {
                naive_rows += update.execute(params![id, index as i64 + 1]).unwrap();
            }
        }
        transaction.commit().unwrap();
        naive.push(start.elapsed());
    }

    // Reading the board: every card with its scores, regrouped, next to the backlog's list.
    let mut board_reads: Vec<Duration> = (0..15)
        .map(|_| {
            let start = Instant::now();
            let view = store
                .read(|c| list_board(c, &product.id, BoardKind::Moscow))
                .unwrap();
            assert_eq!(view.columns[0].cards.len(), CARDS);
            start.elapsed()
        })
        .collect();
    let mut list_reads: Vec<Duration> = (0..15)
        .map(|_| {
            let start = Instant::now();
            store.read(|c| list_item_summaries(c, &product.id)).unwrap();
            start.elapsed()
        })
        .collect();

    let (p50, p95) = (
        percentile(&mut northstar, 50),
        percentile(&mut northstar, 95),
    );
    let (naive_p50, naive_p95) = (percentile(&mut naive, 50), percentile(&mut naive, 95));
    let (work_p50, work_p95) = (percentile(&mut work, 50), percentile(&mut work, 95));
    let per_move = |rows: usize| rows as f64 / MOVES as f64;
    println!();
    println!(
        "Board moves — {CARDS} cards in one MoSCoW column, {MOVES} moves to random places, \
         temp file, synchronous=FULL"
    );
    println!("| approach | p50 commit | p95 commit | rows written per move |");
    println!("|---|---|---|---|");
    println!(
        "| Northstar move_card (board_rank, one key; undo step included) | {} | {} | {:.1} ({:.1} board rows) |",
        format(p50),
        format(p95),
        per_move(all_rows),
        per_move(board_rows)
    );
    println!(
        "| of which move_card's reads and write, before the commit | {} | {} | |",
        format(work_p50),
        format(work_p95)
    );
    println!(
        "| baseline: renumber the column's positions (same run, same moves) | {} | {} | {:.0} |",
        format(naive_p50),
        format(naive_p95),
        per_move(naive_rows)
    );
    println!(
        "| ratio (baseline / Northstar) | {:.1}× | {:.1}× | {:.0}× |",
        naive_p50.as_secs_f64() / p50.as_secs_f64(),
        naive_p95.as_secs_f64() / p95.as_secs_f64(),
        per_move(naive_rows) / per_move(all_rows).max(f64::MIN_POSITIVE)
    );
    println!(
        "| list_board, {CARDS} cards (median) | {} | list_items of the same items | {} |",
        format(percentile(&mut board_reads, 50)),
        format(percentile(&mut list_reads, 50))
    );
}
