//! Northstar's core: the domain, validation, ranking, undo history and the SQLite store.
//!
//! This crate knows nothing of Tauri. The desktop shell and the command-line face both call
//! it, and its tests run with plain `cargo test -p northstar-core` in seconds.

pub mod backup;
pub mod baseline;
pub mod board;
pub mod calendar;
pub mod check;
pub mod connection;
pub mod csv_table;
pub mod decision;
pub mod demo;
pub mod demo_kano_survey;
pub mod error;
pub mod evidence;
pub mod excerpt;
pub mod export;
pub mod export_plan;
pub mod export_research;
pub mod feedback_import;
pub mod files;
pub mod history;
pub mod idle;
pub mod ids;
pub mod inspect;
pub mod kano_survey;
pub mod lock;
pub mod matrix;
pub mod migrations;
pub mod model;
pub mod mutation;
pub mod plan;
pub mod queries;
pub mod rank;
mod readers;
pub mod repair;
mod replay;
pub mod research;
pub mod restore;
pub mod roadmap;
pub mod rotation;
pub mod scoring;
pub mod search;
pub mod stakeholder;
pub mod store;
mod sync;
pub mod text;
pub mod time;
pub mod timeline;
pub mod timeline_plan;
pub mod validate;

pub use error::{CoreError, CoreResult};
pub use rusqlite::Connection;
pub use store::Store;
