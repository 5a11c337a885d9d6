//! The `product` table.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp_column;
use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::model::{Product, ProductPatch};
use crate::mutation::{Changes, Table};
use crate::scoring::IceMode;
use crate::text::quoted;
use crate::time::{format_timestamp, now};
use crate::validate::{validate_long_text, validate_title};

const SELECT_PRODUCT: &str = "SELECT id, name, vision, strategy, target_users, north_star_metric, \
     created_at, updated_at, ice_mode FROM product";

fn product_from_row(row: &Row) -> rusqlite::Result<Product> {
    Ok(Product {
        id: row.get(0)?,
        name: row.get(1)?,
        vision: row.get(2)?,
        strategy: row.get(3)?,
        target_users: row.get(4)?,
        north_star_metric: row.get(5)?,
        ice_mode: ice_mode_column(row, 8)?,
        created_at: timestamp_column(row, 6)?,
        updated_at: timestamp_column(row, 7)?,
    })
}

pub(crate) fn ice_mode_column(row: &Row, index: usize) -> rusqlite::Result<IceMode> {
    let text: String = row.get(index)?;
    IceMode::parse(&text).map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            error.to_string().into(),
        )
    })
}

/// Products that are not deleted, oldest first.
pub fn list_products(connection: &Connection) -> CoreResult<Vec<Product>> {
    let sql = format!("{SELECT_PRODUCT} WHERE deleted_at IS NULL ORDER BY created_at, id");
    let mut statement = connection.prepare_cached(&sql)?;
    let products = statement
        .query_map([], product_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(products)
}

pub fn get_product(connection: &Connection, id: &str) -> CoreResult<Product> {
    let sql = format!("{SELECT_PRODUCT} WHERE id = ?1 AND deleted_at IS NULL");
    connection
        .prepare_cached(&sql)?
        .query_row([id], product_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("product", id))
}

pub fn create_product(changes: &mut Changes, name: &str) -> CoreResult<Product> {
    let name = validate_title("name", "product", name)?;
    let id = new_id();
    let at = format_timestamp(&now());
    changes.describe(format!("Add product {}", quoted(&name)));
    changes.track(Table::Product, &id, |connection| {
        connection.execute(
            "INSERT INTO product (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![id, name, at],
        )?;
        Ok(())
    })?;
    get_product(changes.connection(), &id)
}

pub fn update_product(
    changes: &mut Changes,
    id: &str,
    patch: &ProductPatch,
) -> CoreResult<Product> {
    let current = get_product(changes.connection(), id)?;
    let name = match &patch.name {
        Some(name) => validate_title("name", "product", name)?,
        None => current.name.clone(),
    };
    let long_text = |field: &'static str, value: &Option<String>, current: &str| match value {
        Some(text) => validate_long_text(field, text),
        None => Ok(current.to_string()),
    };
    let vision = long_text("vision", &patch.vision, &current.vision)?;
    let strategy = long_text("strategy", &patch.strategy, &current.strategy)?;
    let target_users = long_text("target users", &patch.target_users, &current.target_users)?;
    let metric = long_text(
        "north-star metric",
        &patch.north_star_metric,
        &current.north_star_metric,
    )?;
    let ice_mode = patch
        .ice_mode
        .as_deref()
        .map(IceMode::parse)
        .transpose()?
        .unwrap_or(current.ice_mode);
    let texts_unchanged = name == current.name
        && vision == current.vision
        && strategy == current.strategy
        && target_users == current.target_users
        && metric == current.north_star_metric;
    if texts_unchanged && ice_mode == current.ice_mode {
        return Ok(current);
    }
    if texts_unchanged {
        changes.describe(format!(
            "Use the {} for ICE in {}",
            ice_mode.as_str(),
            quoted(&name)
        ));
    } else if name != current.name && patch.vision.is_none() && patch.strategy.is_none() {
        changes.describe(format!("Rename product to {}", quoted(&name)));
    } else {
        changes.describe(format!("Edit product {}", quoted(&name)));
    }
    let at = format_timestamp(&now());
    changes.track(Table::Product, id, |connection| {
        connection.execute(
            "UPDATE product SET name = ?2, vision = ?3, strategy = ?4, target_users = ?5, \
             north_star_metric = ?6, ice_mode = ?7, updated_at = ?8 WHERE id = ?1",
            params![
                id,
                name,
                vision,
                strategy,
                target_users,
                metric,
                ice_mode.as_str(),
                at
            ],
        )?;
        Ok(())
    })?;
    get_product(changes.connection(), id)
}

