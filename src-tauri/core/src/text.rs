//! Quoting a user's title inside Northstar's own sentences, such as undo labels.

/// The title in curly quotes, or as it is when it already starts or ends with a double quote
/// (`“Safe to spend” figure` must not become `““Safe to spend” figure”`). The UI's `quoteTitle`
/// applies the same rule to its own announcements.
pub fn quoted(title: &str) -> String {
    let trimmed = title.trim();
    let already_quoted = trimmed.starts_with(['"', '“']) || trimmed.ends_with(['"', '”']);
    if already_quoted {
        title.to_string()
    } else {
        format!("“{title}”")
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn titles_are_quoted_once() {
        assert_eq!(quoted("Bank sync"), "“Bank sync”");
        assert_eq!(quoted("“Safe to spend” figure"), "“Safe to spend” figure");
        assert_eq!(quoted("Export to \"CSV\""), "Export to \"CSV\"");
    }
}
