//! The demo product's decision log: a few decisions a product owner of Lumen would have taken,
//! linked to the demo's items by title, one of them the reason an item stays ranked above items
//! that score higher.

use chrono::{Days, Local};
use rusqlite::{params, Connection};

use crate::decision::NewDecision;
use crate::error::{CoreError, CoreResult};
use crate::mutation::Changes;
use crate::queries::decisions::create_decision;

struct DemoDecision {
    days_ago: u64,
    decision: &'static str,
    rationale: &'static str,
    items: &'static [&'static str],
}

/// Oldest first. The first is why the automatic tax pot stays first although the "safe to
/// spend" figure, the year-end summary and the onboarding outscore it in RICE.
const DECISIONS: &[DemoDecision] = &[
    DemoDecision {
        days_ago: 41,
        decision: "Keep “Automatic tax pot” at the top of the backlog",
        rationale: "Tax-season dread is why freelancers sign up (9 of 14 interviews). The \
                    higher-scoring items help people who already trust us; the tax pot is what \
                    earns that trust, so it stays first until it ships.",
        items: &[
            "Automatic tax pot",
            "“Safe to spend” figure on the home screen",
            "Year-end summary for the tax return",
            "Onboarding: connect a bank in under a minute",
        ],
    },
    DemoDecision {
        days_ago: 27,
        decision: "Two-factor sign-in before a second bank account",
        rationale: "Our bank partners require strong customer authentication before a user \
                    connects more than one account.",
        items: &["Two-factor sign-in", "Connect a second bank account"],
    },
    DemoDecision {
        days_ago: 12,
        decision: "DATEV export before multi-currency invoices",
        rationale: "Only 3 % of beta invoices were in another currency, while German accountants \
                    are the channel that brings us new freelancers.",
        items: &[
            "Export to DATEV for German accountants",
            "Multi-currency invoices",
        ],
    },
    DemoDecision {
        days_ago: 3,
        decision: "No mileage tracking this year",
        rationale: "Fewer than 1 in 10 surveyed freelancers drive for work, and good mileage \
                    apps already exist.",
        items: &["Mileage tracking"],
    },
];

/// Records the demo's decisions (outside the undo history, like the rest of the demo).
pub(super) fn seed_demo_decisions(connection: &Connection, product_id: &str) -> CoreResult<()> {
    let mut changes = Changes::new(connection, None);
    let today = Local::now().date_naive();
    for demo in DECISIONS {
        let item_ids = demo
            .items
            .iter()
            .map(|title| {
                connection
                    .query_row(
                        "SELECT id FROM backlog_item WHERE product_id = ?1 AND title = ?2",
                        params![product_id, title],
                        |row| row.get(0),
                    )
                    .map_err(CoreError::from)
            })
            .collect::<CoreResult<Vec<String>>>()?;
        let day = today
            .checked_sub_days(Days::new(demo.days_ago))
            .unwrap_or(today);
        let new = NewDecision {
            product_id: product_id.to_string(),
            decided_on: Some(day.format("%Y-%m-%d").to_string()),
            decision: demo.decision.to_string(),
            rationale: demo.rationale.to_string(),
            item_ids,
        };
        create_decision(&mut changes, &new)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::seed_demo_product;
    use crate::queries::decisions::list_decisions;
    use crate::queries::items::list_item_summaries;
    use crate::Store;

    #[test]
    fn the_demo_has_a_few_decisions_linked_to_its_items() {
        let store = Store::open_in_memory().unwrap();
        let id = store.write_untracked(seed_demo_product).unwrap();
        let log = store.read(|c| list_decisions(c, &id, None)).unwrap();
        let texts: Vec<&str> = log.iter().map(|d| d.decision.as_str()).collect();
        assert_eq!(
            texts,
            [
                "No mileage tracking this year",
                "Accepted suggested Reach 80 from evidence",
                "DATEV export before multi-currency invoices",
                "Two-factor sign-in before a second bank account",
                "Keep “Automatic tax pot” at the top of the backlog",
            ]
        );
        // The accepted suggestion is the evidence demo's (demo/evidence.rs).
        for decision in log.iter().filter(|d| !d.decision.starts_with("Accepted")) {
            assert_eq!(
                decision.items.len(),
                DECISIONS
                    .iter()
                    .find(|demo| demo.decision == decision.decision)
                    .unwrap()
                    .items
                    .len()
            );
        }
        assert!(
            !store.history_state().can_undo,
            "the demo is not an undo step"
        );
    }

    #[test]
    fn the_tax_pot_decision_explains_an_item_ranked_above_higher_scoring_ones() {
        let store = Store::open_in_memory().unwrap();
        let id = store.write_untracked(seed_demo_product).unwrap();
        let rows = store.read(|c| list_item_summaries(c, &id)).unwrap();
        let rice = |title: &str| {
            rows.iter()
                .find(|row| row.title == title)
                .and_then(|row| row.scores.rice.as_ref())
                .map(|score| score.value)
                .unwrap()
        };
        let tax_pot = &DECISIONS[0];
        assert_eq!(rows[0].title, tax_pot.items[0], "ranked first");
        for title in &tax_pot.items[1..] {
            assert!(rice(title) > rice(tax_pot.items[0]), "{title} outscores it");
        }
    }
}
