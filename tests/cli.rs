//! The command-line face of the `northstar` binary, run as a user would, on temp databases.

use std::path::Path;

use assert_cmd::Command;
use northstar_core::demo::seed_demo_product;
use northstar_core::Store;
use predicates::prelude::*;
use serde_json::Value;

fn northstar() -> Command {
    let mut command = Command::cargo_bin("northstar").unwrap();
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
