//! FTS5's `snippet()`/`highlight()` text, marked with two control characters that Northstar
//! never stores in a title (titles refuse control characters), split into plain segments.

/// Put before a match by the search query.
pub(crate) const OPEN: char = '\u{2}';
/// Put after a match.
pub(crate) const CLOSE: char = '\u{3}';

use super::Segment;

/// `marked` split at the markers: matched runs and the text between, in order, none empty.
pub fn segments(marked: &str) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut current = String::new();
    let mut matched = false;
    let flush = |text: &mut String, matched: bool, segments: &mut Vec<Segment>| {
        if text.is_empty() {
            return;
        }
        match segments.last_mut() {
            Some(last) if last.matched == matched => last.text.push_str(text),
            _ => segments.push(Segment {
                text: text.clone(),
                matched,
            }),
        }
        text.clear();
    };
    for character in marked.chars() {
        match character {
            OPEN => {
                flush(&mut current, matched, &mut segments);
                matched = true;
            }
            CLOSE => {
                flush(&mut current, matched, &mut segments);
                matched = false;
            }
            other => current.push(other),
        }
    }
    flush(&mut current, matched, &mut segments);
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str, matched: bool) -> Segment {
        Segment {
            text: text.into(),
            matched,
        }
    }

    #[test]
    fn markers_become_matched_segments() {
        assert_eq!(
            segments("…the \u{2}bank\u{3} \u{2}sync\u{3} broke"),
            vec![
                seg("…the ", false),
                seg("bank", true),
                seg(" ", false),
                seg("sync", true),
                seg(" broke", false)
            ]
        );
        assert_eq!(segments(""), vec![]);
        assert_eq!(
            segments("<b>no match</b>"),
            vec![seg("<b>no match</b>", false)]
        );
    }
}
