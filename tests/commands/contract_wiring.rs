//! The timeline grouped by goal, theme and release, with the releases and milestones drawn on
//! it: items with and without a goal, a theme and a release, a deleted goal (its items fall in
//! "No goal"), and two releases created out of date order.

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

fn link(session: &mut Session, item: &str, link: &str, target: &str) {
    session.call(
        "",
        "set_item_plan_link",
        json!({ "itemId": item, "link": link, "targetId": target }),
    );
}

fn timeline(session: &mut Session, note: &str, product: &str, grouping: &str) {
    session.call(
        note,
        "list_timeline",
        json!({ "productId": product, "scale": "month", "grouping": grouping }),
    );
}

/// Runs the grouped timeline on a product of its own (after `run_roadmap`, which fixes today).
pub(super) fn run_wiring(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Wiring" }));
    let product = session.alias(&product, "/value/id");
    let mut ids = Vec::new();
    for title in ["Offline mode", "Bank sync", "Dark mode"] {
        let item = session.call("", "create_item", new_item(&product, title));
        ids.push(session.alias(&item, "/value/id"));
        session.call(
            "",
            "set_item_dates",
            json!({ "itemId": ids.last(), "startDate": "2027-03-01", "endDate": "2027-03-20" }),
        );
    }
    let goal = |title: &str| json!({ "title": title, "description": "" });
    let grow = create(session, "create_goal", &product, goal("Grow"), "/value/id");
    let gone = create(session, "create_goal", &product, goal("Gone"), "/value/id");
    let trust = json!({ "name": "Trust", "description": "" });
    let trust = create(session, "create_theme", &product, trust, "/value/id");
    let release = |name: &str, starts: &str, ends: &str| json!({ "name": name, "startsOn": starts, "endsOn": ends, "capacity": null, "capacityUnit": null });
    let late = release("2.0", "2027-07-01", "2027-09-30");
    let late = create(
        session,
        "create_release",
        &product,
        late,
        "/value/release/id",
    );
    let early = release("1.0", "2027-01-04", "2027-03-31");
    let early = create(
        session,
        "create_release",
        &product,
        early,
        "/value/release/id",
    );
    let beta = json!({ "name": "Beta launch", "fallsOn": "2027-03-12", "releaseId": null });
    create(session, "create_milestone", &product, beta, "/value/id");
    link(session, &ids[0], "goal", &grow);
    link(session, &ids[1], "goal", &gone);
    link(session, &ids[0], "theme", &trust);
    link(session, &ids[0], "release", &late);
    link(session, &ids[1], "release", &early);
    session.call("", "delete_goal", json!({ "id": gone }));
    timeline(
        session,
        "by goal: Grow, then No goal (a deleted goal's item too)",
        &product,
        "goal",
    );
    timeline(session, "by theme: Trust, then No theme", &product, "theme");
    timeline(
        session,
        "by release, in date order, with the releases and the milestone",
        &product,
        "release",
    );
}
