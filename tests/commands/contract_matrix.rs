//! The value/effort matrix part of the contract session: a fresh matrix (every card not
//! placed), drops into cells (value and effort in one change), two cards sharing a cell, a card
//! with only a value, a refusal, and undo and redo.

use serde_json::{json, Value};

use super::{new_item, Session};

/// The matrix right after the product's list: the fake backend looks scores up by the state
/// that list shows.
fn matrix(session: &mut Session, note: &str, product: &str) {
    session.call("", "list_items", json!({ "productId": product }));
    session.call(note, "list_matrix", json!({ "productId": product }));
}

/// What a drop on the cell (value, effort) asks for.
fn place(session: &mut Session, note: &str, item: &str, value: Value, effort: Value) {
    session.call(
        note,
        "set_score_inputs",
        json!({
            "itemIds": [item],
            "changes": [{ "input": "value", "value": value }, { "input": "effort", "value": effort }],
        }),
    );
}

/// Runs the matrix part on a product of its own.
pub(super) fn run_matrix(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Matrix" }));
    let product = session.alias(&product, "/value/id");
    let mut ids = Vec::new();
    for title in ["Offline mode", "Bank sync", "Dark theme"] {
        let item = session.call("", "create_item", new_item(&product, title));
        ids.push(session.alias(&item, "/value/id"));
    }
    let [offline, bank, dark] = [&ids[0], &ids[1], &ids[2]];
    matrix(session, "a fresh matrix: every card not placed", &product);
    place(session, "a drop on a cell", offline, json!(8), json!(3));
    matrix(session, "Offline mode in Quick wins", &product);
    place(
        session,
        "a second card in the same cell",
        bank,
        json!(8),
        json!(3),
    );
    matrix(
        session,
        "two cards share a cell, in backlog order",
        &product,
    );
    place(session, "to another cell", bank, json!(2), json!(9));
    matrix(session, "Bank sync in Time sinks", &product);
    session.call(
        "a value without an effort stays not placed",
        "set_score_inputs",
        json!({ "itemIds": [dark], "changes": [{ "input": "value", "value": 6 }] }),
    );
    matrix(session, "Dark theme still not placed", &product);
    place(
        session,
        "off the scale: refused, nothing written",
        dark,
        json!(11),
        json!(3),
    );
    session.call("", "get_history", json!({}));
    session.call("", "undo", json!({}));
    matrix(session, "undone: Dark theme has no value again", &product);
    session.call("", "undo", json!({}));
    matrix(
        session,
        "undone: Bank sync back with Offline mode",
        &product,
    );
    session.call("", "redo", json!({}));
    matrix(session, "redone", &product);
    session.call(
        "an unknown product",
        "list_matrix",
        json!({ "productId": "no-such-product" }),
    );
}
