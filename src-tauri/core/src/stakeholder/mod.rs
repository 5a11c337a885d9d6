//! Stakeholder exports of a product's roadmap: what they show is gathered once here
//! ([`RoadmapReport`], read-only), and each format renders it in a module of its own
//! (`markdown`). Everything is worded in Rust; nothing here writes to the database.

use rusqlite::Connection;

use crate::board::BoardKind;
use crate::calendar::axis::TimelineScale;
use crate::calendar::{range_words, CalendarDay};
use crate::error::CoreResult;
use crate::queries::boards::list_board;
use crate::queries::goals::list_goals;
use crate::queries::item_plan::item_plans_of_product;
use crate::queries::milestones::list_milestones;
use crate::queries::products::get_product;
use crate::queries::releases::list_releases;
use crate::queries::timeline::list_timeline;
use crate::roadmap::Horizon;
use crate::scoring::format::format_number;
use crate::timeline::{TimelineGrouping, TimelineView};

pub mod html;
pub mod markdown;
pub mod png;
pub mod timeline_svg;

/// One card of a lane, with its plan links by name.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportItem {
    pub title: String,
    pub goal: Option<String>,
    pub theme: Option<String>,
    pub release: Option<String>,
    /// "3 Mar – 21 Apr 2027"; `None` without dates.
    pub dates: Option<String>,
}

/// A lane of the Now / Next / Later board, its cards in the board's order.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportLane {
    pub label: &'static str,
    pub items: Vec<ReportItem>,
}

