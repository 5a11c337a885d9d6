//! The self-contained HTML roadmap: one file with its CSS inline and no external reference, so
//! it opens offline in any browser and prints on A4 or Letter landscape without cut cards. The
//! template (`templates/roadmap.html`) is compiled by askama and escapes every value.

use askama::Template;

use super::RoadmapReport;
use crate::error::{CoreError, CoreResult};

#[derive(Template)]
#[template(path = "roadmap.html", escape = "html")]
struct RoadmapPage<'a> {
    report: &'a RoadmapReport,
}

/// The report as one HTML document.
pub fn render(report: &RoadmapReport) -> CoreResult<String> {
    RoadmapPage { report }.render().map_err(|error| {
        tracing::error!(%error, "the HTML roadmap could not be rendered");
        CoreError::invalid("format", "The HTML roadmap could not be made.")
    })
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
