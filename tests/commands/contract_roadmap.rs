//! The roadmap part of the contract session: the Now / Next / Later board (moves across and
//! within lanes, undo), an item's dates (set, refused, moved, resized, placed at a day,
//! cleared) and the timeline at each scale, with today fixed so the answers do not depend on
//! the day the session runs.

use serde_json::{json, Value};

use super::{new_item, Session};

/// The day the session's timeline calls take as today (`NORTHSTAR_TODAY`).
pub(super) const CONTRACT_TODAY: &str = "2027-03-10";

fn horizon_board(session: &mut Session, note: &str, product: &str) {
    session.call("", "list_items", json!({ "productId": product }));
    session.call(
        note,
        "list_board",
        json!({ "productId": product, "board": "horizon" }),
    );
}

fn move_to(session: &mut Session, note: &str, item: &str, column: &str, target: Value) {
    session.call(
        note,
        "move_card",
        json!({ "itemId": item, "board": "horizon", "column": column, "target": target }),
    );
}

fn dates(session: &mut Session, note: &str, item: &str, start: Value, end: Value) {
    session.call(
        note,
        "set_item_dates",
        json!({ "itemId": item, "startDate": start, "endDate": end }),
    );
}

fn by_days(session: &mut Session, note: &str, command: &str, item: &str, days: i32) {
    session.call(note, command, json!({ "itemId": item, "days": days }));
}

fn timeline(session: &mut Session, note: &str, product: &str, scale: &str) {
    session.call(
        note,
        "list_timeline",
        json!({ "productId": product, "scale": scale, "grouping": "horizon" }),
    );
}

/// Runs the roadmap part on a product of its own.
pub(super) fn run_roadmap(session: &mut Session) {
    std::env::set_var("NORTHSTAR_TODAY", CONTRACT_TODAY);
    let product = session.call("", "create_product", json!({ "name": "Roadmap" }));
    let product = session.alias(&product, "/value/id");
    let mut ids = Vec::new();
    for title in ["Offline mode", "Bank sync", "Dark mode", "Tax pot"] {
        let item = session.call("", "create_item", new_item(&product, title));
        ids.push(session.alias(&item, "/value/id"));
    }
    let [offline, bank, dark, tax] = [&ids[0], &ids[1], &ids[2], &ids[3]];
    horizon_board(
        session,
        "a fresh roadmap board: every card unsorted",
        &product,
    );
    move_to(session, "to Now", offline, "now", json!({ "to": "top" }));
    move_to(
        session,
        "to Now, after a card",
        bank,
        "now",
        json!({ "to": "after", "itemId": offline }),
    );
    move_to(
        session,
        "to Later",
        dark,
        "later",
        json!({ "to": "bottom" }),
    );
    move_to(session, "within Now", bank, "now", json!({ "to": "up" }));
    move_to(
        session,
        "Now → Next",
        offline,
        "next",
        json!({ "to": "top" }),
    );
    horizon_board(
        session,
        "Now: Bank sync; Next: Offline mode; Later: Dark mode",
        &product,
    );
    session.call("", "get_history", json!({}));
    session.call("undo Now → Next", "undo", json!({}));
    horizon_board(session, "Offline mode back in Now", &product);
    session.call("", "redo", json!({}));
    move_to(
        session,
        "not a column of this board",
        tax,
        "must",
        json!({ "to": "top" }),
    );

    dates(
        session,
        "schedule",
        offline,
        json!("2027-03-03"),
        json!("2027-04-21"),
    );
    session.call("", "get_history", json!({}));
    dates(
        session,
        "half a schedule",
        bank,
        json!("2027-03-03"),
        Value::Null,
    );
    dates(
        session,
        "the other half",
        bank,
        Value::Null,
        json!("2027-03-03"),
    );
    dates(
        session,
        "not a day",
        bank,
        json!("2027-02-30"),
        json!("2027-03-03"),
    );
    dates(
        session,
        "ends before it starts",
        bank,
        json!("2027-04-21"),
        json!("2027-03-03"),
    );
    dates(
        session,
        "one day",
        bank,
        json!("2027-12-31"),
        json!("2027-12-31"),
    );
    by_days(
        session,
        "a day later, into the next year",
        "shift_item_dates",
        bank,
        1,
    );
    by_days(session, "a week earlier", "shift_item_dates", bank, -7);
    session.call("", "get_history", json!({}));
    by_days(
        session,
        "the end a day later",
        "resize_item_end",
        offline,
        1,
    );
    by_days(
        session,
        "the end before the start",
        "resize_item_end",
        offline,
        -60,
    );
    by_days(
        session,
        "the start three days earlier",
        "resize_item_start",
        offline,
        -3,
    );
    by_days(
        session,
        "the start after the end",
        "resize_item_start",
        offline,
        60,
    );
    by_days(session, "no change", "shift_item_dates", offline, 0);
    by_days(
        session,
        "an item without dates",
        "shift_item_dates",
        dark,
        1,
    );
    session.call(
        "dropped on the timeline at a day: the default length",
        "schedule_item_from",
        json!({ "itemId": dark, "from": "2028-02-01", "offsetDays": 19 }),
    );
    session.call(
        "dropped on a day that is not one",
        "schedule_item_from",
        json!({ "itemId": tax, "from": "someday", "offsetDays": 0 }),
    );
    session.call("", "get_history", json!({}));
    for scale in ["week", "month", "quarter"] {
        timeline(
            session,
            "the timeline: bars by horizon, today's line",
            &product,
            scale,
        );
    }
    session.call("undo the drop", "undo", json!({}));
    dates(session, "cleared", bank, Value::Null, Value::Null);
    session.call("", "get_history", json!({}));
    timeline(
        session,
        "after undo and clearing: two unscheduled",
        &product,
        "month",
    );
    session.call("", "get_item", json!({ "id": offline }));
}
