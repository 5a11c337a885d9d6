//! Validation of user input. It lives here, in Rust, so the UI, the CLI and imports share it.

use crate::error::{CoreError, CoreResult};

pub const MAX_TITLE_CHARS: usize = 300;
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// A one-line title or name: trimmed, 1–300 characters, no control characters.
pub fn validate_title(field: &'static str, noun: &str, text: &str) -> CoreResult<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CoreError::invalid(
            field,
            format!("Give the {noun} a {field}."),
        ));
    }
    let length = trimmed.chars().count();
    if length > MAX_TITLE_CHARS {
        return Err(CoreError::invalid(
            field,
            format!(
                "The {noun} {field} can be at most {MAX_TITLE_CHARS} characters; this one has {length}."
            ),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(CoreError::invalid(
            field,
            format!("The {noun} {field} must fit on one line (no line breaks or tabs)."),
        ));
    }
    Ok(trimmed.to_string())
}

/// Long Markdown text such as a description or a vision statement: at most 1 MB.
pub fn validate_long_text(field: &'static str, text: &str) -> CoreResult<String> {
    if text.len() > MAX_TEXT_BYTES {
        let megabytes = text.len() as f64 / (1024.0 * 1024.0);
        return Err(CoreError::invalid(
            field,
            format!("The {field} can be at most 1 MB; this one is {megabytes:.1} MB."),
        ));
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(result: CoreResult<String>) -> String {
        match result {
            Err(CoreError::Invalid { reason, .. }) => reason,
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(
            validate_title("title", "item", "  Bank sync ").unwrap(),
            "Bank sync"
        );
        assert_eq!(
            reason(validate_title("title", "item", "   ")),
            "Give the item a title."
        );
        let long = "x".repeat(301);
        assert!(reason(validate_title("title", "item", &long)).contains("at most 300"));
        assert!(validate_title("title", "item", &"é".repeat(300)).is_ok());
        assert!(reason(validate_title("title", "item", "a\nb")).contains("one line"));
    }

    #[test]
    fn long_text_is_capped_at_one_megabyte() {
        assert!(validate_long_text("description", &"a".repeat(MAX_TEXT_BYTES)).is_ok());
        let too_long = "a".repeat(MAX_TEXT_BYTES + 1);
        assert!(reason(validate_long_text("description", &too_long)).contains("at most 1 MB"));
    }
}
