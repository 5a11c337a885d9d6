//! The demo product a first start shows, so a new user sees Northstar with realistic content.
//! The user can delete it like any other product.

use crate::board::BoardKind;
use crate::model::MoveTarget;
use crate::mutation::Changes;
use crate::queries::board_moves::move_card;
use rusqlite::{params, Connection};

use crate::error::CoreResult;
use crate::ids::new_id;
use crate::model::{ItemKind, ItemStatus};
use crate::queries::item_scores::write_inputs;
use crate::rank::key_between;
use crate::scoring::{KanoCategory, MoscowBucket, ScoreInputs};
use crate::time::{format_timestamp, now};

mod decisions;
mod evidence;
mod plan;
mod research;
mod roadmap;

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

/// An item's inputs in every framework, `None` where the demo leaves it unscored.
struct DemoScores {
    /// Reach, impact, confidence (%), effort (person-months; `None`: RICE is half filled in).
    rice: Option<(f64, f64, i32, Option<f64>)>,
    /// Impact, confidence, ease.
    ice: Option<(i32, i32, i32)>,
    /// Business value, time criticality, risk reduction, job size.
    wsjf: Option<(i32, i32, i32, i32)>,
    moscow: Option<MoscowBucket>,
    kano: Option<KanoCategory>,
    /// Value, effort.
    matrix: Option<(i32, i32)>,
}

const UNSCORED: DemoScores = DemoScores {
    rice: None,
    ice: None,
    wsjf: None,
    moscow: None,
    kano: None,
    matrix: None,
};

const fn scored(
    rice: (f64, f64, i32, Option<f64>),
    ice: (i32, i32, i32),
    wsjf: Option<(i32, i32, i32, i32)>,
    moscow: MoscowBucket,
    kano: KanoCategory,
    matrix: (i32, i32),
) -> DemoScores {
    DemoScores {
        rice: Some(rice),
        ice: Some(ice),
        wsjf,
        moscow: Some(moscow),
        kano: Some(kano),
        matrix: Some(matrix),
    }
}

use KanoCategory::{Attractive, Indifferent, MustBe, Performance, Reverse};
use MoscowBucket::{Could, Must, Should, Wont};

/// The inputs of [`ITEMS`], in the same order. The opportunities stay unscored (they are
/// problems, not solutions); the score orders differ from the manual one so that drift shows:
/// onboarding and two-factor sign-in outscore what sits above them, the year-end summary is far
/// below where RICE and WSJF would put it.
const SCORES: [DemoScores; 25] = [
    scored(
        (1800.0, 3.0, 80, Some(3.0)),
        (9, 8, 6),
        Some((20, 13, 8, 8)),
        Must,
        Attractive,
        (9, 6),
    ),
    UNSCORED,
    scored(
        (2400.0, 3.0, 80, Some(2.0)),
        (9, 7, 7),
        Some((20, 8, 5, 5)),
        Must,
        Attractive,
        (9, 4),
    ),
    scored(
        (900.0, 2.0, 100, Some(1.0)),
        (7, 9, 8),
        Some((8, 5, 3, 3)),
        Should,
        Performance,
        (6, 3),
    ),
    scored(
        (1500.0, 2.0, 80, Some(4.0)),
        (8, 8, 5),
        Some((13, 8, 3, 8)),
        Must,
        MustBe,
        (8, 6),
    ),
    scored(
        (1100.0, 1.0, 80, Some(1.0)),
        (6, 8, 9),
        Some((8, 5, 2, 2)),
        Should,
        Performance,
        (6, 2),
    ),
    scored(
        (1300.0, 2.0, 50, Some(3.0)),
        (7, 5, 4),
        Some((8, 3, 5, 8)),
        Could,
        Performance,
        (7, 7),
    ),
    scored(
        (700.0, 3.0, 50, Some(6.0)),
        (8, 4, 3),
        Some((13, 13, 8, 13)),
        Should,
        MustBe,
        (8, 9),
    ),
    UNSCORED,
    scored(
        (400.0, 1.0, 80, Some(1.0)),
        (6, 7, 8),
        Some((5, 3, 8, 3)),
        Could,
        Attractive,
        (5, 3),
    ),
    scored(
        (2600.0, 1.0, 100, Some(2.0)),
        (7, 9, 7),
        Some((8, 2, 2, 5)),
        Must,
        Performance,
        (7, 4),
    ),
    scored(
        (1000.0, 1.0, 80, Some(2.0)),
        (6, 8, 6),
        Some((5, 3, 5, 5)),
        Should,
        Performance,
        (6, 5),
    ),
    UNSCORED,
    scored(
        (800.0, 3.0, 50, Some(4.0)),
        (8, 5, 4),
        Some((8, 3, 3, 8)),
        Could,
        Attractive,
        (8, 8),
    ),
    scored(
        (1900.0, 2.0, 80, Some(2.0)),
        (7, 8, 8),
        Some((13, 13, 3, 3)),
        Should,
        MustBe,
        (8, 3),
    ),
    scored(
        (300.0, 0.5, 80, Some(1.0)),
        (4, 7, 8),
        Some((2, 1, 1, 2)),
        Wont,
        Indifferent,
        (3, 3),
    ),
    scored(
        (250.0, 2.0, 80, Some(3.0)),
        (6, 6, 4),
        Some((8, 8, 5, 8)),
        Could,
        MustBe,
        (5, 6),
    ),
    scored(
        (500.0, 1.0, 50, Some(2.0)),
        (5, 4, 6),
        Some((3, 1, 2, 5)),
        Wont,
        Attractive,
        (4, 5),
    ),
    scored(
        (2000.0, 0.25, 100, Some(0.5)),
        (3, 9, 9),
        Some((2, 1, 1, 1)),
        Could,
        Indifferent,
        (2, 1),
    ),
    scored(
        (3000.0, 2.0, 100, Some(1.0)),
        (9, 9, 7),
        Some((20, 13, 13, 5)),
        Must,
        MustBe,
        (10, 3),
    ),
    scored(
        (350.0, 1.0, 50, None),
        (5, 5, 5),
        None,
        Could,
        Performance,
        (4, 6),
    ),
    scored(
        (900.0, 1.0, 80, Some(1.0)),
        (6, 7, 9),
        Some((5, 2, 3, 2)),
        Should,
        Performance,
        (5, 2),
    ),
    scored(
        (3000.0, 0.5, 100, Some(1.0)),
        (7, 9, 6),
        Some((8, 8, 20, 3)),
        Must,
        MustBe,
        (7, 3),
    ),
    UNSCORED,
    DemoScores {
        rice: None,
        ice: Some((2, 8, 9)),
        wsjf: None,
        moscow: Some(Wont),
        kano: Some(Reverse),
        matrix: Some((1, 2)),
    },
];