/// Soft-deletes the product; its items stay in the file, hidden with it, so undo restores all.
pub fn delete_product(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let product = get_product(changes.connection(), id)?;
    changes.describe(format!("Delete product {}", quoted(&product.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Product, id, |connection| {
        connection.execute(
            "UPDATE product SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn create_rename_and_delete_a_product() {
        let store = Store::open_in_memory().unwrap();
        let product = store
            .write(|changes| create_product(changes, " Lumen "))
            .unwrap();
        assert_eq!(product.name, "Lumen");

        let patch = ProductPatch {
            name: Some("Lumen Budget".into()),
            ..Default::default()
        };
        let renamed = store
            .write(|changes| update_product(changes, &product.id, &patch))
            .unwrap();
        assert_eq!(renamed.name, "Lumen Budget");
        assert_eq!(
            store.history_state().undo_label.unwrap(),
            "Rename product to “Lumen Budget”"
        );

        let patch = ProductPatch {
            vision: Some("Freelancers sleep well.".into()),
            ..Default::default()
        };
        let edited = store
            .write(|changes| update_product(changes, &product.id, &patch))
            .unwrap();
        assert_eq!(edited.vision, "Freelancers sleep well.");
        assert_eq!(edited.name, "Lumen Budget");

        store
            .write(|changes| delete_product(changes, &product.id))
            .unwrap();
        assert!(store.read(list_products).unwrap().is_empty());
        let missing = store.read(|connection| get_product(connection, &product.id));
        assert!(matches!(missing, Err(CoreError::NotFound { .. })));
    }

    #[test]
    fn invalid_names_are_refused_and_nothing_is_written() {
        let store = Store::open_in_memory().unwrap();
        let empty = store.write(|changes| create_product(changes, "  "));
        assert!(matches!(
            empty,
            Err(CoreError::Invalid { field: "name", .. })
        ));
        let long = store.write(|changes| create_product(changes, &"n".repeat(301)));
        assert!(matches!(
            long,
            Err(CoreError::Invalid { field: "name", .. })
        ));
        assert!(store.read(list_products).unwrap().is_empty());
        assert!(!store.history_state().can_undo);
    }

    #[test]
    fn undo_and_redo_restore_the_exact_rows() {
        let store = Store::open_in_memory().unwrap();
        let product = store
            .write(|changes| create_product(changes, "Lumen"))
            .unwrap();
        let before = store.read(|c| crate::mutation::read_row(c, Table::Product, &product.id));
        let patch = ProductPatch {
            strategy: Some("Bank-grade trust".into()),
            ..Default::default()
        };
        store
            .write(|changes| update_product(changes, &product.id, &patch))
            .unwrap();
        let after = store.read(|c| crate::mutation::read_row(c, Table::Product, &product.id));

        store.undo().unwrap();
        let undone = store.read(|c| crate::mutation::read_row(c, Table::Product, &product.id));
        assert_eq!(undone.unwrap(), before.unwrap());
        store.redo().unwrap();
        let redone = store.read(|c| crate::mutation::read_row(c, Table::Product, &product.id));
        assert_eq!(redone.unwrap(), after.unwrap());

        store
            .write(|changes| delete_product(changes, &product.id))
            .unwrap();
        store.undo().unwrap();
        assert_eq!(store.read(list_products).unwrap().len(), 1);
        store.undo().unwrap();
        store.undo().unwrap();
        assert!(
            store.read(list_products).unwrap().is_empty(),
            "creation undone"
        );
        assert!(!store.history_state().can_undo);
    }
}
