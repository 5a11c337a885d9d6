//! The decision log: dated decisions with their rationale, linked to the items they are about
//! ("why is this above that?"). The types here cross IPC and appear in the export; the table
//! work is in `queries::decisions`, the validation below.

use serde::{Deserialize, Serialize};

use crate::calendar::CalendarDay;
use crate::error::{CoreError, CoreResult};
use crate::time::Timestamp;
use crate::validate::MAX_TITLE_CHARS;

/// At most this many characters of rationale: a paragraph, not a document.
pub const MAX_RATIONALE_CHARS: usize = 2000;

/// An item a decision is about: enough to show it as a chip and to go to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkedItem {
    pub id: String,
    pub title: String,
}

/// One decision of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub id: String,
    pub product_id: String,
    /// The calendar day it was decided, `YYYY-MM-DD`.
    pub decided_on: String,
    /// What was decided, one line ("Ship offline mode before bank sync").
    pub decision: String,
    /// Why.
    pub rationale: String,
    /// The live items it is linked to, in backlog order.
    pub items: Vec<LinkedItem>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A decision to record. `decidedOn` defaults to today (the computer's calendar).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewDecision {
    pub product_id: String,
    pub decided_on: Option<String>,
    pub decision: String,
    pub rationale: String,
    pub item_ids: Vec<String>,
}

/// Fields to change on a decision; `null` leaves a field as it is. Its items change with
/// `set_decision_items`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DecisionPatch {
    pub decided_on: Option<String>,
    pub decision: Option<String>,
    pub rationale: Option<String>,
}

/// What was decided: one line of 1–300 characters, trimmed.
pub fn validate_decision_text(text: &str) -> CoreResult<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CoreError::invalid("decision", "Say what was decided."));
    }
    let length = trimmed.chars().count();
    if length > MAX_TITLE_CHARS {
        return Err(CoreError::invalid(
            "decision",
            format!(
                "The decision can be at most {MAX_TITLE_CHARS} characters; this one has {length}."
            ),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(CoreError::invalid(
            "decision",
            "The decision must fit on one line (no line breaks or tabs); the rationale can be longer.",
        ));
    }
    Ok(trimmed.to_string())
}

/// Why: 1–2,000 characters, trimmed; line breaks are allowed.
pub fn validate_rationale(text: &str) -> CoreResult<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CoreError::invalid(
            "rationale",
            "Give the decision a rationale: why was it taken?",
        ));
    }
    let length = trimmed.chars().count();
    if length > MAX_RATIONALE_CHARS {
        return Err(CoreError::invalid(
            "rationale",
            format!(
                "The rationale can be at most {MAX_RATIONALE_CHARS} characters; this one has {length}."
            ),
        ));
    }
    Ok(trimmed.to_string())
}

/// A calendar day written `YYYY-MM-DD` (a real day: no 30 February) in the years 1–9999 (see
/// `calendar::CalendarDay::parse`).
pub fn validate_decided_on(text: &str) -> CoreResult<String> {
    CalendarDay::parse("decidedOn", text).map(|day| day.to_string())
}

/// Today on the computer's calendar, `YYYY-MM-DD`.
pub fn today() -> String {
    CalendarDay::today().to_string()
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
    fn a_decision_is_one_trimmed_line() {
        assert_eq!(
            validate_decision_text("  Ship offline first ").unwrap(),
            "Ship offline first"
        );
        assert_eq!(
            reason(validate_decision_text("  ")),
            ("decision".into(), "Say what was decided.".into())
        );
        let (field, long) = reason(validate_decision_text(&"d".repeat(301)));
        assert_eq!(field, "decision");
        assert!(long.contains("at most 300"), "{long}");
        assert!(reason(validate_decision_text("a\nb"))
            .1
            .contains("one line"));
    }

    #[test]
    fn a_rationale_is_required_and_bounded() {
        assert_eq!(
            validate_rationale(" Users asked.\nTwice. ").unwrap(),
            "Users asked.\nTwice."
        );
        assert_eq!(
            reason(validate_rationale("")).1,
            "Give the decision a rationale: why was it taken?"
        );
        assert!(validate_rationale(&"r".repeat(MAX_RATIONALE_CHARS)).is_ok());
        let (field, long) = reason(validate_rationale(&"r".repeat(MAX_RATIONALE_CHARS + 1)));
        assert_eq!(field, "rationale");
        assert_eq!(
            long,
            "The rationale can be at most 2000 characters; this one has 2001."
        );
    }

    #[test]
    fn dates_are_real_calendar_days() {
        assert_eq!(validate_decided_on(" 2026-03-01 ").unwrap(), "2026-03-01");
        assert_eq!(validate_decided_on("2024-02-29").unwrap(), "2024-02-29");
        for wrong in [
            "2026-02-30",
            "2026-3-1",
            "01/03/2026",
            "",
            "2026-03-01T10:00",
            "0000-01-01",
            "-0001-01-01",
            "+10000-01-01",
        ] {
            let (field, text) = reason(validate_decided_on(wrong));
            assert_eq!(field, "decidedOn");
            assert!(text.contains("is not a date"), "{wrong}: {text}");
        }
        assert_eq!(validate_decided_on("0001-01-01").unwrap(), "0001-01-01");
        assert_eq!(validate_decided_on("9999-12-31").unwrap(), "9999-12-31");
        assert!(validate_decided_on(&today()).is_ok());
    }
}
