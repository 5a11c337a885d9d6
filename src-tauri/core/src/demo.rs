//! The demo product a first start shows, so a new user sees Northstar with realistic content.
//! The user can delete it like any other product.

use rusqlite::{params, Connection};

use crate::error::CoreResult;
use crate::ids::new_id;
use crate::model::{ItemKind, ItemStatus};
use crate::rank::key_between;
use crate::time::{format_timestamp, now};

pub const DEMO_PRODUCT_NAME: &str = "Lumen";

const VISION: &str = "Every freelancer knows, at a glance, what they can safely spend today — \
and never dreads tax season again.";

const STRATEGY: &str = "Win solo freelancers in the UK and Germany first: connect their bank \
accounts, set aside tax automatically, and make invoicing a two-minute job. Grow through \
accountants who recommend Lumen to their clients. Stay out of payroll and teams until \
retention at 6 months is above 60 %.";

const TARGET_USERS: &str = "Independent designers, developers and consultants with irregular \
income (2–15 clients a year), who do their own bookkeeping and hand it to an accountant once \
a year.";

const NORTH_STAR: &str = "Weekly active freelancers who checked their “safe to spend” figure";

/// (title, status, kind, Markdown description), in the demo's rank order.
const ITEMS: &[(&str, ItemStatus, ItemKind, &str)] = &[
    ("Automatic tax pot", ItemStatus::InProgress, ItemKind::Feature,
     "Move a share of every incoming payment into a **tax pot** so the tax bill is never a surprise.\n\n- Percentage suggested from last year's return\n- Pauses when the pot covers the estimate"),
    ("Freelancers can't tell what is safe to spend", ItemStatus::Discovery, ItemKind::Opportunity,
     "11 of 14 interviewees keep a spreadsheet on the side to work out what they can spend. \
      *“I check three apps and still guess.”*"),
    ("“Safe to spend” figure on the home screen", ItemStatus::Ready, ItemKind::Feature,
     "Balance minus tax pot minus upcoming bills, recomputed on every transaction."),
    ("Connect a second bank account", ItemStatus::Ready, ItemKind::Story,
     "As a freelancer with a business and a personal account, I want both in Lumen so that the safe-to-spend figure is right.\n\n**Given** one connected account **when** I add another **then** both balances count."),
    ("Invoice from a template in two minutes", ItemStatus::InProgress, ItemKind::Feature,
     "Templates with logo, payment terms and VAT; send as PDF by email."),
    ("Late-payment reminders", ItemStatus::Ready, ItemKind::Feature,
     "Polite reminder emails at 7, 14 and 30 days overdue, editable per client."),
    ("Match incoming payments to invoices", ItemStatus::Discovery, ItemKind::Feature,
     "Suggest the invoice a payment settles; one click to confirm."),
    ("Quarterly VAT return draft", ItemStatus::Idea, ItemKind::Feature,
     "Pre-fill the VAT return from categorised transactions (UK MTD first)."),
    ("Accountants need read-only access", ItemStatus::Discovery, ItemKind::Opportunity,
     "Six accountants asked for a login of their own instead of CSV exports by email."),
    ("Share a read-only link with my accountant", ItemStatus::Idea, ItemKind::Story,
     "As a freelancer I want to invite my accountant so that I stop emailing spreadsheets."),
    ("Categorise transactions with one tap", ItemStatus::Shipped, ItemKind::Feature,
     "Swipe to accept the suggested category; learns from corrections."),
    ("Receipt capture with the phone camera", ItemStatus::Ready, ItemKind::Feature,
     "Snap a receipt, attach it to the matching expense, keep the image for 7 years."),
    ("Irregular income makes budgeting stressful", ItemStatus::Discovery, ItemKind::Opportunity,
     "Survey (n = 212): 64 % say a slow month is their biggest money worry."),
    ("Smooth income into a monthly “salary”", ItemStatus::Idea, ItemKind::Feature,
     "Pay yourself a steady amount from a buffer pot; top up in good months."),
    ("Year-end summary for the tax return", ItemStatus::Idea, ItemKind::Feature,
     "One PDF with income, expenses by category and tax already set aside."),
    ("Mileage tracking", ItemStatus::Idea, ItemKind::Feature,
     "Log business trips and claim the mileage allowance."),
    ("Export to DATEV for German accountants", ItemStatus::Discovery, ItemKind::Feature,
     "Asked for by 4 of 5 German accountants we spoke to."),
    ("Client profitability report", ItemStatus::Idea, ItemKind::Feature,
     "Income per client minus time-tracked hours: which clients are worth keeping?"),
    ("Dark mode", ItemStatus::Shipped, ItemKind::Feature, "Follows the system setting."),
    ("Onboarding: connect a bank in under a minute", ItemStatus::Shipped, ItemKind::Story,
     "As a new user I want to connect my bank right away so that I see my real numbers."),
    ("Multi-currency invoices", ItemStatus::Idea, ItemKind::Feature,
     "Invoice in EUR, USD or GBP; show the converted amount at the day's rate."),
    ("Expense rules (“always Software”)", ItemStatus::Idea, ItemKind::Feature,
     "Rules by merchant or amount that categorise automatically."),
    ("Two-factor sign-in", ItemStatus::Ready, ItemKind::Feature,
     "TOTP apps and passkeys; required before connecting a bank."),
    ("Freelancers forget which expenses are deductible", ItemStatus::Idea, ItemKind::Opportunity,
     "Support tickets: 38 questions last quarter about what counts as a business expense."),
    ("Print-friendly invoice layout", ItemStatus::Archived, ItemKind::Feature,
     "Superseded by PDF invoices."),
];

/// Adds the demo product and its backlog in one transaction, outside the undo history.
pub fn seed_demo_product(connection: &Connection) -> CoreResult<String> {
    let product_id = new_id();
    let at = format_timestamp(&now());
    connection.execute(
        "INSERT INTO product (id, name, vision, strategy, target_users, north_star_metric, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            product_id,
            DEMO_PRODUCT_NAME,
            VISION,
            STRATEGY,
            TARGET_USERS,
            NORTH_STAR,
            at
        ],
    )?;
    let mut rank: Option<String> = None;
    for (title, status, kind, description) in ITEMS {
        let next = key_between(rank.as_deref(), None)?;
        connection.execute(
            "INSERT INTO backlog_item (id, product_id, title, description, status, kind, rank, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                new_id(),
                product_id,
                title,
                description,
                status.as_str(),
                kind.as_str(),
                next,
                at
            ],
        )?;
        rank = Some(next);
    }
    Ok(product_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::items::list_items;
    use crate::validate::validate_title;
    use crate::Store;

    #[test]
    fn the_demo_product_is_realistic_and_valid() {
        let store = Store::open_in_memory().unwrap();
        let id = store.write_untracked(seed_demo_product).unwrap();
        let items = store.read(|c| list_items(c, &id)).unwrap();
        assert_eq!(items.len(), 25);
        assert_eq!(items[0].title, "Automatic tax pot");
        for item in &items {
            validate_title("title", "item", &item.title).unwrap();
            assert!(!item.description.is_empty());
        }
        assert!(
            !store.history_state().can_undo,
            "seeding is not an undoable action"
        );
    }
}
