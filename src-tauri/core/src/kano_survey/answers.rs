//! The five standard answers of a Kano question, and the spellings a questionnaire export may
//! use for them.
//!
//! Every Kano question is asked twice: functional ("How do you feel if the product has …?") and
//! dysfunctional ("… if it does not have …?"), each answered with one of five answers. Accepted
//! spellings, compared after trimming, lower-casing, folding runs of spaces, hyphens and
//! underscores into one space, and dropping a final full stop or exclamation mark:
//!
//! | answer | spellings |
//! |---|---|
//! | Like | `like`, `like it`, `i like it`, `i like it that way` |
//! | Expect | `expect`, `expect it`, `i expect it`, `must be`, `must be that way`, `it must be that way` |
//! | Neutral | `neutral`, `i am neutral`, `i'm neutral`, `i don't care`, `don't care` |
//! | Live with | `live with`, `live with it`, `can live with it`, `i can live with it`, `tolerate`, `i can tolerate it` |
//! | Dislike | `dislike`, `dislike it`, `i dislike it`, `i dislike it that way` |
//!
//! Numeric codes, as survey tools export the answer's position on the scale: `1` Like, `2`
//! Expect, `3` Neutral, `4` Live with, `5` Dislike.

use serde::{Deserialize, Serialize};

/// One of the five standard answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum KanoAnswer {
    Like,
    /// "I expect it" (also called Must-be).
    Expect,
    Neutral,
    LiveWith,
    Dislike,
}

impl KanoAnswer {
    /// In the order of the questionnaire's scale (and of the evaluation table's rows).
    pub const ALL: [KanoAnswer; 5] = [
        KanoAnswer::Like,
        KanoAnswer::Expect,
        KanoAnswer::Neutral,
        KanoAnswer::LiveWith,
        KanoAnswer::Dislike,
    ];

    /// The stored value (and the export's).
    pub fn as_str(self) -> &'static str {
        match self {
            KanoAnswer::Like => "like",
            KanoAnswer::Expect => "expect",
            KanoAnswer::Neutral => "neutral",
            KanoAnswer::LiveWith => "live_with",
            KanoAnswer::Dislike => "dislike",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            KanoAnswer::Like => "Like",
            KanoAnswer::Expect => "Expect",
            KanoAnswer::Neutral => "Neutral",
            KanoAnswer::LiveWith => "Live with",
            KanoAnswer::Dislike => "Dislike",
        }
    }

    /// Its position on the scale, 0 (Like) to 4 (Dislike).
    pub fn index(self) -> usize {
        match self {
            KanoAnswer::Like => 0,
            KanoAnswer::Expect => 1,
            KanoAnswer::Neutral => 2,
            KanoAnswer::LiveWith => 3,
            KanoAnswer::Dislike => 4,
        }
    }

    /// The stored value back (see [`KanoAnswer::as_str`]).
    pub fn from_stored(text: &str) -> Option<KanoAnswer> {
        KanoAnswer::ALL
            .into_iter()
            .find(|answer| answer.as_str() == text)
    }

    /// An answer as a questionnaire export spells it (see the module's table), or `None`.
    pub fn parse(text: &str) -> Option<KanoAnswer> {
        let normalised = normalise(text);
        let answer = match normalised.as_str() {
            "like" | "like it" | "i like it" | "i like it that way" | "1" => KanoAnswer::Like,
            "expect"
            | "expect it"
            | "i expect it"
            | "i expect it that way"
            | "must be"
            | "must be that way"
            | "it must be that way"
            | "2" => KanoAnswer::Expect,
            "neutral" | "i am neutral" | "i'm neutral" | "im neutral" | "i don't care"
            | "don't care" | "3" => KanoAnswer::Neutral,
            "live with" | "live with it" | "can live with it" | "i can live with it"
            | "tolerate" | "tolerate it" | "i can tolerate it" | "4" => KanoAnswer::LiveWith,
            "dislike" | "dislike it" | "i dislike it" | "i dislike it that way" | "5" => {
                KanoAnswer::Dislike
            }
            _ => return None,
        };
        Some(answer)
    }
}

/// Lower case, typographic apostrophes made plain, hyphens, underscores and runs of spaces made
/// one space, a final full stop or exclamation mark dropped.
fn normalise(text: &str) -> String {
    let lowered = text
        .trim()
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['-', '_'], " ");
    let words: Vec<&str> = lowered.split_whitespace().collect();
    words
        .join(" ")
        .trim_end_matches(['.', '!'])
        .trim_end()
        .to_string()
}

/// The sentence a refusal shows for an answer that is none of the five.
/// `question` is "functional" or "dysfunctional".
pub fn unknown_answer_reason(question: &str, text: &str) -> String {
    if text.trim().is_empty() {
        format!("No {question} answer.")
    } else {
        format!(
            "The {question} answer “{}” is not one of Like, Expect, Neutral, Live with, Dislike \
             (or 1–5).",
            text.trim()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_usual_spellings_in_any_case() {
        let cases = [
            ("Like", KanoAnswer::Like),
            ("  I LIKE IT  ", KanoAnswer::Like),
            ("I like it that way.", KanoAnswer::Like),
            ("Must-be", KanoAnswer::Expect),
            ("must_be", KanoAnswer::Expect),
            ("It must be that way", KanoAnswer::Expect),
            ("I expect it", KanoAnswer::Expect),
            ("I’m neutral", KanoAnswer::Neutral),
            ("I am neutral", KanoAnswer::Neutral),
            ("live-with", KanoAnswer::LiveWith),
            ("I can live with it", KanoAnswer::LiveWith),
            ("I can tolerate it!", KanoAnswer::LiveWith),
            ("DISLIKE", KanoAnswer::Dislike),
            ("I dislike it that way", KanoAnswer::Dislike),
            ("1", KanoAnswer::Like),
            ("2", KanoAnswer::Expect),
            ("3", KanoAnswer::Neutral),
            ("4", KanoAnswer::LiveWith),
            ("5", KanoAnswer::Dislike),
        ];
        for (text, expected) in cases {
            assert_eq!(KanoAnswer::parse(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn refuses_anything_else() {
        for text in [
            "",
            "  ",
            "love it",
            "6",
            "0",
            "likes",
            "indifferent",
            "must",
        ] {
            assert_eq!(KanoAnswer::parse(text), None, "{text}");
        }
        assert_eq!(
            unknown_answer_reason("functional", "love it"),
            "The functional answer “love it” is not one of Like, Expect, Neutral, Live with, \
             Dislike (or 1–5)."
        );
        assert_eq!(
            unknown_answer_reason("dysfunctional", " "),
            "No dysfunctional answer."
        );
    }

    #[test]
    fn stored_values_round_trip() {
        for answer in KanoAnswer::ALL {
            assert_eq!(KanoAnswer::from_stored(answer.as_str()), Some(answer));
        }
    }
}
