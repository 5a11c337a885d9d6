//! The status of a selection of items, set in one write: the backlog's bulk edit of status.
//!
//! One transaction and one undo step for every item it changed, like `set_score_inputs`; the
//! status is checked, and every item found, before anything is written, so a refusal writes
//! nothing.

use rusqlite::params;

use crate::error::{CoreError, CoreResult};
use crate::model::{BacklogItem, ItemStatus};
use crate::mutation::{Changes, Table};
use crate::queries::items::get_item;
use crate::text::quoted;
use crate::time::{format_timestamp, now};

/// Sets the status of every named item (each once, in the order named) and returns them.
/// Labelled "Set “Search” to Done" for one item and "Set status of 5 items to Done" for more;
/// items that already have the status are not written (a change of nothing records no step).
pub fn set_items_status(
    changes: &mut Changes,
    item_ids: &[String],
    status: &str,
) -> CoreResult<Vec<BacklogItem>> {
    if item_ids.is_empty() {
        return Err(CoreError::invalid("itemIds", "Choose at least one item."));
    }
    let status = ItemStatus::parse(status)?;
    let mut unique: Vec<&String> = Vec::with_capacity(item_ids.len());
    for id in item_ids {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    let items = unique
        .iter()
        .map(|id| get_item(changes.connection(), id))
        .collect::<CoreResult<Vec<_>>>()?;
    let at = format_timestamp(&now());
    let mut changed_titles: Vec<&str> = Vec::new();
    for item in &items {
        if item.status == status {
            continue;
        }
        changes.track(Table::BacklogItem, &item.id, |connection| {
            connection.execute(
                "UPDATE backlog_item SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![item.id, status.as_str(), at],
            )?;
            Ok(())
        })?;
        changed_titles.push(&item.title);
    }
    changes.describe(match changed_titles.as_slice() {
        [title] => format!("Set {} to {}", quoted(title), status.label()),
        titles => format!("Set status of {} items to {}", titles.len(), status.label()),
    });
    unique
        .into_iter()
        .map(|id| get_item(changes.connection(), id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queries::items::list_items;
    use crate::queries::items::test_support::{id_of, store_with_items};

    fn statuses(store: &crate::Store, product_id: &str) -> Vec<(String, ItemStatus)> {
        store
            .read(|c| list_items(c, product_id))
            .unwrap()
            .into_iter()
            .map(|item| (item.title, item.status))
            .collect()
    }

    #[test]
    fn sets_the_status_of_many_items_in_one_undo_step() {
        let (store, product) = store_with_items(&["Search", "Offline", "Sharing"]);
        let ids = vec![
            id_of(&store, &product, "Search"),
            id_of(&store, &product, "Sharing"),
        ];
        let saved = store
            .write(|c| set_items_status(c, &ids, "shipped"))
            .unwrap();
        assert_eq!(saved.len(), 2);
        assert!(saved.iter().all(|item| item.status == ItemStatus::Shipped));
        assert_eq!(
            store.history_state().undo_label.as_deref(),
            Some("Set status of 2 items to Shipped")
        );
        assert_eq!(
            statuses(&store, &product),
            vec![
                ("Search".to_string(), ItemStatus::Shipped),
                ("Offline".to_string(), ItemStatus::Idea),
                ("Sharing".to_string(), ItemStatus::Shipped),
            ]
        );
        store.undo().unwrap();
        assert!(statuses(&store, &product)
            .iter()
            .all(|(_, status)| *status == ItemStatus::Idea));
    }

    #[test]
    fn names_the_one_item_it_changed_and_skips_those_already_there() {
        let (store, product) = store_with_items(&["Search", "Offline"]);
        let search = id_of(&store, &product, "Search");
        let offline = id_of(&store, &product, "Offline");
        store
            .write(|c| set_items_status(c, std::slice::from_ref(&search), "ready"))
            .unwrap();
        store
            .write(|c| set_items_status(c, &[search.clone(), offline.clone()], "ready"))
            .unwrap();
        assert_eq!(
            store.history_state().undo_label.as_deref(),
            Some("Set “Offline” to Ready")
        );
    }

    #[test]
    fn refuses_an_unknown_status_no_items_or_a_missing_item_and_writes_nothing() {
        let (store, product) = store_with_items(&["Search", "Offline"]);
        let search = id_of(&store, &product, "Search");
        let unknown = store
            .write(|c| set_items_status(c, std::slice::from_ref(&search), "done"))
            .unwrap_err();
        assert!(matches!(unknown, CoreError::Invalid { field, .. } if field == "status"));
        let none = store
            .write(|c| set_items_status(c, &[], "ready"))
            .unwrap_err();
        assert!(matches!(none, CoreError::Invalid { field, .. } if field == "itemIds"));
        let missing = store
            .write(|c| set_items_status(c, &[search.clone(), "missing".to_string()], "ready"))
            .unwrap_err();
        assert!(matches!(missing, CoreError::NotFound { .. }));
        assert!(statuses(&store, &product)
            .iter()
            .all(|(_, status)| *status == ItemStatus::Idea));
    }
}
