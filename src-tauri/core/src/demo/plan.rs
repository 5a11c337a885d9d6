//! The demo product's roadmap plan: goals with key results a product owner of Lumen would
//! track, themes, three releases (dated around today, one full with Musts, one over capacity,
//! one counted in points) with two milestones, and the demo's items linked to them by title.

use chrono::{Days, Local, NaiveDate};
use rusqlite::{params, Connection};

use crate::error::{CoreError, CoreResult};
use crate::mutation::Changes;
use crate::plan::{
    CapacityUnit, GoalFields, KeyResultFields, MilestoneFields, PlanLink, ReleaseFields,
    ThemeFields,
};
use crate::queries::goals::{create_goal, create_key_result};
use crate::queries::item_plan::set_item_link;
use crate::queries::milestones::create_milestone;
use crate::queries::releases::create_release;
use crate::queries::themes::create_theme;

struct DemoGoal {
    title: &'static str,
    description: &'static str,
    /// Metric, unit, baseline, target, current.
    key_results: &'static [(&'static str, &'static str, f64, f64, f64)],
    items: &'static [&'static str],
}

const GOALS: &[DemoGoal] = &[
    DemoGoal {
        title: "Freelancers are never surprised by their tax bill",
        description: "Tax-season dread is why people sign up; the first year decides whether \
                      they stay.",
        key_results: &[
            ("Active users with a funded tax pot", "%", 0.0, 60.0, 22.0),
            (
                "Support tickets about tax bills per month",
                "tickets",
                140.0,
                40.0,
                95.0,
            ),
        ],
        items: &[
            "Automatic tax pot",
            "Quarterly VAT return draft",
            "Year-end summary for the tax return",
        ],
    },
    DemoGoal {
        title: "Get paid faster",
        description: "Late payments are the second worry of the freelancers we interviewed.",
        key_results: &[
            (
                "Median days from invoice to payment",
                "days",
                34.0,
                21.0,
                29.0,
            ),
            (
                "Invoices sent per active user per month",
                "invoices",
                2.1,
                4.0,
                2.6,
            ),
            (
                "Payments matched to an invoice automatically",
                "%",
                0.0,
                80.0,
                10.0,
            ),
        ],
        items: &[
            "Invoice from a template in two minutes",
            "Late-payment reminders",
            "Match incoming payments to invoices",
        ],
    },
    DemoGoal {
        title: "Accountants recommend Lumen",
        description: "Accountants are the channel that brings us new freelancers.",
        key_results: &[
            (
                "Accountants with read-only access",
                "accountants",
                0.0,
                150.0,
                12.0,
            ),
            ("Sign-ups referred by an accountant", "%", 3.0, 15.0, 4.0),
        ],
        items: &[
            "Share a read-only link with my accountant",
            "Export to DATEV for German accountants",
        ],
    },
];

/// (name, description, items).
const THEMES: &[(&str, &str, &[&str])] = &[
    (
        "Taxes",
        "Everything that makes the tax return a non-event.",
        &[
            "Automatic tax pot",
            "Quarterly VAT return draft",
            "Year-end summary for the tax return",
        ],
    ),
    (
        "Getting paid",
        "From the invoice to the money on the account.",
        &[
            "Invoice from a template in two minutes",
            "Late-payment reminders",
            "Match incoming payments to invoices",
            "Multi-currency invoices",
        ],
    ),
    (
        "Trust and security",
        "What our bank partners and cautious users ask for first.",
        &[
            "Two-factor sign-in",
            "Connect a second bank account",
            "Onboarding: connect a bank in under a minute",
        ],
    ),
];

struct DemoRelease {
    name: &'static str,
    /// Days from today (negative: in the past).
    starts: i64,
    ends: i64,
    capacity: f64,
    unit: CapacityUnit,
    items: &'static [&'static str],
}

/// The first is full (12 of 12 person-months) and nearly all Musts; the second over capacity
/// with an item that has no RICE effort; the third is counted in WSJF job-size points.
const RELEASES: &[DemoRelease] = &[
    DemoRelease {
        name: "1.4 Tax season",
        starts: -45,
        ends: 15,
        capacity: 12.0,
        unit: CapacityUnit::PersonMonths,
        items: &[
            "Automatic tax pot",
            "“Safe to spend” figure on the home screen",
            "Invoice from a template in two minutes",
            "Late-payment reminders",
            "Onboarding: connect a bank in under a minute",
            "Two-factor sign-in",
        ],
    },
    DemoRelease {
        name: "1.5 Banks and receipts",
        starts: 16,
        ends: 75,
        capacity: 8.0,
        unit: CapacityUnit::PersonMonths,
        items: &[
            "Connect a second bank account",
            "Quarterly VAT return draft",
            "Receipt capture with the phone camera",
            "Multi-currency invoices",
            "Expense rules (“always Software”)",
        ],
    },
    DemoRelease {
        name: "2.0 Accountants",
        starts: 76,
        ends: 165,
        capacity: 20.0,
        unit: CapacityUnit::Points,
        items: &[
            "Share a read-only link with my accountant",
            "Year-end summary for the tax return",
            "Export to DATEV for German accountants",
        ],
    },
];

