//! The command-line face of the `northstar` binary, run as a user would, on temp databases.

use std::path::Path;

use assert_cmd::Command;
use northstar_core::demo::seed_demo_product;
use northstar_core::Store;
use predicates::prelude::*;
use serde_json::{json, Value};

#[path = "cli/boards.rs"]
mod boards;
#[path = "cli/decisions.rs"]
mod decisions;
#[path = "cli/exports.rs"]
mod exports;
#[path = "cli/feedback_import.rs"]
mod feedback_import;
#[path = "cli/kano_survey.rs"]
mod kano_survey;
#[path = "cli/plan.rs"]
mod plan;
#[path = "cli/roadmap.rs"]
mod roadmap;
#[path = "cli/search.rs"]
mod search;
#[path = "cli/timeline_picture.rs"]
mod timeline_picture;

fn northstar() -> Command {
    let mut command = Command::cargo_bin("northstar").unwrap();
    // The log goes to the test's scratch folder, never to the real state folder.
    command.env(
        "NORTHSTAR_LOG_DIR",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/cli-logs"),
    );
    command.env_remove("NORTHSTAR_DB");
    command
}

fn demo_database(path: &Path) {
    let (store, _) = Store::open(path).unwrap();
    store.write_untracked(seed_demo_product).unwrap();
}

#[test]
fn version_and_help() {
    northstar()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("northstar 0.1.0"));
    northstar()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("export").and(predicate::str::contains("check")));
}

/// `northstar export --format json` of a fresh demo database, parsed.
fn exported_demo() -> Value {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let output = northstar()
        .args(["export", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn export_writes_every_product_and_item_in_rank_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);

    let output = northstar()
        .args(["export", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(output.status.success());
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["format"], "northstar");
    let items = document["products"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 25);
    let positions: Vec<i64> = items
        .iter()
        .map(|item| item["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, (1..=25).collect::<Vec<_>>());
    assert_eq!(items[0]["title"], "Automatic tax pot");

    // The same export through NORTHSTAR_DB and --out is byte-identical (stable enough to diff).
    let out = dir.path().join("export.json");
    northstar()
        .env("NORTHSTAR_DB", &db)
        .args(["export", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(std::fs::read(&out).unwrap(), output.stdout);
}

#[test]
fn export_carries_every_score_input_and_score_by_framework() {
    let document = exported_demo();
    assert_eq!(document["formatVersion"], 5);
    let product = &document["products"][0];
    assert_eq!(product["iceMode"], "product");
    let items = product["items"].as_array().unwrap();

    let tax_pot = &items[0];
    assert_eq!(
        tax_pot["rice"],
        json!({ "reach": 1800.0, "impact": 3.0, "confidence": 80, "effort": 3.0, "score": 1440.0 })
    );
    assert_eq!(
        tax_pot["ice"],
        json!({ "impact": 9, "confidence": 8, "ease": 6, "score": 432.0 })
    );
    assert_eq!(
        tax_pot["wsjf"],
        json!({ "businessValue": 20, "timeCriticality": 13, "riskReduction": 8, "jobSize": 8,
                "score": 5.125 })
    );
    assert_eq!(
        (
            &tax_pot["moscow"],
            &tax_pot["kano"],
            &tax_pot["value"],
            &tax_pot["effort"]
        ),
        (&json!("must"), &json!("attractive"), &json!(9), &json!(6))
    );

    // Unscored: every input and score null, the framework's object still there.
    let unscored = &items[1];
    assert_eq!(
        unscored["title"],
        "Freelancers can't tell what is safe to spend"
    );
    assert_eq!(
        unscored["rice"],
        json!({ "reach": null, "impact": null, "confidence": null, "effort": null, "score": null })
    );
    for key in ["moscow", "kano", "value", "effort"] {
        assert_eq!(unscored[key], Value::Null, "{key}");
    }
    // Half filled in: the inputs set, no score.
    let partial = items
        .iter()
        .find(|item| item["title"] == "Multi-currency invoices")
        .unwrap();
    assert_eq!(partial["rice"]["reach"], 350.0);
    assert_eq!(partial["rice"]["score"], Value::Null);
}

#[test]
fn export_refuses_a_missing_file_without_creating_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    northstar()
        .args(["export", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no database file there"));
    assert!(!db.exists());
}

#[test]
fn export_to_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    northstar()
        .args(["export", "--out", "/no/such/folder/export.json", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("the folder does not exist"));
}

#[test]
fn check_reports_a_healthy_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    northstar()
        .args(["check", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("OK").and(predicate::str::contains("25 item(s)")));
}

#[test]
fn every_subcommand_refuses_a_bad_file_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "just some notes\n".repeat(100)).unwrap();
    let truncated = dir.path().join("cut.db");
    demo_database(&truncated);
    let bytes = std::fs::read(&truncated).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2 + 7]).unwrap();

    for (file, message) in [
        (&text, "isn’t a Northstar database"),
        (&truncated, "damaged"),
    ] {
        let before = std::fs::read(file).unwrap();
        for subcommand in ["check", "export"] {
            northstar()
                .arg(subcommand)
                .arg("--db")
                .arg(file)
                .assert()
                .failure()
                .stderr(predicate::str::contains(message));
        }
        assert_eq!(&std::fs::read(file).unwrap(), &before);
    }
}

#[test]
fn export_never_sets_up_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    northstar()
        .args(["export", "--db"])
        .arg(&empty)
        .assert()
        .failure()
        .stderr(predicate::str::contains("holds no Northstar data"));
    assert_eq!(std::fs::read(&empty).unwrap(), b"");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no -wal/-shm left behind"
    );
}

fn export_of(db: &Path) -> Vec<u8> {
    northstar()
        .args(["export", "--db"])
        .arg(db)
        .output()
        .unwrap()
        .stdout
}

#[test]
fn help_says_where_the_log_is() {
    let dir = tempfile::tempdir().unwrap();
    northstar()
        .env("NORTHSTAR_LOG_DIR", dir.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "Log: {}",
            dir.path().display()
        )))
        .stdout(predicate::str::contains("backup").and(predicate::str::contains("repair")));
}

