//! The Northstar desktop shell: typed commands over `northstar-core`, the app state, the window,
//! the TypeScript bindings export, and the command-line face of the same binary.

pub mod cli;
mod cli_export;
mod cli_feedback;
mod cli_kano;
mod cli_search;
mod close_guard;
mod commands;
pub mod db_location;
pub mod error;
pub mod events;
mod external_link;
pub mod instance;
mod lifecycle;
pub mod logging;
pub mod state;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use specta_typescript::Typescript;
use tauri::{Manager, Runtime};
use tauri_specta::{collect_commands, collect_events, Event};

use crate::events::DataChanged;
use crate::state::AppState;

/// Every command and event the UI can use. `ui/src/bindings.ts` is generated from this list.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        .commands(collect_commands![
            commands::database::get_app_status,
            commands::database::open_database,
            commands::database::start_new_database,
            commands::database::set_open_product,
            commands::products::list_products,
            commands::products::create_product,
            commands::products::update_product,
            commands::products::delete_product,
            commands::items::list_items,
            commands::items::get_item,
            commands::items::create_item,
            commands::items::update_item,
            commands::items::set_items_status,
            commands::items::delete_item,
            commands::items::move_item,
            commands::scores::get_scoring_scales,
            commands::scores::set_score_inputs,
            commands::scores::get_sensitivity,
            commands::boards::list_board,
            commands::boards::move_card,
            commands::swimlanes::list_swimlane_board,
            commands::swimlanes::move_card_in_swimlanes,
            commands::swimlanes::get_home_roadmap,
            commands::roadmap::list_timeline,
            commands::roadmap::set_item_dates,
            commands::roadmap::schedule_item_from,
            commands::roadmap::shift_item_dates,
            commands::roadmap::resize_item_end,
            commands::roadmap::resize_item_start,
            commands::matrix::list_matrix,
            commands::decisions::list_decisions,
            commands::decisions::create_decision,
            commands::decisions::update_decision,
            commands::decisions::set_decision_items,
            commands::decisions::delete_decision,
            commands::decisions::list_outscoring_items,
            commands::kano_survey::choose_kano_file,
            commands::kano_survey::preview_kano_import,
            commands::kano_survey::import_kano_answers,
            commands::kano_survey::get_kano_results,
            commands::kano_survey::apply_kano_result,
            commands::kano_survey::delete_kano_import,
            commands::feedback_import::choose_feedback_file,
            commands::feedback_import::choose_feedback_folder,
            commands::feedback_import::preview_feedback_import,
            commands::feedback_import::import_feedback,
            commands::roadmap_plan::list_goals,
            commands::roadmap_plan::create_goal,
            commands::roadmap_plan::update_goal,
            commands::roadmap_plan::delete_goal,
            commands::roadmap_plan::create_key_result,
            commands::roadmap_plan::update_key_result,
            commands::roadmap_plan::delete_key_result,
            commands::roadmap_plan::list_themes,
            commands::roadmap_plan::create_theme,
            commands::roadmap_plan::update_theme,
            commands::roadmap_plan::delete_theme,
            commands::roadmap_plan::list_releases,
            commands::roadmap_plan::get_release,
            commands::roadmap_plan::create_release,
            commands::roadmap_plan::update_release,
            commands::roadmap_plan::delete_release,
            commands::roadmap_plan::list_milestones,
            commands::roadmap_plan::create_milestone,
            commands::roadmap_plan::update_milestone,
            commands::roadmap_plan::delete_milestone,
            commands::roadmap_plan::get_item_plan,
            commands::roadmap_plan::set_item_plan_link,
            commands::baselines::list_baselines,
            commands::baselines::save_baseline,
            commands::baselines::rename_baseline,
            commands::baselines::delete_baseline,
            commands::baselines::compare_baseline,
            commands::timeline_overlay::get_timeline_overlay,
            commands::exports::export_roadmap,
            commands::history::get_history,
            commands::history::undo,
            commands::history::redo,
            commands::lifecycle::quit_app,
            commands::lifecycle::retry_open_database,
            commands::backups::list_backups,
            commands::backups::back_up_now,
            commands::backups::preview_restore,
            commands::backups::restore_backup,
            commands::backups::save_database_copy,
            commands::research::list_notes,
            commands::research::get_note,
            commands::research::create_note,
            commands::research::update_note,
            commands::research::save_note_body,
            commands::research::delete_note,
            commands::research::set_note_participants,
            commands::research::add_new_note_participant,
            commands::research::set_note_tags,
            commands::research::tag_note,
            commands::research::list_participants,
            commands::research::create_participant,
            commands::research::update_participant,
            commands::research::delete_participant,
            commands::research::list_tags,
            commands::research::create_tag,
            commands::research::rename_tag,
            commands::research::delete_tag,
            commands::research::open_external_link,
            commands::search::search,
            commands::highlights::list_highlights,
            commands::highlights::create_highlight,
            commands::highlights::update_highlight,
            commands::highlights::delete_highlight,
            commands::evidence::get_item_evidence,
            commands::evidence::accept_evidence_suggestion,
            commands::evidence::get_evidence_settings,
            commands::evidence::set_evidence_weight,
            commands::evidence::set_segment_multiplier,
            commands::close_guard::guard_close,
        ])
        .events(collect_events![DataChanged, close_guard::CloseRequested])
}

