//! The evidence part of the contract session: an item's evidence (quotes, summary, suggested
//! Reach and Confidence with their provenance), the evidence settings and their refusals,
//! accepting a suggestion (the input and a decision in one undo step), its refusal once the
//! input equals the suggestion, and an item with no evidence.

use serde_json::json;

use super::{new_item, Session};

/// Runs the evidence part on a product of its own.
pub(super) fn run_evidence(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Scoring" }));
    let product = session.alias(&product, "/value/id");
    let item = session.call("", "create_item", new_item(&product, "Bank sync"));
    let item = session.alias(&item, "/value/id");
    let bare = session.call("", "create_item", new_item(&product, "Dark mode"));
    let bare = session.alias(&bare, "/value/id");
    let note = session.call(
        "",
        "create_note",
        json!({ "input": {
            "productId": product, "noteType": "interview", "title": "Interview with Dana",
            "notedOn": "2026-03-01", "source": null,
            "body": "I reconcile my bank by hand every Friday.",
        } }),
    );
    let note = session.alias(&note, "/value/id");
    for (name, segment) in [("Dana", "Enterprise"), ("Lee", "Freelancers")] {
        session.call(
            "",
            "add_new_note_participant",
            json!({ "id": note, "participant": {
                "name": name, "persona": null, "segment": segment, "companySize": null,
            } }),
        );
    }
    // "by hand every Friday"
    session.call(
        "",
        "create_highlight",
        json!({ "input": {
            "noteId": note, "start": 20, "end": 40, "tagIds": [], "itemIds": [item],
        } }),
    );
    session.call(
        "one interview, two participants in two segments",
        "get_item_evidence",
        json!({ "itemId": item }),
    );
    session.call("", "get_evidence_settings", json!({ "productId": product }));
    session.call(
        "",
        "set_segment_multiplier",
        json!({ "productId": product, "change": { "segment": "Enterprise", "multiplier": 200 } }),
    );
    session.call(
        "a multiplier of 0 is refused",
        "set_segment_multiplier",
        json!({ "productId": product, "change": { "segment": "Enterprise", "multiplier": 0 } }),
    );
    session.call(
        "",
        "set_evidence_weight",
        json!({ "productId": product, "noteType": "interview", "weight": 9 }),
    );
    session.call(
        "a weight past 10 is refused",
        "set_evidence_weight",
        json!({ "productId": product, "noteType": "interview", "weight": 11 }),
    );
    session.call(
        "the multiplier and the weight change the suggestions",
        "get_item_evidence",
        json!({ "itemId": item }),
    );
    session.call(
        "",
        "accept_evidence_suggestion",
        json!({ "itemId": item, "input": "riceReach" }),
    );
    session.call(
        "the list's scores after accepting (the fake looks them up)",
        "list_items",
        json!({ "productId": product }),
    );
    session.call(
        "accepted: equal to the input now",
        "get_item_evidence",
        json!({ "itemId": item }),
    );
    session.call(
        "accepting again is refused",
        "accept_evidence_suggestion",
        json!({ "itemId": item, "input": "riceReach" }),
    );
    session.call(
        "the decision log has it",
        "list_decisions",
        json!({ "productId": product, "itemId": item }),
    );
    session.call("", "undo", json!({}));
    session.call(
        "undo takes back the input and the decision",
        "get_item_evidence",
        json!({ "itemId": item }),
    );
    session.call(
        "",
        "list_decisions",
        json!({ "productId": product, "itemId": item }),
    );
    session.call(
        "",
        "accept_evidence_suggestion",
        json!({ "itemId": item, "input": "riceConfidence" }),
    );
    session.call("", "list_items", json!({ "productId": product }));
    session.call(
        "",
        "set_segment_multiplier",
        json!({ "productId": product, "change": { "segment": "Enterprise", "multiplier": null } }),
    );
    session.call("", "get_evidence_settings", json!({ "productId": product }));
    session.call(
        "no evidence: nothing to suggest",
        "get_item_evidence",
        json!({ "itemId": bare }),
    );
    session.call(
        "",
        "accept_evidence_suggestion",
        json!({ "itemId": bare, "input": "riceReach" }),
    );
    session.call("", "get_history", json!({}));
}
