//! Capturing a product's roadmap as a [`RoadmapSnapshot`]: the Now / Next / Later board in its
//! order (so a lane position is the board's), each item's days and plan links, the releases and
//! the milestones. Read-only; used when a baseline is saved and as "today" when comparing.

use rusqlite::Connection;

use super::{RoadmapSnapshot, SnapshotItem, SnapshotMilestone, SnapshotRelease, SNAPSHOT_FORMAT};
use crate::board::BoardKind;
use crate::error::CoreResult;
use crate::queries::boards::list_board;
use crate::queries::item_plan::item_plans_of_product;
use crate::queries::milestones::list_milestones;
use crate::queries::releases::list_releases;

/// The product's roadmap now.
pub fn capture(connection: &Connection, product_id: &str) -> CoreResult<RoadmapSnapshot> {
    let board = list_board(connection, product_id, BoardKind::Horizon)?;
    let mut plans = item_plans_of_product(connection, product_id)?;
    let mut items = Vec::new();
    for column in board.columns {
        for card in column.cards {
            let plan = plans.remove(&card.id);
            let (goal, theme, release) = match plan {
                Some(plan) => (plan.goal, plan.theme, plan.release),
                None => (None, None, None),
            };
            items.push(SnapshotItem {
                id: card.id,
                title: card.title,
                horizon: card.horizon,
                lane_position: card.position,
                start_date: card.start_date,
                end_date: card.end_date,
                release,
                goal,
                theme,
            });
        }
    }
    let releases = list_releases(connection, product_id)?
        .into_iter()
        .map(|release| SnapshotRelease {
            id: release.id,
            name: release.name,
            starts_on: release.starts_on,
            ends_on: release.ends_on,
        })
        .collect();
    let milestones = list_milestones(connection, product_id)?
        .into_iter()
        .map(|milestone| SnapshotMilestone {
            id: milestone.id,
            name: milestone.name,
            falls_on: milestone.falls_on,
        })
        .collect();
    Ok(RoadmapSnapshot {
        format: SNAPSHOT_FORMAT,
        items,
        releases,
        milestones,
    })
}

impl RoadmapSnapshot {
    /// How many items were on the roadmap (Now, Next or Later).
    pub fn roadmap_item_count(&self) -> usize {
        self.items
            .iter()
            .filter(|item| item.horizon.is_some())
            .count()
    }
}
