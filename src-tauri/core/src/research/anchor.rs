//! Anchoring a highlight in a note's body by text quote: the exact passage, up to
//! [`CONTEXT_CHARS`] characters before and after it, and a position hint.
//!
//! Positions are UTF-16 code units, the unit of the editor's (CodeMirror's) positions and of
//! every JavaScript string index, so the UI uses them as they come; Rust converts at the edges.
//! Pure functions, no SQL: `queries::highlights` stores what they find.

use crate::error::{CoreError, CoreResult};

/// How many characters of context a quote keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// The longest passage a highlight may quote, in characters (the column's CHECK repeats it).
pub const MAX_EXACT_CHARS: usize = 5000;

/// A passage and its surroundings, as found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Where a quote was found: its start (UTF-16) and its current surroundings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub start_utf16: u32,
    pub prefix: String,
    pub suffix: String,
}

/// The byte index of a UTF-16 position, or `None` past the end or inside a surrogate pair.
pub fn byte_of_utf16(text: &str, utf16: usize) -> Option<usize> {
    let mut units = 0;
    for (byte, character) in text.char_indices() {
        if units == utf16 {
            return Some(byte);
        }
        units += character.len_utf16();
        if units > utf16 {
            return None;
        }
    }
    (units == utf16).then_some(text.len())
}

/// The UTF-16 length of a text.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// A character that continues the one before it (a combining mark, a joiner, a variation
/// selector or a skin tone): a passage must not start on one or stop just before one, or
/// "cafe" would match the first four characters of a decomposed "café".
fn continues_previous(character: char) -> bool {
    matches!(character as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0xFE00..=0xFE0F | 0x200C..=0x200D | 0x1F3FB..=0x1F3FF | 0xE0100..=0xE01EF)
}

fn last_chars(text: &str, count: usize) -> String {
    let skip = text.chars().count().saturating_sub(count);
    text.chars().skip(skip).collect()
}

fn first_chars(text: &str, count: usize) -> String {
    text.chars().take(count).collect()
}

/// The quote of the passage between two UTF-16 positions of `body` (what the editor's
/// selection gives), refused with a worded reason when it is empty, blank, too long or does not
/// fall on whole characters.
pub fn quote_at(body: &str, start_utf16: u32, end_utf16: u32) -> CoreResult<Quote> {
    let outside = || {
        CoreError::invalid(
            "range",
            "The selection is no longer in the note: select the passage again.",
        )
    };
    if end_utf16 <= start_utf16 {
        return Err(CoreError::invalid(
            "range",
            "Select the passage to highlight first.",
        ));
    }
    let start = byte_of_utf16(body, start_utf16 as usize).ok_or_else(outside)?;
    let end = byte_of_utf16(body, end_utf16 as usize).ok_or_else(outside)?;
    let exact = &body[start..end];
    if exact.trim().is_empty() {
        return Err(CoreError::invalid(
            "range",
            "Only blank space is selected: select words to highlight.",
        ));
    }
    if exact.chars().count() > MAX_EXACT_CHARS {
        return Err(CoreError::invalid(
            "range",
            format!("A highlight quotes at most {MAX_EXACT_CHARS} characters: select a shorter passage."),
        ));
    }
    if !cuts_cleanly(body, start, end) {
        return Err(CoreError::invalid(
            "range",
            "The selection splits a character (an accent or an emoji): widen it by one.",
        ));
    }
    Ok(Quote {
        exact: exact.to_string(),
        prefix: last_chars(&body[..start], CONTEXT_CHARS),
        suffix: first_chars(&body[end..], CONTEXT_CHARS),
    })
}

fn cuts_cleanly(body: &str, start: usize, end: usize) -> bool {
    let starts_inside = body[start..].chars().next().is_some_and(continues_previous);
    let ends_inside = body[end..].chars().next().is_some_and(continues_previous);
    !starts_inside && !ends_inside
}

/// How many characters two texts share at their ends.
fn common_tail(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many characters two texts share at their starts.
fn common_head(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Finds the quote in `body`: among the occurrences of the exact text (on whole characters),
/// the one whose surroundings match the stored prefix and suffix best, and among those the one
/// nearest the hint. `None` when the exact text is not there any more (the highlight is then
/// orphaned).
pub fn locate(body: &str, quote: &Quote, hint_utf16: u32) -> Option<Anchor> {
    let hint = hint_utf16 as i64;
    let mut best: Option<(usize, i64, usize, i64)> = None; // (context, -distance, byte, utf16)
    let mut from = 0;
    let mut counted_byte = 0;
    let mut counted_utf16 = 0;
    while let Some(found) = body[from..].find(&quote.exact) {
        let start = from + found;
        let end = start + quote.exact.len();
        counted_utf16 += utf16_len(&body[counted_byte..start]);
        counted_byte = start;
        if cuts_cleanly(body, start, end) {
            let before = &body[start.saturating_sub(4 * CONTEXT_CHARS)..start];
            let before = floor_str(body, start, before.len());
            let after = &body[end..ceil_index(body, end + 4 * CONTEXT_CHARS)];
            let context = common_tail(before, &quote.prefix) + common_head(after, &quote.suffix);
            let distance = -(counted_utf16 as i64 - hint).abs();
            let better = match best {
                None => true,
                Some((best_context, best_distance, _, _)) => {
                    (context, distance) > (best_context, best_distance)
                }
            };
            if better {
                best = Some((context, distance, start, counted_utf16 as i64));
            }
        }
        from = start + body[start..].chars().next().map_or(1, char::len_utf8);
    }
    best.map(|(_, _, start, utf16)| Anchor {
        start_utf16: utf16 as u32,
        prefix: last_chars(&body[..start], CONTEXT_CHARS),
        suffix: first_chars(&body[start + quote.exact.len()..], CONTEXT_CHARS),
    })
}

/// The text of `body` ending at byte `end` and at most `max_bytes` long, starting on a char
/// boundary.
fn floor_str(body: &str, end: usize, max_bytes: usize) -> &str {
    let mut start = end - max_bytes;
    while !body.is_char_boundary(start) {
        start += 1;
    }
    &body[start..end]
}

/// `index` clamped to the body and moved forward to a char boundary.
fn ceil_index(body: &str, index: usize) -> usize {
    let mut index = index.min(body.len());
    while !body.is_char_boundary(index) {
        index += 1;
    }
    index
}

#[cfg(test)]
#[path = "anchor_tests.rs"]
mod tests;
