//! The timeline as an SVG picture, drawn from the layout the timeline view draws
//! ([`TimelineView`]: the axis ticks, the groups and their bars in days from the axis start,
//! today, the releases and milestones), only scaled to a fixed width, so the picture and the
//! view can never disagree about where a bar is. The HTML export inlines it; the PNG export
//! rasterises it. Every string from the user is escaped; the output depends on nothing but the
//! view (no clock, no randomness), so two exports of the same data are identical.

use std::fmt::Write;

use crate::roadmap::Horizon;
use crate::scoring::format::format_number;
use crate::timeline::{TimelineBar, TimelineView};

/// The picture's width in SVG units (the PNG is twice as wide in pixels).
pub const WIDTH: f64 = 1200.0;
/// The left column holding the items' titles; the axis fills the rest.
const LABEL_WIDTH: f64 = 300.0;
const PAD: f64 = 14.0;
const CHART_X: f64 = LABEL_WIDTH;
const CHART_WIDTH: f64 = WIDTH - LABEL_WIDTH - PAD;
/// At most this many bars are drawn; a line under them says how many more there are, so a
/// roadmap of thousands of items still gives a picture of bounded size.
pub const MAX_BARS: usize = 60;

const TITLE_HEIGHT: f64 = 40.0;
const YEAR_ROW: f64 = 18.0;
const TICK_ROW: f64 = 20.0;
const RELEASE_ROW: f64 = 22.0;
const MILESTONE_ROW: f64 = 18.0;
const GROUP_ROW: f64 = 26.0;
const BAR_ROW: f64 = 24.0;
const BAR_HEIGHT: f64 = 14.0;
const FOOT_ROW: f64 = 22.0;

/// One generic stack: the browser picks the first it has; resvg (fontdb) skips the names it
/// cannot find and lands on DejaVu Sans on Debian.
const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";

const INK: &str = "#1c2230";
const MUTED: &str = "#5b6475";
const LINE: &str = "#e3e6ee";
const TODAY: &str = "#c92a2a";
const RELEASE: &str = "#e5dbff";
const RELEASE_INK: &str = "#5f3dc4";
const MILESTONE: &str = "#e8590c";

/// Where the picture goes: a file of its own (with the SVG namespace and a heading), or inline
/// in the HTML export (an HTML5 `<svg>` needs no namespace, so the page names no web address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SvgUse {
    Standalone,
    Inline,
}

/// What the picture says about itself: its heading (standalone only) and the day it is as of.
#[derive(Debug, Clone, Copy)]
pub struct SvgCaption<'a> {
    /// "Lumen roadmap".
    pub title: &'a str,
    /// "30 Nov 2026".
    pub as_of: &'a str,
}

/// `text` safe inside an XML element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0 at all.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` cut to `max` characters, the cut marked with an ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    // Cut at the last word boundary when it keeps most of the room, so no word is halved.
    let cut = match kept.rfind(' ') {
        Some(space) if kept[..space].chars().count() * 3 >= max * 2 => &kept[..space],
        _ => kept.as_str(),
    };
    format!("{}…", cut.trim_end())
}

/// About how wide `chars` characters are at `size` (DejaVu Sans averages ~0.6 em).
fn text_width(chars: usize, size: f64) -> f64 {
    chars as f64 * size * 0.6
}

/// How many characters fit in `width` at `size`.
fn chars_fitting(width: f64, size: f64) -> usize {
    if width <= 0.0 {
        return 0;
    }
    (width / (size * 0.6)).floor() as usize
}

fn px(value: f64) -> String {
    format!("{value:.1}")
}

fn horizon_colour(horizon: Option<Horizon>) -> &'static str {
    match horizon {
        Some(Horizon::Now) => "#2f9e44",
        Some(Horizon::Next) => "#1c7ed6",
        Some(Horizon::Later) => "#7048e8",
        None => "#868e96",
    }
}

/// The rows drawn: each group's heading and its bars, cut after [`MAX_BARS`] bars.
struct Rows<'a> {
    rows: Vec<Row<'a>>,
    hidden: usize,
}

