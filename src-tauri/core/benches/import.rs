//! `make bench`: importing 10,000 feedback rows from a CSV file into a temp-file database (read,
//! mapped, checked, every note, participant, tag and link written and tracked for undo, in one
//! transaction), next to a baseline measured in the same run: the same 10,000 notes written as
//! plain INSERTs in one transaction (no parsing, no checks, no links, no undo images). The ratio
//! is what the import's safety costs over the cheapest possible write.

// A benchmark may unwrap: a failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use northstar_core::feedback_import::csv_source::read_csv_bytes;
use northstar_core::feedback_import::import_feedback;
use northstar_core::queries::products::create_product;
use northstar_core::Store;
use rusqlite::params;

const ROWS: usize = 10_000;
const RUNS: usize = 5;

/// A small deterministic generator (no dependency): the same file every run.
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

const WORDS: [&str; 16] = [
    "invoice", "export", "bank", "sync", "tax", "pot", "slow", "crash", "report", "mobile",
    "receipt", "client", "late", "reminder", "currency", "budget",
];

/// A support tool's export: subject, a 40-word body, a day, a channel, one of 500 customers
/// with their plan, and two of 30 tags.
fn tickets_csv() -> (String, Vec<[String; 3]>) {
    let mut random = Lcg(7);
    let mut csv = String::from("Subject,Description,Created,Channel,Customer,Plan,Tags\n");
    let mut notes = Vec::with_capacity(ROWS);
    for row in 0..ROWS {
        let words: Vec<&str> = (0..40)
            .map(|_| WORDS[(random.next() % 16) as usize])
            .collect();
        let body = words.join(" ");
        let subject = format!("Ticket {row}: {} {}", words[0], words[1]);
        let day = format!(
            "2026-{:02}-{:02}",
            random.next() % 12 + 1,
            random.next() % 28 + 1
        );
        let customer = random.next() % 500;
        let plan = ["Free", "Pro", "Team"][(customer % 3) as usize];
        let tags = format!("area {}, topic {}", random.next() % 15, random.next() % 15);
        csv.push_str(&format!(
            "{subject},\"{body}\",{day},Email,Customer {customer},{plan},\"{tags}\"\n"
        ));
        notes.push([subject, body, day]);
    }
    (csv, notes)
}

fn fresh_store(dir: &std::path::Path, name: &str) -> (Store, String) {
    let (store, _) = Store::open(&dir.join(name)).unwrap();
    let product = store.write(|c| create_product(c, "Bench")).unwrap();
    (store, product.id)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn format(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1e3)
}

fn main() {
    let (csv, notes) = tickets_csv();
    let dir = tempfile::tempdir().unwrap();
    let mut imports = Vec::new();
    let mut inserts = Vec::new();
    for run in 0..RUNS {
        let (store, product) = fresh_store(dir.path(), &format!("import-{run}.db"));
        let start = Instant::now();
        let source = read_csv_bytes("tickets.csv", csv.as_bytes(), None).unwrap();
        let imported = store
            .write(|changes| import_feedback(changes, &product, &source))
            .unwrap();
        imports.push(start.elapsed());
        assert_eq!(imported.notes.len(), ROWS);

        let (store, product) = fresh_store(dir.path(), &format!("insert-{run}.db"));
        let start = Instant::now();
        store
            .write_untracked(|connection| {
                let mut insert = connection.prepare(
                    "INSERT INTO research_note (id, product_id, note_type, title, body, \
                     noted_on, source, created_at, updated_at) \
                     VALUES (?1, ?2, 'support_ticket', ?3, ?4, ?5, 'Email', ?6, ?6)",
                )?;
                for (index, [title, body, day]) in notes.iter().enumerate() {
                    insert.execute(params![
                        format!("bench-{index}"),
                        product,
                        title,
                        body,
                        day,
                        "2026-11-30T00:00:00.000Z"
                    ])?;
                }
                Ok(())
            })
            .unwrap();
        inserts.push(start.elapsed());
    }
    let import = median(imports);
    let insert = median(inserts);
    println!();
    println!(
        "Import of {ROWS} feedback rows from CSV into a temp-file database (medians of {RUNS} runs)"
    );
    println!("| what | median | ratio |");
    println!("|---|---|---|");
    println!(
        "| baseline: {ROWS} plain INSERTs of the same notes, one transaction | {} | 1.0× |",
        format(insert)
    );
    println!(
        "| import: read, map, check, notes + 500 participants + 30 tags + links, undo images | {} | {:.1}× |",
        format(import),
        import.as_secs_f64() / insert.as_secs_f64().max(1e-9)
    );
}
