//! Row ids are UUIDv7 text: sortable by creation time and safe to merge across devices later.

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