/// (name, days from today, the release it belongs to).
const MILESTONES: &[(&str, i64, Option<&str>)] = &[
    ("Beta launch", 16, Some("1.5 Banks and receipts")),
    ("Public launch", 76, Some("2.0 Accountants")),
];

fn day(today: NaiveDate, offset: i64) -> String {
    let moved = if offset >= 0 {
        today.checked_add_days(Days::new(offset.unsigned_abs()))
    } else {
        today.checked_sub_days(Days::new(offset.unsigned_abs()))
    };
    moved.unwrap_or(today).format("%Y-%m-%d").to_string()
}

fn item_id(connection: &Connection, product_id: &str, title: &str) -> CoreResult<String> {
    connection
        .query_row(
            "SELECT id FROM backlog_item WHERE product_id = ?1 AND title = ?2",
            params![product_id, title],
            |row| row.get(0),
        )
        .map_err(CoreError::from)
}

fn link_all(
    changes: &mut Changes,
    product_id: &str,
    titles: &[&str],
    link: PlanLink,
    target: &str,
) -> CoreResult<()> {
    for title in titles {
        let id = item_id(changes.connection(), product_id, title)?;
        set_item_link(changes, &id, link, Some(target))?;
    }
    Ok(())
}

/// Records the demo's plan (outside the undo history, like the rest of the demo).
pub(super) fn seed_demo_plan(connection: &Connection, product_id: &str) -> CoreResult<()> {
    let mut changes = Changes::new(connection, None);
    for demo in GOALS {
        let fields = GoalFields {
            title: demo.title.to_string(),
            description: demo.description.to_string(),
        };
        let goal = create_goal(&mut changes, product_id, &fields)?;
        for (metric, unit, baseline, target, current) in demo.key_results {
            let fields = KeyResultFields {
                metric: metric.to_string(),
                unit: unit.to_string(),
                baseline: Some(*baseline),
                target: Some(*target),
                current: Some(*current),
            };
            create_key_result(&mut changes, &goal.id, &fields)?;
        }
        link_all(
            &mut changes,
            product_id,
            demo.items,
            PlanLink::Goal,
            &goal.id,
        )?;
    }
    for (name, description, items) in THEMES {
        let fields = ThemeFields {
            name: name.to_string(),
            description: description.to_string(),
        };
        let theme = create_theme(&mut changes, product_id, &fields)?;
        link_all(&mut changes, product_id, items, PlanLink::Theme, &theme.id)?;
    }
    let today = Local::now().date_naive();
    let mut release_ids = Vec::new();
    for demo in RELEASES {
        let fields = ReleaseFields {
            name: demo.name.to_string(),
            starts_on: day(today, demo.starts),
            ends_on: day(today, demo.ends),
            capacity: Some(demo.capacity),
            capacity_unit: Some(demo.unit),
        };
        let release = create_release(&mut changes, product_id, &fields)?.release;
        link_all(
            &mut changes,
            product_id,
            demo.items,
            PlanLink::Release,
            &release.id,
        )?;
        release_ids.push((demo.name, release.id));
    }
    for (name, offset, release) in MILESTONES {
        let release_id = release.and_then(|wanted| {
            release_ids
                .iter()
                .find(|(name, _)| *name == wanted)
                .map(|(_, id)| id.clone())
        });
        let fields = MilestoneFields {
            name: name.to_string(),
            falls_on: day(today, *offset),
            release_id,
        };
        create_milestone(&mut changes, product_id, &fields)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::demo::seed_demo_product;
    use crate::queries::goals::list_goals;
    use crate::queries::milestones::list_milestones;
    use crate::queries::releases::list_releases;
    use crate::queries::themes::list_themes;
    use crate::Store;

    #[test]
    fn the_demo_plan_has_goals_in_progress_and_releases_near_and_over_capacity() {
        let store = Store::open_in_memory().unwrap();
        let id = store.write_untracked(seed_demo_product).unwrap();
        let goals = store.read(|c| list_goals(c, &id)).unwrap();
        assert_eq!(goals.len(), 3);
        for goal in &goals {
            let progress = goal.progress.unwrap();
            assert!(
                progress > 0.0 && progress < 1.0,
                "{}: {progress}",
                goal.title
            );
            assert!(!goal.items.is_empty());
        }
        assert_eq!(store.read(|c| list_themes(c, &id)).unwrap().len(), 3);

        let releases = store.read(|c| list_releases(c, &id)).unwrap();
        let messages: Vec<&str> = releases.iter().map(|r| r.load.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "12 of 12 person-months (100 %)",
                "10 of 8 person-months (125 %): over capacity by 2 person-months",
                "14 of 20 points (70 %)",
            ]
        );
        assert!(
            releases[0].load.musts_over_limit,
            "the full release is mostly Musts"
        );
        assert_eq!(
            releases[1].load.unsized_message.as_deref(),
            Some("1 item has no RICE effort and is not counted: “Multi-currency invoices”.")
        );
        let milestones = store.read(|c| list_milestones(c, &id)).unwrap();
        assert_eq!(milestones[0].name, "Beta launch");
        assert_eq!(
            milestones[0].release.as_ref().unwrap().name,
            "1.5 Banks and receipts"
        );
        assert!(
            !store.history_state().can_undo,
            "the demo is not an undo step"
        );
    }
}
