//! Any user input as a safe FTS5 query: each word a quoted string (an embedded `"` doubled), so
//! FTS5 operators (`AND`, `OR`, `NOT`, `NEAR`, `*`, `^`, `-`, `:`, parentheses) are only ever
//! searched for as words. The last word matches as a prefix while the user types, when it is
//! long enough not to expand to half the vocabulary.

/// Input beyond this many characters is ignored (a pasted page is still a query, not a job).
pub const MAX_QUERY_CHARS: usize = 500;
/// At most this many words are searched for.
pub const MAX_QUERY_WORDS: usize = 16;
/// The last word is a prefix only from this many characters on.
pub const MIN_PREFIX_CHARS: usize = 3;

/// A word FTS5's tokenizer would keep something of: it has a letter or a digit.
fn has_token(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

/// The FTS5 query for `input`, or `None` when there is nothing to search for (empty, blank or
/// punctuation only).
pub fn fts_query(input: &str) -> Option<String> {
    let capped: String = input.chars().take(MAX_QUERY_CHARS).collect();
    let words: Vec<&str> = capped
        .split_whitespace()
        .filter(|word| has_token(word))
        .take(MAX_QUERY_WORDS)
        .collect();
    let last_is_complete = capped.ends_with(char::is_whitespace);
    let count = words.len();
    let parts: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(index, word)| {
            let quoted = format!("\"{}\"", word.replace('"', "\"\""));
            let is_last = index + 1 == count;
            let long_enough =
                word.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_PREFIX_CHARS;
            if is_last && !last_is_complete && long_enough {
                format!("{quoted}*")
            } else {
                quoted
            }
        })
        .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_and_the_last_one_is_a_prefix() {
        assert_eq!(
            fts_query("bank sync").as_deref(),
            Some("\"bank\" \"sync\"*")
        );
        assert_eq!(
            fts_query("bank sync ").as_deref(),
            Some("\"bank\" \"sync\"")
        );
        assert_eq!(fts_query("to").as_deref(), Some("\"to\""));
    }

    #[test]
    fn operators_and_quotes_are_only_words() {
        assert_eq!(
            fts_query("a OR b NEAR(c) -d ^e f:g h* \"i").as_deref(),
            Some("\"a\" \"OR\" \"b\" \"NEAR(c)\" \"-d\" \"^e\" \"f:g\" \"h*\" \"\"\"i\"")
        );
    }

    #[test]
    fn nothing_to_search_is_no_query() {
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query(" \t\n "), None);
        assert_eq!(fts_query("* - ^ \" ( )"), None);
    }

    #[test]
    fn long_input_is_capped() {
        let query = fts_query(&"word ".repeat(2000)).unwrap();
        assert_eq!(query.matches("\"word\"").count(), MAX_QUERY_WORDS);
        let one_word = fts_query(&"x".repeat(10_000)).unwrap();
        assert!(one_word.len() <= MAX_QUERY_CHARS + 3);
    }
}
