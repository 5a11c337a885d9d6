use super::*;

fn quote(body: &str, exact: &str) -> (Quote, u32) {
    let byte = body.find(exact).unwrap();
    let start = utf16_len(&body[..byte]) as u32;
    let end = start + utf16_len(exact) as u32;
    (quote_at(body, start, end).unwrap(), start)
}

fn found_text(body: &str, anchor: &Anchor, exact: &str) -> String {
    let start = byte_of_utf16(body, anchor.start_utf16 as usize).unwrap();
    body[start..start + exact.len()].to_string()
}

#[test]
fn a_quote_keeps_32_characters_of_context_each_side() {
    let body = format!("{}needle{}", "a".repeat(40), "b".repeat(40));
    let (q, start) = quote(&body, "needle");
    assert_eq!(start, 40);
    assert_eq!(q.exact, "needle");
    assert_eq!(q.prefix, "a".repeat(32));
    assert_eq!(q.suffix, "b".repeat(32));
}

#[test]
fn positions_are_utf16_so_an_emoji_counts_two() {
    let body = "🙂 hello world";
    let (q, start) = quote(body, "hello");
    assert_eq!(start, 3, "the emoji is two UTF-16 units, then a space");
    assert_eq!(q.prefix, "🙂 ");
    // Inside the emoji's surrogate pair is not a position.
    assert!(quote_at(body, 1, 5).is_err());
}

#[test]
fn refuses_empty_blank_and_out_of_range_selections() {
    let body = "Some text here";
    for (start, end) in [(3, 3), (5, 2), (4, 5), (0, 99)] {
        let error = quote_at(body, start, end).unwrap_err();
        assert!(
            matches!(error, CoreError::Invalid { field: "range", .. }),
            "{start}..{end}"
        );
    }
}

#[test]
fn refuses_a_selection_that_splits_a_combining_mark() {
    let body = "Le cafe\u{301} est bon";
    // "cafe" without its accent.
    assert!(quote_at(body, 3, 7).is_err());
    assert_eq!(quote_at(body, 3, 8).unwrap().exact, "cafe\u{301}");
}

#[test]
fn insertion_before_moves_the_anchor() {
    let body = "The export is too slow for large boards.";
    let (q, start) = quote(body, "too slow");
    let edited = format!("Dana said: {body}");
    let anchor = locate(&edited, &q, start).unwrap();
    assert_eq!(anchor.start_utf16, start + 11);
    assert_eq!(found_text(&edited, &anchor, "too slow"), "too slow");
}

#[test]
fn insertion_after_keeps_the_anchor() {
    let body = "The export is too slow.";
    let (q, start) = quote(body, "too slow");
    let anchor = locate(&format!("{body} More later."), &q, start).unwrap();
    assert_eq!(anchor.start_utf16, start);
    assert_eq!(anchor.suffix, ". More later.");
}

#[test]
fn insertion_inside_orphans_unless_the_exact_text_is_still_there() {
    let body = "The export is too slow.";
    let (q, start) = quote(body, "too slow");
    assert_eq!(locate("The export is too very slow.", &q, start), None);
    // An insertion inside the passage that leaves a copy of it elsewhere finds that copy.
    let edited = "The export is too very slow. Really too slow.";
    let anchor = locate(edited, &q, start).unwrap();
    assert_eq!(anchor.start_utf16, edited.rfind("too slow").unwrap() as u32);
}

#[test]
fn a_duplicate_elsewhere_is_told_apart_by_prefix_and_suffix() {
    let body = "Alice: it is slow. Bob: it is slow on Mondays.";
    let (q, _) = quote(body, "Bob: it is slow");
    let second = Quote {
        exact: "it is slow".into(),
        prefix: "Bob: ".into(),
        suffix: " on Mondays.".into(),
    };
    // A wrong hint (the first copy's place): the context still picks the second copy.
    let anchor = locate(body, &second, 7).unwrap();
    assert_eq!(anchor.start_utf16, 24);
    assert!(q.exact.starts_with("Bob"));
}

#[test]
fn equal_contexts_pick_the_copy_nearest_the_hint() {
    let body = "slow. slow. slow.";
    let q = Quote {
        exact: "slow".into(),
        prefix: String::new(),
        suffix: String::new(),
    };
    assert_eq!(locate(body, &q, 11).unwrap().start_utf16, 12);
    assert_eq!(locate(body, &q, 0).unwrap().start_utf16, 0);
}

#[test]
fn unicode_before_the_passage_is_counted_in_utf16() {
    let body = "Great app. The sync is flaky.";
    let (q, start) = quote(body, "sync is flaky");
    let edited = format!("👩‍💻 Zoë said (cafe\u{301}): {body}");
    let anchor = locate(&edited, &q, start).unwrap();
    let expected = utf16_len(&edited[..edited.find("sync").unwrap()]) as u32;
    assert_eq!(anchor.start_utf16, expected);
    assert_eq!(
        found_text(&edited, &anchor, "sync is flaky"),
        "sync is flaky"
    );
}

#[test]
fn a_passage_with_emoji_and_marks_is_found_again() {
    let body = "Note: we ❤️ the cafe\u{301} feature. End.";
    let (q, start) = quote(body, "we ❤️ the cafe\u{301}");
    let edited = format!("Intro.\n{body}");
    let anchor = locate(&edited, &q, start).unwrap();
    assert_eq!(anchor.start_utf16, start + 7);
    // The decomposed accent is part of the passage: "cafe" alone does not match it.
    let bare = Quote {
        exact: "cafe".into(),
        prefix: String::new(),
        suffix: String::new(),
    };
    assert_eq!(locate(&edited, &bare, 0), None);
}
