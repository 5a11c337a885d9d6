//! `northstar export` of the roadmap: each item's horizon and dates, and the Now / Next / Later
//! board's order.

use northstar_core::board::BoardKind;
use northstar_core::model::{MoveTarget, NewItem};
use northstar_core::queries::board_moves::move_card;
use northstar_core::queries::item_schedule::{set_item_dates, shift_item_dates};
use northstar_core::queries::items::create_item;
use northstar_core::queries::products::create_product;
use northstar_core::Store;
use serde_json::{json, Value};

use super::northstar;

#[test]
fn export_carries_each_items_horizon_and_dates_and_the_roadmap_board() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("roadmap.db");
    {
        let (store, _) = Store::open(&db).unwrap();
        let product = store.write(|c| create_product(c, "Lumen")).unwrap();
        let mut ids = Vec::new();
        for title in ["Offline mode", "Bank sync", "Dark mode"] {
            let new = NewItem {
                product_id: product.id.clone(),
                title: title.into(),
                ..Default::default()
            };
            ids.push(store.write(|c| create_item(c, &new)).unwrap().id);
        }
        for id in [&ids[0], &ids[1]] {
            store
                .write(|c| move_card(c, id, BoardKind::Horizon, "now", &MoveTarget::Top))
                .unwrap();
        }
        store
            .write(|c| set_item_dates(c, &ids[0], Some("2024-02-20"), Some("2024-02-28")))
            .unwrap();
        store.write(|c| shift_item_dates(c, &ids[0], 2)).unwrap();
        store.close().unwrap();
    }
    let output = northstar()
        .args(["export", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(output.status.success());
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(document["formatVersion"], 5);
    let product = &document["products"][0];
    let items = product["items"].as_array().unwrap();
    let roadmap: Vec<(&Value, &Value, &Value)> = items
        .iter()
        .map(|item| (&item["horizon"], &item["startDate"], &item["endDate"]))
        .collect();
    assert_eq!(
        roadmap,
        [
            (&json!("now"), &json!("2024-02-22"), &json!("2024-03-01")),
            (&json!("now"), &Value::Null, &Value::Null),
            (&Value::Null, &Value::Null, &Value::Null),
        ]
    );
    let board = &product["boards"][2];
    assert_eq!(board["board"], "horizon");
    let id = |index: usize| items[index]["id"].clone();
    assert_eq!(
        board["columns"],
        json!([
            { "column": "now", "itemIds": [id(1), id(0)] },
            { "column": "next", "itemIds": [] },
            { "column": "later", "itemIds": [] },
            { "column": "unsorted", "itemIds": [id(2)] },
        ])
    );
}