/// A key result as read: "Monthly churn: 6 → 4 % (now 5 %)".
#[derive(Debug, Clone, PartialEq)]
pub struct ReportKeyResult {
    pub words: String,
    /// 0–100, rounded.
    pub percent: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportGoal {
    pub title: String,
    /// 0–100, rounded; `None` without key results.
    pub percent: Option<i32>,
    pub key_results: Vec<ReportKeyResult>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportRelease {
    pub name: String,
    /// "1 Apr – 30 Jun 2027".
    pub dates: String,
    /// Rust's load sentence: "21 of 24 person-months (88 %)".
    pub load: String,
    pub over_capacity: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportMilestone {
    pub name: String,
    /// "1 May 2027".
    pub day: String,
    pub release: Option<String>,
}

/// Everything a stakeholder export shows of one product, in a fixed order (lanes in board
/// order, goals oldest first, releases and milestones by date), so two exports of the same
/// data are identical.
#[derive(Debug, Clone, PartialEq)]
pub struct RoadmapReport {
    pub product: String,
    pub vision: String,
    /// "30 Nov 2026": the day the export says it is as of.
    pub as_of: String,
    pub lanes: Vec<ReportLane>,
    pub goals: Vec<ReportGoal>,
    pub releases: Vec<ReportRelease>,
    pub milestones: Vec<ReportMilestone>,
    /// The timeline as the view lays it out, grouped by horizon (the picture's source).
    pub timeline: TimelineView,
}

/// Axes longer than this are drawn by quarter rather than by month, so the picture's ticks
/// stay wide enough to label.
const MONTHS_UP_TO_DAYS: i32 = 3 * 366;

/// The product's timeline for a picture: the view's own layout (`list_timeline`) by month, or
/// by quarter when it spans more than three years, grouped by horizon like the lanes.
pub fn export_timeline(
    connection: &Connection,
    product_id: &str,
    today: CalendarDay,
) -> CoreResult<TimelineView> {
    let grouping = TimelineGrouping::Horizon;
    let by_month = list_timeline(
        connection,
        product_id,
        TimelineScale::Month,
        grouping,
        today,
    )?;
    if by_month.axis.days <= MONTHS_UP_TO_DAYS {
        return Ok(by_month);
    }
    list_timeline(
        connection,
        product_id,
        TimelineScale::Quarter,
        grouping,
        today,
    )
}

fn percent(progress: f64) -> i32 {
    // Progress is clamped to 0–1 by the plan; the cast cannot overflow.
    (progress.clamp(0.0, 1.0) * 100.0).round() as i32
}

fn days(start: &str, end: &str) -> Option<String> {
    let start = CalendarDay::parse("startDate", start).ok()?;
    let end = CalendarDay::parse("endDate", end).ok()?;
    Some(range_words(start, end))
}

fn key_result_words(metric: &str, unit: &str, baseline: f64, target: f64, current: f64) -> String {
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    format!(
        "{metric}: {} → {}{unit} (now {}{unit})",
        format_number(baseline),
        format_number(target),
        format_number(current)
    )
}

/// Gathers the product's roadmap as of `today`.
pub fn gather(
    connection: &Connection,
    product_id: &str,
    today: CalendarDay,
) -> CoreResult<RoadmapReport> {
    let product = get_product(connection, product_id)?;
    let board = list_board(connection, product_id, BoardKind::Horizon)?;
    let plans = item_plans_of_product(connection, product_id)?;
    let lanes = [Horizon::Now, Horizon::Next, Horizon::Later]
        .into_iter()
        .map(|horizon| {
            let items = board
                .columns
                .iter()
                .filter(|column| column.column == horizon.as_str())
                .flat_map(|column| column.cards.iter())
                .map(|card| {
                    let plan = plans.get(&card.id);
                    let name =
                        |pick: fn(&crate::plan::ItemPlan) -> Option<&crate::plan::PlanRef>| {
                            plan.and_then(pick).map(|link| link.name.clone())
                        };
                    ReportItem {
                        title: card.title.clone(),
                        goal: name(|plan| plan.goal.as_ref()),
                        theme: name(|plan| plan.theme.as_ref()),
                        release: name(|plan| plan.release.as_ref()),
                        dates: match (&card.start_date, &card.end_date) {
                            (Some(start), Some(end)) => days(start, end),
                            _ => None,
                        },
                    }
                })
                .collect();
            ReportLane {
                label: horizon.label(),
                items,
            }
        })
        .collect();
    let goals = list_goals(connection, product_id)?
        .into_iter()
        .map(|goal| ReportGoal {
            title: goal.title,
            percent: goal.progress.map(percent),
            key_results: goal
                .key_results
                .iter()
                .map(|kr| ReportKeyResult {
                    words: key_result_words(
                        &kr.metric,
                        &kr.unit,
                        kr.baseline,
                        kr.target,
                        kr.current,
                    ),
                    percent: percent(kr.progress),
                })
                .collect(),
        })
        .collect();
    let releases = list_releases(connection, product_id)?
        .into_iter()
        .map(|release| ReportRelease {
            dates: days(&release.starts_on, &release.ends_on)
                .unwrap_or_else(|| format!("{} – {}", release.starts_on, release.ends_on)),
            name: release.name,
            load: release.load.message,
            over_capacity: release.load.over_capacity,
        })
        .collect();
    let milestones = list_milestones(connection, product_id)?
        .into_iter()
        .map(|milestone| ReportMilestone {
            day: CalendarDay::parse("fallsOn", &milestone.falls_on)
                .map(CalendarDay::words)
                .unwrap_or(milestone.falls_on),
            name: milestone.name,
            release: milestone.release.map(|release| release.name),
        })
        .collect();
    Ok(RoadmapReport {
        product: product.name,
        vision: product.vision,
        as_of: today.words(),
        lanes,
        goals,
        releases,
        milestones,
        timeline: export_timeline(connection, product_id, today)?,
    })
}

/// "Lumen roadmap 2026-11-30.md": the file name a save dialog suggests.
pub fn suggested_file_name(product: &str, today: CalendarDay, extension: &str) -> String {
    let safe: String = product
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!(
        "{} roadmap {}.{extension}",
        safe.trim(),
        today.date().format("%Y-%m-%d")
    )
}

/// The formats the app's "Export roadmap…" commands offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum RoadmapFormat {
    Html,
    Markdown,
    // The timeline as a picture (a plain comment: specta would put a doc comment inside the
    // TypeScript union).
    Png,
}

impl RoadmapFormat {
    pub fn extension(self) -> &'static str {
        match self {
            RoadmapFormat::Html => "html",
            RoadmapFormat::Markdown => "md",
            RoadmapFormat::Png => "png",
        }
    }

    /// The save dialog's filter name.
    pub fn label(self) -> &'static str {
        match self {
            RoadmapFormat::Html => "Web page",
            RoadmapFormat::Markdown => "Markdown",
            RoadmapFormat::Png => "PNG image",
        }
    }

    /// The roadmap in this format: the file's bytes.
    pub fn render(self, report: &RoadmapReport) -> CoreResult<Vec<u8>> {
        match self {
            RoadmapFormat::Html => html::render(report).map(String::into_bytes),
            RoadmapFormat::Markdown => Ok(markdown::render(report).into_bytes()),
            RoadmapFormat::Png => png::render(&timeline_picture(report)),
        }
    }
}

/// The report's timeline as a standalone SVG document (the PNG's source).
pub fn timeline_picture(report: &RoadmapReport) -> String {
    timeline_svg::render(
        &report.timeline,
        timeline_svg::SvgCaption {
            title: &report.product,
            as_of: &report.as_of,
        },
        timeline_svg::SvgUse::Standalone,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_file_name_names_the_product_and_the_day() {
        let day = CalendarDay::from_ymd(2026, 11, 30).unwrap();
        assert_eq!(
            suggested_file_name("Lumen", day, RoadmapFormat::Html.extension()),
            "Lumen roadmap 2026-11-30.html"
        );
        assert_eq!(
            suggested_file_name(" A/B: \"test\" ", day, "md"),
            "A-B- -test- roadmap 2026-11-30.md"
        );
    }
}
