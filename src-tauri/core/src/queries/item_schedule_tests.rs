//! Tests of scheduling items: validation, moves and resizes across month and year ends and leap
//! days, the undo labels, undo and redo, and the columns' CHECKs.

use super::*;
use crate::queries::items::get_item;
use crate::queries::items::test_support::*;
use crate::Store;

fn dates(store: &Store, id: &str) -> (Option<String>, Option<String>) {
    let item = store.read(|c| get_item(c, id)).unwrap();
    (item.start_date, item.end_date)
}

fn pair(start: &str, end: &str) -> (Option<String>, Option<String>) {
    (Some(start.to_string()), Some(end.to_string()))
}

fn reason<T: std::fmt::Debug>(result: CoreResult<T>) -> (String, String) {
    match result {
        Err(CoreError::Invalid { field, reason }) => (field.to_string(), reason),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn one_item() -> (Store, String) {
    let (store, product) = store_with_items(&["Offline mode"]);
    let id = id_of(&store, &product, "Offline mode");
    (store, id)
}

#[test]
fn dates_are_set_both_or_none_in_one_undo_step() {
    let (store, id) = one_item();
    let saved = store
        .write(|c| set_item_dates(c, &id, Some("2027-03-03"), Some("2027-04-21")))
        .unwrap();
    assert_eq!(saved.words, "3 Mar – 21 Apr 2027");
    assert_eq!(dates(&store, &id), pair("2027-03-03", "2027-04-21"));
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Schedule “Offline mode” 3 Mar – 21 Apr 2027")
    );
    store.write(|c| set_item_dates(c, &id, None, None)).unwrap();
    assert_eq!(dates(&store, &id), (None, None));
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Clear the dates of “Offline mode”")
    );
    store.undo().unwrap();
    assert_eq!(dates(&store, &id), pair("2027-03-03", "2027-04-21"));
    store.undo().unwrap();
    assert_eq!(dates(&store, &id), (None, None));
    store.redo().unwrap();
    assert_eq!(dates(&store, &id), pair("2027-03-03", "2027-04-21"));
}

