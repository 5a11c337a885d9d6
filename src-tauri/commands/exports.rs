//! "Export roadmap…": a native save dialog opened from Rust (the webview has no dialog or file
//! permission), then the product's roadmap written there atomically in the chosen format (HTML,
//! Markdown, or the timeline as a PNG picture).

use northstar_core::files::{refuse_database_target, write_file};
use northstar_core::queries::products::get_product;
use northstar_core::stakeholder::{gather, suggested_file_name, RoadmapFormat};
use tauri::State;

use super::run_blocking;
use crate::error::AppError;
use crate::state::AppState;

/// Asks where to save the product's roadmap (suggesting "Lumen roadmap 2026-11-30.html"),
/// writes it there, and answers the path written; `None` when the dialog was cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_roadmap(
    state: State<'_, AppState>,
    product_id: String,
    format: RoadmapFormat,
) -> Result<Option<String>, AppError> {
    let store = state.store()?;
    let database = state.path();
    let today = super::roadmap::today();
    let reader = store.clone();
    let id = product_id.clone();
    let product =
        run_blocking(move || Ok(reader.read(|connection| get_product(connection, &id))?)).await?;
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title("Export the roadmap")
        .set_file_name(suggested_file_name(
            &product.name,
            today,
            format.extension(),
        ))
        .add_filter(format.label(), &[format.extension()]);
    if let Some(folder) = dirs::document_dir().or_else(dirs::home_dir) {
        dialog = dialog.set_directory(folder);
    }
    let Some(chosen) = dialog.save_file().await else {
        return Ok(None);
    };
    let target = chosen.path().to_path_buf();
    run_blocking(move || {
        refuse_database_target(&target, &database)?;
        let bytes =
            store.read(|connection| format.render(&gather(connection, &product_id, today)?))?;
        let written = write_file(&target, &bytes)?;
        Ok(Some(written.display().to_string()))
    })
    .await
}
