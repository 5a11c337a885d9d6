//! Realistic, reproducible backlog content for benchmark databases: titles in the three kinds'
//! usual shapes, a status mix like a living backlog, and Markdown descriptions from empty to a
//! few KB. A seeded generator, so two databases made with the same seed hold the same text.

use northstar_core::model::{ItemKind, ItemStatus};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;

/// The longest description made, in bytes: rows show an excerpt, the editor the whole text.
pub const MAX_DESCRIPTION_BYTES: usize = 4096;

pub struct ItemContent {
    pub title: String,
    pub kind: ItemKind,
    pub status: ItemStatus,
    pub description: String,
}

const PERSONAS: &[&str] = &[
    "freelancer",
    "accountant",
    "team lead",
    "new user",
    "admin",
    "support agent",
    "finance manager",
    "mobile user",
    "product owner",
    "screen-reader user",
];

const VERBS: &[&str] = &[
    "Export",
    "Import",
    "Schedule",
    "Filter",
    "Share",
    "Archive",
    "Sync",
    "Preview",
    "Bulk-edit",
    "Tag",
    "Search",
    "Duplicate",
    "Approve",
    "Undo",
    "Merge",
    "Pin",
];

const OBJECTS: &[&str] = &[
    "invoices",
    "receipts",
    "recurring expenses",
    "client contacts",
    "tax reports",
    "bank transactions",
    "payment reminders",
    "project budgets",
    "time entries",
    "VAT returns",
    "saved searches",
    "dashboard widgets",
    "mileage logs",
    "categories",
];

const QUALIFIERS: &[&str] = &[
    "",
    " as CSV",
    " from the mobile app",
    " in one click",
    " by date range",
    " for accountants",
    " offline",
    " with keyboard shortcuts",
    " across workspaces",
    " on a schedule",
];

const PAINS: &[&str] = &[
    "lose track of",
    "can't find",
    "re-enter",
    "double-check",
    "are confused by",
    "wait too long for",
    "forget to send",
];

const BENEFITS: &[&str] = &[
    "I stop doing it by hand",
    "my numbers are right at month end",
    "my accountant has what they need",
    "I save an hour a week",
    "nothing falls through the cracks",
    "I can trust the figures",
];

const SENTENCES: &[&str] = &[
    "Seven of the twelve customers we interviewed keep a spreadsheet on the side for this.",
    "Support gets about thirty tickets a month that this would answer.",
    "The current flow takes five screens and loses the user's input on the fourth.",
    "Competitors offer it, and two churned customers named it as the reason they left.",
    "Start with the simplest version and measure how often it is used before adding options.",
    "Keep the default safe: nothing is sent or deleted without an explicit confirmation.",
    "The data already exists in the ledger; this is mostly a presentation problem.",
    "Design review asked for an empty state that explains what to do next.",
    "Accessibility: every control must be reachable by keyboard and named for screen readers.",
    "Performance budget: the list must stay responsive with ten thousand entries.",
];

const CRITERIA: &[&str] = &[
    "**Given** a connected bank account **when** a payment arrives **then** it is matched within a minute",
    "**Given** an empty list **when** the user opens the view **then** an empty state explains the next step",
    "**Given** a failed save **when** the user retries **then** nothing they typed is lost",
    "**Given** a filter **when** the user reloads the app **then** the filter is still applied",
    "**Given** the keyboard only **when** the user tabs through the view **then** focus is always visible",
];

/// One item's content; `index` makes titles distinguishable in a long list.
pub fn item_content(rng: &mut StdRng, index: usize) -> ItemContent {
    let kind = pick_kind(rng);
    let title = match kind {
        ItemKind::Feature => format!(
            "{} {}{}",
            choose(rng, VERBS),
            choose(rng, OBJECTS),
            choose(rng, QUALIFIERS)
        ),
        ItemKind::Opportunity => format!(
            "{}s {} their {}",
            capitalise(choose(rng, PERSONAS)),
            choose(rng, PAINS),
            choose(rng, OBJECTS)
        ),
        ItemKind::Story => format!(
            "As a {}, I want to {} {} so that {}",
            choose(rng, PERSONAS),
            choose(rng, VERBS).to_lowercase(),
            choose(rng, OBJECTS),
            choose(rng, BENEFITS)
        ),
    };
    ItemContent {
        title: format!("{title} #{}", index + 1),
        kind,
        status: pick_status(rng),
        description: description(rng),
    }
}

fn choose<'a>(rng: &mut StdRng, words: &[&'a str]) -> &'a str {
    words.choose(rng).copied().unwrap_or_default()
}

