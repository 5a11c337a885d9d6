use super::*;
use crate::calendar::CalendarDay;
use crate::stakeholder::{ReportItem, ReportLane};

fn report(titles: &[&str]) -> RoadmapReport {
    RoadmapReport {
        product: "Lumen <b>".to_string(),
        vision: "Money calm & no spreadsheets".to_string(),
        as_of: CalendarDay::from_ymd(2026, 11, 30).unwrap().words(),
        lanes: vec![ReportLane {
            label: "Now",
            items: titles
                .iter()
                .map(|title| ReportItem {
                    title: title.to_string(),
                    goal: Some("Trust".to_string()),
                    theme: None,
                    release: Some("2.0".to_string()),
                    dates: None,
                })
                .collect(),
        }],
        goals: Vec::new(),
        releases: Vec::new(),
        milestones: Vec::new(),
        timeline: crate::timeline::lay_out(
            "p",
            Vec::new(),
            crate::calendar::axis::TimelineScale::Month,
            crate::timeline::TimelineGrouping::Horizon,
            &crate::timeline_plan::TimelinePlan::default(),
            CalendarDay::from_ymd(2026, 11, 30).unwrap(),
        ),
    }
}

#[test]
fn the_page_is_self_contained_and_escapes_every_title() {
    let html = render(&report(&[
        "Bank sync",
        "<script>alert(1)</script>",
        "Tax \"pot\"",
    ]))
    .unwrap();
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(!html.contains("<script"), "a title became markup");
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(html.contains("Bank sync"));
    assert!(html.contains("Lumen &#60;b&#62; roadmap"));
    assert!(html.contains("Money calm &#38; no spreadsheets"));
    assert!(html.contains("@page { size: landscape"));
    assert!(html.contains("break-inside: avoid"));
    assert!(html.contains(
        ".grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 28px; }"
    ));
    assert!(html.contains("<h2 id=\"timeline-heading\">Timeline</h2>"));
    assert!(html.contains("No item has dates yet."));
    assert!(
        !html.contains("<link") && !html.contains("src="),
        "no external resource"
    );
}

/// A string as the SVG writer escapes it.
fn escaped_svg(text: &str) -> String {
    crate::stakeholder::timeline_svg::escape(text)
}

/// A title as askama writes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

#[test]
fn the_demo_page_holds_every_roadmap_item_and_no_web_address() {
    let store = crate::Store::open_in_memory().unwrap();
    let product = store.read(crate::demo::seed_demo_product).unwrap();
    let today = CalendarDay::from_ymd(2026, 11, 30).unwrap();
    let report = store
        .read(|c| crate::stakeholder::gather(c, &product, today))
        .unwrap();
    let html = render(&report).unwrap();
    let items: Vec<&ReportItem> = report.lanes.iter().flat_map(|lane| &lane.items).collect();
    assert!(!items.is_empty(), "the demo has a roadmap");
    for item in items {
        assert!(
            html.contains(&escaped(&item.title)),
            "{} missing",
            item.title
        );
    }
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert_eq!(html, render(&report).unwrap(), "byte-stable");
    // The timeline drawn inline, its bars titled with the items' dates.
    let timeline = html
        .split("<h2 id=\"timeline-heading\">Timeline</h2>")
        .nth(1)
        .unwrap();
    assert!(timeline
        .trim_start()
        .starts_with("<div class=\"timeline\">\n<svg width="));
    for bar in report.timeline.groups.iter().flat_map(|group| &group.bars) {
        assert!(
            timeline.contains(&format!(
                "<title>{}</title></rect>",
                escaped_svg(&bar.label)
            )),
            "{} missing from the timeline",
            bar.label
        );
    }
}
