//! `northstar import-kano FILE --product NAME [--dry-run]`: the Kano survey view's import from
//! the command line. The dry run reads the database (and works while the app has it open); the
//! import takes the file's lock like `repair`, so it refuses while the app holds the file.

use std::path::Path;
use std::process::ExitCode;

use northstar_core::check::check_database_file;
use northstar_core::kano_survey::csv_file::read_questionnaire_file;
use northstar_core::kano_survey::import::{import_answers, preview_import, KanoImportPreview};
use northstar_core::lock::DatabaseLock;
use northstar_core::queries::products::list_products;
use northstar_core::{Connection, CoreResult, Store};

use crate::cli::{describe, share_for_reading};

/// The id of the one live product called `name`.
pub(crate) fn product_named(
    connection: &Connection,
    name: &str,
) -> CoreResult<Result<String, String>> {
    let matches: Vec<String> = list_products(connection)?
        .into_iter()
        .filter(|product| product.name == name)
        .map(|product| product.id)
        .collect();
    Ok(match matches.as_slice() {
        [id] => Ok(id.clone()),
        [] => Err(format!("no product is called “{name}”")),
        _ => Err(format!(
            "{} products are called “{name}”: rename one in the app first",
            matches.len()
        )),
    })
}

fn print_preview(preview: &KanoImportPreview) {
    let summary = &preview.summary;
    println!(
        "{}: {} rows, {} respondents, {} items, {} rows with problems.",
        preview.source, summary.rows, summary.respondents, summary.items, summary.problems
    );
    for row in preview.rows.iter().filter(|row| !row.problems.is_empty()) {
        println!("  line {}: {}", row.line, row.problems.join(" "));
    }
}

pub fn import_kano(
    path: &Path,
    file: &Path,
    product: &str,
    dry_run: bool,
) -> Result<ExitCode, String> {
    let file = std::path::absolute(file).map_err(|error| format!("{}: {error}", file.display()))?;
    let (source, bytes) = read_questionnaire_file(&file).map_err(|error| describe(&file, error))?;
    if dry_run {
        let _reading = share_for_reading(path)?;
        let store = Store::open_read_only(path).map_err(|error| describe(path, error))?;
        let preview = store
            .read(|connection| {
                Ok(product_named(connection, product)?
                    .map(|id| preview_import(connection, &id, &source, &bytes)))
            })
            .map_err(|error| describe(path, error))??
            .map_err(|error| describe(&file, error))?;
        print_preview(&preview);
        return Ok(if preview.summary.problems == 0 {
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
    let survey = store
        .write(|changes| import_answers(changes, &product_id, &source, &bytes))
        .map_err(|error| describe(&file, error));
    store.close().map_err(|error| describe(path, error))?;
    let survey = survey?;
    println!(
        "Imported {} answers from {} respondents in {} into “{product}”.",
        survey.answers, survey.respondents, survey.source
    );
    Ok(ExitCode::SUCCESS)
}
