use super::*;
use crate::calendar::axis::TimelineScale;
use crate::calendar::CalendarDay;
use crate::model::{ItemKind, ItemStatus};
use crate::roadmap::Schedule;
use crate::timeline::{lay_out, TimelineGrouping, TimelineItem};
use crate::timeline_plan::{ItemLinks, PlanMilestone, PlanRelease, TimelinePlan};

fn day(text: &str) -> CalendarDay {
    CalendarDay::parse("d", text).unwrap()
}

fn item(title: &str, horizon: Option<Horizon>, dates: Option<(&str, &str)>) -> TimelineItem {
    TimelineItem {
        id: format!("id-{title}"),
        title: title.to_string(),
        kind: ItemKind::Feature,
        status: ItemStatus::Idea,
        horizon,
        schedule: dates.map(|(start, end)| Schedule::new(day(start), day(end)).unwrap()),
        links: ItemLinks::default(),
    }
}

fn plan() -> TimelinePlan {
    TimelinePlan {
        releases: vec![PlanRelease {
            id: "r".into(),
            name: "Release <2.0>".into(),
            start: day("2027-04-01"),
            end: day("2027-06-30"),
        }],
        milestones: vec![PlanMilestone {
            id: "m".into(),
            name: "Beta & \"launch\"".into(),
            day: day("2027-05-12"),
        }],
        ..TimelinePlan::default()
    }
}

fn view(items: Vec<TimelineItem>) -> TimelineView {
    lay_out(
        "p",
        items,
        TimelineScale::Month,
        TimelineGrouping::Horizon,
        &plan(),
        day("2027-03-10"),
    )
}

const CAPTION: SvgCaption<'static> = SvgCaption {
    title: "Lumen",
    as_of: "10 Mar 2027",
};

fn sample() -> TimelineView {
    view(vec![
        item(
            "<script>alert('x')</script> & \"quotes\"",
            Some(Horizon::Now),
            Some(("2027-03-03", "2027-04-21")),
        ),
        item(
            "Bank sync",
            Some(Horizon::Next),
            Some(("2027-05-01", "2027-06-15")),
        ),
        item("Undated", Some(Horizon::Later), None),
    ])
}

/// Parsed as XML by the same parser the PNG uses: a string that broke out of its element would
/// make the document malformed.
fn parses(svg: &str) {
    resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).unwrap();
}

#[test]
fn every_user_string_is_escaped_and_the_document_is_well_formed() {
    let svg = render(&sample(), CAPTION, SvgUse::Standalone);
    assert!(!svg.contains("<script"), "a title became markup");
    assert!(
        svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
    );
    assert!(svg.contains("Release &lt;2.0&gt;"));
    assert!(svg.contains("Beta &amp; &quot;launch&quot;"));
    parses(&svg);
    let hostile = SvgCaption {
        title: "A</title><script>",
        as_of: "x",
    };
    let svg = render(&sample(), hostile, SvgUse::Standalone);
    assert!(!svg.contains("<script"));
    parses(&svg);
}

#[test]
fn the_picture_shows_groups_axis_bars_today_and_markers() {
    let svg = render(&sample(), CAPTION, SvgUse::Standalone);
    for expected in [
        ">Lumen timeline</text>",
        "As of 10 Mar 2027",
        // Group headings with their counts.
        ">Now <tspan",
        ">Next <tspan",
        // The year row and the months.
        ">2027</text>",
        ">Mar</text>",
        ">Jun</text>",
        // A bar's dates beside it, the today line's label, the undated item said under it.
        "3 Mar – 21 Apr 2027",
        "Today, 10 Mar 2027",
        "1 item without dates is not on the timeline.",
        "font-family=\"system-ui,",
        "sans-serif\"",
    ] {
        assert!(svg.contains(expected), "{expected} missing in\n{svg}");
    }
    assert!(!svg.contains(">Later <tspan"), "a group without bars");
    assert_eq!(
        svg,
        render(&sample(), CAPTION, SvgUse::Standalone),
        "stable"
    );
}

#[test]
fn bars_sit_where_the_views_layout_puts_them_scaled_to_the_width() {
    let layout = sample();
    let svg = render(&layout, CAPTION, SvgUse::Standalone);
    let day_width = (WIDTH - 300.0 - 14.0) / f64::from(layout.axis.days);
    let bar = &layout.groups[1].bars[0];
    let x = 300.0 + f64::from(bar.offset) * day_width;
    let width = f64::from(bar.days) * day_width;
    let expected = format!("x=\"{x:.1}\" y=\"");
    let rect = svg
        .lines()
        .find(|line| line.starts_with("<rect") && line.contains("Bank sync, 1 May"))
        .unwrap();
    assert!(rect.contains(&expected), "{rect} should start at {x:.1}");
    assert!(rect.contains(&format!("width=\"{width:.1}\"")), "{rect}");
    let today = 300.0 + f64::from(layout.today_offset) * day_width;
    assert!(svg.contains(&format!("<line x1=\"{today:.1}\"")));
}

#[test]
fn inline_svg_names_no_web_address_and_standalone_declares_its_namespace() {
    let inline = render(&sample(), CAPTION, SvgUse::Inline);
    assert!(!inline.contains("http://") && !inline.contains("https://"));
    assert!(
        !inline.contains("Lumen timeline</text>"),
        "the page has its own heading"
    );
    let standalone = render(&sample(), CAPTION, SvgUse::Standalone);
    assert!(standalone.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" "));
}

#[test]
fn a_huge_roadmap_draws_a_bounded_number_of_rows_and_says_how_many_more() {
    let items: Vec<TimelineItem> = (0..1_300)
        .map(|index| {
            item(
                &format!("Item {index}"),
                Some(if index % 2 == 0 {
                    Horizon::Now
                } else {
                    Horizon::Next
                }),
                Some(("2027-03-01", "2027-03-20")),
            )
        })
        .collect();
    let svg = render(&view(items), CAPTION, SvgUse::Standalone);
    let bars = svg.matches("</title></rect>").count();
    assert_eq!(bars, MAX_BARS);
    assert!(svg.contains("and 1,240 more items with dates, not drawn here"));
    assert!(svg.len() < 60_000, "{} bytes", svg.len());
    let height: f64 = svg
        .split("height=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(height < 2_000.0, "{height}");
}

#[test]
fn long_titles_are_cut_with_an_ellipsis() {
    assert_eq!(truncate("Bank sync", 20), "Bank sync");
    assert_eq!(truncate("Offline mode for the whole app", 10), "Offline…");
    assert_eq!(
        truncate("Offline mode for the whole app", 16),
        "Offline mode…"
    );
    assert_eq!(truncate("Supercalifragilistic", 8), "Superca…");
    assert_eq!(truncate("  padded  ", 10), "padded");
    let long = "A very long title that goes on and on about everything the item does";
    let svg = render(
        &view(vec![item(
            long,
            Some(Horizon::Now),
            Some(("2027-03-01", "2027-03-02")),
        )]),
        CAPTION,
        SvgUse::Standalone,
    );
    assert!(!svg.contains(&format!(">{long}<")));
    assert!(svg.contains("A very long title that goes on and on…"));
}
