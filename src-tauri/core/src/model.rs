//! The domain types, as they cross IPC and appear in exports (camelCase, RFC 3339 timestamps).

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult};
use crate::roadmap::Horizon;
use crate::scoring::{IceMode, ScoreInputs, ScorePositions, Scores};
use crate::time::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub id: String,
    pub name: String,
    pub vision: String,
    pub strategy: String,
    pub target_users: String,
    pub north_star_metric: String,
    /// How ICE combines its inputs for this product's items.
    pub ice_mode: IceMode,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// Fields to change on a product; `null` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ProductPatch {
    pub name: Option<String>,
    pub vision: Option<String>,
    pub strategy: Option<String>,
    pub target_users: Option<String>,
    pub north_star_metric: Option<String>,
    /// Validated in Rust, so an unknown mode is refused with a clear `Invalid` error.
    #[specta(type = Option<IceMode>)]
    pub ice_mode: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Idea,
    Discovery,
    Ready,
    InProgress,
    Shipped,
    Archived,
}

impl ItemStatus {
    /// The workflow order, which is also the order the UI offers them in.
    pub const ALL: [ItemStatus; 6] = [
        ItemStatus::Idea,
        ItemStatus::Discovery,
        ItemStatus::Ready,
        ItemStatus::InProgress,
        ItemStatus::Shipped,
        ItemStatus::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Idea => "idea",
            ItemStatus::Discovery => "discovery",
            ItemStatus::Ready => "ready",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::Shipped => "shipped",
            ItemStatus::Archived => "archived",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Idea => "Idea",
            ItemStatus::Discovery => "Discovery",
            ItemStatus::Ready => "Ready",
            ItemStatus::InProgress => "In progress",
            ItemStatus::Shipped => "Shipped",
            ItemStatus::Archived => "Archived",
        }
    }

    pub fn parse(text: &str) -> CoreResult<ItemStatus> {
        ItemStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or_else(|| {
                let known: Vec<&str> = ItemStatus::ALL
                    .iter()
                    .map(|status| status.as_str())
                    .collect();
                CoreError::invalid(
                    "status",
                    format!(
                        "“{text}” is not a status. Use one of: {}.",
                        known.join(", ")
                    ),
                )
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Feature,
    Opportunity,
    Story,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [ItemKind::Feature, ItemKind::Opportunity, ItemKind::Story];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Feature => "feature",
            ItemKind::Opportunity => "opportunity",
            ItemKind::Story => "story",
        }
    }

    pub fn parse(text: &str) -> CoreResult<ItemKind> {
        ItemKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| {
                CoreError::invalid(
                    "kind",
                    format!("“{text}” is not an item kind. Use feature, opportunity or story."),
                )
            })
    }
}

/// A status value and its label, so the UI never hard-codes the workflow.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusOption {
    pub value: ItemStatus,
    pub label: String,
}

pub fn status_options() -> Vec<StatusOption> {
    ItemStatus::ALL
        .into_iter()
        .map(|status| StatusOption {
            value: status,
            label: status.label().to_string(),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BacklogItem {
    pub id: String,
    pub product_id: String,
    pub title: String,
    pub description: String,
    pub status: ItemStatus,
    pub kind: ItemKind,
    /// The fractional-index key of the manual order.
    pub rank: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    // Roadmap timeline (issue 8, items 3–4): horizon and schedule.
    /// Now, Next or Later; `null` when not on the roadmap.
    pub horizon: Option<Horizon>,
    /// The first day of its bar, `YYYY-MM-DD`; `null` (with `endDate`) when unscheduled.
    pub start_date: Option<String>,
    /// The last day of its bar (included), on or after `startDate`.
    pub end_date: Option<String>,
}

/// One row of a ranked list: what the backlog shows, without the full description.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ItemSummary {
    pub id: String,
    pub product_id: String,
    pub title: String,
    pub kind: ItemKind,
    pub status: ItemStatus,
    /// The fractional-index key of the manual order.
    pub rank: String,
    /// 1-based place in the list it was returned in (the order of `rank, id`).
    pub position: i32,
    /// The description's first meaningful line as plain text, at most 140 characters.
    pub excerpt: String,
    pub updated_at: Timestamp,
    pub inputs: ScoreInputs,
    pub scores: Scores,
    /// Its place in each numeric framework's score order among the product's live items.
    pub score_positions: ScorePositions,
    // Roadmap timeline (issue 8, items 3–4): horizon and schedule, as on `BacklogItem`.
    pub horizon: Option<Horizon>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    /// How many live highlights of live notes are linked to it as evidence (the badge).
    pub evidence_count: u32,
}

/// One item with every field, its score inputs, its scores and its score positions: what the
/// item panel shows.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ItemDetails {
    #[serde(flatten)]
    pub item: BacklogItem,
    pub inputs: ScoreInputs,
    pub scores: Scores,
    pub score_positions: ScorePositions,
}

/// Where a move put an item: its new rank key. The list order comes from the next
/// `list_items`; nothing is counted during a move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MovedItem {
    pub id: String,
    pub rank: String,
}

/// A new backlog item. Status and kind arrive as text and are validated in Rust, so an unknown
/// value is refused with a clear `Invalid` error rather than a deserialisation failure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewItem {
    pub product_id: String,
    pub title: String,
    pub description: Option<String>,
    #[specta(type = Option<ItemStatus>)]
    pub status: Option<String>,
    #[specta(type = Option<ItemKind>)]
    pub kind: Option<String>,
}

/// Fields to change on an item; `null` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ItemPatch {
    pub title: Option<String>,
    pub description: Option<String>,
    #[specta(type = Option<ItemStatus>)]
    pub status: Option<String>,
    #[specta(type = Option<ItemKind>)]
    pub kind: Option<String>,
}

/// Where to move an item in the ranked backlog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "to", rename_all = "camelCase")]
pub enum MoveTarget {
    Top,
    Bottom,
    Up,
    Down,
    #[serde(rename_all = "camelCase")]
    Before {
        item_id: String,
    },
    #[serde(rename_all = "camelCase")]
    After {
        item_id: String,
    },
}
