//! Scores through the commands: the scales, a bulk change as one undo step with its event, a
//! refusal that writes nothing, details and sensitivity, the ICE mode, all surviving a restart.

use serde_json::{json, Value};

use super::launch;

fn rows(app: &super::App, product_id: &str) -> Vec<Value> {
    app.ok("list_items", json!({ "productId": product_id }))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn scores_are_set_in_bulk_refused_in_words_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let app = launch(&db);
    let product_id = app.ok("list_products", json!({}))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    // The demo product arrives scored, with breakdowns and positions computed in Rust.
    let demo = rows(&app, &product_id);
    assert_eq!(demo[0]["title"], "Automatic tax pot");
    assert_eq!(
        demo[0]["scores"]["rice"],
        json!({ "value": 1440.0, "breakdown": "1,800 × 3 × 80 % / 3 = 1,440" })
    );
    assert_eq!(
        demo[1]["scores"]["rice"],
        Value::Null,
        "an opportunity left unscored"
    );
    assert_eq!(demo[1]["scorePositions"]["rice"], Value::Null);
    assert!(
        demo[0]["scorePositions"]["rice"]["position"]
            .as_i64()
            .unwrap()
            > 1
    );

    let scales = app.ok("get_scoring_scales", json!({}));
    assert_eq!(scales["inputs"].as_array().unwrap().len(), 15);
    assert_eq!(
        scales["inputs"][1]["scale"]["choices"][0],
        json!({ "value": 3.0, "label": "3 (massive)" })
    );

    let ids: Vec<Value> = demo[1..4].iter().map(|row| row["id"].clone()).collect();
    app.take_events();
    let saved = app.ok(
        "set_score_inputs",
        json!({ "itemIds": ids, "changes": [{ "input": "moscow", "value": "could" }] }),
    );
    let events = app.take_events();
    assert_eq!(events.len(), 1);
    assert_eq!(saved["change"], events[0]);
    assert_eq!(events[0]["tables"], json!(["backlogItem"]));
    assert_eq!(events[0]["ids"], json!(ids));
    assert_eq!(saved["value"][0]["scores"]["moscow"], "could");
    assert_eq!(
        app.ok("get_history", json!({}))["undoLabel"],
        "Set MoSCoW of 3 items to Could"
    );

    let before = rows(&app, &product_id);
    let error = app
        .call(
            "set_score_inputs",
            json!({ "itemIds": ids, "changes": [
                { "input": "riceReach", "value": 500 },
                { "input": "riceImpact", "value": 4 }
            ] }),
        )
        .unwrap_err();
    assert_eq!(
        error,
        json!({ "kind": "Invalid", "detail": { "field": "riceImpact", "reason":
            "RICE impact must be one of 3 (massive), 2 (high), 1 (medium), 0.5 (low), \
             0.25 (minimal); 4 isn't." } })
    );
    assert_eq!(
        rows(&app, &product_id),
        before,
        "a refused change wrote nothing"
    );
    assert!(app.take_events().is_empty());

    // The panel's item: every field, the inputs, the scores and the positions.
    let details = app.ok("get_item", json!({ "id": demo[0]["id"] }));
    assert!(details["description"].as_str().unwrap().contains("tax pot"));
    assert_eq!(details["scores"], demo[0]["scores"]);
    assert_eq!(details["scorePositions"], demo[0]["scorePositions"]);
    assert_eq!(details["inputs"]["riceReach"], 1800.0);

    let sensitivity = app.ok(
        "get_sensitivity",
        json!({ "itemId": demo[0]["id"], "framework": "rice" }),
    );
    assert_eq!(sensitivity["framework"], "rice");
    assert_eq!(sensitivity["inputs"].as_array().unwrap().len(), 4);
    assert!(sensitivity["inputs"][2]["down"]["summary"]
        .as_str()
        .unwrap()
        .starts_with("At 50 % confidence it falls from #"));
    let unscored = app
        .call(
            "get_sensitivity",
            json!({ "itemId": demo[1]["id"], "framework": "wsjf" }),
        )
        .unwrap_err();
    assert_eq!(unscored["detail"]["field"], "framework");

    let patch = json!({ "name": null, "vision": null, "strategy": null, "targetUsers": null,
                        "northStarMetric": null, "iceMode": "average" });
    let product = app.ok(
        "update_product",
        json!({ "id": product_id, "patch": patch }),
    );
    assert_eq!(product["value"]["iceMode"], "average");
    assert_eq!(
        rows(&app, &product_id)[0]["scores"]["ice"]["breakdown"],
        "(9 + 8 + 6) / 3 = 7.67"
    );
    drop(app);

    let reopened = launch(&db);
    let after = rows(&reopened, &product_id);
    assert_eq!(after[1]["inputs"]["moscow"], "could");
    assert_eq!(after[3]["scores"]["moscow"], "could");
    assert_eq!(
        after[0]["scores"]["ice"]["breakdown"],
        "(9 + 8 + 6) / 3 = 7.67"
    );
    assert_eq!(reopened.ok("get_history", json!({}))["canUndo"], false);
}
