//! The baselines part of the contract session: a baseline saved (a blank name refused), the
//! roadmap changed (a card moved to another lane, an end moved, an item deleted, one added),
//! the comparison, a rename, a delete and the list.

use serde_json::json;

use super::{new_item, Session};

fn move_to(session: &mut Session, item: &str, column: &str) {
    session.call(
        "",
        "move_card",
        json!({ "itemId": item, "board": "horizon", "column": column, "target": { "to": "bottom" } }),
    );
}

/// Runs the baselines part on a product of its own.
pub(super) fn run_baselines(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Baselines" }));
    let product = session.alias(&product, "/value/id");
    let mut ids = Vec::new();
    for title in ["Offline mode", "Bank sync", "Dark mode", "Tax pot"] {
        let item = session.call("", "create_item", new_item(&product, title));
        ids.push(session.alias(&item, "/value/id"));
    }
    let [offline, bank, dark, tax] = [&ids[0], &ids[1], &ids[2], &ids[3]];
    move_to(session, offline, "now");
    move_to(session, bank, "now");
    move_to(session, dark, "next");
    session.call(
        "",
        "set_item_dates",
        json!({ "itemId": offline, "startDate": "2028-02-20", "endDate": "2028-02-28" }),
    );
    session.call(
        "no baselines yet",
        "list_baselines",
        json!({ "productId": product }),
    );
    session.call(
        "a baseline needs a name",
        "save_baseline",
        json!({ "productId": product, "name": "   " }),
    );
    let saved = session.call(
        "the roadmap frozen",
        "save_baseline",
        json!({ "productId": product, "name": " Q2 planning " }),
    );
    let baseline = session.alias(&saved, "/value/id");
    session.call(
        "nothing changed yet",
        "compare_baseline",
        json!({ "id": baseline }),
    );
    move_to(session, dark, "later");
    move_to(session, tax, "now");
    session.call(
        "",
        "resize_item_end",
        json!({ "itemId": offline, "days": 3 }),
    );
    session.call("", "delete_item", json!({ "id": bank }));
    session.call(
        "added, dropped, moved and slipped across 29 February",
        "compare_baseline",
        json!({ "id": baseline }),
    );
    session.call(
        "a rename needs a name too",
        "rename_baseline",
        json!({ "id": baseline, "name": "" }),
    );
    session.call(
        "",
        "rename_baseline",
        json!({ "id": baseline, "name": "Q2 plan" }),
    );
    session.call("", "list_baselines", json!({ "productId": product }));
    session.call("", "delete_baseline", json!({ "id": baseline }));
    session.call(
        "a deleted baseline is gone",
        "compare_baseline",
        json!({ "id": baseline }),
    );
}
