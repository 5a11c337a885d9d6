//! Roadmap plan commands: a product's goals with their key results, its themes, releases (with
//! their load against capacity) and milestones, and an item's goal, theme and release.

use northstar_core::plan::{Goal, Milestone, Release, Theme};
use northstar_core::plan::{
    GoalFields, ItemPlan, KeyResultFields, MilestoneFields, PlanLink, ReleaseDetail, ReleaseFields,
    ThemeFields,
};
use northstar_core::queries::{goals, item_plan, milestones, releases, themes};
use tauri::State;

use super::{read, write};
use crate::error::AppError;
use crate::events::{
    SavedDeletion, SavedGoal, SavedItemPlan, SavedMilestone, SavedRelease, SavedTheme,
};
use crate::state::AppState;

/// The product's goals, oldest first, each with its key results, progress and linked items.
#[tauri::command]
#[specta::specta]
pub async fn list_goals(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<Vec<Goal>, AppError> {
    read(&state, move |connection| {
        goals::list_goals(connection, &product_id)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_goal(
    state: State<'_, AppState>,
    product_id: String,
    fields: GoalFields,
) -> Result<SavedGoal, AppError> {
    write(&state, "Goal added", move |changes| {
        goals::create_goal(changes, &product_id, &fields)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_goal(
    state: State<'_, AppState>,
    id: String,
    fields: GoalFields,
) -> Result<SavedGoal, AppError> {
    write(&state, "Goal edited", move |changes| {
        goals::update_goal(changes, &id, &fields)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_goal(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Goal deleted", move |changes| {
        goals::delete_goal(changes, &id)
    })
    .await
}

/// Adds a key result to a goal; answers the goal with its new progress.
#[tauri::command]
#[specta::specta]
pub async fn create_key_result(
    state: State<'_, AppState>,
    goal_id: String,
    fields: KeyResultFields,
) -> Result<SavedGoal, AppError> {
    write(&state, "Key result added", move |changes| {
        goals::create_key_result(changes, &goal_id, &fields)
    })
    .await
}

/// Changes a key result (a `null` current value keeps the one it has); answers its goal.
#[tauri::command]
#[specta::specta]
pub async fn update_key_result(
    state: State<'_, AppState>,
    id: String,
    fields: KeyResultFields,
) -> Result<SavedGoal, AppError> {
    write(&state, "Key result updated", move |changes| {
        goals::update_key_result(changes, &id, &fields)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_key_result(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedGoal, AppError> {
    write(&state, "Key result deleted", move |changes| {
        goals::delete_key_result(changes, &id)
    })
    .await
}

/// The product's themes, oldest first, each with its items.
#[tauri::command]
#[specta::specta]
pub async fn list_themes(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<Vec<Theme>, AppError> {
    read(&state, move |connection| {
        themes::list_themes(connection, &product_id)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_theme(
    state: State<'_, AppState>,
    product_id: String,
    fields: ThemeFields,
) -> Result<SavedTheme, AppError> {
    write(&state, "Theme added", move |changes| {
        themes::create_theme(changes, &product_id, &fields)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_theme(
    state: State<'_, AppState>,
    id: String,
    fields: ThemeFields,
) -> Result<SavedTheme, AppError> {
    write(&state, "Theme edited", move |changes| {
        themes::update_theme(changes, &id, &fields)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_theme(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Theme deleted", move |changes| {
        themes::delete_theme(changes, &id)
    })
    .await
}

/// The product's releases in date order, each with its load against capacity.
#[tauri::command]
#[specta::specta]
pub async fn list_releases(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<Vec<Release>, AppError> {
    read(&state, move |connection| {
        releases::list_releases(connection, &product_id)
    })
    .await
}

/// A release with its items in backlog order and its load.
#[tauri::command]
#[specta::specta]
pub async fn get_release(
    state: State<'_, AppState>,
    id: String,
) -> Result<ReleaseDetail, AppError> {
    read(&state, move |connection| {
        releases::get_release(connection, &id)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_release(
    state: State<'_, AppState>,
    product_id: String,
    fields: ReleaseFields,
) -> Result<SavedRelease, AppError> {
    write(&state, "Release added", move |changes| {
        releases::create_release(changes, &product_id, &fields)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_release(
    state: State<'_, AppState>,
    id: String,
    fields: ReleaseFields,
) -> Result<SavedRelease, AppError> {
    write(&state, "Release edited", move |changes| {
        releases::update_release(changes, &id, &fields)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_release(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Release deleted", move |changes| {
        releases::delete_release(changes, &id)
    })
    .await
}

/// The product's milestones in date order.
#[tauri::command]
#[specta::specta]
pub async fn list_milestones(
    state: State<'_, AppState>,
    product_id: String,
) -> Result<Vec<Milestone>, AppError> {
    read(&state, move |connection| {
        milestones::list_milestones(connection, &product_id)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn create_milestone(
    state: State<'_, AppState>,
    product_id: String,
    fields: MilestoneFields,
) -> Result<SavedMilestone, AppError> {
    write(&state, "Milestone added", move |changes| {
        milestones::create_milestone(changes, &product_id, &fields)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn update_milestone(
    state: State<'_, AppState>,
    id: String,
    fields: MilestoneFields,
) -> Result<SavedMilestone, AppError> {
    write(&state, "Milestone edited", move |changes| {
        milestones::update_milestone(changes, &id, &fields)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_milestone(
    state: State<'_, AppState>,
    id: String,
) -> Result<SavedDeletion, AppError> {
    write(&state, "Milestone deleted", move |changes| {
        milestones::delete_milestone(changes, &id)
    })
    .await
}

/// An item's goal, theme and release (`null` when unset, or while the target is deleted).
#[tauri::command]
#[specta::specta]
pub async fn get_item_plan(
    state: State<'_, AppState>,
    item_id: String,
) -> Result<ItemPlan, AppError> {
    read(&state, move |connection| {
        item_plan::get_item_plan(connection, &item_id)
    })
    .await
}

/// Sets (or with `null` clears) an item's goal, theme or release: one undo step.
#[tauri::command]
#[specta::specta]
pub async fn set_item_plan_link(
    state: State<'_, AppState>,
    item_id: String,
    link: PlanLink,
    target_id: Option<String>,
) -> Result<SavedItemPlan, AppError> {
    write(&state, "Item plan set", move |changes| {
        item_plan::set_item_link(changes, &item_id, link, target_id.as_deref())
    })
    .await
}