enum Row<'a> {
    Group { label: &'a str, count: usize },
    Bar(&'a TimelineBar),
}

fn rows(view: &TimelineView) -> Rows<'_> {
    let mut rows = Vec::new();
    let mut shown = 0;
    let mut hidden = 0;
    for group in &view.groups {
        let room = MAX_BARS.saturating_sub(shown);
        if room == 0 {
            hidden += group.bars.len();
            continue;
        }
        rows.push(Row::Group {
            label: &group.label,
            count: group.bars.len(),
        });
        for bar in group.bars.iter().take(room) {
            rows.push(Row::Bar(bar));
        }
        let taken = group.bars.len().min(room);
        shown += taken;
        hidden += group.bars.len() - taken;
    }
    Rows { rows, hidden }
}

/// Milestone labels in up to two rows: each goes in the first row whose last label ends
/// before it starts (or the row that ends first), so close milestones do not overprint.
fn milestone_rows(view: &TimelineView, x_of: impl Fn(f64) -> f64) -> Vec<(usize, f64, String)> {
    let mut ends = [f64::MIN; 2];
    let mut placed = Vec::new();
    for milestone in &view.milestones {
        let x = x_of(f64::from(milestone.offset));
        let name = truncate(&milestone.name, 28);
        let end = x + 8.0 + text_width(name.chars().count(), 11.0);
        let row = if ends[0] < x - 4.0 {
            0
        } else if ends[1] < x - 4.0 || ends[1] < ends[0] {
            1
        } else {
            0
        };
        ends[row] = end;
        placed.push((row, x, name));
    }
    placed
}