fn capitalise(word: &str) -> String {
    let mut characters = word.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

fn pick_kind(rng: &mut StdRng) -> ItemKind {
    match rng.random_range(0..100) {
        0..55 => ItemKind::Feature,
        55..85 => ItemKind::Story,
        _ => ItemKind::Opportunity,
    }
}

fn pick_status(rng: &mut StdRng) -> ItemStatus {
    match rng.random_range(0..100) {
        0..30 => ItemStatus::Idea,
        30..50 => ItemStatus::Discovery,
        50..70 => ItemStatus::Ready,
        70..80 => ItemStatus::InProgress,
        80..95 => ItemStatus::Shipped,
        _ => ItemStatus::Archived,
    }
}

/// Empty for about one item in six; otherwise paragraphs, a list, acceptance criteria and now
/// and then a link or code, from one sentence up to [`MAX_DESCRIPTION_BYTES`].
fn description(rng: &mut StdRng) -> String {
    let size = rng.random_range(0..100);
    if size < 15 {
        return String::new();
    }
    // Most descriptions are short; about one in ten runs to a few KB.
    let target_bytes = match size {
        15..60 => rng.random_range(80..400),
        60..90 => rng.random_range(400..1500),
        _ => rng.random_range(1500..MAX_DESCRIPTION_BYTES),
    };
    let mut text = String::new();
    while text.len() < target_bytes {
        let block = match rng.random_range(0..6) {
            0 | 1 => paragraph(rng),
            2 => bullet_list(rng),
            3 => criteria(rng),
            4 => format!(
                "See the [research notes](https://example.com/research/{}) and the `{}` flag.",
                rng.random_range(100..999),
                choose(rng, OBJECTS).replace(' ', "_")
            ),
            _ => format!("### {}\n\n{}", choose(rng, VERBS), paragraph(rng)),
        };
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&block);
    }
    truncate_at_char_boundary(&mut text, MAX_DESCRIPTION_BYTES);
    text
}

fn paragraph(rng: &mut StdRng) -> String {
    let count = rng.random_range(1..5);
    let sentences: Vec<&str> = (0..count).map(|_| choose(rng, SENTENCES)).collect();
    let mut text = sentences.join(" ");
    if rng.random_bool(0.3) {
        text = format!("**Why now:** {text}");
    }
    text
}

fn bullet_list(rng: &mut StdRng) -> String {
    let count = rng.random_range(2..6);
    (0..count)
        .map(|_| {
            format!(
                "- {} {}{}",
                choose(rng, VERBS),
                choose(rng, OBJECTS),
                choose(rng, QUALIFIERS)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn criteria(rng: &mut StdRng) -> String {
    let count = rng.random_range(1..4);
    let lines: Vec<String> = (0..count)
        .map(|_| format!("1. {}", choose(rng, CRITERIA)))
        .collect();
    format!("Acceptance criteria:\n\n{}", lines.join("\n"))
}

fn truncate_at_char_boundary(text: &mut String, max_bytes: usize) {
    if text.len() <= max_bytes {
        return;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn content_is_varied_and_bounded() {
        let mut rng = StdRng::seed_from_u64(1);
        let items: Vec<ItemContent> = (0..2000).map(|i| item_content(&mut rng, i)).collect();
        let lengths: Vec<usize> = items.iter().map(|item| item.description.len()).collect();
        assert!(lengths
            .iter()
            .all(|&length| length <= MAX_DESCRIPTION_BYTES));
        assert!(lengths.contains(&0));
        assert!(lengths.iter().any(|&length| length > 2000));
        for kind in ItemKind::ALL {
            assert!(items.iter().any(|item| item.kind == kind), "{kind:?}");
        }
        for status in ItemStatus::ALL {
            assert!(items.iter().any(|item| item.status == status), "{status:?}");
        }
        assert!(items.iter().all(|item| item.title.chars().count() <= 300));
        assert!(items[41].title.ends_with(" #42"));
    }

    #[test]
    fn the_same_seed_makes_the_same_content() {
        let make = |seed| {
            let mut rng = StdRng::seed_from_u64(seed);
            (0..50)
                .map(|i| item_content(&mut rng, i).description)
                .collect::<Vec<_>>()
        };
        assert_eq!(make(7), make(7));
        assert_ne!(make(7), make(8));
    }

    #[test]
    fn truncation_keeps_whole_characters() {
        let mut text = "aé".repeat(10);
        truncate_at_char_boundary(&mut text, 4);
        assert_eq!(text, "aéa");
    }
}
