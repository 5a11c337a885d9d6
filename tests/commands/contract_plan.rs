//! The roadmap plan part of the contract session: goals and key results (with refusals and
//! progress), themes, releases with their load against capacity, milestones, an item's goal,
//! theme and release, deletes that hide links until undo.

use serde_json::{json, Value};

use super::{new_item, Session};

fn goal(title: &str) -> Value {
    json!({ "title": title, "description": "" })
}

fn key_result(metric: &str, baseline: f64, target: f64, current: Value) -> Value {
    json!({ "metric": metric, "unit": "%", "baseline": baseline, "target": target, "current": current })
}

fn release(name: &str, starts_on: &str, ends_on: &str, capacity: Value, unit: Value) -> Value {
    json!({ "name": name, "startsOn": starts_on, "endsOn": ends_on, "capacity": capacity, "capacityUnit": unit })
}

fn link(session: &mut Session, note: &str, item: &str, link: &str, target: Option<&str>) {
    session.call(
        note,
        "set_item_plan_link",
        json!({ "itemId": item, "link": link, "targetId": target }),
    );
}

/// Runs the roadmap plan part on a product of its own.
pub(super) fn run_plan(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Plan" }));
    let product = session.alias(&product, "/value/id");
    let mut ids = Vec::new();
    for title in ["Alpha", "Beta", "Gamma"] {
        let item = session.call("", "create_item", new_item(&product, title));
        ids.push(session.alias(&item, "/value/id"));
    }
    let [alpha, beta, gamma] = [&ids[0], &ids[1], &ids[2]];
    for (item, effort, moscow) in [(alpha, 3, "must"), (beta, 2, "should")] {
        session.call(
            "",
            "set_score_inputs",
            json!({ "itemIds": [item], "changes": [
                { "input": "riceEffort", "value": effort },
                { "input": "moscow", "value": moscow },
            ] }),
        );
    }

    session.call(
        "no goals yet",
        "list_goals",
        json!({ "productId": product }),
    );
    session.call(
        "a goal needs an objective",
        "create_goal",
        json!({ "productId": product, "fields": goal("  ") }),
    );
    let grow = session.call(
        "",
        "create_goal",
        json!({ "productId": product, "fields": goal(" Grow revenue ") }),
    );
    let grow = session.alias(&grow, "/value/id");
    session.call(
        "a key result measures a change",
        "create_key_result",
        json!({ "goalId": grow, "fields": key_result("Churn", 6.0, 6.0, Value::Null) }),
    );
    session.call(
        "a key result needs its target",
        "create_key_result",
        json!({ "goalId": grow, "fields": { "metric": "Users", "unit": "", "baseline": 100, "target": null, "current": null } }),
    );
    session.call(
        "and a metric",
        "create_key_result",
        json!({ "goalId": grow, "fields": { "metric": " ", "unit": "", "baseline": null, "target": null, "current": null } }),
    );
    let churn = session.call(
        "churn going down, half way",
        "create_key_result",
        json!({ "goalId": grow, "fields": key_result("Churn", 6.0, 3.0, json!(4.5)) }),
    );
    let churn = session.alias(&churn, "/value/keyResults/0/id");
    session.call(
        "a second key result starts at its baseline",
        "create_key_result",
        json!({ "goalId": grow, "fields": key_result("Paid plans", 10.0, 30.0, Value::Null) }),
    );
    session.call(
        "the current value moves the progress",
        "update_key_result",
        json!({ "id": churn, "fields": key_result("Churn", 6.0, 3.0, json!(3)) }),
    );
    session.call(
        "an edit leaving out the current value keeps it",
        "update_key_result",
        json!({ "id": churn, "fields": key_result("Monthly churn", 6.0, 3.0, Value::Null) }),
    );
    session.call(
        "",
        "update_goal",
        json!({ "id": grow, "fields": { "title": "Grow revenue", "description": "Paid plans first." } }),
    );

    let trust = session.call(
        "",
        "create_theme",
        json!({ "productId": product, "fields": { "name": "Trust", "description": "" } }),
    );
    let trust = session.alias(&trust, "/value/id");
    session.call(
        "a theme needs a name",
        "update_theme",
        json!({ "id": trust, "fields": { "name": "", "description": "" } }),
    );

    session.call(
        "a release cannot end before it starts",
        "create_release",
        json!({ "productId": product, "fields": release("2.0", "2026-06-30", "2026-04-01", Value::Null, Value::Null) }),
    );
    session.call(
        "a capacity needs its unit",
        "create_release",
        json!({ "productId": product, "fields": release("2.0", "2026-04-01", "2026-06-30", json!(4), Value::Null) }),
    );
    let later = session.call(
        "",
        "create_release",
        json!({ "productId": product, "fields": release("2.1", "2026-07-01", "2026-09-30", Value::Null, Value::Null) }),
    );
    let later = session.alias(&later, "/value/release/id");
    let first = session.call(
        "",
        "create_release",
        json!({ "productId": product, "fields": release("2.0", "2026-04-01", "2026-06-30", json!(4), json!("person_months")) }),
    );
    let first = session.alias(&first, "/value/release/id");

    link(session, "", alpha, "release", Some(&first));
    link(session, "", beta, "release", Some(&first));
    link(session, "an unsized item", gamma, "release", Some(&first));
    link(session, "", alpha, "goal", Some(&grow));
    link(session, "", alpha, "theme", Some(&trust));
    link(
        session,
        "the same link records nothing",
        alpha,
        "theme",
        Some(&trust),
    );
    link(session, "", gamma, "release", Some(&later));
    link(session, "", gamma, "release", None);
    link(
        session,
        "a target that does not exist",
        beta,
        "goal",
        Some("no-such-goal"),
    );
    session.call("", "get_item_plan", json!({ "itemId": alpha }));
    session.call(
        "5 of 4 person-months: over capacity",
        "get_release",
        json!({ "id": first }),
    );
    session.call(
        "",
        "update_release",
        json!({ "id": first, "fields": release("2.0", "2026-04-01", "2026-06-30", json!(6), json!("person_months")) }),
    );
    session.call(
        "in date order, with their loads",
        "list_releases",
        json!({ "productId": product }),
    );

    let beta_launch = session.call(
        "",
        "create_milestone",
        json!({ "productId": product, "fields": { "name": "Beta launch", "fallsOn": "2026-05-15", "releaseId": first } }),
    );
    let beta_launch = session.alias(&beta_launch, "/value/id");
    session.call(
        "a milestone is on a day",
        "update_milestone",
        json!({ "id": beta_launch, "fields": { "name": "Beta launch", "fallsOn": "2026-05-32", "releaseId": first } }),
    );
    session.call(
        "",
        "create_milestone",
        json!({ "productId": product, "fields": { "name": "Kick-off", "fallsOn": "2026-03-02", "releaseId": null } }),
    );
    session.call("", "list_milestones", json!({ "productId": product }));
    session.call("", "list_goals", json!({ "productId": product }));
    session.call("", "list_themes", json!({ "productId": product }));

    session.call("", "delete_release", json!({ "id": first }));
    session.call(
        "the milestone's release is hidden",
        "list_milestones",
        json!({ "productId": product }),
    );
    session.call(
        "and the item's",
        "get_item_plan",
        json!({ "itemId": alpha }),
    );
    session.call("the release comes back", "undo", json!({}));
    session.call("", "get_item_plan", json!({ "itemId": alpha }));
    session.call("", "delete_goal", json!({ "id": grow }));
    session.call("", "list_goals", json!({ "productId": product }));
    session.call("", "undo", json!({}));
    session.call("", "delete_key_result", json!({ "id": churn }));
    session.call("", "delete_theme", json!({ "id": trust }));
    session.call("", "delete_milestone", json!({ "id": beta_launch }));
    session.call("", "list_goals", json!({ "productId": product }));
    session.call("", "get_history", json!({}));
}
