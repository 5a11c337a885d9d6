//! The demo product's roadmap: items spread over Now, Next and Later through the board's own
//! moves, and about half of them dated over the next nine months (relative to the Monday of the
//! current week, so the timeline shows work around today whenever the demo is created).

use rusqlite::{params, Connection};

use crate::board::BoardKind;
use crate::calendar::CalendarDay;
use crate::error::{CoreError, CoreResult};
use crate::model::MoveTarget;
use crate::mutation::Changes;
use crate::queries::board_moves::move_card;
use crate::queries::item_schedule::set_item_dates;

/// An item's place on the roadmap: its horizon and, when dated, its first day (days after this
/// week's Monday; negative: already started) and its length in days.
struct DemoPlan {
    title: &'static str,
    horizon: &'static str,
    dates: Option<(i64, i64)>,
}

/// In each lane's order, first card first.
const PLANS: &[DemoPlan] = &[
    DemoPlan {
        title: "Automatic tax pot",
        horizon: "now",
        dates: Some((-14, 42)),
    },
    DemoPlan {
        title: "“Safe to spend” figure on the home screen",
        horizon: "now",
        dates: Some((0, 35)),
    },
    DemoPlan {
        title: "Connect a second bank account",
        horizon: "now",
        dates: Some((21, 28)),
    },
    DemoPlan {
        title: "Onboarding: connect a bank in under a minute",
        horizon: "now",
        dates: Some((7, 21)),
    },
    DemoPlan {
        title: "Invoice from a template in two minutes",
        horizon: "next",
        dates: Some((49, 35)),
    },
    DemoPlan {
        title: "Late-payment reminders",
        horizon: "next",
        dates: Some((84, 21)),
    },
    DemoPlan {
        title: "Quarterly VAT return draft",
        horizon: "next",
        dates: Some((98, 56)),
    },
    DemoPlan {
        title: "Share a read-only link with my accountant",
        horizon: "next",
        dates: Some((126, 28)),
    },
    DemoPlan {
        title: "Categorise transactions with one tap",
        horizon: "next",
        dates: Some((140, 21)),
    },
    DemoPlan {
        title: "Match incoming payments to invoices",
        horizon: "next",
        dates: None,
    },
    DemoPlan {
        title: "Year-end summary for the tax return",
        horizon: "later",
        dates: Some((182, 42)),
    },
    DemoPlan {
        title: "Smooth income into a monthly “salary”",
        horizon: "later",
        dates: Some((224, 49)),
    },
    DemoPlan {
        title: "Mileage tracking",
        horizon: "later",
        dates: Some((252, 21)),
    },
    DemoPlan {
        title: "Receipt capture with the phone camera",
        horizon: "later",
        dates: None,
    },
    DemoPlan {
        title: "Export to DATEV for German accountants",
        horizon: "later",
        dates: None,
    },
    DemoPlan {
        title: "Dark mode",
        horizon: "later",
        dates: None,
    },
];

/// Places the demo's cards on the Now/Next/Later board and dates them (outside the undo
/// history), through the same code the board and the timeline use.
pub(crate) fn seed_demo_roadmap(connection: &Connection, product_id: &str) -> CoreResult<()> {
    seed_demo_roadmap_from(connection, product_id, CalendarDay::today().week_start())
}

pub(crate) fn seed_demo_roadmap_from(
    connection: &Connection,
    product_id: &str,
    monday: CalendarDay,
) -> CoreResult<()> {
    let mut changes = Changes::new(connection, None);
    for plan in PLANS {
        let id: String = connection
            .query_row(
                "SELECT id FROM backlog_item WHERE product_id = ?1 AND title = ?2",
                params![product_id, plan.title],
                |row| row.get(0),
            )
            .map_err(|_| CoreError::not_found("demo item", plan.title))?;
        move_card(
            &mut changes,
            &id,
            BoardKind::Horizon,
            plan.horizon,
            &MoveTarget::Bottom,
        )?;
        if let Some((from, days)) = plan.dates {
            let start = monday.add_days("startDate", from)?;
            let end = start.add_days("endDate", days - 1)?;
            let (start, end) = (start.to_string(), end.to_string());
            set_item_dates(&mut changes, &id, Some(&start), Some(&end))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::boards::list_board;
    use crate::queries::items::list_items;
    use crate::Store;

    #[test]
    fn the_demo_roadmap_spreads_items_over_the_lanes_and_dates_about_half() {
        let store = Store::open_in_memory().unwrap();
        let product = store
            .write_untracked(|c| {
                let id = crate::demo::seed_demo_product(c)?;
                // Dated again from a fixed Monday, so nothing here depends on today.
                c.execute(
                    "UPDATE backlog_item SET start_date = NULL, end_date = NULL",
                    [],
                )?;
                let monday = CalendarDay::parse("d", "2027-03-01")?;
                seed_demo_roadmap_from(c, &id, monday)?;
                Ok(id)
            })
            .unwrap();
        let view = store
            .read(|c| list_board(c, &product, BoardKind::Horizon))
            .unwrap();
        let counts: Vec<(String, usize)> = view
            .columns
            .iter()
            .map(|column| (column.column.clone(), column.cards.len()))
            .collect();
        let items = store.read(|c| list_items(c, &product)).unwrap();
        let expected_unsorted = items.len() - PLANS.len();
        assert_eq!(
            counts,
            [
                ("now".to_string(), 4),
                ("next".to_string(), 6),
                ("later".to_string(), 6),
                ("unsorted".to_string(), expected_unsorted),
            ]
        );
        let first_now = &view.columns[0].cards[0];
        assert_eq!(first_now.title, "Automatic tax pot");
        assert_eq!(first_now.start_date.as_deref(), Some("2027-02-15"));
        assert_eq!(first_now.end_date.as_deref(), Some("2027-03-28"));
        let dated = items
            .iter()
            .filter(|item| item.start_date.is_some())
            .count();
        assert!(
            dated * 2 + 1 >= items.len() && dated * 2 <= items.len() + 3,
            "{dated} of {}",
            items.len()
        );
        assert!(!store.history_state().can_undo);
    }
}
