//! `northstar import-notes FILE_OR_FOLDER --product NAME [--dry-run] [--map FIELD=COLUMN…]`:
//! the research view's "Import feedback…" from the command line. The report is Rust's dry
//! run; the import refuses (non-zero exit, nothing written) while any row has a problem. The
//! dry run reads the database (and works while the app has it open); the import takes the
//! file's lock like `repair`, so it refuses while the app holds the file.

use std::path::Path;
use std::process::ExitCode;

use northstar_core::check::check_database_file;
use northstar_core::feedback_import::mapping::column_by_name;
use northstar_core::feedback_import::{
    import_feedback, preview_feedback, read_source, FeedbackField, FeedbackImportPreview,
    FeedbackMapping, ReadSource,
};
use northstar_core::lock::DatabaseLock;
use northstar_core::Store;

use crate::cli::{describe, share_for_reading};
use crate::cli_kano::product_named;

/// The source read with the detected mapping, then again with each `field=column` applied.
fn read_with_overrides(source: &Path, maps: &[String]) -> Result<ReadSource, String> {
    let detected = read_source(source, None).map_err(|error| describe(source, error))?;
    if maps.is_empty() {
        return Ok(detected);
    }
    let preview_columns = detected.columns().to_vec();
    let mut mapping: FeedbackMapping = detected.mapping();
    for map in maps {
        let (field, column) = map.split_once('=').ok_or_else(|| {
            format!("--map {map}: write it as FIELD=COLUMN, e.g. body=Description")
        })?;
        let field = FeedbackField::parse_cli(field).map_err(|error| describe(source, error))?;
        let column =
            column_by_name(&preview_columns, column).map_err(|error| describe(source, error))?;
        mapping.set(field, column);
    }
    read_source(source, Some(&mapping)).map_err(|error| describe(source, error))
}

fn column_name(preview: &FeedbackImportPreview, column: Option<u32>) -> Option<String> {
    column.and_then(|index| preview.columns.get(index as usize).cloned())
}

fn print_report(preview: &FeedbackImportPreview) {
    let summary = &preview.summary;
    println!(
        "{}: {} rows, {} with problems, {} with notices; {} new participants, {} reused; \
         {} new tags, {} reused.",
        preview.source,
        summary.rows,
        summary.problems,
        summary.notices,
        summary.new_participants,
        summary.reused_participants,
        summary.new_tags,
        summary.reused_tags
    );
    if !preview.columns.is_empty() {
        let mapped: Vec<String> = FeedbackField::ALL
            .iter()
            .filter_map(|field| {
                column_name(preview, preview.mapping.get(*field))
                    .map(|column| format!("{} = “{column}”", field.cli_name()))
            })
            .collect();
        println!("Columns: {}.", mapped.join(", "));
    }
    if let Some(reading) = &preview.date_reading {
        println!("{reading}");
    }
    if let Some(blocked) = &preview.import_blocked {
        println!("{blocked}");
    }
    for row in &preview.rows {
        for problem in &row.problems {
            println!("  {}: {problem}", row.place);
        }
        for notice in &row.notices {
            println!("  {} (notice): {notice}", row.place);
        }
    }
}

pub fn import_notes(
    path: &Path,
    source: &Path,
    product: &str,
    dry_run: bool,
    maps: &[String],
) -> Result<ExitCode, String> {
    let source =
        std::path::absolute(source).map_err(|error| format!("{}: {error}", source.display()))?;
    let read = read_with_overrides(&source, maps)?;
    let preview = {
        let _reading = share_for_reading(path)?;
        let store = Store::open_read_only(path).map_err(|error| describe(path, error))?;
        store
            .read(|connection| {
                Ok(product_named(connection, product)?
                    .map(|id| preview_feedback(connection, &id, &read)))
            })
            .map_err(|error| describe(path, error))??
            .map_err(|error| describe(&source, error))?
    };
    if dry_run || preview.import_blocked.is_some() {
        print_report(&preview);
        return Ok(if preview.import_blocked.is_none() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    // Only a good Northstar file is written to, as for `repair`; a missing one is not created.
    check_database_file(path).map_err(|error| describe(path, error))?;
    let _lock = DatabaseLock::acquire(path).map_err(|error| describe(path, error))?;
    let (store, _) = Store::open(path).map_err(|error| describe(path, error))?;
    let product_id = store
        .read(|connection| product_named(connection, product))
        .map_err(|error| describe(path, error))??;
    let imported = store
        .write(|changes| import_feedback(changes, &product_id, &read))
        .map_err(|error| describe(&source, error));
    store.close().map_err(|error| describe(path, error))?;
    let imported = imported?;
    println!("{} Into “{product}”.", imported.message);
    Ok(ExitCode::SUCCESS)
}
