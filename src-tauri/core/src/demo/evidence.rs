//! The demo's evidence: passages of its research notes highlighted and linked to the items they
//! back, Reach multipliers for its participants' segments, and one suggestion accepted into the
//! decision log, so the top items' evidence explains their scores. Written outside the undo
//! history, like the rest of the demo.

use chrono::{Days, Local};
use rusqlite::{params, Connection};

use crate::error::{CoreError, CoreResult};
use crate::mutation::Changes;
use crate::queries::evidence::accept_evidence_suggestion;
use crate::queries::evidence_settings::set_segment_multiplier;
use crate::queries::highlights::create_highlight;
use crate::research::{utf16_len, NewHighlight};
use crate::scoring::ScoreInput;

/// How many people each participant of a segment stands for in a quarter's Reach.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("Creative freelancers", 600.0),
    ("IT contractors", 400.0),
    ("Management consultants", 150.0),
    // An accountant brings their freelancer clients (Jonas has forty).
    ("Accountants (Germany)", 40.0),
    ("Accountants (UK)", 40.0),
];

/// (note title, passage, the items it backs).
const HIGHLIGHTS: &[(&str, &str, &[&str])] = &[
    (
        "Interview with Dana — tax season dread",
        "last April she was short by €3,400",
        &["Automatic tax pot"],
    ),
    (
        "Interview with Dana — tax season dread",
        "What I want is one number: can I spend this or not?",
        &[
            "“Safe to spend” figure on the home screen",
            "Freelancers can't tell what is safe to spend",
        ],
    ),
    (
        "Usability test: safe-to-spend prototype",
        "Oh, so the tax is already taken out? Then yes, that's my number.",
        &[
            "“Safe to spend” figure on the home screen",
            "Automatic tax pot",
        ],
    ),
    (
        "Usability test: safe-to-spend prototype",
        "Nobody found where to change the percentage",
        &["Automatic tax pot"],
    ),
    (
        "Analytics: 38 % of active users open the balance daily",
        "Users with a tax pot set up retain better at 8 weeks (71 % vs 52 %)",
        &["Automatic tax pot"],
    ),
    (
        "Analytics: 38 % of active users open the balance daily",
        "open the balance screen every day",
        &["“Safe to spend” figure on the home screen"],
    ),
    (
        "Interview with Marco — two bank accounts",
        "The number is useless if half my money isn't in it.",
        &["Connect a second bank account"],
    ),
    (
        "Ticket #4907: second bank account missing from balance",
        "added to the request list (12th request this quarter)",
        &["Connect a second bank account"],
    ),
    (
        "Sales call: Jonas's accountancy (40 freelancer clients)",
        "Send me DATEV and I'll send you forty clients.",
        &["Export to DATEV for German accountants"],
    ),
    (
        "Sales call: Jonas's accountancy (40 freelancer clients)",
        "log in read-only to check categories before year end",
        &["Accountants need read-only access"],
    ),
    (
        "Interview with Aylin (accountant, UK)",
        "A link I can open would save me a day per client.",
        &[
            "Accountants need read-only access",
            "Share a read-only link with my accountant",
        ],
    ),
    (
        "Ticket #5012: payment not matched to invoice",
        "Your app sent my best client a reminder for an invoice he had paid.",
        &["Match incoming payments to invoices"],
    ),
    (
        "Interview with Priya — invoicing",
        "Wants payments matched to invoices before any reminder goes out",
        &[
            "Match incoming payments to invoices",
            "Late-payment reminders",
        ],
    ),
    (
        "Ticket #5103: tax percentage seems too high",
        "He asks for a way to set the percentage himself.",
        &["Automatic tax pot"],
    ),
];

/// The item whose suggested Reach the demo accepted (an opportunity: accepting it leaves every
/// score and order as they are), and how many days ago.
const ACCEPTED: (&str, u64) = ("Accountants need read-only access", 5);

