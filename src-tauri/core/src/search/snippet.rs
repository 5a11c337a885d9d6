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

/// A body's snippet made readable: Markdown's emphasis and code marks and heading hashes taken
/// out, line breaks and runs of spaces as one space. The matched words stay as they are.
pub fn readable(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for segment in segments {
        let text = if segment.matched {
            segment.text
        } else {
            plain(&segment.text)
        };
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.matched == segment.matched => last.text.push_str(&text),
            _ => out.push(Segment {
                text,
                matched: segment.matched,
            }),
        }
    }
    if let Some(first) = out.first_mut().filter(|first| !first.matched) {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = out.last_mut().filter(|last| !last.matched) {
        last.text = last.text.trim_end().to_string();
    }
    out.retain(|segment| !segment.text.is_empty());
    out
}

fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for character in text.chars() {
        let character = match character {
            '*' | '`' | '#' => continue,
            '\n' | '\r' | '\t' => ' ',
            other => other,
        };
        if character == ' ' && last_space {
            continue;
        }
        last_space = character == ' ';
        out.push(character);
    }
    out
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
            readable(segments("## Notes\n\n- **\u{2}tax\u{3}** pot `x`")),
            vec![
                seg("Notes - ", false),
                seg("tax", true),
                seg(" pot x", false)
            ]
        );
        assert_eq!(
            segments("<b>no match</b>"),
            vec![seg("<b>no match</b>", false)]
        );
    }
}
