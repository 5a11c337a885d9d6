//! Reading the timeline: the product's live items in backlog order with their horizon and
//! schedule (one index-ordered read, no scores), laid out by `timeline::lay_out`.

use rusqlite::Connection;

use crate::calendar::axis::TimelineScale;
use crate::calendar::CalendarDay;
use crate::error::CoreResult;
use crate::queries::items::{kind_column, roadmap_columns, status_column};
use crate::queries::products::get_product;
use crate::roadmap::Schedule;
use crate::timeline::{lay_out, TimelineGrouping, TimelineItem, TimelineView};
use crate::timeline_plan::{ItemLinks, PlanMilestone, PlanRelease, PlanTarget, TimelinePlan};

pub(crate) const TIMELINE_SQL: &str = "SELECT id, title, kind, status, horizon, start_date, \
     end_date, goal_id, theme_id, release_id FROM backlog_item \
     WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY rank, id";

const GOALS_SQL: &str = "SELECT id, title FROM goal WHERE product_id = ?1 \
     AND deleted_at IS NULL ORDER BY created_at, id";
const THEMES_SQL: &str = "SELECT id, name FROM theme WHERE product_id = ?1 \
     AND deleted_at IS NULL ORDER BY created_at, id";
const RELEASES_SQL: &str = "SELECT id, name, starts_on, ends_on FROM roadmap_release \
     WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY starts_on, ends_on, created_at, id";
const MILESTONES_SQL: &str = "SELECT id, name, falls_on FROM milestone \
     WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY falls_on, created_at, id";