impl DemoScores {
    fn inputs(&self) -> ScoreInputs {
        let rice = self.rice;
        ScoreInputs {
            rice_reach: rice.map(|r| r.0),
            rice_impact: rice.map(|r| r.1),
            rice_confidence: rice.map(|r| r.2),
            rice_effort: rice.and_then(|r| r.3),
            ice_impact: self.ice.map(|i| i.0),
            ice_confidence: self.ice.map(|i| i.1),
            ice_ease: self.ice.map(|i| i.2),
            wsjf_business_value: self.wsjf.map(|w| w.0),
            wsjf_time_criticality: self.wsjf.map(|w| w.1),
            wsjf_risk_reduction: self.wsjf.map(|w| w.2),
            wsjf_job_size: self.wsjf.map(|w| w.3),
            moscow: self.moscow,
            kano: self.kano,
            value: self.matrix.map(|m| m.0),
            effort: self.matrix.map(|m| m.1),
        }
    }
}

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
    for ((title, status, kind, description), scores) in ITEMS.iter().zip(&SCORES) {
        let next = key_between(rank.as_deref(), None)?;
        let id = new_id();
        connection.execute(
            "INSERT INTO backlog_item (id, product_id, title, description, status, kind, rank, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id,
                product_id,
                title,
                description,
                status.as_str(),
                kind.as_str(),
                next,
                at
            ],
        )?;
        write_inputs(connection, &id, &scores.inputs(), &at)?;
        rank = Some(next);
    }
    seed_demo_boards(connection, &product_id)?;
    decisions::seed_demo_decisions(connection, &product_id)?;
    crate::demo_kano_survey::seed_demo_survey(connection, &product_id)?;
    plan::seed_demo_plan(connection, &product_id)?;
    roadmap::seed_demo_roadmap(connection, &product_id)?;
    research::seed_demo_research(connection, &product_id)?;
    evidence::seed_demo_evidence(connection, &product_id)?;
    Ok(product_id)
}

/// Cards moved to the top of their column on each board, last first, so the boards' orders
/// differ from the backlog's: security first among the Musts, the year-end summary first among
/// the Shoulds, dark mode first among the Coulds; on the Kano board, a few cards ahead of the backlog's order.
const DEMO_BOARD_MOVES: [(BoardKind, &str); 6] = [
    (BoardKind::Moscow, "Dark mode"),
    (BoardKind::Moscow, "Two-factor sign-in"),
    (BoardKind::Moscow, "Year-end summary for the tax return"),
    (BoardKind::Kano, "Smooth income into a monthly “salary”"),
    (BoardKind::Kano, "Dark mode"),
    (BoardKind::Kano, "Receipt capture with the phone camera"),
];