fn id_by_title(
    connection: &Connection,
    table: &str,
    product_id: &str,
    title: &str,
) -> CoreResult<String> {
    let sql = format!("SELECT id FROM {table} WHERE product_id = ?1 AND title = ?2");
    connection
        .query_row(&sql, params![product_id, title], |row| row.get(0))
        .map_err(|_| CoreError::not_found("demo row", title))
}

pub(super) fn seed_demo_evidence(connection: &Connection, product_id: &str) -> CoreResult<()> {
    let mut changes = Changes::new(connection, None);
    for (segment, multiplier) in MULTIPLIERS {
        set_segment_multiplier(&mut changes, product_id, segment, Some(*multiplier))?;
    }
    for (note_title, passage, items) in HIGHLIGHTS {
        let note_id = id_by_title(connection, "research_note", product_id, note_title)?;
        let body: String = connection.query_row(
            "SELECT body FROM research_note WHERE id = ?1",
            [&note_id],
            |row| row.get(0),
        )?;
        let byte = body
            .find(passage)
            .ok_or_else(|| CoreError::not_found("demo passage", *passage))?;
        let start = utf16_len(&body[..byte]) as u32;
        let item_ids = items
            .iter()
            .map(|title| id_by_title(connection, "backlog_item", product_id, title))
            .collect::<CoreResult<Vec<_>>>()?;
        create_highlight(
            &mut changes,
            &NewHighlight {
                note_id,
                start,
                end: start + utf16_len(passage) as u32,
                tag_ids: Vec::new(),
                item_ids,
            },
        )?;
    }
    let (title, days_ago) = ACCEPTED;
    let item = id_by_title(connection, "backlog_item", product_id, title)?;
    let today = Local::now().date_naive();
    let day = today.checked_sub_days(Days::new(days_ago)).unwrap_or(today);
    accept_evidence_suggestion(
        &mut changes,
        &item,
        ScoreInput::RiceReach,
        &day.format("%Y-%m-%d").to_string(),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::demo::seed_demo_product;
    use crate::evidence::EvidenceStrength;
    use crate::queries::evidence::{evidence_counts, get_item_evidence};
    use crate::queries::items::test_support::id_of;
    use crate::Store;

    #[test]
    fn the_demo_top_items_are_backed_by_evidence_that_explains_their_scores() {
        let store = Store::open_in_memory().unwrap();
        let product = store.write_untracked(seed_demo_product).unwrap();
        let tax_pot = id_of(&store, &product, "Automatic tax pot");
        let found = store.read(|c| get_item_evidence(c, &tax_pot)).unwrap();
        assert_eq!(found.quotes.len(), 5);
        // Interview 2 + usability test 3 + analytics 3 + support ticket 1 = 9: High, which
        // backs its 80 % confidence as High would suggest 100 %.
        assert_eq!(found.summary.strength, EvidenceStrength::High);
        assert_eq!(found.summary.note_count, 4);
        // Dana, Sophie and Tom, all creative freelancers: 3 × 600.
        assert_eq!(found.suggestions[0].value, Some(1800.0));
        assert_eq!(
            found.suggestions[0].accept_blocked.as_deref(),
            Some("Reach is already 1,800, as the evidence suggests.")
        );

        let accountants = id_of(&store, &product, "Accountants need read-only access");
        let found = store.read(|c| get_item_evidence(c, &accountants)).unwrap();
        assert_eq!(found.suggestions[0].current, Some(80.0));
        let decisions = store
            .read(|c| crate::queries::decisions::list_item_decisions(c, &accountants))
            .unwrap();
        assert_eq!(
            decisions[0].decision,
            "Accepted suggested Reach 80 from evidence"
        );

        let counts = store.read(|c| evidence_counts(c, &product)).unwrap();
        assert!(counts.len() >= 8, "{counts:?}");
        assert!(
            !store.history_state().can_undo,
            "the demo is not an undo step"
        );
    }
}
