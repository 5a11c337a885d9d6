//! The feedback import part of the contract session: previews of a clean CSV file (the mapping
//! detected, dates read day first), of a file with problems and notices, of a file whose body
//! column must be chosen (and with the mapping overridden), of a file that is not UTF-8, of a
//! folder of Markdown files; the refusal of a file with problems, the import (one undo step),
//! undo and redo, and the folder's import.
//!
//! Files are written into the session's questionnaire folder (see contract_kano.rs), named in
//! the arguments as `<questionnaires>/name`, so the fixture does not depend on where the test
//! runs.

use serde_json::json;

use super::Session;

/// What the files the session imports hold (`interviews/` is a folder of Markdown files).
pub(super) const FEEDBACK_FILES: [(&str, &[u8]); 6] = [
    (
        "tickets.csv",
        b"Subject,Description,Created,Channel,Requester,Plan,Tags\r\n\
          Export to PDF,\"I need my invoices as PDF.\r\nEvery month.\",31/01/2026,Email,Dana,Pro,\"export, invoices\"\r\n\
          Tax pot,Where is my tax pot?,03/02/2026,Chat,dana,Pro,tax\r\n\
          ,Bank sync broke again,2026-02-10T09:00:00Z,,Sam,Free,\r\n",
    ),
    (
        "feedback problems.csv",
        b"title,body,date,note type\n\
          Fine,Good feedback,2026-03-01,interview\n\
          Empty,,2026-03-01,\n\
          Odd date,Text,yesterday,\n\
          Ambiguous,Text,03/04/2026,\n\
          Chatty,Text,2026-03-02,chat\n",
    ),
    (
        "survey.csv",
        b"Question,Score,Verbatim,When\nWhat slows you down?,3,Exporting takes minutes,2026-03-05\n",
    ),
    (
        "latin1 feedback.csv",
        b"subject,body\nOne,Caf\xE9\n",
    ),
    (
        "interviews/dana.md",
        b"---\ndate: 2026-03-01\ntype: usability test\ntags: [pricing]\nparticipants: [Dana, Lee]\n---\n# Interview with Dana\n\nShe pays taxes quarterly.\n",
    ),
    ("interviews/lee notes.md", b"---\ndate: 2026-03-04\n---\nLee wants dark mode.\n"),
];

fn file(name: &str) -> String {
    format!("<questionnaires>/{name}")
}

/// Runs the feedback import part on a product of its own.
pub(super) fn run_import(session: &mut Session) {
    let folder = session
        .aliases
        .questionnaires
        .clone()
        .expect("the session's file folder");
    std::fs::create_dir_all(folder.join("interviews")).unwrap();
    for (name, bytes) in FEEDBACK_FILES {
        std::fs::write(folder.join(name), bytes).unwrap();
    }
    let product = session.call("", "create_product", json!({ "name": "Feedback" }));
    let product = session.alias(&product, "/value/id");
    for (note, name, mapping) in [
        (
            "a clean file: the mapping detected",
            "tickets.csv",
            json!(null),
        ),
        (
            "problems first, then notices, then the clean rows",
            "feedback problems.csv",
            json!(null),
        ),
        ("no column is called body", "survey.csv", json!(null)),
        (
            "the day mapped by hand, the body still missing",
            "survey.csv",
            json!({ "title": null, "body": null, "notedOn": 3, "source": null, "noteType": null,
                    "participant": null, "segment": null, "companySize": null, "tags": null }),
        ),
        (
            "the body and the day mapped by hand, no title",
            "survey.csv",
            json!({ "title": null, "body": 2, "notedOn": 3, "source": null, "noteType": null,
                    "participant": null, "segment": null, "companySize": null, "tags": null }),
        ),
        (
            "a column the file does not have",
            "survey.csv",
            json!({ "title": null, "body": 5, "notedOn": null, "source": null, "noteType": null,
                    "participant": null, "segment": null, "companySize": null, "tags": null }),
        ),
        (
            "a file that is not UTF-8",
            "latin1 feedback.csv",
            json!(null),
        ),
        ("a folder of Markdown files", "interviews", json!(null)),
        ("a file that is not there", "missing.csv", json!(null)),
    ] {
        session.call(
            note,
            "preview_feedback_import",
            json!({ "productId": product, "path": file(name), "mapping": mapping }),
        );
    }
    session.call(
        "a file with problems imports nothing",
        "import_feedback",
        json!({ "productId": product, "path": file("feedback problems.csv"), "mapping": null }),
    );
    session.call(
        "the clean file: one undo step",
        "import_feedback",
        json!({ "productId": product, "path": file("tickets.csv"), "mapping": null }),
    );
    session.call("", "get_history", json!({}));
    session.call(
        "a second preview reuses what the first import created",
        "preview_feedback_import",
        json!({ "productId": product, "path": file("interviews"), "mapping": null }),
    );
    session.call("the import undone whole", "undo", json!({}));
    session.call("and redone", "redo", json!({}));
    session.call(
        "the folder: Dana reused, Lee and pricing created",
        "import_feedback",
        json!({ "productId": product, "path": file("interviews"), "mapping": null }),
    );
    session.call("", "get_history", json!({}));
}
