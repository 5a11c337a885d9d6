//! Validation of research input, with refusals worded for a product owner.

use crate::decision::validate_decided_on;
use crate::error::{CoreError, CoreResult};
use crate::validate::{validate_long_text, validate_title};

/// At most this many characters in a participant's name.
pub const MAX_PARTICIPANT_NAME_CHARS: usize = 200;
/// At most this many characters in a persona or segment.
pub const MAX_PARTICIPANT_FIELD_CHARS: usize = 200;
/// At most this many characters in a company size.
pub const MAX_COMPANY_SIZE_CHARS: usize = 100;
/// At most this many characters in a note's source.
pub const MAX_SOURCE_CHARS: usize = 300;
/// At most this many characters in a tag.
pub const MAX_TAG_CHARS: usize = 60;

pub fn validate_note_title(text: &str) -> CoreResult<String> {
    validate_title("title", "note", text)
}

/// The Markdown body: at most 1 MB, kept exactly as typed (no trimming: the editor's text and
/// the saved text must be the same, or autosave would fight the cursor).
pub fn validate_note_body(text: &str) -> CoreResult<String> {
    validate_long_text("body", text)
}

/// The note's day, `YYYY-MM-DD` (the decision log's rule, under the note's own field name).
pub fn validate_noted_on(text: &str) -> CoreResult<String> {
    validate_decided_on(text).map_err(|error| match error {
        CoreError::Invalid { reason, .. } => CoreError::invalid("notedOn", reason),
        other => other,
    })
}

/// One optional line of at most `max` characters, trimmed (empty is allowed).
fn optional_line(field: &'static str, noun: &str, text: &str, max: usize) -> CoreResult<String> {
    let trimmed = text.trim();
    let length = trimmed.chars().count();
    if length > max {
        return Err(CoreError::invalid(
            field,
            format!("The {noun} can be at most {max} characters; this one has {length}."),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(CoreError::invalid(
            field,
            format!("The {noun} must fit on one line (no line breaks or tabs)."),
        ));
    }
    Ok(trimmed.to_string())
}

pub fn validate_source(text: &str) -> CoreResult<String> {
    optional_line("source", "source", text, MAX_SOURCE_CHARS)
}

/// A participant's name or pseudonym: 1–200 characters on one line.
pub fn validate_participant_name(text: &str) -> CoreResult<String> {
    if text.trim().is_empty() {
        return Err(CoreError::invalid(
            "name",
            "Give the participant a name or a pseudonym.",
        ));
    }
    optional_line("name", "name", text, MAX_PARTICIPANT_NAME_CHARS)
}

pub fn validate_persona(text: &str) -> CoreResult<String> {
    optional_line("persona", "persona", text, MAX_PARTICIPANT_FIELD_CHARS)
}

pub fn validate_segment(text: &str) -> CoreResult<String> {
    optional_line("segment", "segment", text, MAX_PARTICIPANT_FIELD_CHARS)
}

pub fn validate_company_size(text: &str) -> CoreResult<String> {
    optional_line("companySize", "company size", text, MAX_COMPANY_SIZE_CHARS)
}

/// A tag: 1–60 characters on one line, inner runs of spaces collapsed ("user  research" and
/// "user research" are one tag).
pub fn validate_tag_name(text: &str) -> CoreResult<String> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() {
        return Err(CoreError::invalid("name", "Give the tag a name."));
    }
    optional_line("name", "tag", &collapsed, MAX_TAG_CHARS)
}

/// The key two tag names are compared by: case-insensitive, Unicode-aware.
pub fn tag_key(name: &str) -> String {
    name.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason<T: std::fmt::Debug>(result: CoreResult<T>) -> (String, String) {
        match result {
            Err(CoreError::Invalid { field, reason }) => (field.to_string(), reason),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn bodies_are_kept_as_typed_up_to_one_megabyte() {
        assert_eq!(validate_note_body("  # Hi\n\n").unwrap(), "  # Hi\n\n");
        let big = "a".repeat(1024 * 1024 + 1);
        let (field, message) = reason(validate_note_body(&big));
        assert_eq!(field, "body");
        assert!(message.contains("at most 1 MB"), "{message}");
    }

    #[test]
    fn days_are_refused_under_the_notes_field_name() {
        assert_eq!(validate_noted_on("2026-03-01").unwrap(), "2026-03-01");
        let (field, message) = reason(validate_noted_on("2026-02-30"));
        assert_eq!(field, "notedOn");
        assert!(message.contains("is not a date"), "{message}");
    }

    #[test]
    fn participants_need_a_name_and_short_fields() {
        assert_eq!(
            reason(validate_participant_name("  ")).1,
            "Give the participant a name or a pseudonym."
        );
        assert_eq!(validate_participant_name(" Dana ").unwrap(), "Dana");
        assert!(reason(validate_persona(&"p".repeat(201)))
            .1
            .contains("at most 200"));
        assert!(reason(validate_company_size("2\n10"))
            .1
            .contains("one line"));
        assert_eq!(validate_segment("").unwrap(), "");
    }

    #[test]
    fn tags_collapse_spaces_and_compare_without_case() {
        assert_eq!(
            validate_tag_name("  user   research ").unwrap(),
            "user research"
        );
        assert_eq!(reason(validate_tag_name(" ")).1, "Give the tag a name.");
        assert!(reason(validate_tag_name(&"t".repeat(61)))
            .1
            .contains("at most 60"));
        assert_eq!(tag_key("Ärger"), tag_key("äRGER"));
    }
}
