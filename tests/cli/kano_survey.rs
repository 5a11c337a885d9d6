//! The Kano questionnaire on the command line: the demo's imported answers in the export, and
//! `northstar import-kano` with its dry run, its refusal of a file with problems (nothing
//! written, non-zero exit) and the import itself.

use predicates::prelude::*;
use serde_json::Value;

use super::{demo_database, export_of, exported_demo, northstar};

#[test]
fn export_carries_the_demo_questionnaire_answer_by_answer() {
    let document = exported_demo();
    let product = &document["products"][0];
    let surveys = product["kanoSurveys"].as_array().unwrap();
    assert_eq!(surveys.len(), 1);
    assert_eq!(surveys[0]["source"], "lumen-kano-survey-march.csv");
    let responses = product["kanoResponses"].as_array().unwrap();
    assert_eq!(responses.len(), 84);
    let item_ids: Vec<&Value> = product["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| &item["id"])
        .collect();
    for response in responses {
        assert_eq!(response["surveyId"], surveys[0]["id"]);
        assert!(item_ids.contains(&&response["itemId"]), "{response}");
    }
    assert_eq!(responses[0]["respondent"], "Ana");
    assert_eq!(responses[0]["functional"], "like");
    assert_eq!(responses[0]["dysfunctional"], "dislike");
}

#[test]
fn import_kano_previews_refuses_problems_and_imports_all_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    demo_database(&db);
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "respondent,item,functional,dysfunctional\nZoe,Dark mode,Like,Dislike\nZoe,Teleport,Like,Dislike\n",
    )
    .unwrap();
    let before = export_of(&db);

    northstar()
        .args(["import-kano", "--dry-run", "--product", "Lumen", "--db"])
        .arg(&db)
        .arg(&bad)
        .assert()
        .failure()
        .stdout(
            predicate::str::contains(
                "bad.csv: 2 rows, 1 respondents, 1 items, 1 rows with problems.",
            )
            .and(predicate::str::contains(
                "line 3: No item of this product is called “Teleport”.",
            )),
        );
    northstar()
        .args(["import-kano", "--product", "Lumen", "--db"])
        .arg(&db)
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "Nothing was imported: 1 row has a problem",
        ));
    northstar()
        .args(["import-kano", "--product", "Nobody", "--db"])
        .arg(&db)
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no product is called “Nobody”"));
    assert_eq!(export_of(&db), before, "nothing was written");

    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "respondent,item,functional,dysfunctional\nZoe,Dark mode,Like,Dislike\nYara,Dark mode,I expect it,I dislike it\n",
    )
    .unwrap();
    northstar()
        .args(["import-kano", "--product", "Lumen", "--db"])
        .arg(&db)
        .arg(&good)
        .assert()
        .success()
        .stdout("Imported 2 answers from 2 respondents in good.csv into “Lumen”.\n");
    let after: Value = serde_json::from_slice(&export_of(&db)).unwrap();
    let product = &after["products"][0];
    assert_eq!(product["kanoSurveys"].as_array().unwrap().len(), 2);
    assert_eq!(product["kanoResponses"].as_array().unwrap().len(), 86);
}
