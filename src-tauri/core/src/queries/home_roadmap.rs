//! The product home's roadmap snapshot: Now, Next and Later with their counts and their first
//! three cards in the board's order (`boards::list_board`, so the home and the board agree), and
//! the next release and milestone from today (the plan's date order, `timeline::read_plan`).

use rusqlite::Connection;
use serde::Serialize;

use crate::board::{BoardKind, UNSORTED};
use crate::calendar::{range_words, CalendarDay};
use crate::decision::LinkedItem;
use crate::error::CoreResult;
use crate::queries::boards::list_board;
use crate::queries::timeline::read_plan;

/// How many cards of each lane the home names.
pub const TOP_CARDS: usize = 3;

/// One lane of the snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HomeLane {
    /// "now", "next", "later".
    pub column: String,
    /// "Now", "Next", "Later".
    pub label: String,
    pub count: i32,
    /// Its first cards in the board's order.
    pub top: Vec<LinkedItem>,
}

/// A release or milestone the home names: its id, name and days in words.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HomeDate {
    pub id: String,
    pub name: String,
    /// "1 Apr – 30 Jun 2027" (a release), "12 Mar 2027" (a milestone).
    pub when: String,
}

/// The snapshot the product home shows under the goals.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HomeRoadmap {
    pub lanes: Vec<HomeLane>,
    /// The first release by date that has not ended by `today` (running or to come).
    pub next_release: Option<HomeDate>,
    /// The first milestone on or after `today`.
    pub next_milestone: Option<HomeDate>,
}

/// The product's roadmap snapshot as of `today`.
pub fn home_roadmap(
    connection: &Connection,
    product_id: &str,
    today: CalendarDay,
) -> CoreResult<HomeRoadmap> {
    let board = list_board(connection, product_id, BoardKind::Horizon)?;
    let lanes = board
        .columns
        .into_iter()
        .filter(|column| column.column != UNSORTED)
        .map(|column| HomeLane {
            count: i32::try_from(column.cards.len()).unwrap_or(i32::MAX),
            top: column
                .cards
                .into_iter()
                .take(TOP_CARDS)
                .map(|card| LinkedItem {
                    id: card.id,
                    title: card.title,
                })
                .collect(),
            column: column.column,
            label: column.label,
        })
        .collect();
    let plan = read_plan(connection, product_id)?;
    let next_release = plan
        .releases
        .iter()
        .find(|release| release.end >= today)
        .map(|release| HomeDate {
            id: release.id.clone(),
            name: release.name.clone(),
            when: range_words(release.start, release.end),
        });
    let next_milestone = plan
        .milestones
        .iter()
        .find(|milestone| milestone.day >= today)
        .map(|milestone| HomeDate {
            id: milestone.id.clone(),
            name: milestone.name.clone(),
            when: milestone.day.words(),
        });
    Ok(HomeRoadmap {
        lanes,
        next_release,
        next_milestone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MoveTarget;
    use crate::plan::{MilestoneFields, ReleaseFields};
    use crate::queries::board_moves::move_card;
    use crate::queries::items::test_support::{id_of, store_with_items};
    use crate::queries::milestones::create_milestone;
    use crate::queries::releases::create_release;

    fn day(text: &str) -> CalendarDay {
        CalendarDay::parse("day", text).unwrap()
    }

    #[test]
    fn lanes_count_their_cards_and_name_the_first_three_in_board_order() {
        let (store, product) = store_with_items(&["A", "B", "C", "D", "E"]);
        for title in ["A", "B", "C", "D"] {
            let id = id_of(&store, &product, title);
            store
                .write(|c| move_card(c, &id, BoardKind::Horizon, "now", &MoveTarget::Top))
                .unwrap();
        }
        let e = id_of(&store, &product, "E");
        store
            .write(|c| move_card(c, &e, BoardKind::Horizon, "later", &MoveTarget::Top))
            .unwrap();
        let home = store
            .read(|c| home_roadmap(c, &product, day("2027-01-01")))
            .unwrap();
        let lanes: Vec<String> = home
            .lanes
            .iter()
            .map(|lane| {
                let titles: Vec<&str> = lane.top.iter().map(|item| item.title.as_str()).collect();
                format!("{} {}: {}", lane.label, lane.count, titles.join(","))
            })
            .collect();
        assert_eq!(lanes, ["Now 4: D,C,B", "Next 0: ", "Later 1: E"]);
        assert_eq!(home.next_release, None);
        assert_eq!(home.next_milestone, None);
    }

    #[test]
    fn the_next_release_is_the_first_not_ended_and_the_next_milestone_the_first_from_today() {
        let (store, product) = store_with_items(&[]);
        let release = |name: &str, starts: &str, ends: &str| ReleaseFields {
            name: name.into(),
            starts_on: starts.into(),
            ends_on: ends.into(),
            capacity: None,
            capacity_unit: None,
        };
        for (name, starts, ends) in [
            ("1.0", "2027-01-04", "2027-03-31"),
            ("2.0", "2027-04-01", "2027-06-30"),
            ("0.9", "2026-10-01", "2026-12-31"),
        ] {
            store
                .write(|c| create_release(c, &product, &release(name, starts, ends)))
                .unwrap();
        }
        for (name, falls_on) in [("Beta", "2027-03-12"), ("Kick-off", "2027-01-10")] {
            let fields = MilestoneFields {
                name: name.into(),
                falls_on: falls_on.into(),
                release_id: None,
            };
            store
                .write(|c| create_milestone(c, &product, &fields))
                .unwrap();
        }
        let on = |today: &str| {
            let home = store
                .read(|c| home_roadmap(c, &product, day(today)))
                .unwrap();
            let said = |date: Option<HomeDate>| date.map(|d| format!("{} {}", d.name, d.when));
            (said(home.next_release), said(home.next_milestone))
        };
        assert_eq!(
            on("2027-03-12"),
            (
                Some("1.0 4 Jan – 31 Mar 2027".into()),
                Some("Beta 12 Mar 2027".into())
            ),
            "a running release and a milestone today count"
        );
        assert_eq!(
            on("2027-04-01"),
            (Some("2.0 1 Apr – 30 Jun 2027".into()), None)
        );
        assert_eq!(on("2027-07-01"), (None, None));
    }
}
