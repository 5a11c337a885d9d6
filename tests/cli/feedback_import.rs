//! `northstar import-notes`: the dry run's report (mapping, overrides, problems), the refusal
//! of a file with problems (nothing written, non-zero exit), the import of a CSV file and of a
//! folder of Markdown files, and the imported notes found by `northstar search`.

use predicates::prelude::*;

use super::{demo_database, export_of, northstar};

#[test]
fn import_notes_reports_refuses_problems_and_imports_all_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let bad = dir.path().join("tickets.csv");
    std::fs::write(
        &bad,
        "Subject,Verbatim,Created\nSlow export,Export takes ages,2026-03-01\nBlank,,yesterday\n",
    )
    .unwrap();
    let before = export_of(&db);

    northstar()
        .args(["import-notes", "--dry-run", "--product", "Lumen", "--db"])
        .arg(&db)
        .arg(&bad)
        .assert()
        .failure()
        .stdout(
            predicate::str::contains("tickets.csv: 2 rows, 0 with problems").and(
                predicate::str::contains(
                    "No column is mapped to the body: choose the column that holds the \
                     feedback text.",
                ),
            ),
        );
    northstar()
        .args([
            "import-notes",
            "--product",
            "Lumen",
            "--map",
            "body=Verbatim",
            "--db",
        ])
        .arg(&db)
        .arg(&bad)
        .assert()
        .failure()
        .stdout(
            predicate::str::contains(
                "Columns: title = “Subject”, body = “Verbatim”, date = “Created”.",
            )
            .and(predicate::str::contains(
                "line 3: The body is empty: there is no feedback to import.",
            ))
            .and(predicate::str::contains(
                "line 3: “yesterday” is not a date",
            )),
        );
    assert_eq!(export_of(&db), before, "a refused import writes nothing");
    northstar()
        .args([
            "import-notes",
            "--product",
            "Lumen",
            "--map",
            "colour=2",
            "--db",
        ])
        .arg(&db)
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("“colour” is not a field"));

    std::fs::write(
        &bad,
        "Subject,Verbatim,Created\nSlow export,Export takes quasiforever,2026-03-01\n",
    )
    .unwrap();
    northstar()
        .args([
            "import-notes",
            "--product",
            "Lumen",
            "--map",
            "body=2",
            "--db",
        ])
        .arg(&db)
        .arg(&bad)
        .assert()
        .success()
        .stdout("Imported 1 note from tickets.csv. Into “Lumen”.\n");
    northstar()
        .args(["search", "quasiforever", "--product", "Lumen", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("Slow export"));
}

#[test]
fn import_notes_reads_a_folder_of_markdown_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let folder = dir.path().join("interviews");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("ines.md"),
        "---\ntype: sales call\ntags: [pricing]\nparticipants: [Inès]\n---\n# Call with Inès\n\nWants yearly billing.\n",
    )
    .unwrap();
    northstar()
        .args(["import-notes", "--dry-run", "--product", "Lumen", "--db"])
        .arg(&db)
        .arg(&folder)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "interviews: 1 rows, 0 with problems",
        ));
    northstar()
        .args(["import-notes", "--product", "Lumen", "--db"])
        .arg(&db)
        .arg(&folder)
        .assert()
        .success()
        .stdout("Imported 1 note from interviews. Into “Lumen”.\n");
    northstar()
        .args(["import-notes", "--product", "Nobody", "--db"])
        .arg(&db)
        .arg(&folder)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no product is called “Nobody”"));
}
