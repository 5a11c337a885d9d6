//! The `setting` table: app state that is not user data (not undoable), such as which product is
//! open.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::CoreResult;
use crate::queries::products::list_products;
use crate::time::{format_timestamp, now};

const OPEN_PRODUCT: &str = "open_product_id";

pub fn get_setting(connection: &Connection, key: &str) -> CoreResult<Option<String>> {
    let value = connection
        .prepare_cached("SELECT value FROM setting WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?;
    Ok(value)
}

pub fn set_setting(connection: &Connection, key: &str, value: &str) -> CoreResult<()> {
    connection.execute(
        "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3) \
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![key, value, format_timestamp(&now())],
    )?;
    Ok(())
}

/// The product to show: the one last opened if it still exists, else the first one.
pub fn get_open_product_id(connection: &Connection) -> CoreResult<Option<String>> {
    let products = list_products(connection)?;
    let remembered = get_setting(connection, OPEN_PRODUCT)?;
    let open = remembered
        .filter(|id| products.iter().any(|product| &product.id == id))
        .or_else(|| products.first().map(|product| product.id.clone()));
    Ok(open)
}

pub fn set_open_product_id(connection: &Connection, product_id: &str) -> CoreResult<()> {
    crate::queries::products::get_product(connection, product_id)?;
    set_setting(connection, OPEN_PRODUCT, product_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::products::{create_product, delete_product};
    use crate::Store;

    #[test]
    fn the_open_product_falls_back_to_the_first_one() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.read(get_open_product_id).unwrap(), None);
        let first = store
            .write(|changes| create_product(changes, "First"))
            .unwrap();
        let second = store
            .write(|changes| create_product(changes, "Second"))
            .unwrap();
        assert_eq!(
            store.read(get_open_product_id).unwrap(),
            Some(first.id.clone())
        );
        store
            .write_untracked(|c| set_open_product_id(c, &second.id))
            .unwrap();
        assert_eq!(
            store.read(get_open_product_id).unwrap(),
            Some(second.id.clone())
        );
        store
            .write(|changes| delete_product(changes, &second.id))
            .unwrap();
        assert_eq!(store.read(get_open_product_id).unwrap(), Some(first.id));
        assert!(store
            .write_untracked(|c| set_open_product_id(c, "nope"))
            .is_err());
    }
}
