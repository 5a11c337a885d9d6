//! How score changes read: the values in sentences ("2,000", "2 (high)", "80 % (medium)",
//! "4 person-months", "Must") and the undo labels of changes to inputs.

use super::format::format_number;
use super::inputs::{Framework, InputValue, ScoreChange, ScoreInput};
use super::scales::{rice_confidence_label, rice_impact_label, KanoCategory, MoscowBucket};

/// What "several inputs of this framework" reads as in an undo label.
fn inputs_phrase(framework: Framework) -> &'static str {
    match framework {
        Framework::Rice => "RICE inputs",
        Framework::Ice => "ICE inputs",
        Framework::Wsjf => "WSJF inputs",
        Framework::Moscow => "MoSCoW",
        Framework::Kano => "Kano category",
        Framework::Matrix => "value and effort",
    }
}

/// How a valid value of `input` reads: "2,000", "2 (high)", "80 % (medium)", "4 person-months",
/// "Must".
pub fn value_label(input: ScoreInput, value: &InputValue) -> String {
    match (input, value) {
        (ScoreInput::Moscow, InputValue::Text(text)) => {
            MoscowBucket::parse(text).map_or_else(|| text.clone(), |b| b.label().to_string())
        }
        (ScoreInput::Kano, InputValue::Text(text)) => {
            KanoCategory::parse(text).map_or_else(|| text.clone(), |c| c.label().to_string())
        }
        (_, InputValue::Text(text)) => text.clone(),
        (ScoreInput::RiceImpact, InputValue::Number(number)) => rice_impact_label(*number),
        (ScoreInput::RiceConfidence, InputValue::Number(number)) => {
            rice_confidence_label(*number as i32)
        }
        (ScoreInput::RiceEffort, InputValue::Number(number)) => person_months(*number),
        (_, InputValue::Number(number)) => format_number(*number),
    }
}

/// "1 person-month", "4 person-months".
pub fn person_months(value: f64) -> String {
    let unit = if value == 1.0 {
        "person-month"
    } else {
        "person-months"
    };
    format!("{} {unit}", format_number(value))
}

/// The undo label of a change to the inputs of `target` (a quoted title, or "5 items"):
/// "Set RICE reach of “Search” to 2,000", "Clear MoSCoW of 3 items", "Set RICE inputs of …".
pub fn describe_changes(changes: &[ScoreChange], target: &str) -> String {
    let verb = if changes.iter().all(|change| change.value.is_none()) {
        "Clear"
    } else {
        "Set"
    };
    match changes {
        [ScoreChange {
            input,
            value: Some(value),
        }] => format!(
            "Set {} of {target} to {}",
            input.label(),
            value_label(*input, value)
        ),
        [ScoreChange { input, value: None }] => format!("Clear {} of {target}", input.label()),
        _ => {
            let first = changes.first().map(|change| change.input.framework());
            let one_framework = changes
                .iter()
                .all(|change| Some(change.input.framework()) == first);
            let what = match first {
                Some(framework) if one_framework => inputs_phrase(framework),
                _ => "scores",
            };
            format!("{verb} {what} of {target}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(input: ScoreInput, value: Option<InputValue>) -> ScoreChange {
        ScoreChange { input, value }
    }

    #[test]
    fn undo_labels_name_the_input_the_value_and_the_items() {
        let reach = change(ScoreInput::RiceReach, Some(InputValue::Number(2000.0)));
        assert_eq!(
            describe_changes(std::slice::from_ref(&reach), "“Search”"),
            "Set RICE reach of “Search” to 2,000"
        );
        let must = change(ScoreInput::Moscow, Some(InputValue::Text("must".into())));
        assert_eq!(
            describe_changes(&[must], "5 items"),
            "Set MoSCoW of 5 items to Must"
        );
        let confidence = change(ScoreInput::RiceConfidence, Some(InputValue::Number(80.0)));
        assert_eq!(
            describe_changes(std::slice::from_ref(&confidence), "“Search”"),
            "Set RICE confidence of “Search” to 80 % (medium)"
        );
        let effort = change(ScoreInput::RiceEffort, Some(InputValue::Number(1.0)));
        assert_eq!(
            describe_changes(&[effort], "“Search”"),
            "Set RICE effort of “Search” to 1 person-month"
        );
        assert_eq!(
            describe_changes(&[change(ScoreInput::Kano, None)], "2 items"),
            "Clear Kano category of 2 items"
        );
        assert_eq!(
            describe_changes(&[reach.clone(), confidence], "“Search”"),
            "Set RICE inputs of “Search”"
        );
        let value = change(ScoreInput::Value, Some(InputValue::Number(7.0)));
        let matrix_effort = change(ScoreInput::Effort, Some(InputValue::Number(3.0)));
        assert_eq!(
            describe_changes(&[value.clone(), matrix_effort], "“Search”"),
            "Set value and effort of “Search”"
        );
        assert_eq!(
            describe_changes(&[reach, value], "3 items"),
            "Set scores of 3 items"
        );
        assert_eq!(
            describe_changes(
                &[
                    change(ScoreInput::IceEase, None),
                    change(ScoreInput::IceImpact, None)
                ],
                "“Search”"
            ),
            "Clear ICE inputs of “Search”"
        );
    }
}
