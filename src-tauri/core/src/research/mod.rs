//! User research: notes (interviews, usability tests, support tickets…), the participants they
//! are about and the tags that group them. The types here cross IPC and appear in the export;
//! the validation is below, the table work in `queries::research_notes`, `participants` and
//! `tags`, and full-text search in `crate::search`.

mod anchor;
mod types;
mod validate;

pub use anchor::*;
pub use types::*;
pub use validate::*;
