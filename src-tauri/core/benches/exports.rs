//! `make bench`: the stakeholder exports of a product with 2,000 dated items (of 2,500), each
//! read from the file and rendered as a user gets it (Markdown, HTML with the timeline inline,
//! the timeline as SVG and as PNG), next to the JSON export of the same database measured in
//! the same run (the baseline: a plain read and serialisation of the same rows). Medians of
//! runs in this process; the goal is that the PNG, the slowest, stays well under a second.

// A benchmark may unwrap: a failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../examples/bench_db/roadmap.rs"]
mod roadmap;

use std::time::{Duration, Instant};

use northstar_core::calendar::CalendarDay;
use northstar_core::export::export_json;
use northstar_core::model::NewItem;
use northstar_core::queries::items::create_item;
use northstar_core::queries::products::create_product;
use northstar_core::stakeholder::{gather, timeline_picture, RoadmapFormat};
use northstar_core::Store;

const ITEMS: usize = 2_500;
const RUNS: usize = 15;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn format(duration: Duration) -> String {
    let millis = duration.as_secs_f64() * 1e3;
    if millis >= 1.0 {
        format!("{millis:.1} ms")
    } else {
        format!("{:.0} µs", millis * 1e3)
    }
}

/// The median time of `work` over [`RUNS`] runs after one warm-up, and the size it produced.
fn measure(mut work: impl FnMut() -> usize) -> (Duration, usize) {
    let size = work();
    let samples = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(work());
            start.elapsed()
        })
        .collect();
    (median(samples), size)
}

/// Titles of the usual lengths, some longer than the picture's title column.
fn title(index: usize) -> String {
    const VERBS: [&str; 5] = ["Show", "Export", "Reconcile", "Remind about", "Sync"];
    const THINGS: [&str; 6] = [
        "invoices",
        "the tax pot",
        "receipts from the phone camera",
        "late payments",
        "bank accounts",
        "the monthly salary",
    ];
    let verb = VERBS[index % VERBS.len()];
    let thing = THINGS[(index / VERBS.len()) % THINGS.len()];
    if index % 7 == 0 {
        format!("{verb} {thing} for freelancers with several clients ({index})")
    } else {
        format!("{verb} {thing} ({index})")
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("bench.db")).unwrap();
    let product = store.write(|c| create_product(c, "Atlas")).unwrap();
    let ids = store
        .write(|changes| {
            (0..ITEMS)
                .map(|index| {
                    let new = NewItem {
                        product_id: product.id.clone(),
                        title: title(index),
                        ..NewItem::default()
                    };
                    Ok(create_item(changes, &new)?.id)
                })
                .collect::<northstar_core::CoreResult<Vec<String>>>()
        })
        .unwrap();
    store
        .write_untracked(|connection| roadmap::plan_items(connection, &ids))
        .unwrap();
    let today = CalendarDay::from_ymd(2026, 11, 30).unwrap();
    let (store, product_id) = (&store, product.id.as_str());

    let export = |format: RoadmapFormat| {
        move || {
            store
                .read(|c| format.render(&gather(c, product_id, today)?))
                .unwrap()
                .len()
        }
    };
    let (json, json_size) = measure(|| store.read(export_json).unwrap().len());
    let rows = [
        ("Markdown", measure(export(RoadmapFormat::Markdown))),
        (
            "HTML (timeline inline)",
            measure(export(RoadmapFormat::Html)),
        ),
        (
            "SVG (timeline)",
            measure(|| {
                store
                    .read(|c| Ok(timeline_picture(&gather(c, product_id, today)?)))
                    .unwrap()
                    .len()
            }),
        ),
        (
            "PNG (timeline, 2,400 px wide)",
            measure(export(RoadmapFormat::Png)),
        ),
    ];

    println!();
    println!(
        "Stakeholder exports of a product with {ITEMS} items, {} dated (medians of {RUNS} runs)",
        roadmap::DATED_ITEMS
    );
    println!("| export | median | size | × the JSON export | goal |");
    println!("|---|---|---|---|---|");
    println!(
        "| JSON export of the same database (baseline) | {} | {} KB | 1.0× | (baseline) |",
        format(json),
        json_size / 1024
    );
    for (label, (time, size)) in rows {
        let ratio = time.as_secs_f64() / json.as_secs_f64().max(1e-9);
        let goal = if label.starts_with("PNG") {
            "< 1 s"
        } else {
            "< 250 ms"
        };
        println!(
            "| {label} | {} | {} KB | {ratio:.1}× | {goal} |",
            format(time),
            size / 1024
        );
    }
}
