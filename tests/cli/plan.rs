//! `northstar export` of the roadmap plan: goals with key results, themes, releases with their
//! load, milestones, and each item's goal, theme and release.

use serde_json::Value;

use super::exported_demo;

#[test]
fn export_carries_the_demo_plan_and_each_items_links() {
    let document = exported_demo();
    assert_eq!(document["formatVersion"], 5);
    let product = &document["products"][0];
    let items = product["items"].as_array().unwrap();
    let titles_with = |key: &str, id: &Value| -> Vec<String> {
        items
            .iter()
            .filter(|item| &item[key] == id)
            .map(|item| item["title"].as_str().unwrap().to_string())
            .collect()
    };

    let goals = product["goals"].as_array().unwrap();
    assert_eq!(goals.len(), 3);
    let tax = &goals[0];
    assert_eq!(
        tax["title"],
        "Freelancers are never surprised by their tax bill"
    );
    // 22 of 60 % funded tax pots, and tickets down from 140 to 95 of the way to 40: the mean.
    let expected = (22.0 / 60.0 + 45.0 / 100.0) / 2.0;
    assert!((tax["progress"].as_f64().unwrap() - expected).abs() < 1e-12);
    assert_eq!(tax["keyResults"][1]["baseline"], 140.0);
    assert_eq!(tax["keyResults"][1]["target"], 40.0);
    assert_eq!(
        titles_with("goalId", &tax["id"]),
        [
            "Automatic tax pot",
            "Quarterly VAT return draft",
            "Year-end summary for the tax return"
        ]
    );

    let themes = product["themes"].as_array().unwrap();
    let names: Vec<&str> = themes.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Taxes", "Getting paid", "Trust and security"]);

    let releases = product["releases"].as_array().unwrap();
    let over = &releases[1];
    assert_eq!(over["name"], "1.5 Banks and receipts");
    assert_eq!(
        (&over["capacity"], &over["capacityUnit"], &over["load"]),
        (
            &Value::from(8.0),
            &Value::from("person_months"),
            &Value::from(10.0)
        )
    );
    assert_eq!(over["overCapacity"], true);
    assert_eq!(titles_with("releaseId", &over["id"]).len(), 5);
    assert_eq!(releases[2]["loadUnit"], "points");

    let milestones = product["milestones"].as_array().unwrap();
    assert_eq!(milestones[0]["name"], "Beta launch");
    assert_eq!(milestones[0]["releaseId"], over["id"]);
    assert!(milestones[0]["fallsOn"].as_str().unwrap().len() == 10);

    let unlinked = items
        .iter()
        .find(|item| item["title"] == "Mileage tracking")
        .unwrap();
    assert_eq!(
        (
            &unlinked["goalId"],
            &unlinked["themeId"],
            &unlinked["releaseId"]
        ),
        (&Value::Null, &Value::Null, &Value::Null)
    );
}