/// Places the demo's cards through the same moves the boards make (outside the undo history).
fn seed_demo_boards(connection: &Connection, product_id: &str) -> CoreResult<()> {
    let mut changes = Changes::new(connection, None);
    for (board, title) in DEMO_BOARD_MOVES {
        let sql = format!(
            "SELECT id, coalesce({}, ?3) FROM backlog_item WHERE product_id = ?1 AND title = ?2",
            board.item_column()
        );
        let (id, column): (String, String) = connection.query_row(
            &sql,
            params![product_id, title, crate::board::UNSORTED],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        move_card(&mut changes, &id, board, &column, &MoveTarget::Top)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::items::list_items;
    use crate::validate::validate_title;
    use crate::Store;

    #[test]
    fn the_demo_boards_have_cards_placed_on_them() {
        let store = Store::open_in_memory().unwrap();
        let id = store.write_untracked(seed_demo_product).unwrap();
        for board in [BoardKind::Moscow, BoardKind::Kano] {
            let view = store
                .read(|c| crate::queries::boards::list_board(c, &id, board))
                .unwrap();
            let firsts: Vec<&str> = view
                .columns
                .iter()
                .filter_map(|column| column.cards.first())
                .map(|card| card.title.as_str())
                .collect();
            let placed: Vec<&str> = DEMO_BOARD_MOVES
                .iter()
                .filter(|(kind, _)| *kind == board)
                .map(|(_, title)| *title)
                .collect();
            // Each was moved to the top of its column last, so it leads its column.
            for title in &placed {
                assert!(
                    firsts.contains(title),
                    "{title} leads no column: {firsts:?}"
                );
            }
            assert_eq!(placed.len(), 3);
        }
        let rows: i64 = store
            .read(|c| {
                let sql = "SELECT count(*) FROM board_rank WHERE board IN ('moscow', 'kano')";
                Ok(c.query_row(sql, [], |r| r.get(0))?)
            })
            .unwrap();
        assert_eq!(rows, 6);
        assert!(
            !store.history_state().can_undo,
            "the demo is not an undo step"
        );
    }

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

    #[test]
    fn most_demo_items_are_scored_in_every_framework_with_drift_to_see() {
        use crate::queries::items::list_item_summaries;
        use crate::scoring::inputs::InputValue;
        use crate::scoring::ScoreInput;

        let store = Store::open_in_memory().unwrap();
        let id = store.write_untracked(seed_demo_product).unwrap();
        let rows = store.read(|c| list_item_summaries(c, &id)).unwrap();
        let count = |scored: &dyn Fn(&crate::model::ItemSummary) -> bool| {
            rows.iter().filter(|row| scored(row)).count()
        };
        assert_eq!(count(&|row| row.scores.rice.is_some()), 19);
        assert_eq!(count(&|row| row.scores.ice.is_some()), 21);
        assert_eq!(count(&|row| row.scores.wsjf.is_some()), 19);
        assert_eq!(count(&|row| row.scores.moscow.is_some()), 21);
        assert_eq!(count(&|row| row.scores.kano.is_some()), 21);
        assert_eq!(count(&|row| row.scores.value.is_some()), 21);
        // A half-filled RICE: inputs set, no score.
        let multi_currency = rows
            .iter()
            .find(|r| r.title == "Multi-currency invoices")
            .unwrap();
        assert!(multi_currency.inputs.rice_reach.is_some() && multi_currency.scores.rice.is_none());
        // Score orders that differ from the manual order, some far.
        type Pick = fn(&crate::scoring::ScorePositions) -> Option<crate::scoring::ScorePosition>;
        let frameworks: [Pick; 3] = [|p| p.rice, |p| p.ice, |p| p.wsjf];
        for framework in frameworks {
            let far = rows
                .iter()
                .filter_map(|row| framework(&row.score_positions))
                .filter(|p| p.far);
            assert!(far.count() >= 3);
        }
        let top = rows
            .iter()
            .find(|row| row.score_positions.rice.map(|p| p.position) == Some(1))
            .unwrap();
        assert_eq!(top.title, "Onboarding: connect a bank in under a minute");
        // Every stored value passes the same validation as the UI's.
        for row in &rows {
            let mut checked = crate::scoring::ScoreInputs::default();
            for input in ScoreInput::ALL {
                let value = match input {
                    ScoreInput::Moscow => row
                        .inputs
                        .moscow
                        .map(|b| InputValue::Text(b.as_str().into())),
                    ScoreInput::Kano => {
                        row.inputs.kano.map(|k| InputValue::Text(k.as_str().into()))
                    }
                    _ => row.inputs.number(input).map(InputValue::Number),
                };
                checked.apply(input, value.as_ref()).unwrap();
            }
            assert_eq!(checked, row.inputs);
        }
    }
}