fn targets(connection: &Connection, sql: &str, product_id: &str) -> CoreResult<Vec<PlanTarget>> {
    let targets = connection
        .prepare_cached(sql)?
        .query_map([product_id], |row| {
            Ok(PlanTarget {
                id: row.get(0)?,
                name: row.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(targets)
}

/// The product's live goals, themes, releases and milestones, each in its order.
pub(crate) fn read_plan(connection: &Connection, product_id: &str) -> CoreResult<TimelinePlan> {
    let releases = connection
        .prepare_cached(RELEASES_SQL)?
        .query_map([product_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(|(id, name, start, end)| {
            Ok(PlanRelease {
                id,
                name,
                start: CalendarDay::parse("startsOn", &start)?,
                end: CalendarDay::parse("endsOn", &end)?,
            })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    let milestones = connection
        .prepare_cached(MILESTONES_SQL)?
        .query_map([product_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(|(id, name, day)| {
            Ok(PlanMilestone {
                id,
                name,
                day: CalendarDay::parse("fallsOn", &day)?,
            })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    Ok(TimelinePlan {
        goals: targets(connection, GOALS_SQL, product_id)?,
        themes: targets(connection, THEMES_SQL, product_id)?,
        releases,
        milestones,
    })
}

/// The product's timeline at `scale`, with `today` as the today line.
pub fn list_timeline(
    connection: &Connection,
    product_id: &str,
    scale: TimelineScale,
    grouping: TimelineGrouping,
    today: CalendarDay,
) -> CoreResult<TimelineView> {
    get_product(connection, product_id)?;
    let mut statement = connection.prepare_cached(TIMELINE_SQL)?;
    let rows = statement
        .query_map([product_id], |row| {
            let (horizon, start, end) = roadmap_columns(row, 4)?;
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                kind_column(row, 2)?,
                status_column(row, 3)?,
                horizon,
                start,
                end,
                ItemLinks {
                    goal: row.get(7)?,
                    theme: row.get(8)?,
                    release: row.get(9)?,
                },
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let items = rows
        .into_iter()
        .map(|(id, title, kind, status, horizon, start, end, links)| {
            Ok(TimelineItem {
                id,
                title,
                kind,
                status,
                horizon,
                schedule: Schedule::parse(start.as_deref(), end.as_deref())?,
                links,
            })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    let plan = read_plan(connection, product_id)?;
    Ok(lay_out(product_id, items, scale, grouping, &plan, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::item_schedule::set_item_dates;
    use crate::queries::items::delete_item;
    use crate::queries::items::test_support::*;

    #[test]
    fn the_timeline_reads_the_stored_days_and_leaves_deleted_items_out() {
        let (store, product) = store_with_items(&["A", "B", "C"]);
        let a = id_of(&store, &product, "A");
        let c = id_of(&store, &product, "C");
        store
            .write(|x| set_item_dates(x, &a, Some("2027-01-04"), Some("2027-01-10")))
            .unwrap();
        store
            .write(|x| set_item_dates(x, &c, Some("2027-01-05"), Some("2027-01-05")))
            .unwrap();
        store.write(|x| delete_item(x, &c)).unwrap();
        let today = CalendarDay::parse("d", "2027-01-06").unwrap();
        let view = store
            .read(|x| {
                list_timeline(
                    x,
                    &product,
                    TimelineScale::Week,
                    TimelineGrouping::Horizon,
                    today,
                )
            })
            .unwrap();
        assert_eq!(view.groups.len(), 1);
        let bar = &view.groups[0].bars[0];
        assert_eq!((bar.title.as_str(), bar.days), ("A", 7));
        assert_eq!(view.axis.start, "2026-12-21");
        assert_eq!(bar.offset, 14);
        let unscheduled: Vec<&str> = view.unscheduled.iter().map(|u| u.title.as_str()).collect();
        assert_eq!(unscheduled, ["B"]);
    }

    fn grouped(
        store: &crate::Store,
        product: &str,
        grouping: TimelineGrouping,
    ) -> (TimelineView, Vec<(String, Vec<String>)>) {
        let today = CalendarDay::parse("d", "2027-03-10").unwrap();
        let view = store
            .read(|x| list_timeline(x, product, TimelineScale::Month, grouping, today))
            .unwrap();
        let groups = view
            .groups
            .iter()
            .map(|group| {
                let titles = group.bars.iter().map(|bar| bar.title.clone()).collect();
                (group.label.clone(), titles)
            })
            .collect();
        (view, groups)
    }

    fn names(groups: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        groups
            .iter()
            .map(|(label, titles)| {
                let titles = titles.iter().map(|title| title.to_string()).collect();
                (label.to_string(), titles)
            })
            .collect()
    }

    #[test]
    fn the_timeline_groups_by_goal_theme_and_release_and_draws_releases_and_milestones() {
        use crate::plan::{GoalFields, MilestoneFields, PlanLink, ReleaseFields, ThemeFields};
        use crate::queries::goals::{create_goal, delete_goal};
        use crate::queries::item_plan::set_item_link;
        use crate::queries::milestones::create_milestone;
        use crate::queries::releases::create_release;
        use crate::queries::themes::create_theme;

        let (store, product) = store_with_items(&["A", "B", "C", "D"]);
        let ids: Vec<String> = ["A", "B", "C", "D"]
            .iter()
            .map(|title| id_of(&store, &product, title))
            .collect();
        for id in &ids {
            store
                .write(|x| set_item_dates(x, id, Some("2027-03-01"), Some("2027-03-20")))
                .unwrap();
        }
        let goal = |title: &str| GoalFields {
            title: title.to_string(),
            description: String::new(),
        };
        let first = store
            .write(|x| create_goal(x, &product, &goal("Grow")))
            .unwrap();
        let second = store
            .write(|x| create_goal(x, &product, &goal("Retain")))
            .unwrap();
        let gone = store
            .write(|x| create_goal(x, &product, &goal("Gone")))
            .unwrap();
        let theme = store
            .write(|x| {
                let fields = ThemeFields {
                    name: "Trust".to_string(),
                    description: String::new(),
                };
                create_theme(x, &product, &fields)
            })
            .unwrap();
        let release = |name: &str, starts: &str, ends: &str| ReleaseFields {
            name: name.to_string(),
            starts_on: starts.to_string(),
            ends_on: ends.to_string(),
            capacity: None,
            capacity_unit: None,
        };
        // Created later but starting earlier: the release groups go by date.
        let late = store
            .write(|x| create_release(x, &product, &release("2.0", "2027-07-01", "2027-09-30")))
            .unwrap();
        let early = store
            .write(|x| create_release(x, &product, &release("1.0", "2027-01-04", "2027-03-31")))
            .unwrap();
        store
            .write(|x| {
                let fields = MilestoneFields {
                    name: "Beta launch".to_string(),
                    falls_on: "2027-03-12".to_string(),
                    release_id: None,
                };
                create_milestone(x, &product, &fields)
            })
            .unwrap();
        let link = |item: &str, link: PlanLink, target: &str| {
            store
                .write(|x| set_item_link(x, item, link, Some(target)))
                .unwrap();
        };
        link(&ids[0], PlanLink::Goal, &second.id);
        link(&ids[1], PlanLink::Goal, &first.id);
        link(&ids[2], PlanLink::Goal, &gone.id);
        link(&ids[0], PlanLink::Theme, &theme.id);
        link(&ids[0], PlanLink::Release, &late.release.id);
        link(&ids[1], PlanLink::Release, &early.release.id);
        link(&ids[3], PlanLink::Release, &late.release.id);
        store.write(|x| delete_goal(x, &gone.id)).unwrap();

        let (view, groups) = grouped(&store, &product, TimelineGrouping::Goal);
        assert_eq!(
            groups,
            names(&[
                ("Grow", &["B"]),
                ("Retain", &["A"]),
                ("No goal", &["C", "D"])
            ])
        );
        assert_eq!(view.groups[0].key, first.id);
        assert_eq!(view.groups[2].key, "none");
        let (_, groups) = grouped(&store, &product, TimelineGrouping::Theme);
        assert_eq!(
            groups,
            names(&[("Trust", &["A"]), ("No theme", &["B", "C", "D"])])
        );
        let (view, groups) = grouped(&store, &product, TimelineGrouping::Release);
        assert_eq!(
            groups,
            names(&[
                ("1.0", &["B"]),
                ("2.0", &["A", "D"]),
                ("No release", &["C"])
            ])
        );
        let switch: Vec<&str> = view.groupings.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(switch, ["Horizon", "Goal", "Theme", "Release"]);

        // The markers: the axis now starts at the earliest release, the first of its month.
        assert_eq!(view.axis.start, "2026-12-01");
        let releases: Vec<(&str, i32, i32, &str)> = view
            .releases
            .iter()
            .map(|r| (r.name.as_str(), r.offset, r.days, r.label.as_str()))
            .collect();
        assert_eq!(
            releases,
            [
                ("1.0", 34, 87, "Release 1.0, 4 Jan – 31 Mar 2027"),
                ("2.0", 212, 92, "Release 2.0, 1 Jul – 30 Sep 2027"),
            ]
        );
        let milestone = &view.milestones[0];
        assert_eq!(
            (
                milestone.date.as_str(),
                milestone.offset,
                milestone.label.as_str()
            ),
            ("2027-03-12", 101, "Milestone Beta launch, 12 Mar 2027")
        );
    }

    #[test]
    fn the_timeline_read_is_served_by_the_rank_index() {
        let (store, _) = store_with_items(&[]);
        let plan = store.read(|c| Ok(query_plan(c, TIMELINE_SQL, 1))).unwrap();
        assert!(
            plan.iter().all(|line| !line.contains("TEMP B-TREE")),
            "{plan:?}"
        );
        assert!(
            plan.iter()
                .any(|line| line.contains("backlog_item_by_rank")),
            "{plan:?}"
        );
    }
}
