//! The Kano questionnaire: answers imported from CSV, classified with the standard evaluation
//! table, summed up per item (distribution, mode, Better and Worse).
//!
//! - [`answers`]: the five answers and the spellings accepted for them.
//! - [`evaluation`]: the 5×5 table, the mode's tie order, Better and Worse. Pure.
//! - [`csv_file`]: reading a questionnaire file into rows, with whole-file refusals.
//! - [`import`]: the dry-run preview (problems per row) and the all-or-nothing import.
//! - [`results`]: per-item results of a product's live answers.

pub mod answers;
pub mod csv_file;
pub mod evaluation;
pub mod import;
pub mod results;

pub use answers::KanoAnswer;
pub use evaluation::{classify, KanoDistribution};
