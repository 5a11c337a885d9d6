//! `northstar export --format markdown|html --product NAME [--out FILE]`: a product's roadmap
//! for stakeholders, from the command line. Without `--out` the text goes to standard output.
//! The JSON export of the whole database stays `cli::export`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use northstar_core::files::{refuse_database_target, write_file};
use northstar_core::stakeholder::{gather, html, markdown, RoadmapReport};
use northstar_core::CoreResult;
use northstar_core::Store;

use crate::cli::{describe, share_for_reading};
use crate::cli_kano::product_named;

/// A text format of the roadmap.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RoadmapText {
    Markdown,
    Html,
}

impl RoadmapText {
    fn render(self, report: &RoadmapReport) -> CoreResult<String> {
        match self {
            RoadmapText::Markdown => Ok(markdown::render(report)),
            RoadmapText::Html => html::render(report),
        }
    }
}

/// Writes the roadmap of the product called `product` in `format`.
pub(crate) fn export_roadmap_text(
    path: &Path,
    product: &str,
    format: RoadmapText,
    out: Option<&Path>,
) -> Result<ExitCode, String> {
    if let Some(out) = out {
        refuse_database_target(out, path).map_err(|error| describe(out, error))?;
    }
    let _reading = share_for_reading(path)?;
    let store = Store::open_read_only(path).map_err(|error| describe(path, error))?;
    let today = crate::commands::roadmap::today();
    let text = store
        .read(|connection| {
            Ok(match product_named(connection, product)? {
                Ok(id) => Ok(format.render(&gather(connection, &id, today)?)?),
                Err(message) => Err(message),
            })
        })
        .map_err(|error| describe(path, error))??;
    match out {
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|error| format!("writing failed: {error}"))?,
        Some(out) => {
            write_file(out, text.as_bytes()).map_err(|error| describe(out, error))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
