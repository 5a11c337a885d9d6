//! Baselines: a product's roadmap frozen under a name ("Q2 planning"), and how today's roadmap
//! differs from it. `snapshot` captures the roadmap, `compare` diffs two snapshots (pure), and
//! `queries::baselines` stores them.

use serde::{Deserialize, Serialize};

use crate::plan::PlanRef;
use crate::roadmap::Horizon;
use crate::time::Timestamp;

pub mod compare;
pub mod overlay;
pub mod snapshot;

/// The format of a stored snapshot. A later Northstar that changes the snapshot's fields bumps
/// it and keeps reading the older ones.
pub const SNAPSHOT_FORMAT: i32 = 1;

/// One item as the roadmap showed it when the baseline was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotItem {
    pub id: String,
    pub title: String,
    /// `None`: not on the roadmap (the board's Unsorted lane).
    pub horizon: Option<Horizon>,
    /// 1-based place in its lane of the Now / Next / Later board.
    pub lane_position: i32,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub release: Option<PlanRef>,
    pub goal: Option<PlanRef>,
    pub theme: Option<PlanRef>,
}

/// A release with its dates, as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotRelease {
    pub id: String,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A milestone, as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotMilestone {
    pub id: String,
    pub name: String,
    pub falls_on: String,
}

/// The whole roadmap of a product at one moment: every live item in board order (Now, Next,
/// Later, then the items not on the roadmap), the releases and the milestones in date order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoadmapSnapshot {
    pub format: i32,
    pub items: Vec<SnapshotItem>,
    pub releases: Vec<SnapshotRelease>,
    pub milestones: Vec<SnapshotMilestone>,
}

/// A saved baseline as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Baseline {
    pub id: String,
    pub product_id: String,
    pub name: String,
    /// The items on the roadmap (Now, Next or Later) when it was saved.
    pub item_count: i32,
    /// When it was saved.
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A baseline's bar, drawn as a ghost behind today's bar of the same item.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BaselineBar {
    pub item_id: String,
    pub start_date: String,
    pub end_date: String,
}

/// A baseline compared with today's roadmap: the changes grouped by kind (every kind, in the
/// report's order) and the baseline's bars for the timeline's overlay.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BaselineComparison {
    pub baseline: Baseline,
    pub groups: Vec<compare::ChangeGroup>,
    /// "3 changes since “Q2 planning”" or "Nothing changed since “Q2 planning”".
    pub summary: String,
    /// The baseline's dated items that are still live, for ghost bars.
    pub bars: Vec<BaselineBar>,
}