/// Writes the TypeScript bindings to `path`, only when their content changed.
pub fn export_bindings(path: &Path) -> Result<(), String> {
    let scratch = path.with_extension("ts.new");
    let language = Typescript::default().header(
        "// Generated from the Rust commands by `cargo test` (tests/bindings.rs). Do not edit.",
    );
    specta_builder::<tauri::Wry>()
        .export(language, &scratch)
        .map_err(|error| format!("exporting bindings failed: {error}"))?;
    let fresh = std::fs::read_to_string(&scratch).map_err(|error| error.to_string())?;
    let _ = std::fs::remove_file(&scratch);
    if std::fs::read_to_string(path).ok().as_deref() != Some(fresh.as_str()) {
        std::fs::write(path, fresh).map_err(|error| error.to_string())?;
    }
    Ok(())
}

/// Wires the commands, the state and the event notifier into a Tauri builder (also used by the
/// tests with the mock runtime).
pub fn configure<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    let specta = specta_builder::<R>();
    builder
        .invoke_handler(specta.invoke_handler())
        .manage(state)
        .manage(close_guard::CloseGuard::default())
        .on_window_event(close_guard::on_window_event)
        .setup(move |app| {
            specta.mount_events(app);
            let handle = app.handle().clone();
            app.state::<AppState>()
                .set_notifier(move |event: DataChanged| {
                    if let Err(error) = event.emit(&handle) {
                        tracing::warn!("could not notify the window: {error}");
                    }
                });
            let handle = app.handle().clone();
            app.state::<AppState>().set_exit(move || handle.exit(0));
            let handle = app.handle().clone();
            app.state::<AppState>()
                .listen_for_focus(move || lifecycle::bring_to_front(&handle));
            Ok(())
        })
}

/// Opens the app window on the database at `db` (or the default one). A second launch on a
/// file that a running Northstar has open brings that window to the front instead.
pub fn run_app(db: Option<PathBuf>, idle_checkpoint: std::time::Duration) -> ExitCode {
    let data_dir = db_location::data_dir();
    let from_command_line = db.is_some();
    let path = match db {
        Some(path) => std::path::absolute(&path).unwrap_or(path),
        None => db_location::default_database_path(&data_dir),
    };
    if northstar_core::lock::DatabaseLock::is_held_elsewhere(&path)
        && instance::request_focus(&path)
    {
        tracing::info!(
            "{} is open in a running Northstar: focused it",
            path.display()
        );
        println!(
            "Northstar is already open on this database; its window was brought to the front."
        );
        return ExitCode::SUCCESS;
    }
    let state = AppState::with_idle_checkpoint(path, data_dir, from_command_line, idle_checkpoint);
    lifecycle::run(configure(tauri::Builder::default(), state.clone()), state)
}
