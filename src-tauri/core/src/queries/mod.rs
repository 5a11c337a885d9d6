//! One module per table, with `get_`/`list_`/`create_`/`update_`/`delete_` functions and the
//! table's tests at the bottom. Reads take a `&Connection`; writes take the action's [`Changes`].
//!
//! [`Changes`]: crate::mutation::Changes

pub mod baselines;
pub mod board_moves;
pub mod board_swimlanes;
pub mod boards;
pub mod decisions;
pub mod evidence;
pub mod evidence_settings;
pub mod goals;
pub mod highlight_links;
pub mod highlights;
pub mod home_roadmap;
pub mod item_moves;
pub mod item_plan;
pub mod item_schedule;
pub mod item_scores;
pub mod item_status;
pub mod items;
pub mod kano_responses;
pub mod matrix;
pub mod milestones;
pub mod note_links;
pub mod outscoring;
pub mod participants;
pub mod products;
pub mod releases;
pub mod research_notes;
pub mod settings;
pub mod tags;
pub mod themes;
pub mod timeline;

use rusqlite::types::Type;
use rusqlite::Row;

use crate::time::{parse_timestamp, Timestamp};

pub(crate) fn timestamp_column(row: &Row, index: usize) -> rusqlite::Result<Timestamp> {
    let text: String = row.get(index)?;
    parse_timestamp(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            Type::Text,
            format!("invalid timestamp “{text}”").into(),
        )
    })
}
