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

pub(crate) const TIMELINE_SQL: &str = "SELECT id, title, kind, status, horizon, start_date, \
     end_date FROM backlog_item WHERE product_id = ?1 AND deleted_at IS NULL ORDER BY rank, id";

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
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let items = rows
        .into_iter()
        .map(|(id, title, kind, status, horizon, start, end)| {
            Ok(TimelineItem {
                id,
                title,
                kind,
                status,
                horizon,
                schedule: Schedule::parse(start.as_deref(), end.as_deref())?,
            })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    Ok(lay_out(product_id, items, scale, grouping, today))
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