#[test]
fn export_out_refuses_the_database_and_its_working_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let before = std::fs::read(&db).unwrap();
    for target in ["plan.db", "plan.db-wal", "plan.db-shm", "./plan.db"] {
        northstar()
            .current_dir(dir.path())
            .args(["export", "--out", target, "--db"])
            .arg(&db)
            .assert()
            .failure()
            .stderr(predicate::str::contains("the database itself"));
        northstar()
            .current_dir(dir.path())
            .args(["backup", "--out", target, "--db"])
            .arg(&db)
            .assert()
            .failure();
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "the database changed");
    assert!(!dir.path().join("plan.db-wal").exists());
}

#[test]
fn check_refuses_an_empty_file_like_export() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    northstar()
        .args(["check", "--db"])
        .arg(&empty)
        .assert()
        .failure()
        .stderr(predicate::str::contains("holds no Northstar data"));
    assert_eq!(std::fs::read(&empty).unwrap(), b"");
}

#[test]
fn backup_then_restore_gives_back_an_identical_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let original = export_of(&db);
    let copy = dir.path().join("elsewhere.db");
    northstar()
        .args(["backup", "--out"])
        .arg(&copy)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    northstar()
        .args(["backup", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("backups"));
    assert_eq!(
        northstar_core::backup::list_backups(&db).unwrap().len(),
        1,
        "one backup in the folder beside the database"
    );

    // A change, then the copy is restored over it.
    let (store, _) = Store::open(&db).unwrap();
    store
        .write(|c| northstar_core::queries::products::create_product(c, "Atlas"))
        .unwrap();
    store.close().unwrap();
    assert_ne!(export_of(&db), original);
    northstar()
        .args(["restore"])
        .arg(&copy)
        .arg("--db")
        .arg(&db)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("1 product(s), 25 item(s)")
                .and(predicate::str::contains("It replaced 2 product(s)"))
                .and(predicate::str::contains("backed up to")),
        );
    assert_eq!(export_of(&db), original);
}

