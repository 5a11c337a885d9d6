//! The scores part of the contract session: the scales, inputs set on one item and on many,
//! one refusal per scale (and of malformed requests), a change of nothing, undo and redo of a
//! bulk change, clearing, details, sensitivity and the product's ICE mode.

use serde_json::{json, Value};

use super::{no_product_change, Session};

fn set_inputs(session: &mut Session, note: &str, ids: &[&str], changes: Value) {
    session.call(
        note,
        "set_score_inputs",
        json!({ "itemIds": ids, "changes": changes }),
    );
}

/// Sensitivity right after the product's list: the fake backend looks its answers up by the
/// state that list shows.
fn sensitivity(session: &mut Session, note: &str, product: &str, item: &str, framework: &str) {
    session.call("", "list_items", json!({ "productId": product }));
    session.call(
        note,
        "get_sensitivity",
        json!({ "itemId": item, "framework": framework }),
    );
}

/// Runs the scores part on the product `atlas` and its four items.
pub(super) fn run_scores(session: &mut Session, atlas: &str, items: [&str; 4]) {
    let [offline, search, quoted, sharing] = items;
    session.call("every scale, from Rust", "get_scoring_scales", json!({}));
    set_inputs(
        session,
        "one input of one item",
        &[search],
        json!([{ "input": "riceReach", "value": 2000 }]),
    );
    session.call("", "get_history", json!({}));

    let refusals = [
        ("riceReach", json!(-5), "reach is 0 or more"),
        ("riceReach", json!("lots"), "reach is a number"),
        ("riceImpact", json!(4), "impact is on its five-value scale"),
        ("riceConfidence", json!(90), "confidence is 100, 80 or 50 %"),
        ("riceEffort", json!(0), "effort is more than 0"),
        (
            "iceEase",
            json!(7.5),
            "ICE inputs are whole numbers from 1 to 10",
        ),
        (
            "wsjfJobSize",
            json!(4),
            "WSJF inputs are on 1, 2, 3, 5, 8, 13, 20",
        ),
        ("moscow", json!("maybe"), "a MoSCoW bucket"),
        ("kano", json!("delighter"), "a Kano category"),
        ("value", json!(11), "the matrix's value is 1 to 10"),
    ];
    for (input, value, note) in refusals {
        set_inputs(
            session,
            note,
            &[search],
            json!([{ "input": input, "value": value }]),
        );
    }
    set_inputs(
        session,
        "a refusal in a bulk change writes nothing for any item",
        &[search, offline],
        json!([{ "input": "riceImpact", "value": 2 }, { "input": "effort", "value": 0 }]),
    );
    set_inputs(
        session,
        "an input named twice",
        &[search],
        json!([{ "input": "value", "value": 3 }, { "input": "value", "value": 4 }]),
    );
    set_inputs(
        session,
        "no items",
        &[],
        json!([{ "input": "value", "value": 3 }]),
    );
    set_inputs(session, "no inputs", &[search], json!([]));
    set_inputs(
        session,
        "no such item",
        &["missing-item"],
        json!([{ "input": "value", "value": 3 }]),
    );
    session.call(
        "nothing was written",
        "list_items",
        json!({ "productId": atlas }),
    );

    set_inputs(
        session,
        "the rest of RICE: 2,000 × 2 × 80 % / 4 = 800",
        &[search],
        json!([
            { "input": "riceImpact", "value": 2 },
            { "input": "riceConfidence", "value": 80 },
            { "input": "riceEffort", "value": 4 }
        ]),
    );
    session.call("", "get_history", json!({}));
    let rice = [
        (offline, json!([3000, 1, 100, 2])),
        (quoted, json!([500, 3, 50, 1])),
        (sharing, json!([1000, 0.5, 80, 1])),
    ];
    for (item, values) in rice {
        let names = ["riceReach", "riceImpact", "riceConfidence", "riceEffort"];
        let changes: Vec<Value> = names
            .iter()
            .zip(values.as_array().unwrap())
            .map(|(input, value)| json!({ "input": input, "value": value }))
            .collect();
        set_inputs(session, "", &[item], Value::Array(changes));
    }
    set_inputs(
        session,
        "ICE for two items at once",
        &[offline, search],
        json!([
            { "input": "iceImpact", "value": 6 },
            { "input": "iceConfidence", "value": 7 },
            { "input": "iceEase", "value": 8 }
        ]),
    );
    set_inputs(
        session,
        "",
        &[quoted],
        json!([
            { "input": "iceImpact", "value": 10 },
            { "input": "iceConfidence", "value": 1 },
            { "input": "iceEase", "value": 10 }
        ]),
    );
    set_inputs(
        session,
        "",
        &[search],
        json!([
            { "input": "wsjfBusinessValue", "value": 8 },
            { "input": "wsjfTimeCriticality", "value": 5 },
            { "input": "wsjfRiskReduction", "value": 3 },
            { "input": "wsjfJobSize", "value": 5 }
        ]),
    );
    set_inputs(
        session,
        "",
        &[quoted],
        json!([{ "input": "kano", "value": "attractive" }]),
    );
    set_inputs(
        session,
        "",
        &[offline],
        json!([{ "input": "value", "value": 7 }, { "input": "effort", "value": 3 }]),
    );
    set_inputs(
        session,
        "bulk: one undo step for every item",
        &[offline, search, quoted, sharing],
        json!([{ "input": "moscow", "value": "must" }]),
    );
    session.call("", "get_history", json!({}));
    session.call("", "list_items", json!({ "productId": atlas }));
    set_inputs(
        session,
        "a change of nothing records no undo step",
        &[offline, search],
        json!([{ "input": "moscow", "value": "must" }]),
    );
    session.call("", "undo", json!({}));
    session.call(
        "one undo restores every item",
        "list_items",
        json!({ "productId": atlas }),
    );
    session.call("", "redo", json!({}));
    session.call("", "list_items", json!({ "productId": atlas }));
    set_inputs(
        session,
        "only the items that change count",
        &[offline, search, quoted],
        json!([{ "input": "moscow", "value": "should" }]),
    );
    session.call("", "get_history", json!({}));
    set_inputs(
        session,
        "clearing an input unscores the item",
        &[sharing],
        json!([{ "input": "riceEffort", "value": null }]),
    );
    session.call("", "get_history", json!({}));
    session.call(
        "scores, breakdowns, positions and drift",
        "list_items",
        json!({ "productId": atlas }),
    );
    session.call("the panel's item", "get_item", json!({ "id": search }));

    sensitivity(session, "one step each way", atlas, search, "rice");
    sensitivity(session, "", atlas, quoted, "ice");
    sensitivity(session, "", atlas, search, "wsjf");
    sensitivity(session, "an unscored item", atlas, sharing, "rice");
    session.call(
        "no such item",
        "get_sensitivity",
        json!({ "itemId": "missing-item", "framework": "rice" }),
    );

    let mut patch = no_product_change();
    patch["iceMode"] = json!("average");
    session.call(
        "ICE as the average",
        "update_product",
        json!({ "id": atlas, "patch": patch.clone() }),
    );
    session.call("", "get_history", json!({}));
    session.call("", "list_items", json!({ "productId": atlas }));
    session.call(
        "the same mode changes nothing",
        "update_product",
        json!({ "id": atlas, "patch": patch }),
    );
    let mut patch = no_product_change();
    patch["iceMode"] = json!("median");
    session.call(
        "an unknown ICE mode",
        "update_product",
        json!({ "id": atlas, "patch": patch }),
    );
    sensitivity(session, "steps in the average", atlas, quoted, "ice");
    session.call("", "undo", json!({}));
    session.call("", "list_products", json!({}));
    session.call(
        "back to the product",
        "list_items",
        json!({ "productId": atlas }),
    );
    session.call("", "redo", json!({}));
    session.call("", "list_products", json!({}));
    session.call("", "list_items", json!({ "productId": atlas }));
}
