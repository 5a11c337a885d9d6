//! The plain-text excerpt a backlog row shows under its title, computed from the Markdown
//! description here so the list never ships whole descriptions (up to 1 MB each) to the UI.
//!
//! The excerpt is the first line that says something, with Markdown's markup removed: heading
//! and list markers, quotes, task boxes, emphasis, code ticks, link and image syntax (their text
//! stays), HTML tags (a "<" that opens no tag, as in "< 2 s", stays). Lines made only of table or rule characters are skipped.

/// How many characters a row's excerpt has at most, the ellipsis included.
pub const EXCERPT_CHARS: usize = 140;

/// How many characters of a description are read to find the excerpt: the list query reads
/// only this prefix (`substr`), so a long description costs no more than a short one.
pub const EXCERPT_SOURCE_CHARS: usize = 2_000;

/// The first meaningful line of `markdown` as plain text, at most `max_chars` characters
/// (cut on a character boundary and ended with "…" when longer). Empty when there is none.
pub fn plain_excerpt(markdown: &str, max_chars: usize) -> String {
    for raw_line in markdown.lines() {
        let line = strip_inline(strip_block_marker(raw_line));
        let line = collapse_spaces(&line);
        if line.is_empty() || line.chars().all(|c| "-=|: ".contains(c)) {
            continue;
        }
        return truncate(&line, max_chars);
    }
    String::new()
}

/// Removes what opens a block: up to three spaces of indent, then a heading (`## `), a quote
/// (`> `), a bullet (`- `, `* `, `+ `) with an optional task box (`[ ] `, `[x] `), or a numbered
/// item (`1. `, `1) `).
fn strip_block_marker(line: &str) -> &str {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return line.trim_start();
    }
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && rest[hashes..].starts_with([' ', '\t']) {
        return rest[hashes..].trim_start();
    }
    if let Some(quoted) = rest.strip_prefix('>') {
        return quoted.strip_prefix(' ').unwrap_or(quoted);
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(item) = rest.strip_prefix(bullet) {
            let item = item.trim_start();
            for task_box in ["[ ] ", "[x] ", "[X] "] {
                if let Some(task) = item.strip_prefix(task_box) {
                    return task.trim_start();
                }
            }
            return item;
        }
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let after = &rest[digits..];
        if after.starts_with(". ") || after.starts_with(") ") {
            return after[2..].trim_start();
        }
    }
    rest
}

/// Keeps the text of links and images, drops HTML tags and emphasis/code markers.
fn strip_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '!' && rest[1..].starts_with('[') {
            rest = &rest[1..];
            continue;
        }
        if c == '[' {
            if let Some((text, after)) = link_text(rest) {
                out.push_str(text);
                rest = after;
                continue;
            }
        }
        // Only what Markdown reads as HTML: "<" then a tag name, "/", "!" or "?". A "<" before a
        // space or a digit is text ("loads in < 2 s").
        if c == '<' && opens_tag(&rest[1..]) {
            if let Some(end) = rest.find('>') {
                rest = &rest[end + 1..];
                continue;
            }
        }
        if !matches!(c, '*' | '_' | '`' | '~') {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether what follows a "<" makes it the start of an HTML tag, comment or declaration.
fn opens_tag(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_some_and(|next| next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?'))
}

/// For `[text](target)…`, the text and what follows the closing parenthesis.
fn link_text(rest: &str) -> Option<(&str, &str)> {
    let close = rest.find(']')?;
    let after = rest[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    Some((&rest[1..close], &after[end + 1..]))
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let kept: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_first_line_that_says_something_without_markup() {
        assert_eq!(
            plain_excerpt("\n\n## Why\nUsers **lose** track.", 140),
            "Why"
        );
        assert_eq!(
            plain_excerpt("Users **lose** track of [bills](http://x).", 140),
            "Users lose track of bills."
        );
        assert_eq!(
            plain_excerpt("- [ ] Connect `bank`\n- two", 140),
            "Connect bank"
        );
        assert_eq!(
            plain_excerpt("> A quote with ![a chart](c.png)", 140),
            "A quote with a chart"
        );
        assert_eq!(plain_excerpt("3. Third <b>step</b>", 140), "Third step");
        assert_eq!(
            plain_excerpt("Loads in < 2 s for > 95% of people <!-- why -->", 140),
            "Loads in < 2 s for > 95% of people"
        );
        assert_eq!(plain_excerpt("| --- | :-: |\n---\nText", 140), "Text");
        assert_eq!(
            plain_excerpt("#hashtag is not a heading", 140),
            "#hashtag is not a heading"
        );
        assert_eq!(plain_excerpt("", 140), "");
        assert_eq!(plain_excerpt("   \n***\n", 140), "");
    }

    #[test]
    fn long_lines_are_cut_with_an_ellipsis_on_a_character_boundary() {
        let excerpt = plain_excerpt(&"word ".repeat(100), 20);
        assert_eq!(excerpt.chars().count(), 20);
        assert!(excerpt.ends_with('…'));
        let accented = plain_excerpt(&"é".repeat(300), EXCERPT_CHARS);
        assert_eq!(accented.chars().count(), EXCERPT_CHARS);
    }
}
