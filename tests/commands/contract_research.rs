//! The research part of the contract session: notes (and refusals), the body's autosave
//! coalesced into one undo step, participants and tags (created, reused, linked, refused),
//! full-text search with its filters and marked snippets, and the link opener's refusal.

use serde_json::{json, Value};

use super::Session;

fn new_note(product: &str, kind: &str, title: &str, day: Value, body: Value) -> Value {
    json!({ "input": {
        "productId": product, "noteType": kind, "title": title, "notedOn": day,
        "source": null, "body": body,
    } })
}

fn no_filter() -> Value {
    json!({ "noteType": null, "tagId": null, "participantId": null })
}

fn search(product: &str, text: &str) -> Value {
    json!({ "request": {
        "text": text, "productId": product, "kind": null, "noteType": null, "tagId": null,
        "participantId": null, "from": null, "to": null, "limit": null,
    } })
}

fn person(name: &str) -> Value {
    json!({ "name": name, "persona": "Busy freelancer", "segment": "Designers", "companySize": "Solo" })
}

/// Runs the research part on a product of its own.
pub(super) fn run_research(session: &mut Session) {
    let product = session.call("", "create_product", json!({ "name": "Research" }));
    let product = session.alias(&product, "/value/id");
    session.call(
        "no notes yet",
        "list_notes",
        json!({ "productId": product, "filter": no_filter() }),
    );
    session.call(
        "a note needs a title",
        "create_note",
        new_note(&product, "interview", " ", json!("2026-03-01"), Value::Null),
    );
    session.call(
        "a day that is not one",
        "create_note",
        new_note(
            &product,
            "interview",
            "Call",
            json!("2026-02-30"),
            Value::Null,
        ),
    );
    let dana = session.call(
        "",
        "create_note",
        new_note(
            &product,
            "interview",
            "Interview with Dana",
            json!("2026-03-01"),
            json!(""),
        ),
    );
    let dana = session.alias(&dana, "/value/id");
    let ticket = session.call(
        "",
        "create_note",
        new_note(
            &product,
            "support_ticket",
            "Ticket 42",
            json!("2026-03-04"),
            json!("The bank export fails."),
        ),
    );
    let ticket = session.alias(&ticket, "/value/id");
    session.call(
        "newest first",
        "list_notes",
        json!({ "productId": product, "filter": no_filter() }),
    );
    for body in [
        "Dana",
        "Dana pays late",
        "Dana pays late fees every *April*.",
    ] {
        session.call(
            "autosave",
            "save_note_body",
            json!({ "id": dana, "body": body }),
        );
    }
    session.call("the saves are one undo step", "get_history", json!({}));
    session.call(
        "the same body again changes nothing",
        "save_note_body",
        json!({ "id": dana, "body": "Dana pays late fees every *April*." }),
    );
    session.call(
        "",
        "update_note",
        json!({ "id": ticket, "patch": { "noteType": null, "title": null, "notedOn": null, "source": "Zendesk #42" } }),
    );
    session.call(
        "a source is one line",
        "update_note",
        json!({ "id": ticket, "patch": { "noteType": null, "title": null, "notedOn": null, "source": "a\nb" } }),
    );

    let sam = session.call(
        "",
        "create_participant",
        json!({ "productId": product, "input": person("Sam") }),
    );
    let sam = session.alias(&sam, "/value/id");
    session.call(
        "a participant needs a name",
        "create_participant",
        json!({ "productId": product, "input": person("  ") }),
    );
    session.call(
        "created and added in one step",
        "add_new_note_participant",
        json!({ "id": dana, "participant": person("Dana") }),
    );
    session.call(
        "",
        "set_note_participants",
        json!({ "id": ticket, "participantIds": [sam] }),
    );
    session.call("", "list_participants", json!({ "productId": product }));
    session.call(
        "",
        "update_participant",
        json!({ "id": sam, "patch": { "name": "Sam K.", "persona": null, "segment": null, "companySize": null } }),
    );

    let tagged = session.call(
        "a new tag",
        "tag_note",
        json!({ "id": dana, "name": "Pricing" }),
    );
    let pricing = session.alias(&tagged, "/value/tags/0/id");
    session.call(
        "an existing tag, in another case",
        "tag_note",
        json!({ "id": ticket, "name": "pricing" }),
    );
    session.call(
        "tags are unique without case",
        "create_tag",
        json!({ "productId": product, "name": " PRICING " }),
    );
    let churn = session.call(
        "",
        "create_tag",
        json!({ "productId": product, "name": "churn" }),
    );
    let churn = session.alias(&churn, "/value/id");
    session.call(
        "",
        "set_note_tags",
        json!({ "id": ticket, "tagIds": [pricing, churn] }),
    );
    session.call("", "rename_tag", json!({ "id": churn, "name": "Churn" }));
    session.call("", "list_tags", json!({ "productId": product }));
    session.call(
        "filtered by tag",
        "list_notes",
        json!({ "productId": product, "filter": { "noteType": null, "tagId": churn, "participantId": null } }),
    );
    session.call("", "get_note", json!({ "id": ticket }));

    session.call("a body word", "search", search(&product, "fees"));
    session.call(
        "the last word is a prefix",
        "search",
        search(&product, "expo"),
    );
    session.call("a participant's name", "search", search(&product, "Dana"));
    session.call(
        "operators are words",
        "search",
        search(&product, "bank OR \"fees"),
    );
    session.call("nothing to search for", "search", search(&product, "  *  "));
    let mut by_type = search(&product, "bank");
    by_type["request"]["noteType"] = json!("interview");
    session.call("filtered by type", "search", by_type);
    let mut bad_day = search(&product, "bank");
    bad_day["request"]["from"] = json!("2026-13-01");
    session.call("a filter day that is not one", "search", bad_day);

    session.call(
        "only web and mail links are opened",
        "open_external_link",
        json!({ "url": "javascript:alert(1)" }),
    );
    session.call("", "delete_note", json!({ "id": ticket }));
    session.call(
        "a deleted note is not found",
        "search",
        search(&product, "bank"),
    );
    session.call("", "undo", json!({}));
    session.call("undo brings it back", "search", search(&product, "bank"));
    session.call("", "delete_tag", json!({ "id": churn }));
    session.call("", "delete_participant", json!({ "id": sam }));
    session.call("", "get_note", json!({ "id": ticket }));
    session.call("", "get_history", json!({}));
}