/// The timeline as one SVG document (see the module's comment).
pub fn render(view: &TimelineView, caption: SvgCaption<'_>, usage: SvgUse) -> String {
    let axis_days = f64::from(view.axis.days.max(1));
    let day_width = CHART_WIDTH / axis_days;
    let x_of = |days: f64| CHART_X + days * day_width;
    let drawn = rows(view);
    let milestones = milestone_rows(view, x_of);
    let milestone_rows_used = milestones
        .iter()
        .map(|(row, _, _)| row + 1)
        .max()
        .unwrap_or(0);

    let title_height = if usage == SvgUse::Standalone {
        TITLE_HEIGHT
    } else {
        8.0
    };
    let axis_top = title_height;
    let markers_top = axis_top + YEAR_ROW + TICK_ROW;
    let release_height = if view.releases.is_empty() {
        0.0
    } else {
        RELEASE_ROW
    };
    let milestones_top = markers_top + release_height;
    let rows_top = milestones_top + MILESTONE_ROW * milestone_rows_used as f64 + 4.0;
    let rows_height: f64 = drawn
        .rows
        .iter()
        .map(|row| match row {
            Row::Group { .. } => GROUP_ROW,
            Row::Bar(_) => BAR_ROW,
        })
        .sum();
    let rows_bottom = rows_top + rows_height.max(BAR_ROW);
    let notes = notes(view, &drawn);
    let height = rows_bottom + FOOT_ROW * (1 + notes.len()) as f64 + 6.0;

    let mut svg = String::with_capacity(8192 + drawn.rows.len() * 400);
    let namespace = match usage {
        SvgUse::Standalone => " xmlns=\"http://www.w3.org/2000/svg\"",
        SvgUse::Inline => "",
    };
    let _ = writeln!(
        svg,
        "<svg{namespace} width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-labelledby=\"timeline-title\" font-family=\"{FONT_FAMILY}\" font-size=\"12\" fill=\"{INK}\">",
        w = px(WIDTH),
        h = px(height),
    );
    let _ = writeln!(
        svg,
        "<title id=\"timeline-title\">{} timeline as of {}</title>",
        escape(caption.title),
        escape(caption.as_of)
    );
    let _ = writeln!(
        svg,
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        px(WIDTH),
        px(height)
    );
    // Titles are cut by an estimate of their width; the clip keeps an unusually wide one out
    // of the chart.
    let _ = writeln!(
        svg,
        "<defs><clipPath id=\"timeline-titles\"><rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\"/></clipPath></defs>",
        px(LABEL_WIDTH - 8.0),
        px(height)
    );
    if usage == SvgUse::Standalone {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"26\" font-size=\"18\" font-weight=\"bold\">{} timeline</text>",
            px(PAD),
            escape(&truncate(caption.title, 60))
        );
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"26\" font-size=\"12\" fill=\"{MUTED}\" text-anchor=\"end\">As of {}</text>",
            px(WIDTH - PAD),
            escape(caption.as_of)
        );
    }

    // Release spans behind everything, as bands down the whole chart.
    for release in &view.releases {
        let x = x_of(f64::from(release.offset));
        let width = (f64::from(release.days) * day_width).max(2.0);
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{RELEASE}\" fill-opacity=\"0.35\"/>",
            px(x),
            px(markers_top),
            px(width),
            px(rows_bottom - markers_top)
        );
    }
    axis(&mut svg, view, axis_top, rows_bottom, day_width);
    for release in &view.releases {
        let x = x_of(f64::from(release.offset));
        let width = (f64::from(release.days) * day_width).max(2.0);
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" rx=\"3\" fill=\"{RELEASE}\" stroke=\"{RELEASE_INK}\" stroke-width=\"0.8\"/>",
            px(x),
            px(markers_top + 3.0),
            px(width)
        );
        let name = truncate(&release.name, chars_fitting(width - 8.0, 11.0));
        if !name.is_empty() && name != "…" {
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{RELEASE_INK}\">{}</text>",
                px(x + 4.0),
                px(markers_top + 15.0),
                escape(&name)
            );
        }
    }
    for (milestone, (row, x, name)) in view.milestones.iter().zip(&milestones) {
        let y = milestones_top + MILESTONE_ROW * *row as f64 + 12.0;
        let _ = writeln!(
            svg,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{MILESTONE}\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>",
            px(y),
            px(rows_bottom),
            x = px(*x)
        );
        let _ = writeln!(
            svg,
            "<path d=\"M {} {} l 5 5 l -5 5 l -5 -5 z\" fill=\"{MILESTONE}\"><title>{}</title></path>",
            px(*x),
            px(y - 9.0),
            escape(&milestone.label)
        );
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{MILESTONE}\">{}</text>",
            px(x + 8.0),
            px(y),
            escape(name)
        );
    }

    let mut y = rows_top;
    for row in &drawn.rows {
        match row {
            Row::Group { label, count } => {
                let _ = writeln!(
                    svg,
                    "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#eef1f6\" fill-opacity=\"0.85\"/>",
                    px(y + 2.0),
                    px(WIDTH),
                    px(GROUP_ROW - 4.0)
                );
                let _ = writeln!(
                    svg,
                    "<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\">{} <tspan fill=\"{MUTED}\" font-weight=\"normal\">{}</tspan></text>",
                    px(PAD),
                    px(y + 18.0),
                    escape(&truncate(label, 40)),
                    count
                );
                y += GROUP_ROW;
            }
            Row::Bar(bar) => {
                bar_row(&mut svg, bar, y, day_width);
                y += BAR_ROW;
            }
        }
    }

    // At the start of today's day, where the view draws it.
    let today_x = x_of(f64::from(view.today_offset));
    let _ = writeln!(
        svg,
        "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{TODAY}\" stroke-width=\"1.5\"/>",
        px(markers_top),
        px(rows_bottom + 4.0),
        x = px(today_x)
    );
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" font-weight=\"bold\" fill=\"{TODAY}\" text-anchor=\"middle\">Today, {}</text>",
        px(today_x.clamp(CHART_X + 40.0, WIDTH - PAD - 40.0)),
        px(rows_bottom + 17.0),
        escape(caption.as_of)
    );
    let mut note_y = rows_bottom + FOOT_ROW + 14.0;
    for note in notes {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{MUTED}\">{}</text>",
            px(PAD),
            px(note_y),
            escape(&note)
        );
        note_y += FOOT_ROW;
    }
    svg.push_str("</svg>\n");
    svg
}

