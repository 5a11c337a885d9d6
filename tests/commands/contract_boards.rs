//! The boards part of the contract session: a fresh board, moves across and within columns,
//! a no-op, refusals, undo and redo, the Kano board, and the MoSCoW effort check.

use serde_json::{json, Value};

use super::{new_item, Session};

fn move_card(
    session: &mut Session,
    note: &str,
    item: &str,
    board: &str,
    column: &str,
    target: Value,
) {
    session.call(
        note,
        "move_card",
        json!({ "itemId": item, "board": board, "column": column, "target": target }),
    );
}

/// The board right after the product's list: the fake backend looks score positions up by the
/// state that list shows.
fn board(session: &mut Session, note: &str, product: &str, board: &str) {
    session.call("", "list_items", json!({ "productId": product }));
    session.call(
        note,
        "list_board",
        json!({ "productId": product, "board": board }),
    );
}

/// Runs the boards part on a product of its own.
pub(super) fn run_boards(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Boards" }));
    let product = session.alias(&product, "/value/id");
    let mut ids = Vec::new();
    for title in ["Alpha", "Beta", "Gamma", "Delta"] {
        let item = session.call("", "create_item", new_item(&product, title));
        ids.push(session.alias(&item, "/value/id"));
    }
    let [alpha, beta, gamma, delta] = [&ids[0], &ids[1], &ids[2], &ids[3]];
    board(
        session,
        "a fresh board: every card unsorted, in the backlog's order",
        &product,
        "moscow",
    );
    move_card(
        session,
        "across: to the top of an empty column",
        gamma,
        "moscow",
        "must",
        json!({ "to": "top" }),
    );
    board(session, "one Must without an effort", &product, "moscow");
    move_card(
        session,
        "across: after a card",
        alpha,
        "moscow",
        "must",
        json!({ "to": "after", "itemId": gamma }),
    );
    board(session, "two Musts without an effort", &product, "moscow");
    move_card(
        session,
        "across: before a card",
        beta,
        "moscow",
        "must",
        json!({ "to": "before", "itemId": alpha }),
    );
    board(session, "Must: Gamma, Beta, Alpha", &product, "moscow");
    move_card(
        session,
        "within: to the top",
        alpha,
        "moscow",
        "must",
        json!({ "to": "top" }),
    );
    move_card(
        session,
        "a move that changes nothing records nothing",
        alpha,
        "moscow",
        "must",
        json!({ "to": "top" }),
    );
    move_card(
        session,
        "within: up",
        beta,
        "moscow",
        "must",
        json!({ "to": "up" }),
    );
    move_card(
        session,
        "within: after a card",
        alpha,
        "moscow",
        "must",
        json!({ "to": "after", "itemId": gamma }),
    );
    board(session, "Must: Beta, Gamma, Alpha", &product, "moscow");
    session.call("", "get_history", json!({}));

    move_card(
        session,
        "an unknown column",
        alpha,
        "moscow",
        "later",
        json!({ "to": "top" }),
    );
    move_card(
        session,
        "the anchor is in another column",
        alpha,
        "moscow",
        "must",
        json!({ "to": "after", "itemId": delta }),
    );
    move_card(
        session,
        "up and down stay in the card's column",
        delta,
        "moscow",
        "must",
        json!({ "to": "up" }),
    );
    move_card(
        session,
        "a card that does not exist",
        "no-such-item",
        "moscow",
        "must",
        json!({ "to": "top" }),
    );

    session.call("", "undo", json!({}));
    board(session, "undone: Alpha back after Beta", &product, "moscow");
    session.call("", "redo", json!({}));
    board(session, "redone", &product, "moscow");

    move_card(
        session,
        "to Unsorted clears the bucket",
        gamma,
        "moscow",
        "unsorted",
        json!({ "to": "bottom" }),
    );
    move_card(
        session,
        "the Kano board",
        delta,
        "kano",
        "attractive",
        json!({ "to": "bottom" }),
    );
    move_card(
        session,
        "",
        beta,
        "kano",
        "attractive",
        json!({ "to": "top" }),
    );
    board(session, "Kano: Beta, Delta in Attractive", &product, "kano");

    // The effort check: RICE efforts of 3 (Must) and 1 (Should) person-months.
    session.call(
        "",
        "set_score_inputs",
        json!({ "itemIds": [alpha], "changes": [{ "input": "riceEffort", "value": 3 }] }),
    );
    session.call(
        "",
        "set_score_inputs",
        json!({ "itemIds": [gamma], "changes": [{ "input": "riceEffort", "value": 1 }] }),
    );
    move_card(
        session,
        "",
        gamma,
        "moscow",
        "should",
        json!({ "to": "top" }),
    );
    board(
        session,
        "Musts take 75 % of the planned effort: over 60 %",
        &product,
        "moscow",
    );
    move_card(
        session,
        "",
        gamma,
        "moscow",
        "must",
        json!({ "to": "bottom" }),
    );
    move_card(
        session,
        "",
        beta,
        "moscow",
        "should",
        json!({ "to": "top" }),
    );
    session.call(
        "",
        "set_score_inputs",
        json!({ "itemIds": [beta], "changes": [{ "input": "riceEffort", "value": 6 }] }),
    );
    board(session, "Musts take 40 %: no warning", &product, "moscow");
    session.call("", "get_history", json!({}));
}