#[test]
fn restore_refuses_junk_truncated_and_newer_files_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let current = std::fs::read(&db).unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database\n".repeat(400)).unwrap();
    let truncated = dir.path().join("cut.db");
    demo_database(&truncated);
    let bytes = std::fs::read(&truncated).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2 + 9]).unwrap();
    let newer = dir.path().join("newer.db");
    demo_database(&newer);
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 42)
        .unwrap();
    for (candidate, message) in [
        (&junk, "isn’t a Northstar database"),
        (&truncated, "damaged"),
        (&newer, "newer version of Northstar"),
    ] {
        let before = std::fs::read(candidate).unwrap();
        northstar()
            .arg("restore")
            .arg(candidate)
            .arg("--db")
            .arg(&db)
            .assert()
            .failure()
            .stderr(predicate::str::contains(message));
        assert_eq!(&std::fs::read(candidate).unwrap(), &before);
        assert_eq!(std::fs::read(&db).unwrap(), current);
    }
}

#[test]
fn restore_to_a_new_path_creates_the_file_only_when_it_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database\n".repeat(400)).unwrap();
    let db = dir.path().join("new.db");
    northstar()
        .arg("restore")
        .arg(&junk)
        .arg("--db")
        .arg(&db)
        .assert()
        .failure();
    assert!(
        !db.exists(),
        "a refused restore left a database file behind"
    );

    let good = dir.path().join("good.db");
    demo_database(&good);
    northstar()
        .arg("restore")
        .arg(&good)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    assert_eq!(export_of(&db), export_of(&good));
}

#[test]
fn check_suggests_repair_only_for_what_repair_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    // Items whose product is gone (a file edited with foreign keys off): repair can't help.
    let connection = rusqlite::Connection::open(&db).unwrap();
    connection
        .pragma_update(None, "foreign_keys", "OFF")
        .unwrap();
    connection.execute("DELETE FROM product", []).unwrap();
    drop(connection);
    northstar()
        .args(["check", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("belongs to no product")
                .and(predicate::str::contains("northstar restore"))
                .and(predicate::str::contains("northstar repair").not()),
        );
}

/// Gives two items of the demo backlog the same rank, as a damaged file would have them.
fn tie_two_ranks(db: &Path) {
    let connection = rusqlite::Connection::open(db).unwrap();
    let ranks: Vec<(String, String)> = connection
        .prepare("SELECT id, rank FROM backlog_item ORDER BY rank LIMIT 2")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    connection
        .execute(
            "UPDATE backlog_item SET rank = ?1 WHERE id = ?2",
            [&ranks[0].1, &ranks[1].0],
        )
        .unwrap();
}

#[test]
fn check_finds_tied_ranks_and_repair_fixes_them_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    tie_two_ranks(&db);
    northstar()
        .args(["check", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("share the rank")
                .and(predicate::str::contains("northstar repair"))
                .and(predicate::str::contains("northstar restore").not()),
        );
    northstar()
        .args(["repair", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Repaired the rank of 1 item(s)")
                .and(predicate::str::contains("Backed up")),
        );
    northstar()
        .args(["repair", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing to repair"));
    northstar()
        .args(["check", "--db"])
        .arg(&db)
        .assert()
        .success();
    assert!(!dir.path().join("plan.db-wal").exists());
}

#[test]
fn read_only_commands_work_while_the_app_holds_the_file_and_writers_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    // This process plays the running app: it holds the lock and has the file open for writing.
    let _lock = northstar_core::lock::DatabaseLock::acquire(&db).unwrap();
    let (store, _) = Store::open(&db).unwrap();
    store
        .write(|c| northstar_core::queries::products::create_product(c, "Atlas"))
        .unwrap();

    let export = export_of(&db);
    assert!(
        String::from_utf8_lossy(&export).contains("Atlas"),
        "export sees the app's change"
    );
    northstar()
        .args(["check", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 product(s)"));
    northstar()
        .args(["backup", "--db"])
        .arg(&db)
        .assert()
        .success();
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).unwrap();
    for args in [vec!["repair"], vec!["restore", copy.to_str().unwrap()]] {
        northstar()
            .args(&args)
            .arg("--db")
            .arg(&db)
            .assert()
            .failure()
            .stderr(predicate::str::contains(
                "open in another Northstar window or process",
            ));
    }
    store.close().unwrap();
}