/// The year and tick rows, and the ticks' lines down the chart.
fn axis(svg: &mut String, view: &TimelineView, top: f64, bottom: f64, day_width: f64) {
    let ticks = &view.axis.ticks;
    // Short labels ("Apr", "Q2", "W14"): the year has a row of its own. When ticks are too
    // narrow for them, every n-th is labelled.
    let widest = ticks
        .iter()
        .map(|tick| short_label(&tick.label).chars().count())
        .max()
        .unwrap_or(0);
    let narrowest = ticks
        .iter()
        .map(|tick| f64::from(tick.days) * day_width)
        .fold(f64::MAX, f64::min);
    let needed = text_width(widest, 11.0) + 6.0;
    let step = if narrowest >= needed || narrowest <= 0.0 {
        1
    } else {
        (needed / narrowest).ceil() as usize
    };
    let _ = writeln!(
        svg,
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{LINE}\"/>",
        px(CHART_X),
        px(CHART_X + CHART_WIDTH),
        y = px(top + YEAR_ROW + TICK_ROW)
    );
    for (index, tick) in ticks.iter().enumerate() {
        let x = CHART_X + f64::from(tick.offset) * day_width;
        let _ = writeln!(
            svg,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{LINE}\" stroke-width=\"1\"/>",
            px(if tick.year.is_some() {
                top + 2.0
            } else {
                top + YEAR_ROW
            }),
            px(bottom),
            x = px(x)
        );
        if let Some(year) = tick.year {
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\">{year}</text>",
                px(x + 4.0),
                px(top + 14.0)
            );
        }
        if index % step == 0 {
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{MUTED}\">{}</text>",
                px(x + 3.0),
                px(top + YEAR_ROW + 14.0),
                escape(short_label(&tick.label))
            );
        }
    }
}

/// "Apr 2027" → "Apr"; "Q2 2027" → "Q2"; "W14" stays.
fn short_label(label: &str) -> &str {
    label.split(' ').next().unwrap_or(label)
}

/// A bar's row: its title in the left column, the bar, and its dates beside the bar where
/// there is room.
fn bar_row(svg: &mut String, bar: &TimelineBar, y: f64, day_width: f64) {
    // Titles are mostly lower case, narrower than the 0.6 em estimate.
    let title = truncate(&bar.title, chars_fitting(LABEL_WIDTH - PAD - 22.0, 11.0));
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" clip-path=\"url(#timeline-titles)\">{}</text>",
        px(PAD + 10.0),
        px(y + 16.0),
        escape(&title)
    );
    let x = CHART_X + f64::from(bar.offset) * day_width;
    let width = (f64::from(bar.days) * day_width).max(3.0);
    let _ = writeln!(
        svg,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{}\"><title>{}</title></rect>",
        px(x),
        px(y + (BAR_ROW - BAR_HEIGHT) / 2.0),
        px(width),
        px(BAR_HEIGHT),
        horizon_colour(bar.horizon),
        escape(&bar.label)
    );
    let words_width = text_width(bar.words.chars().count(), 10.5);
    let right = CHART_X + CHART_WIDTH;
    let (words_x, anchor) = if x + width + 6.0 + words_width <= right {
        (x + width + 6.0, "start")
    } else if x - 6.0 - words_width >= CHART_X {
        (x - 6.0, "end")
    } else {
        return;
    };
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"10.5\" fill=\"{MUTED}\" text-anchor=\"{anchor}\">{}</text>",
        px(words_x),
        px(y + 16.0),
        escape(&bar.words)
    );
}

/// What the picture leaves out, said under it.
fn notes(view: &TimelineView, drawn: &Rows<'_>) -> Vec<String> {
    let mut notes = Vec::new();
    if drawn.hidden > 0 {
        notes.push(format!(
            "and {} more {} with dates, not drawn here",
            format_number(drawn.hidden as f64),
            if drawn.hidden == 1 { "item" } else { "items" }
        ));
    }
    if view.groups.is_empty() {
        notes.push("No item has dates yet.".to_string());
    }
    let undated = view.unscheduled.len();
    if undated > 0 {
        notes.push(format!(
            "{} {} without dates {} not on the timeline.",
            format_number(undated as f64),
            if undated == 1 { "item" } else { "items" },
            if undated == 1 { "is" } else { "are" }
        ));
    }
    notes
}

#[cfg(test)]
#[path = "timeline_svg_tests.rs"]
mod tests;
