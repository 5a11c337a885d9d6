//! The roadmap plan's part of the JSON export: each product's goals with their key results,
//! themes, releases with their load, and milestones (see docs/export-format.md, "The roadmap
//! plan"). Goals and themes are listed oldest first, releases and milestones in date order.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::CoreResult;
use crate::plan::CapacityUnit;
use crate::queries::goals::list_goals;
use crate::queries::milestones::list_milestones;
use crate::queries::releases::list_releases;
use crate::queries::themes::list_themes;
use crate::time::Timestamp;

/// A product's roadmap plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanExport {
    pub goals: Vec<GoalExport>,
    pub themes: Vec<ThemeExport>,
    pub releases: Vec<ReleaseExport>,
    pub milestones: Vec<MilestoneExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalExport {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The mean of its key results' progress, 0–1; `null` without key results.
    pub progress: Option<f64>,
    pub key_results: Vec<KeyResultExport>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyResultExport {
    pub id: String,
    pub metric: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub current: f64,
    /// (current − baseline) / (target − baseline), clamped to 0–1.
    pub progress: f64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThemeExport {
    pub id: String,
    pub name: String,
    pub description: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseExport {
    pub id: String,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub capacity: Option<f64>,
    pub capacity_unit: Option<CapacityUnit>,
    /// The sum of its items' sizes in `loadUnit` (items without a size not counted).
    pub load: f64,
    /// The capacity's unit, or `person_months` without a capacity.
    pub load_unit: CapacityUnit,
    /// Load ÷ capacity × 100; `null` without a capacity.
    pub load_percent: Option<f64>,
    pub over_capacity: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneExport {
    pub id: String,
    pub name: String,
    pub falls_on: String,
    /// `null` when it has none, or while its release is deleted.
    pub release_id: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// The plan of one product, read in the export's transaction.
pub fn exported_plan(connection: &Connection, product_id: &str) -> CoreResult<PlanExport> {
    let goals = list_goals(connection, product_id)?
        .into_iter()
        .map(|goal| GoalExport {
            id: goal.id,
            title: goal.title,
            description: goal.description,
            progress: goal.progress,
            key_results: goal
                .key_results
                .into_iter()
                .map(|kr| KeyResultExport {
                    id: kr.id,
                    metric: kr.metric,
                    unit: kr.unit,
                    baseline: kr.baseline,
                    target: kr.target,
                    current: kr.current,
                    progress: kr.progress,
                    created_at: kr.created_at,
                    updated_at: kr.updated_at,
                })
                .collect(),
            created_at: goal.created_at,
            updated_at: goal.updated_at,
        })
        .collect();
    let themes = list_themes(connection, product_id)?
        .into_iter()
        .map(|theme| ThemeExport {
            id: theme.id,
            name: theme.name,
            description: theme.description,
            created_at: theme.created_at,
            updated_at: theme.updated_at,
        })
        .collect();
    let releases = list_releases(connection, product_id)?
        .into_iter()
        .map(|release| ReleaseExport {
            id: release.id,
            name: release.name,
            starts_on: release.starts_on,
            ends_on: release.ends_on,
            capacity: release.capacity,
            capacity_unit: release.capacity_unit,
            load: release.load.load,
            load_unit: release.load.unit,
            load_percent: release.load.percent,
            over_capacity: release.load.over_capacity,
            created_at: release.created_at,
            updated_at: release.updated_at,
        })
        .collect();
    let milestones = list_milestones(connection, product_id)?
        .into_iter()
        .map(|milestone| MilestoneExport {
            id: milestone.id,
            name: milestone.name,
            falls_on: milestone.falls_on,
            release_id: milestone.release.map(|release| release.id),
            created_at: milestone.created_at,
            updated_at: milestone.updated_at,
        })
        .collect();
    Ok(PlanExport {
        goals,
        themes,
        releases,
        milestones,
    })
}

#[cfg(test)]
mod tests {
    use crate::export::export_json;
    use crate::plan::CapacityUnit;
    use crate::plan::{GoalFields, KeyResultFields, MilestoneFields, PlanLink, ReleaseFields};
    use crate::queries::goals::{create_goal, create_key_result, delete_goal};
    use crate::queries::item_plan::set_item_link;
    use crate::queries::items::test_support::{id_of, store_with_items};
    use crate::queries::milestones::create_milestone;
    use crate::queries::releases::create_release;

    #[test]
    fn the_plan_and_the_items_links_are_exported_and_deleted_targets_read_null() {
        let (store, product) = store_with_items(&["Bank sync", "Budgets"]);
        let bank = id_of(&store, &product, "Bank sync");
        let goal = store
            .write(|c| {
                create_goal(
                    c,
                    &product,
                    &GoalFields {
                        title: "Trust".into(),
                        description: String::new(),
                    },
                )
            })
            .unwrap();
        store
            .write(|c| {
                create_key_result(
                    c,
                    &goal.id,
                    &KeyResultFields {
                        metric: "Churn".into(),
                        unit: "%".into(),
                        baseline: Some(6.0),
                        target: Some(3.0),
                        current: Some(4.5),
                    },
                )
            })
            .unwrap();
        let release = store
            .write(|c| {
                create_release(
                    c,
                    &product,
                    &ReleaseFields {
                        name: "2.0".into(),
                        starts_on: "2026-04-01".into(),
                        ends_on: "2026-06-30".into(),
                        capacity: Some(24.0),
                        capacity_unit: Some(CapacityUnit::PersonMonths),
                    },
                )
            })
            .unwrap()
            .release;
        store
            .write(|c| {
                create_milestone(
                    c,
                    &product,
                    &MilestoneFields {
                        name: "Beta launch".into(),
                        falls_on: "2026-05-15".into(),
                        release_id: Some(release.id.clone()),
                    },
                )
            })
            .unwrap();
        store
            .write(|c| set_item_link(c, &bank, PlanLink::Release, Some(&release.id)))
            .unwrap();
        store
            .write(|c| set_item_link(c, &bank, PlanLink::Goal, Some(&goal.id)))
            .unwrap();

        let json: serde_json::Value =
            serde_json::from_str(&store.read(export_json).unwrap()).unwrap();
        let exported = &json["products"][0];
        assert_eq!(exported["goals"][0]["title"], "Trust");
        assert_eq!(exported["goals"][0]["progress"], 0.5);
        assert_eq!(exported["goals"][0]["keyResults"][0]["metric"], "Churn");
        assert_eq!(exported["releases"][0]["capacityUnit"], "person_months");
        assert_eq!(exported["releases"][0]["loadUnit"], "person_months");
        assert_eq!(exported["milestones"][0]["releaseId"], release.id.as_str());
        assert_eq!(exported["themes"], serde_json::json!([]));
        let item = &exported["items"][0];
        assert_eq!(item["releaseId"], release.id.as_str());
        assert_eq!(item["goalId"], goal.id.as_str());
        assert_eq!(item["themeId"], serde_json::Value::Null);
        assert_eq!(exported["items"][1]["releaseId"], serde_json::Value::Null);

        store.write(|c| delete_goal(c, &goal.id)).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&store.read(export_json).unwrap()).unwrap();
        assert_eq!(
            json["products"][0]["items"][0]["goalId"],
            serde_json::Value::Null
        );
        assert_eq!(json["products"][0]["goals"], serde_json::json!([]));
    }
}
