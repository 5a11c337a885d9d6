//! `northstar export` of the prioritisation boards.

use serde_json::{json, Value};

use super::exported_demo;

#[test]
fn export_carries_each_board_column_by_column_in_the_boards_order() {
    let document = exported_demo();
    let product = &document["products"][0];
    let title_of = |id: &Value| {
        product["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|item| &item["id"] == id)
            .map(|item| item["title"].as_str().unwrap().to_string())
            .unwrap()
    };
    let boards = product["boards"].as_array().unwrap();
    let kinds: Vec<&Value> = boards.iter().map(|board| &board["board"]).collect();
    assert_eq!(kinds, [&json!("moscow"), &json!("kano"), &json!("horizon")]);
    let moscow: Vec<(&str, Vec<String>)> = boards[0]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|column| {
            let ids = column["itemIds"].as_array().unwrap();
            (
                column["column"].as_str().unwrap(),
                ids.iter().map(title_of).collect(),
            )
        })
        .collect();
    let names: Vec<&str> = moscow.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["must", "should", "could", "wont", "unsorted"]);
    // The demo placed these at the top of their columns, ahead of the backlog's order.
    assert_eq!(moscow[0].1[0], "Two-factor sign-in");
    assert_eq!(moscow[1].1[0], "Year-end summary for the tax return");
    // Every item is in exactly one column of each board.
    for board in boards {
        let placed: usize = board["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|column| column["itemIds"].as_array().unwrap().len())
            .sum();
        assert_eq!(placed, product["items"].as_array().unwrap().len());
    }
}
