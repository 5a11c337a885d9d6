//! The Markdown roadmap: Now / Next / Later lists with each item's goal, theme, release and
//! days, the goals with their key results, the releases and the milestones. Byte-stable: the
//! order is the report's and the only date is its "As of" line, so two exports of the same data
//! diff clean. User text is escaped so a title never turns into markup.

use std::fmt::Write;

use super::{ReportItem, RoadmapReport};

/// `text` on one line with Markdown's punctuation escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '{' | '}' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\t' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

fn item_line(item: &ReportItem) -> String {
    let mut details = Vec::new();
    if let Some(goal) = &item.goal {
        details.push(format!("goal: {}", escape(goal)));
    }
    if let Some(theme) = &item.theme {
        details.push(format!("theme: {}", escape(theme)));
    }
    if let Some(release) = &item.release {
        details.push(format!("release: {}", escape(release)));
    }
    if let Some(dates) = &item.dates {
        details.push(dates.clone());
    }
    if details.is_empty() {
        format!("- **{}**", escape(&item.title))
    } else {
        format!("- **{}** — {}", escape(&item.title), details.join(" · "))
    }
}

/// The report as Markdown, ending with one newline.
pub fn render(report: &RoadmapReport) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "# {} roadmap\n", escape(&report.product));
    let _ = writeln!(out, "As of {}.\n", report.as_of);
    let vision: Vec<&str> = report
        .vision
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    if !vision.is_empty() {
        for line in vision {
            let _ = writeln!(out, "> {}", escape(line));
        }
        out.push('\n');
    }
    for lane in &report.lanes {
        let _ = writeln!(out, "## {}\n", lane.label);
        if lane.items.is_empty() {
            let _ = writeln!(out, "Nothing here yet.\n");
            continue;
        }
        for item in &lane.items {
            let _ = writeln!(out, "{}", item_line(item));
        }
        out.push('\n');
    }
    if !report.goals.is_empty() {
        let _ = writeln!(out, "## Goals\n");
        for goal in &report.goals {
            match goal.percent {
                Some(percent) => {
                    let _ = writeln!(out, "- **{}** — {percent} %", escape(&goal.title));
                }
                None => {
                    let _ = writeln!(out, "- **{}** — no key results yet", escape(&goal.title));
                }
            }
            for key_result in &goal.key_results {
                let _ = writeln!(
                    out,
                    "  - {} — {} %",
                    escape(&key_result.words),
                    key_result.percent
                );
            }
        }
        out.push('\n');
    }
    if !report.releases.is_empty() {
        let _ = writeln!(out, "## Releases\n");
        for release in &report.releases {
            let _ = writeln!(
                out,
                "- **{}** — {} · {}",
                escape(&release.name),
                release.dates,
                release.load
            );
        }
        out.push('\n');
    }
    if !report.milestones.is_empty() {
        let _ = writeln!(out, "## Milestones\n");
        for milestone in &report.milestones {
            match &milestone.release {
                Some(release) => {
                    let _ = writeln!(
                        out,
                        "- {} — {} ({})",
                        milestone.day,
                        escape(&milestone.name),
                        escape(release)
                    );
                }
                None => {
                    let _ = writeln!(out, "- {} — {}", milestone.day, escape(&milestone.name));
                }
            }
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
