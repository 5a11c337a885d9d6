//! `northstar export --format markdown --product NAME`: a product's roadmap for stakeholders,
//! to standard output or a file; refusals exit non-zero with a clear message.

use predicates::prelude::*;

use super::{demo_database, northstar};

#[test]
fn the_markdown_roadmap_goes_to_stdout_and_is_byte_stable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let run = || {
        northstar()
            .env("NORTHSTAR_TODAY", "2026-11-30")
            .args([
                "export",
                "--format",
                "markdown",
                "--product",
                "Lumen",
                "--db",
            ])
            .arg(&db)
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success(), "{first:?}");
    let text = String::from_utf8(first.stdout.clone()).unwrap();
    assert!(
        text.starts_with("# Lumen roadmap\n\nAs of 30 Nov 2026.\n"),
        "{text}"
    );
    for lane in ["## Now\n", "## Next\n", "## Later\n"] {
        assert!(text.contains(lane), "{lane} missing");
    }
    assert_eq!(run().stdout, first.stdout, "two exports are identical");

    let out = dir.path().join("Lumen roadmap.md");
    northstar()
        .env("NORTHSTAR_TODAY", "2026-11-30")
        .args([
            "export",
            "--format",
            "markdown",
            "--product",
            "Lumen",
            "--out",
        ])
        .arg(&out)
        .arg("--db")
        .arg(&db)
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read(&out).unwrap(), first.stdout);
}

#[test]
fn a_roadmap_export_names_a_product_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    northstar()
        .args(["export", "--format", "markdown", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("add --product NAME"));
    northstar()
        .args([
            "export",
            "--format",
            "markdown",
            "--product",
            "Nope",
            "--db",
        ])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no product is called “Nope”"));
    northstar()
        .args(["export", "--format", "json", "--product", "Lumen", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "the JSON export holds every product",
        ));
    let out = dir.path().join("plan.db");
    northstar()
        .args([
            "export",
            "--format",
            "markdown",
            "--product",
            "Lumen",
            "--out",
        ])
        .arg(&out)
        .arg("--db")
        .arg(&db)
        .assert()
        .failure();
}

#[test]
fn the_html_roadmap_is_one_self_contained_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let out = dir.path().join("Lumen roadmap.html");
    northstar()
        .env("NORTHSTAR_TODAY", "2026-11-30")
        .args(["export", "--format", "html", "--product", "Lumen", "--out"])
        .arg(&out)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Lumen roadmap") && html.contains("As of 30 Nov 2026"));
    assert!(!html.contains("http://") && !html.contains("https://"));
}
