//! The swimlanes part of the contract session: the Now / Next / Later board by goal and by
//! theme, moves within a cell, across lanes and across swimlanes (the goal changes with the
//! lane in one undo step), a refused anchor of another row, undo; and the product home's
//! roadmap snapshot with its next release and milestone; the baseline overlay on the timeline.

use serde_json::{json, Value};

use super::{new_item, Session};

fn create(session: &mut Session, command: &str, product: &str, fields: Value, id: &str) -> String {
    let answer = session.call(
        "",
        command,
        json!({ "productId": product, "fields": fields }),
    );
    session.alias(&answer, id)
}

fn swimlanes(session: &mut Session, note: &str, product: &str, grouping: &str) {
    session.call(
        note,
        "list_swimlane_board",
        json!({ "productId": product, "grouping": grouping }),
    );
}

fn move_in(
    session: &mut Session,
    note: &str,
    item: &str,
    column: &str,
    target: Value,
    swimlane: &str,
) {
    session.call(
        note,
        "move_card_in_swimlanes",
        json!({ "itemId": item, "column": column, "target": target, "grouping": "goal", "swimlane": swimlane }),
    );
}

/// Runs the swimlanes part on a product of its own (after `run_roadmap`, which fixes today).
pub(super) fn run_swimlanes(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Swimlanes" }));
    let product = session.alias(&product, "/value/id");
    let mut ids = Vec::new();
    for title in ["Bank sync", "Tax pots", "Receipts", "Invoices", "Dark mode"] {
        let item = session.call("", "create_item", new_item(&product, title));
        ids.push(session.alias(&item, "/value/id"));
    }
    session.call(
        "an empty roadmap: no card in a lane, no release, no milestone",
        "get_home_roadmap",
        json!({ "productId": product }),
    );
    let goal = |title: &str| json!({ "title": title, "description": "" });
    let grow = create(
        session,
        "create_goal",
        &product,
        goal("Grow retention"),
        "/value/id",
    );
    let trust = create(
        session,
        "create_goal",
        &product,
        goal("Earn trust"),
        "/value/id",
    );
    let theme = json!({ "name": "Money", "description": "" });
    let money = create(session, "create_theme", &product, theme, "/value/id");
    for (item, link, target) in [
        (&ids[0], "goal", &grow),
        (&ids[1], "goal", &grow),
        (&ids[2], "goal", &trust),
        (&ids[0], "theme", &money),
    ] {
        session.call(
            "",
            "set_item_plan_link",
            json!({ "itemId": item, "link": link, "targetId": target }),
        );
    }
    for (item, column) in [
        (0, "now"),
        (1, "now"),
        (2, "next"),
        (3, "now"),
        (4, "later"),
    ] {
        session.call(
            "",
            "move_card",
            json!({ "itemId": ids[item], "board": "horizon", "column": column, "target": { "to": "bottom" } }),
        );
    }
    swimlanes(
        session,
        "by goal: each goal in order, then No goal; every column in every row",
        &product,
        "goal",
    );
    swimlanes(session, "by theme: Money, then No theme", &product, "theme");
    move_in(
        session,
        "within a cell: before the card above",
        &ids[1],
        "now",
        json!({ "to": "before", "itemId": ids[0] }),
        &grow,
    );
    move_in(
        session,
        "across lanes in the same row: only the horizon changes",
        &ids[0],
        "next",
        json!({ "to": "bottom" }),
        &grow,
    );
    move_in(
        session,
        "across rows and lanes: the goal changes in the same undo step",
        &ids[0],
        "next",
        json!({ "to": "before", "itemId": ids[2] }),
        &trust,
    );
    swimlanes(session, "after the moves", &product, "goal");
    move_in(
        session,
        "into No goal: the goal is cleared",
        &ids[1],
        "now",
        json!({ "to": "after", "itemId": ids[3] }),
        "none",
    );
    move_in(
        session,
        "next to a card of another row: refused",
        &ids[3],
        "next",
        json!({ "to": "after", "itemId": ids[2] }),
        "none",
    );
    session.call("the move into No goal is one step", "undo", json!({}));
    swimlanes(session, "after the undo", &product, "goal");
    let release = |name: &str, starts: &str, ends: &str| json!({ "name": name, "startsOn": starts, "endsOn": ends, "capacity": null, "capacityUnit": null });
    for (name, starts, ends) in [
        ("1.0", "2027-01-04", "2027-02-26"),
        ("2.0", "2027-03-01", "2027-05-28"),
    ] {
        create(
            session,
            "create_release",
            &product,
            release(name, starts, ends),
            "/value/release/id",
        );
    }
    for (name, day) in [("Kick-off", "2027-01-10"), ("Beta launch", "2027-04-12")] {
        let milestone = json!({ "name": name, "fallsOn": day, "releaseId": null });
        create(
            session,
            "create_milestone",
            &product,
            milestone,
            "/value/id",
        );
    }
    session.call(
        "the snapshot: counts, the first three of each lane, the running release, the next milestone",
        "get_home_roadmap",
        json!({ "productId": product }),
    );
    run_overlay(session, &product, &ids);
}

/// A baseline of two dated items, then one bar slipped and one pulled in: the overlay's ghost
/// bars on the timeline's own axis.
fn run_overlay(session: &mut Session, product: &str, ids: &[String]) {
    for (item, start, end) in [
        (&ids[0], "2027-03-03", "2027-04-09"),
        (&ids[1], "2027-05-01", "2027-05-20"),
        (&ids[2], "2027-03-01", "2027-03-05"),
    ] {
        session.call(
            "",
            "set_item_dates",
            json!({ "itemId": item, "startDate": start, "endDate": end }),
        );
    }
    let saved = session.call(
        "",
        "save_baseline",
        json!({ "productId": product, "name": "Q2 planning" }),
    );
    let baseline = session.alias(&saved, "/value/id");
    let overlay = |session: &mut Session, note: &str| {
        session.call(
            note,
            "get_timeline_overlay",
            json!({ "productId": product, "scale": "month", "grouping": "horizon", "baselineId": baseline }),
        );
    };
    overlay(session, "nothing changed yet: no ghost bar");
    session.call(
        "",
        "set_item_dates",
        json!({ "itemId": ids[0], "startDate": "2027-03-03", "endDate": "2027-04-21" }),
    );
    session.call(
        "",
        "set_item_dates",
        json!({ "itemId": ids[1], "startDate": "2027-04-28", "endDate": "2027-05-17" }),
    );
    session.call(
        "",
        "list_timeline",
        json!({ "productId": product, "scale": "month", "grouping": "horizon" }),
    );
    overlay(
        session,
        "one bar slipped 12 days, one came in 3 days earlier",
    );
}
