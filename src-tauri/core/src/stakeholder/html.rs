//! The self-contained HTML roadmap: one file with its CSS inline and no external reference, so
//! it opens offline in any browser, the timeline drawn in it as inline SVG, and prints on A4 or Letter landscape without cut cards. The
//! template (`templates/roadmap.html`) is compiled by askama and escapes every value.

use askama::Template;

use super::{timeline_svg, RoadmapReport};
use crate::error::{CoreError, CoreResult};

#[derive(Template)]
#[template(path = "roadmap.html", escape = "html")]
struct RoadmapPage<'a> {
    report: &'a RoadmapReport,
    /// The timeline picture, inline (`timeline_svg` escapes every string in it).
    timeline: String,
}

/// The report as one HTML document.
pub fn render(report: &RoadmapReport) -> CoreResult<String> {
    let timeline = timeline_svg::render(
        &report.timeline,
        timeline_svg::SvgCaption {
            title: &report.product,
            as_of: &report.as_of,
        },
        timeline_svg::SvgUse::Inline,
    );
    RoadmapPage { report, timeline }.render().map_err(|error| {
        tracing::error!(%error, "the HTML roadmap could not be rendered");
        CoreError::invalid("format", "The HTML roadmap could not be made.")
    })
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
