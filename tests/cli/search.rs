//! `northstar search QUERY [--product NAME] [--json]` and the research part of `export`.

use serde_json::Value;

use super::{demo_database, exported_demo, northstar};

#[test]
fn search_prints_the_best_hits_with_the_matches_marked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let output = northstar()
        .args(["search", "DATEV", "--product", "Lumen", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("item  Export to [DATEV] for German accountants"),
        "{text}"
    );
    assert!(text.contains("note  "), "the sales call: {text}");
    assert!(text.contains("[DATEV]"), "{text}");
}

#[test]
fn search_answers_json_with_snippet_segments() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let output = northstar()
        .args(["search", "tax pot", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(output.status.success());
    let hits: Value = serde_json::from_slice(&output.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert_eq!(hits[0]["kind"], "item");
    let title: String = hits[0]["title"]
        .as_array()
        .unwrap()
        .iter()
        .map(|segment| segment["text"].as_str().unwrap())
        .collect();
    assert_eq!(title, "Automatic tax pot");
    assert!(hits.iter().any(|hit| hit["kind"] == "note"
        && hit["snippet"]
            .as_array()
            .unwrap()
            .iter()
            .any(|segment| segment["matched"] == true)));
}

#[test]
fn any_text_is_a_safe_query_and_a_bad_product_fails() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    for query in ["\"", "NEAR(tax", "*", "a OR", "-x ^y z:w"] {
        let output = northstar()
            .args(["search", query, "--db"])
            .arg(&db)
            .output()
            .unwrap();
        assert!(output.status.success(), "{query}: {output:?}");
    }
    let output = northstar()
        .args(["search", "tax", "--product", "Nope", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(error.contains("no product is called “Nope”"), "{error}");
    let missing = dir.path().join("missing.db");
    let output = northstar()
        .args(["search", "tax", "--db"])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!output.status.success());
}

#[test]
fn export_carries_the_demo_research() {
    let document = exported_demo();
    let product = &document["products"][0];
    let notes = product["researchNotes"].as_array().unwrap();
    assert_eq!(notes.len(), 12);
    let participants = product["participants"].as_array().unwrap();
    let ids: Vec<&Value> = participants.iter().map(|p| &p["id"]).collect();
    for note in notes {
        for id in note["participantIds"].as_array().unwrap() {
            assert!(ids.contains(&id), "{id} is not an exported participant");
        }
    }
    assert!(!product["tags"].as_array().unwrap().is_empty());
}
