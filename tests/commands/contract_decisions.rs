//! The decision log part of the contract session: recording (and refusals), the log and its
//! filter by item, editing, linking and unlinking items, deleting, undo and redo, and the
//! "outscored by" question after backlog and board moves.

use serde_json::{json, Value};

use super::{new_item, Session};

fn new_decision(product: &str, day: Value, text: &str, rationale: &str, items: &[&str]) -> Value {
    json!({ "input": {
        "productId": product, "decidedOn": day, "decision": text, "rationale": rationale,
        "itemIds": items,
    } })
}

fn no_decision_change() -> Value {
    json!({ "decidedOn": null, "decision": null, "rationale": null })
}

/// RICE reach × 1 × 100 % / 1: a score of `reach`.
fn score(session: &mut Session, item: &str, reach: f64) {
    session.call(
        "",
        "set_score_inputs",
        json!({ "itemIds": [item], "changes": [
            { "input": "riceReach", "value": reach },
            { "input": "riceImpact", "value": 1 },
            { "input": "riceConfidence", "value": 100 },
            { "input": "riceEffort", "value": 1 },
        ] }),
    );
}

/// The rank key of `item` in a `list_items` answer (the key the UI passes as `previousKey`).
fn rank_in(list: &Value, item_id: &str) -> String {
    list.as_array()
        .unwrap()
        .iter()
        .find(|row| row["id"] == item_id)
        .map(|row| row["rank"].as_str().unwrap().to_string())
        .unwrap()
}

fn log(session: &mut Session, note: &str, product: &str, item: Option<&str>) {
    session.call(
        note,
        "list_decisions",
        json!({ "productId": product, "itemId": item }),
    );
}

