use super::csv_source::read_csv_bytes;
use super::*;
use crate::queries::items::test_support::store_with_items;
use crate::queries::participants::{create_participant, list_participants};
use crate::queries::research_notes::{get_note, list_notes};
use crate::queries::tags::{create_tag, list_tags};
use crate::research::{NewParticipant, NoteFilter};
use crate::search::{search, SearchRequest};
use crate::Store;

const TICKETS: &str = "\u{feff}Ticket,Subject,Description,Created,Channel,Requester,Plan,Tags\r\n\
    101,Export to PDF,\"I need my invoices as PDF.\r\nEvery month.\",31/01/2026,Email,Dana,Pro,\"export, invoices\"\r\n\
    102,Tax pot,Where is my tax pot?,03/02/2026,Chat,DANA,Pro,tax\r\n\
    103,,Bank sync broke again,2026-02-10T09:00:00Z,,Sam,Free,\r\n";

fn source(text: &str) -> ReadSource {
    read_csv_bytes("tickets.csv", text.as_bytes(), None).unwrap()
}

fn notes(store: &Store, product: &str) -> Vec<crate::research::NoteSummary> {
    store
        .read(|c| list_notes(c, product, &NoteFilter::default()))
        .unwrap()
}

fn invalid_reason<T: std::fmt::Debug>(result: CoreResult<T>) -> String {
    match result {
        Err(CoreError::Invalid { reason, .. }) => reason,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn a_clean_file_previews_its_mapping_rows_and_what_it_creates_or_reuses() {
    let (store, product) = store_with_items(&[]);
    store
        .write(|c| {
            create_participant(
                c,
                &product,
                &NewParticipant {
                    name: "dana".into(),
                    ..Default::default()
                },
            )?;
            create_tag(c, &product, "Tax")
        })
        .unwrap();
    let preview = store
        .read(|c| preview_feedback(c, &product, &source(TICKETS)))
        .unwrap();
    assert_eq!(preview.format, FeedbackFormat::Csv);
    assert_eq!(preview.columns[2], "Description");
    assert_eq!(preview.mapping, preview.detected);
    assert_eq!(
        (
            preview.mapping.title,
            preview.mapping.body,
            preview.mapping.tags
        ),
        (Some(1), Some(2), Some(7))
    );
    assert_eq!(preview.import_blocked, None);
    assert_eq!(
        preview.summary,
        FeedbackSummary {
            rows: 3,
            problems: 0,
            notices: 0,
            new_participants: 1,
            reused_participants: 1,
            new_tags: 2,
            reused_tags: 1,
        }
    );
    assert_eq!(
        preview.date_reading.as_deref(),
        Some("Dates like 03/02/2026 are read as day/month/year: line 2 has 31/01/2026.")
    );
    let first = &preview.rows[0];
    assert_eq!(first.place, "line 2");
    assert_eq!(first.noted_on.as_deref(), Some("2026-01-31"));
    assert_eq!(first.note_type, NoteType::SupportTicket);
    assert_eq!(first.tags, vec!["export", "invoices"]);
    assert_eq!(preview.rows[1].noted_on.as_deref(), Some("2026-02-03"));
    // No subject: the title is the body's first line.
    assert_eq!(preview.rows[2].title, "Bank sync broke again");
    assert_eq!(preview.rows[2].source, "tickets.csv, line 5");
    // The dry run wrote nothing.
    assert!(notes(&store, &product).is_empty());
}

#[test]
fn the_import_is_one_undo_step_found_by_search_and_undone_whole() {
    let (store, product) = store_with_items(&[]);
    store.write(|c| create_tag(c, &product, "tax")).unwrap();
    let imported = store
        .write(|c| import_feedback(c, &product, &source(TICKETS)))
        .unwrap();
    assert_eq!(imported.message, "Imported 3 notes from tickets.csv.");
    assert_eq!(
        (
            imported.notes.len(),
            imported.new_participants.len(),
            imported.new_tags.len()
        ),
        (3, 2, 2)
    );
    assert_eq!(imported.notes[0].name, "Export to PDF");
    let new_tags: Vec<&str> = imported.new_tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(new_tags, vec!["export", "invoices"]);
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Import 3 notes from tickets.csv")
    );
    let listed = notes(&store, &product);
    assert_eq!(listed.len(), 3);
    let export = listed.iter().find(|n| n.title == "Export to PDF").unwrap();
    let note = store.read(|c| get_note(c, &export.id)).unwrap();
    assert_eq!(note.body, "I need my invoices as PDF.\r\nEvery month.");
    assert_eq!(note.source, "Email");
    assert_eq!(note.noted_on, "2026-01-31");
    let tax = listed.iter().find(|n| n.title == "Tax pot").unwrap();
    // "DANA" reuses the participant the first row created.
    assert_eq!(tax.participants[0].id, export.participants[0].id);
    let people = store.read(|c| list_participants(c, &product)).unwrap();
    assert_eq!(people.len(), 2);
    let dana = people.iter().find(|p| p.name == "Dana").unwrap();
    assert_eq!((dana.segment.as_str(), dana.note_count), ("Pro", 2));
    let hits = store
        .read(|c| {
            search(
                c,
                &SearchRequest {
                    text: "invoices".into(),
                    product_id: Some(product.clone()),
                    kind: None,
                    note_type: None,
                    tag_id: None,
                    participant_id: None,
                    from: None,
                    to: None,
                    limit: None,
                },
            )
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, export.id);

    store.undo().unwrap();
    assert!(notes(&store, &product).is_empty());
    assert!(store
        .read(|c| list_participants(c, &product))
        .unwrap()
        .is_empty());
    let tags: Vec<String> = store
        .read(|c| list_tags(c, &product))
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(tags, vec!["tax"]);
    store.redo().unwrap();
    assert_eq!(notes(&store, &product).len(), 3);
    assert_eq!(store.read(|c| list_tags(c, &product)).unwrap().len(), 3);
}

#[test]
fn a_bad_row_blocks_the_import_and_nothing_is_written() {
    let (store, product) = store_with_items(&[]);
    let long_title = "t".repeat(301);
    let file = format!(
        "title,body,date,note type\n\
         Fine,Good feedback,2026-03-01,interview\n\
         Empty,,2026-03-01,\n\
         Odd date,Text,yesterday,\n\
         Ambiguous,Text,03/04/2026,\n\
         {long_title},Text,,\n\
         Chatty,Text,,chat\n"
    );
    let source = source(&file);
    let preview = store
        .read(|c| preview_feedback(c, &product, &source))
        .unwrap();
    assert_eq!((preview.summary.problems, preview.summary.notices), (4, 1));
    assert_eq!(
        preview.import_blocked.as_deref(),
        Some("4 rows have problems: fix them in the file, then preview it again.")
    );
    let places: Vec<&str> = preview.rows.iter().map(|r| r.place.as_str()).collect();
    // Problems first, then notices, then the clean rows.
    assert_eq!(
        places,
        vec!["line 3", "line 4", "line 5", "line 6", "line 7", "line 2"]
    );
    assert_eq!(
        preview.rows[0].problems,
        vec!["The body is empty: there is no feedback to import."]
    );
    assert!(preview.rows[1].problems[0].contains("“yesterday” is not a date"));
    assert!(preview.rows[2].problems[0].contains("could be 3 Apr 2026 or 4 Mar 2026"));
    assert!(preview.rows[3].problems[0].contains("at most 300 characters"));
    assert_eq!(
        preview.rows[4].notices,
        vec!["“chat” is not a note type: imported as a support ticket."]
    );
    assert_eq!(preview.rows[5].note_type, NoteType::Interview);
    let reason = invalid_reason(store.write(|c| import_feedback(c, &product, &source)));
    assert!(
        reason.starts_with("Nothing was imported: 4 rows have problems (line 3: The body is empty"),
        "{reason}"
    );
    assert!(notes(&store, &product).is_empty());
    assert_eq!(
        store.history_state().undo_label.as_deref(),
        Some("Add product “Lumen”")
    );
}

#[test]
fn bad_encoding_and_a_missing_body_column_are_refused_whole() {
    let reason = invalid_reason(read_csv_bytes(
        "tickets.csv",
        b"subject,body\nOne,Fine\nTwo,Caf\xE9\n",
        None,
    ));
    assert_eq!(
        reason,
        "The file is not UTF-8 text on line 3: save it from your spreadsheet as “CSV UTF-8”."
    );
    let (store, product) = store_with_items(&[]);
    let no_body = source("subject,score\nSlow export,3\n");
    let preview = store
        .read(|c| preview_feedback(c, &product, &no_body))
        .unwrap();
    assert_eq!(
        preview.import_blocked.as_deref(),
        Some("No column is mapped to the body: choose the column that holds the feedback text.")
    );
    assert_eq!(preview.summary.rows, 1);
    assert!(preview.rows.is_empty());
    let refused = invalid_reason(store.write(|c| import_feedback(c, &product, &no_body)));
    assert!(
        refused.starts_with("Nothing was imported: No column"),
        "{refused}"
    );
    assert!(notes(&store, &product).is_empty());
}

#[test]
fn an_overridden_mapping_picks_other_columns_or_none() {
    let (store, product) = store_with_items(&[]);
    let file = "subject,score,verbatim\nSlow export,3,The export takes minutes\n";
    let mapping = FeedbackMapping {
        title: None,
        body: Some(2),
        ..FeedbackMapping::default()
    };
    let source = read_csv_bytes("survey.csv", file.as_bytes(), Some(&mapping)).unwrap();
    let preview = store
        .read(|c| preview_feedback(c, &product, &source))
        .unwrap();
    assert_eq!(preview.detected.title, Some(0));
    assert_eq!(preview.mapping, mapping);
    assert_eq!(preview.rows[0].title, "The export takes minutes");
    let out_of_range = FeedbackMapping {
        body: Some(3),
        ..FeedbackMapping::default()
    };
    assert!(read_csv_bytes("survey.csv", file.as_bytes(), Some(&out_of_range)).is_err());
}

fn write_file(folder: &std::path::Path, name: &str, bytes: &[u8]) {
    std::fs::write(folder.join(name), bytes).unwrap();
}

#[test]
fn a_markdown_folder_becomes_notes_in_one_undo_step() {
    let folder = tempfile::tempdir().unwrap();
    let interviews = folder.path().join("interviews");
    std::fs::create_dir(&interviews).unwrap();
    write_file(
        &interviews,
        "dana.md",
        b"---\ndate: 2026-03-01\ntype: usability test\ntags: [pricing]\nparticipants: [Dana, Sam]\n---\n# Interview with Dana\n\nShe pays taxes quarterly.\n",
    );
    write_file(&interviews, "sam notes.md", b"Sam wants dark mode.\n");
    write_file(&interviews, "ignored.txt", b"not markdown");
    let (store, product) = store_with_items(&[]);
    let source = read_source(&interviews, None).unwrap();
    let preview = store
        .read(|c| preview_feedback(c, &product, &source))
        .unwrap();
    assert_eq!(preview.format, FeedbackFormat::MarkdownFolder);
    assert_eq!(preview.source, "interviews");
    assert_eq!(preview.summary.rows, 2);
    assert_eq!(preview.import_blocked, None);
    assert_eq!(preview.rows[0].title, "Interview with Dana");
    assert_eq!(preview.rows[0].note_type, NoteType::UsabilityTest);
    assert_eq!(preview.rows[1].title, "sam notes");
    assert_eq!(preview.rows[1].note_type, NoteType::Interview);
    let imported = store
        .write(|c| import_feedback(c, &product, &source))
        .unwrap();
    assert_eq!(imported.message, "Imported 2 notes from interviews.");
    assert_eq!(notes(&store, &product).len(), 2);
    assert_eq!(
        store
            .read(|c| list_participants(c, &product))
            .unwrap()
            .len(),
        2
    );
    store.undo().unwrap();
    assert!(notes(&store, &product).is_empty());
    assert!(store
        .read(|c| list_participants(c, &product))
        .unwrap()
        .is_empty());
}

#[test]
fn unreadable_markdown_files_are_problems_of_their_rows() {
    let folder = tempfile::tempdir().unwrap();
    let notes_folder = folder.path().join("notes");
    std::fs::create_dir(&notes_folder).unwrap();
    write_file(&notes_folder, "a fine.md", b"# Fine\nText\n");
    write_file(&notes_folder, "b latin1.md", b"# Caf\xE9\n");
    write_file(
        &notes_folder,
        "c big.md",
        &vec![b'a'; 1024 * 1024 + 65 * 1024],
    );
    write_file(
        &notes_folder,
        "d empty.md",
        b"---\ndate: 2026-03-01\n---\n\n",
    );
    write_file(folder.path(), "secret.md", b"outside the folder");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        folder.path().join("secret.md"),
        notes_folder.join("e link.md"),
    )
    .unwrap();
    let (store, product) = store_with_items(&[]);
    let source = read_source(&notes_folder, None).unwrap();
    let preview = store
        .read(|c| preview_feedback(c, &product, &source))
        .unwrap();
    let problems: Vec<(&str, &str)> = preview
        .rows
        .iter()
        .filter(|row| !row.problems.is_empty())
        .map(|row| (row.place.as_str(), row.problems[0].as_str()))
        .collect();
    assert_eq!(
        problems[0],
        (
            "b latin1.md",
            "The file is not UTF-8 text on line 1: save it as UTF-8."
        )
    );
    assert_eq!(
        problems[1],
        (
            "c big.md",
            "The file is larger than 1 MB, the most a note can hold."
        )
    );
    assert_eq!(
        problems[2],
        (
            "d empty.md",
            "The body is empty: there is no feedback to import."
        )
    );
    #[cfg(unix)]
    assert!(problems[3]
        .1
        .starts_with("This is a link to a file elsewhere"));
    assert_eq!(
        preview.import_blocked.as_deref(),
        Some(if cfg!(unix) {
            "4 files have problems: fix them in the folder, then preview it again."
        } else {
            "3 files have problems: fix them in the folder, then preview it again."
        })
    );
    assert!(store
        .write(|c| import_feedback(c, &product, &source))
        .is_err());
    assert!(notes(&store, &product).is_empty());
    let empty = folder.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert!(invalid_reason(read_source(&empty, None)).starts_with("The folder has no Markdown"));
    assert!(read_source(std::path::Path::new("relative"), None).is_err());
}
