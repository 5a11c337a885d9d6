//! The lossless JSON export: every product with every field and its items in rank order.
//!
//! The document has no export timestamp and a fixed key order, so two exports of the same data
//! are byte-identical and diff cleanly.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::CoreResult;
use crate::migrations::latest_version;
use crate::model::{BacklogItem, Product};
use crate::queries::items::list_items;
use crate::queries::products::list_products;

pub const EXPORT_FORMAT: &str = "northstar";
pub const EXPORT_FORMAT_VERSION: i32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportDocument {
    /// Always "northstar".
    pub format: String,
    /// The version of this document's layout.
    pub format_version: i32,
    /// The schema version of the database it came from.
    pub schema_version: i64,
    pub products: Vec<ProductExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductExport {
    #[serde(flatten)]
    pub product: Product,
    /// In rank order.
    pub items: Vec<ExportedItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedItem {
    #[serde(flatten)]
    pub item: BacklogItem,
    /// 1-based place in the ranked backlog.
    pub position: i32,
}

pub fn export_document(connection: &Connection) -> CoreResult<ExportDocument> {
    let products = list_products(connection)?
        .into_iter()
        .map(|product| {
            let items = list_items(connection, &product.id)?
                .into_iter()
                .zip(1..)
                .map(|(item, position)| ExportedItem { item, position })
                .collect();
            Ok(ProductExport { product, items })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    Ok(ExportDocument {
        format: EXPORT_FORMAT.to_string(),
        format_version: EXPORT_FORMAT_VERSION,
        schema_version: latest_version(),
        products,
    })
}

pub fn export_json(connection: &Connection) -> CoreResult<String> {
    let mut json = serde_json::to_string_pretty(&export_document(connection)?)?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MoveTarget, NewItem};
    use crate::queries::items::{create_item, move_item};
    use crate::queries::products::create_product;
    use crate::Store;

    #[test]
    fn export_lists_items_in_rank_order_and_is_stable() {
        let store = Store::open_in_memory().unwrap();
        let product = store.write(|c| create_product(c, "Lumen")).unwrap();
        for title in ["A", "B", "C"] {
            let new = NewItem {
                product_id: product.id.clone(),
                title: title.into(),
                ..Default::default()
            };
            store.write(|c| create_item(c, &new)).unwrap();
        }
        let items = store.read(|c| list_items(c, &product.id)).unwrap();
        store
            .write(|c| move_item(c, &items[2].id, &MoveTarget::Top))
            .unwrap();

        let json = store.read(export_json).unwrap();
        assert_eq!(json, store.read(export_json).unwrap());
        let document: ExportDocument = serde_json::from_str(&json).unwrap();
        assert_eq!(document.format, "northstar");
        let titles: Vec<_> = document.products[0]
            .items
            .iter()
            .map(|exported| exported.item.title.as_str())
            .collect();
        assert_eq!(titles, ["C", "A", "B"]);
        assert!(json.contains("\"northStarMetric\""));
    }
}