/// Runs the decision log part on a product of its own.
pub(super) fn run_decisions(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Decisions" }));
    let product = session.alias(&product, "/value/id");
    let mut ids = Vec::new();
    for title in ["Alpha", "Beta", "Gamma"] {
        let item = session.call("", "create_item", new_item(&product, title));
        ids.push(session.alias(&item, "/value/id"));
    }
    let [alpha, beta, gamma] = [&ids[0], &ids[1], &ids[2]];
    log(session, "an empty log", &product, None);

    session.call(
        "a decision needs a text",
        "create_decision",
        new_decision(&product, json!("2026-03-01"), " ", "Because.", &[]),
    );
    session.call(
        "and a rationale",
        "create_decision",
        new_decision(&product, json!("2026-03-01"), "Ship", "", &[]),
    );
    session.call(
        "a date that is not a day",
        "create_decision",
        new_decision(&product, json!("2026-02-30"), "Ship", "Because.", &[]),
    );
    session.call(
        "an item that does not exist",
        "create_decision",
        new_decision(
            &product,
            json!("2026-03-01"),
            "Ship",
            "Because.",
            &["no-such-item"],
        ),
    );
    let first = session.call(
        "recorded with two items, in backlog order",
        "create_decision",
        new_decision(
            &product,
            json!("2026-03-01"),
            " Ship Gamma first ",
            "Customers asked.",
            &[gamma, beta],
        ),
    );
    let first = session.alias(&first, "/value/id");
    session.call(
        "",
        "create_decision",
        new_decision(
            &product,
            json!("2026-03-05"),
            "Later call",
            "New data.",
            &[alpha],
        ),
    );
    session.call(
        "",
        "create_decision",
        new_decision(
            &product,
            json!("2026-02-20"),
            "About nothing",
            "Context.",
            &[],
        ),
    );
    session.call("", "get_history", json!({}));
    log(session, "newest first", &product, None);
    log(session, "filtered by an item", &product, Some(beta));
    log(session, "an unknown item", &product, Some("no-such-item"));

    let mut patch = no_decision_change();
    patch["rationale"] = json!("Customers asked, twice.");
    patch["decidedOn"] = json!("2026-03-02");
    session.call(
        "an edit",
        "update_decision",
        json!({ "id": first, "patch": patch.clone() }),
    );
    session.call(
        "an edit that changes nothing records nothing",
        "update_decision",
        json!({ "id": first, "patch": patch }),
    );
    let mut patch = no_decision_change();
    patch["decision"] = json!("two\nlines");
    session.call(
        "a decision is one line",
        "update_decision",
        json!({ "id": first, "patch": patch }),
    );
    session.call("", "get_history", json!({}));
    session.call(
        "link one more item",
        "set_decision_items",
        json!({ "id": first, "itemIds": [gamma, beta, alpha] }),
    );
    session.call("", "get_history", json!({}));
    session.call(
        "unlink one",
        "set_decision_items",
        json!({ "id": first, "itemIds": [alpha, gamma] }),
    );
    session.call("", "get_history", json!({}));
    session.call(
        "link and unlink at once",
        "set_decision_items",
        json!({ "id": first, "itemIds": [beta] }),
    );
    session.call("", "get_history", json!({}));
    session.call(
        "the same items again change nothing",
        "set_decision_items",
        json!({ "id": first, "itemIds": [beta] }),
    );
    session.call("", "undo", json!({}));
    log(session, "undone: Alpha and Gamma again", &product, None);
    session.call("", "redo", json!({}));
    session.call("", "delete_decision", json!({ "id": first }));
    session.call("", "get_history", json!({}));
    log(session, "deleted", &product, Some(beta));
    session.call("", "undo", json!({}));
    log(session, "back", &product, Some(beta));
    session.call(
        "a decision that does not exist",
        "delete_decision",
        json!({ "id": "no-such-decision" }),
    );

    // "Outscored by": RICE 100, 800, 400 in the order Alpha, Beta, Gamma.
    score(session, alpha, 100.0);
    score(session, beta, 800.0);
    score(session, gamma, 400.0);
    let list = session.call("", "list_items", json!({ "productId": product }));
    let gamma_was = rank_in(&list, &session.aliases.real_id(gamma));
    session.call(
        "",
        "move_item",
        json!({ "id": gamma, "target": { "to": "top" } }),
    );
    session.call(
        "Gamma (400) jumped over Alpha (100) and Beta (800)",
        "list_outscoring_items",
        json!({ "itemId": gamma, "framework": "rice", "list": { "list": "backlog" },
                "previousKey": gamma_was }),
    );
    session.call(
        "not scored in ICE: no question",
        "list_outscoring_items",
        json!({ "itemId": gamma, "framework": "ice", "list": { "list": "backlog" },
                "previousKey": gamma_was }),
    );
    session.call(
        "the backlog needs the old key",
        "list_outscoring_items",
        json!({ "itemId": gamma, "framework": "rice", "list": { "list": "backlog" },
                "previousKey": null }),
    );
    let list = session.call("", "list_items", json!({ "productId": product }));
    let alpha_was = rank_in(&list, &session.aliases.real_id(alpha));
    session.call(
        "",
        "move_item",
        json!({ "id": alpha, "target": { "to": "top" } }),
    );
    session.call(
        "Alpha (100) jumped over Gamma (400)",
        "list_outscoring_items",
        json!({ "itemId": alpha, "framework": "rice", "list": { "list": "backlog" },
                "previousKey": alpha_was }),
    );
    let list = session.call("", "list_items", json!({ "productId": product }));
    let beta_was = rank_in(&list, &session.aliases.real_id(beta));
    session.call(
        "",
        "move_item",
        json!({ "id": beta, "target": { "to": "top" } }),
    );
    session.call(
        "Beta (800) outscores everything it jumped over",
        "list_outscoring_items",
        json!({ "itemId": beta, "framework": "rice", "list": { "list": "backlog" },
                "previousKey": beta_was }),
    );
    session.call(
        "an item that does not exist",
        "list_outscoring_items",
        json!({ "itemId": "no-such-item", "framework": "rice", "list": { "list": "backlog" },
                "previousKey": "a0" }),
    );
    // Backlog now Beta, Alpha, Gamma. On the MoSCoW board: Alpha, then Beta into Must, then
    // Gamma into Must above both.
    for (item, target) in [
        (alpha, json!({ "to": "top" })),
        (beta, json!({ "to": "bottom" })),
        (gamma, json!({ "to": "top" })),
    ] {
        session.call(
            "",
            "move_card",
            json!({ "itemId": item, "board": "moscow", "column": "must", "target": target }),
        );
    }
    session.call(
        "from another column: every card below it counts",
        "list_outscoring_items",
        json!({ "itemId": gamma, "framework": "rice", "list": { "list": "board", "board": "moscow" },
                "previousKey": null }),
    );
    // Must is Gamma, Alpha, Beta: Alpha (100) to the top of Must jumps over Gamma (400).
    session.call("", "list_items", json!({ "productId": product }));
    let board = session.call(
        "",
        "list_board",
        json!({ "productId": product, "board": "moscow" }),
    );
    let alpha_key = board["columns"][0]["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|card| card["id"] == session.aliases.real_id(alpha))
        .map(|card| card["rank"].as_str().unwrap().to_string())
        .unwrap();
    session.call(
        "",
        "move_card",
        json!({ "itemId": alpha, "board": "moscow", "column": "must", "target": { "to": "top" } }),
    );
    session.call(
        "within a column: only the cards between its old and new places",
        "list_outscoring_items",
        json!({ "itemId": alpha, "framework": "rice", "list": { "list": "board", "board": "moscow" },
                "previousKey": alpha_key }),
    );
}
