//! `northstar export --format png|svg --product NAME`: the timeline as a picture. A PNG needs
//! `--out`; the database's own files are refused as for every export.

use predicates::prelude::*;

use super::{demo_database, northstar};

fn export(
    db: &std::path::Path,
    format: &str,
    out: Option<&std::path::Path>,
) -> assert_cmd::assert::Assert {
    let mut command = northstar();
    command.env("NORTHSTAR_TODAY", "2026-11-30").args([
        "export",
        "--format",
        format,
        "--product",
        "Lumen",
    ]);
    if let Some(out) = out {
        command.arg("--out").arg(out);
    }
    command.arg("--db").arg(db).assert()
}

#[test]
fn the_timeline_png_is_written_to_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let out = dir.path().join("Lumen timeline.png");
    export(&db, "png", Some(&out)).success().stdout("");
    let png = std::fs::read(&out).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // The IHDR chunk's width and height, big-endian, after the 8-byte magic and 8 bytes of
    // chunk length and type.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!(width, 2400);
    assert!((300..8_000).contains(&height), "{height}");
    let again = dir.path().join("again.png");
    export(&db, "png", Some(&again)).success();
    assert_eq!(
        std::fs::read(&again).unwrap(),
        png,
        "the same picture twice"
    );
}

#[test]
fn a_png_without_a_file_or_onto_the_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let before = std::fs::read(&db).unwrap();
    export(&db, "png", None)
        .failure()
        .stdout("")
        .stderr(predicate::str::contains(
            "a PNG export needs a file: add --out FILE",
        ));
    export(&db, "png", Some(&db)).failure();
    export(&db, "png", Some(&dir.path().join("plan.db-wal"))).failure();
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database is untouched"
    );
    northstar()
        .args(["export", "--format", "png", "--out"])
        .arg(dir.path().join("x.png"))
        .arg("--db")
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("add --product NAME"));
}

#[test]
fn the_timeline_svg_goes_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let output = export(&db, "svg", None)
        .success()
        .get_output()
        .stdout
        .clone();
    let svg = String::from_utf8(output).unwrap();
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" "),
        "{svg}"
    );
    assert!(svg.contains(">Lumen timeline</text>") && svg.contains("Today, 30 Nov 2026"));
    assert!(svg.trim_end().ends_with("</svg>"));
}
