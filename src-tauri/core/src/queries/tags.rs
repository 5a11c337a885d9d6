//! The `tag` table: a product's research tags, shared by its notes (and by highlights later).
//! A name is unique among the product's live tags, compared case-insensitively. Every write is
//! one transaction and one undo step; deletes are soft (links stay, hidden with the tag).

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{CoreError, CoreResult};
use crate::ids::new_id;
use crate::mutation::{Changes, Table};
use crate::queries::products::get_product;
use crate::research::{tag_key, validate_tag_name, Tag};
use crate::text::quoted;
use crate::time::{format_timestamp, now};

const SELECT_TAG: &str = "SELECT t.id, t.product_id, t.name, \
     (SELECT count(*) FROM note_tag l JOIN research_note n ON n.id = l.note_id \
      WHERE l.tag_id = t.id AND l.deleted_at IS NULL AND n.deleted_at IS NULL) \
     FROM tag t";

fn tag_from_row(row: &Row) -> rusqlite::Result<Tag> {
    Ok(Tag {
        id: row.get(0)?,
        product_id: row.get(1)?,
        name: row.get(2)?,
        note_count: row.get(3)?,
    })
}

/// The product's live tags, by name.
pub fn list_tags(connection: &Connection, product_id: &str) -> CoreResult<Vec<Tag>> {
    get_product(connection, product_id)?;
    let sql = format!(
        "{SELECT_TAG} WHERE t.product_id = ?1 AND t.deleted_at IS NULL ORDER BY lower(t.name), t.id"
    );
    let tags = connection
        .prepare_cached(&sql)?
        .query_map([product_id], tag_from_row)?
        .collect::<Result<Vec<Tag>, _>>()?;
    Ok(tags)
}

pub fn get_tag(connection: &Connection, id: &str) -> CoreResult<Tag> {
    let sql = format!("{SELECT_TAG} WHERE t.id = ?1 AND t.deleted_at IS NULL");
    connection
        .prepare_cached(&sql)?
        .query_row([id], tag_from_row)
        .optional()?
        .ok_or_else(|| CoreError::not_found("tag", id))
}

/// The product's live tag named `name` (case-insensitively), other than `except`.
pub fn find_tag(
    connection: &Connection,
    product_id: &str,
    name: &str,
    except: Option<&str>,
) -> CoreResult<Option<Tag>> {
    let key = tag_key(name);
    Ok(list_tags(connection, product_id)?
        .into_iter()
        .find(|tag| tag_key(&tag.name) == key && Some(tag.id.as_str()) != except))
}

fn already_exists(tag: &Tag) -> CoreError {
    CoreError::invalid(
        "name",
        format!(
            "There is already a tag {}: use that one.",
            quoted(&tag.name)
        ),
    )
}

/// The tag row, without its own undo label (tagging a note with a new tag makes one).
pub(crate) fn insert_tag(changes: &mut Changes, product_id: &str, name: &str) -> CoreResult<Tag> {
    let name = validate_tag_name(name)?;
    get_product(changes.connection(), product_id)?;
    if let Some(existing) = find_tag(changes.connection(), product_id, &name, None)? {
        return Err(already_exists(&existing));
    }
    let id = new_id();
    let at = format_timestamp(&now());
    changes.track(Table::Tag, &id, |connection| {
        connection.execute(
            "INSERT INTO tag (id, product_id, name, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![id, product_id, name, at],
        )?;
        Ok(())
    })?;
    get_tag(changes.connection(), &id)
}

/// A new tag ("Add tag “pricing”"); a name a live tag has (in any case) is refused.
pub fn create_tag(changes: &mut Changes, product_id: &str, name: &str) -> CoreResult<Tag> {
    let tag = insert_tag(changes, product_id, name)?;
    changes.describe(format!("Add tag {}", quoted(&tag.name)));
    Ok(tag)
}

/// Renames a tag ("Rename tag “…” to “…”"); a change of case only is allowed.
pub fn rename_tag(changes: &mut Changes, id: &str, name: &str) -> CoreResult<Tag> {
    let current = get_tag(changes.connection(), id)?;
    let name = validate_tag_name(name)?;
    if name == current.name {
        return Ok(current);
    }
    if let Some(existing) = find_tag(changes.connection(), &current.product_id, &name, Some(id))? {
        return Err(already_exists(&existing));
    }
    changes.describe(format!(
        "Rename tag {} to {}",
        quoted(&current.name),
        quoted(&name)
    ));
    let at = format_timestamp(&now());
    changes.track(Table::Tag, id, |connection| {
        connection.execute(
            "UPDATE tag SET name = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, name, at],
        )?;
        Ok(())
    })?;
    get_tag(changes.connection(), id)
}

/// Soft-deletes a tag ("Delete tag “…”"); its links stay hidden with it.
pub fn delete_tag(changes: &mut Changes, id: &str) -> CoreResult<()> {
    let tag = get_tag(changes.connection(), id)?;
    changes.describe(format!("Delete tag {}", quoted(&tag.name)));
    let at = format_timestamp(&now());
    changes.track(Table::Tag, id, |connection| {
        connection.execute(
            "UPDATE tag SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
        Ok(())
    })
}
