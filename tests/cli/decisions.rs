//! `northstar export` of the decision log.

use serde_json::Value;

use super::exported_demo;

#[test]
fn export_carries_the_demo_decision_log_oldest_first_with_linked_items() {
    let document = exported_demo();
    assert_eq!(document["formatVersion"], 5);
    let product = &document["products"][0];
    let items = product["items"].as_array().unwrap();
    let title_of = |id: &Value| {
        items
            .iter()
            .find(|item| &item["id"] == id)
            .map(|item| item["title"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{id} is not an exported item"))
    };
    let decisions = product["decisions"].as_array().unwrap();
    let texts: Vec<&str> = decisions
        .iter()
        .map(|decision| decision["decision"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Keep “Automatic tax pot” at the top of the backlog",
            "Two-factor sign-in before a second bank account",
            "DATEV export before multi-currency invoices",
            "Accepted suggested Reach 80 from evidence",
            "No mileage tracking this year",
        ]
    );
    let days: Vec<&str> = decisions
        .iter()
        .map(|decision| decision["decidedOn"].as_str().unwrap())
        .collect();
    assert!(days.windows(2).all(|pair| pair[0] <= pair[1]), "{days:?}");
    let tax_pot: Vec<String> = decisions[0]["itemIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(title_of)
        .collect();
    assert_eq!(
        tax_pot[0], "Automatic tax pot",
        "backlog order: ranked first"
    );
    assert_eq!(tax_pot.len(), 4);
    assert!(decisions[0]["rationale"]
        .as_str()
        .unwrap()
        .contains("9 of 14 interviews"));
    for decision in decisions {
        assert!(decision["id"].as_str().is_some_and(|id| id.len() == 36));
        assert!(decision["createdAt"].as_str().unwrap().ends_with('Z'));
    }
}
