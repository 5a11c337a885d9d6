//! The highlights part of the contract session: a passage of a note's body highlighted by the
//! editor's UTF-16 selection (an emoji before it counts two), refusals of empty and stale
//! selections, lists by note and by tag, changing a highlight's items, delete and undo.

use serde_json::{json, Value};

use super::{new_item, Session};

fn no_filter() -> Value {
    json!({ "noteId": null, "tagId": null, "participantId": null })
}

fn new_highlight(note: &str, start: u32, end: u32, tags: Value, items: Value) -> Value {
    json!({ "input": {
        "noteId": note, "start": start, "end": end, "tagIds": tags, "itemIds": items,
    } })
}

/// Runs the highlights part on a product of its own.
pub(super) fn run_highlights(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Evidence" }));
    let product = session.alias(&product, "/value/id");
    let item = session.call("", "create_item", new_item(&product, "Faster export"));
    let item = session.alias(&item, "/value/id");
    let note = session.call(
        "",
        "create_note",
        json!({ "input": {
            "productId": product, "noteType": "interview", "title": "Interview with Dana",
            "notedOn": "2026-03-01", "source": null,
            "body": "Dana 🙂: exporting to PDF takes forever. I gave up twice.",
        } }),
    );
    let note = session.alias(&note, "/value/id");
    let tag = session.call(
        "",
        "create_tag",
        json!({ "productId": product, "name": "export" }),
    );
    let tag = session.alias(&tag, "/value/id");
    session.call(
        "nothing selected",
        "create_highlight",
        new_highlight(&note, 9, 9, json!([]), json!([])),
    );
    session.call(
        "a selection past the end",
        "create_highlight",
        new_highlight(&note, 9, 999, json!([]), json!([])),
    );
    session.call(
        "blank space only",
        "create_highlight",
        new_highlight(&note, 4, 5, json!([]), json!([])),
    );
    // "takes forever": the emoji before it is two UTF-16 units.
    let made = session.call(
        "",
        "create_highlight",
        new_highlight(&note, 26, 39, json!([tag]), json!([item])),
    );
    let made = session.alias(&made, "/value/id");
    session.call(
        "",
        "list_highlights",
        json!({ "productId": product, "filter": no_filter() }),
    );
    session.call(
        "by tag",
        "list_highlights",
        json!({ "productId": product, "filter": { "noteId": null, "tagId": tag, "participantId": null } }),
    );
    session.call(
        "",
        "update_highlight",
        json!({ "id": made, "patch": { "tagIds": null, "itemIds": [] } }),
    );
    session.call("", "undo", json!({}));
    session.call("", "delete_highlight", json!({ "id": made }));
    session.call(
        "a deleted highlight is not listed",
        "list_highlights",
        json!({ "productId": product, "filter": no_filter() }),
    );
    session.call("", "undo", json!({}));
    session.call(
        "undo brings it back with its links",
        "list_highlights",
        json!({ "productId": product, "filter": { "noteId": note, "tagId": null, "participantId": null } }),
    );
    session.call("", "get_history", json!({}));
    run_reanchoring(session, &note, &product);
}

/// A body save re-anchors the note's highlights: text typed before the passage moves it, a
/// deleted passage leaves it orphaned (kept, with its quote), typing it again finds it.
fn run_reanchoring(session: &mut Session, note: &str, product: &str) {
    let by_note = json!({ "productId": product, "filter": { "noteId": note, "tagId": null, "participantId": null } });
    session.call(
        "text typed before the passage",
        "save_note_body",
        json!({ "id": note, "body": "Call 2. Dana 🙂: exporting to PDF takes forever. I gave up twice." }),
    );
    session.call(
        "the passage moved with it",
        "list_highlights",
        by_note.clone(),
    );
    session.call(
        "the passage deleted",
        "save_note_body",
        json!({ "id": note, "body": "Call 2. Dana 🙂: exporting to PDF is slow. I gave up twice." }),
    );
    session.call(
        "kept and flagged orphaned",
        "list_highlights",
        by_note.clone(),
    );
    session.call(
        "the passage typed again",
        "save_note_body",
        json!({ "id": note, "body": "Dana: PDF takes forever. I gave up twice." }),
    );
    session.call("found again", "list_highlights", by_note);
}