#[test]
fn bad_dates_are_refused_and_nothing_is_written() {
    let (store, id) = one_item();
    store
        .write(|c| set_item_dates(c, &id, Some("2027-03-03"), Some("2027-03-10")))
        .unwrap();
    let refusals = [
        (
            Some("2027-03-03"),
            None,
            "endDate",
            "Give the end date too, or clear both dates.",
        ),
        (
            None,
            Some("2027-03-03"),
            "startDate",
            "Give the start date too, or clear both dates.",
        ),
        (
            Some("2027-02-30"),
            Some("2027-03-03"),
            "startDate",
            "“2027-02-30” is not a date. Write it as year-month-day, e.g. 2026-03-01.",
        ),
        (
            Some("2027-04-21"),
            Some("2027-03-03"),
            "endDate",
            "The end (3 Mar 2027) is before the start (21 Apr 2027): an item ends on or after \
             the day it starts.",
        ),
    ];
    for (start, end, field, text) in refusals {
        let refused = reason(store.write(|c| set_item_dates(c, &id, start, end)));
        assert_eq!(refused, (field.to_string(), text.to_string()));
    }
    assert_eq!(dates(&store, &id), pair("2027-03-03", "2027-03-10"));
    let (field, _) = reason(store.write(|c| resize_item_end(c, &id, -8)));
    assert_eq!(field, "endDate");
    let (field, _) = reason(store.write(|c| resize_item_start(c, &id, 8)));
    assert_eq!(field, "startDate");
    assert_eq!(dates(&store, &id), pair("2027-03-03", "2027-03-10"));
    assert!(matches!(
        store.write(|c| set_item_dates(c, "nope", None, None)),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn an_unscheduled_item_cannot_be_shifted_or_resized() {
    let (store, id) = one_item();
    let (field, text) = reason(store.write(|c| shift_item_dates(c, &id, 1)));
    assert_eq!(field, "item");
    assert_eq!(
        text,
        "“Offline mode” has no dates yet: schedule it first (give it a start and an end)."
    );
    assert!(store.write(|c| resize_item_end(c, &id, 1)).is_err());
}

#[test]
fn shifting_keeps_the_length_across_month_year_and_leap_days() {
    let (store, id) = one_item();
    store
        .write(|c| set_item_dates(c, &id, Some("2024-02-27"), Some("2024-02-29")))
        .unwrap();
    store.write(|c| shift_item_dates(c, &id, 1)).unwrap();
    assert_eq!(dates(&store, &id), pair("2024-02-28", "2024-03-01"));
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Move “Offline mode” to 28 Feb – 1 Mar 2024")
    );
    store
        .write(|c| set_item_dates(c, &id, Some("2026-12-28"), Some("2026-12-31")))
        .unwrap();
    let moved = store.write(|c| shift_item_dates(c, &id, 7)).unwrap();
    assert_eq!(dates(&store, &id), pair("2027-01-04", "2027-01-07"));
    assert_eq!(moved.words, "4 Jan – 7 Jan 2027");
    store.write(|c| shift_item_dates(c, &id, -7)).unwrap();
    assert_eq!(dates(&store, &id), pair("2026-12-28", "2026-12-31"));
    store
        .write(|c| set_item_dates(c, &id, Some("2100-02-27"), Some("2100-02-28")))
        .unwrap();
    store.write(|c| shift_item_dates(c, &id, 1)).unwrap();
    assert_eq!(dates(&store, &id), pair("2100-02-28", "2100-03-01"));
    store.undo().unwrap();
    assert_eq!(dates(&store, &id), pair("2100-02-27", "2100-02-28"));
}

#[test]
fn resizing_moves_one_edge_across_month_and_year_ends() {
    let (store, id) = one_item();
    store
        .write(|c| set_item_dates(c, &id, Some("2027-03-03"), Some("2027-03-31")))
        .unwrap();
    store.write(|c| resize_item_end(c, &id, 1)).unwrap();
    assert_eq!(dates(&store, &id), pair("2027-03-03", "2027-04-01"));
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Change the end of “Offline mode” to 1 Apr 2027")
    );
    store.write(|c| resize_item_end(c, &id, 275)).unwrap();
    assert_eq!(dates(&store, &id), pair("2027-03-03", "2028-01-01"));
    store.write(|c| resize_item_start(c, &id, -3)).unwrap();
    assert_eq!(dates(&store, &id), pair("2027-02-28", "2028-01-01"));
    // A one-day bar is allowed: start and end on the same day.
    store.write(|c| resize_item_start(c, &id, 307)).unwrap();
    assert_eq!(dates(&store, &id), pair("2028-01-01", "2028-01-01"));
    store.undo().unwrap();
    assert_eq!(dates(&store, &id), pair("2027-02-28", "2028-01-01"));
}

#[test]
fn a_drop_at_a_day_gives_the_default_length() {
    let (store, id) = one_item();
    let saved = store
        .write(|c| schedule_item_from(c, &id, "2024-02-01", 19))
        .unwrap();
    assert_eq!(dates(&store, &id), pair("2024-02-20", "2024-03-04"));
    assert_eq!(saved.words, "20 Feb – 4 Mar 2024");
    store
        .write(|c| schedule_item_from(c, &id, "2027-01-04", -4))
        .unwrap();
    assert_eq!(dates(&store, &id), pair("2026-12-31", "2027-01-13"));
    assert_eq!(DEFAULT_BAR_DAYS, 14);
}

#[test]
fn a_change_that_changes_nothing_records_nothing() {
    let (store, id) = one_item();
    store
        .write(|c| set_item_dates(c, &id, Some("2027-03-03"), Some("2027-03-10")))
        .unwrap();
    store.write(|c| shift_item_dates(c, &id, 0)).unwrap();
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Schedule “Offline mode” 3 Mar – 10 Mar 2027")
    );
}

#[test]
fn the_columns_refuse_half_a_schedule_or_an_end_before_the_start() {
    let (store, id) = one_item();
    let refused = |sql: &str| {
        store
            .write_untracked(|c| Ok(c.execute(sql, [&id])?))
            .is_err()
    };
    assert!(refused(
        "UPDATE backlog_item SET start_date = '2027-03-03' WHERE id = ?1"
    ));
    assert!(refused(
        "UPDATE backlog_item SET start_date = '2027-03-03', end_date = '2027-03-02' WHERE id = ?1"
    ));
    assert!(refused(
        "UPDATE backlog_item SET start_date = '2027-3-3', end_date = '2027-03-04' WHERE id = ?1"
    ));
    assert!(refused(
        "UPDATE backlog_item SET horizon = 'soon' WHERE id = ?1"
    ));
    assert!(!refused(
        "UPDATE backlog_item SET start_date = '2027-03-03', end_date = '2027-03-03' WHERE id = ?1"
    ));
}
