//! `northstar export --format markdown|html|svg|png --product NAME [--out FILE]`: a product's
//! roadmap for stakeholders, from the command line (SVG and PNG: the timeline picture). Without
//! `--out` the text goes to standard output; a PNG needs `--out` (binary on a terminal helps
//! nobody). The JSON export of the whole database stays `cli::export`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use northstar_core::files::{refuse_database_target, write_file};
use northstar_core::stakeholder::{gather, timeline_picture, RoadmapFormat, RoadmapReport};
use northstar_core::CoreResult;
use northstar_core::Store;

use crate::cli::{describe, share_for_reading};
use crate::cli_kano::product_named;

/// A stakeholder format of the roadmap.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RoadmapOutput {
    /// One of the app's "Export roadmap…" formats.
    Roadmap(RoadmapFormat),
    /// The timeline picture as SVG (the PNG's source).
    Svg,
}

impl RoadmapOutput {
    fn render(self, report: &RoadmapReport) -> CoreResult<Vec<u8>> {
        match self {
            RoadmapOutput::Roadmap(format) => format.render(report),
            RoadmapOutput::Svg => Ok(timeline_picture(report).into_bytes()),
        }
    }
}

/// Writes the roadmap of the product called `product` in `format`.
pub(crate) fn export_roadmap_text(
    path: &Path,
    product: &str,
    format: RoadmapOutput,
    out: Option<&Path>,
) -> Result<ExitCode, String> {
    if out.is_none() && matches!(format, RoadmapOutput::Roadmap(RoadmapFormat::Png)) {
        return Err(
            "a PNG export needs a file: add --out FILE (for example --out roadmap.png)".into(),
        );
    }
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
            .write_all(&text)
            .map_err(|error| format!("writing failed: {error}"))?,
        Some(out) => {
            write_file(out, &text).map_err(|error| describe(out, error))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
