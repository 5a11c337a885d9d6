//! What the UI needs to offer every input: its label, its framework and its scale with the
//! allowed values and their labels (`get_scoring_scales`). The UI never hard-codes a scale.

use serde::Serialize;
use specta_typescript::Number;

use super::inputs::{Framework, InputValue, ScoreInput};
use super::labels::value_label;
use super::scales::{
    IceMode, KanoCategory, MoscowBucket, MAX_RICE_EFFORT, MAX_RICE_REACH, MIN_RICE_EFFORT,
    RICE_CONFIDENCE, RICE_IMPACT, WHOLE_MAX, WHOLE_MIN, WSJF_SCALE,
};

/// Every framework and input with its scale, and the ways ICE can be combined.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScoringScales {
    pub frameworks: Vec<FrameworkSpec>,
    /// Every input, grouped by framework in the frameworks' order.
    pub inputs: Vec<InputSpec>,
    pub ice_modes: Vec<IceModeOption>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkSpec {
    pub framework: Framework,
    pub label: String,
    /// The formula in words, for the numeric frameworks.
    pub formula: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InputSpec {
    pub input: ScoreInput,
    pub framework: Framework,
    /// As a sentence names it: "RICE reach".
    pub label: String,
    /// As a column under its framework's heading names it: "Reach".
    pub short_label: String,
    pub scale: InputScale,
}

/// The values an input accepts.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum InputScale {
    /// One of these values.
    #[serde(rename_all = "camelCase")]
    Choices { choices: Vec<ScaleChoice> },
    /// A whole number from `min` to `max`.
    #[serde(rename_all = "camelCase")]
    Whole { min: i32, max: i32 },
    /// A number up to `max`, from `min` (or above it, when `min_excluded`).
    #[serde(rename_all = "camelCase")]
    Number {
        #[specta(type = Number)]
        min: f64,
        min_excluded: bool,
        #[specta(type = Number)]
        max: f64,
        unit: Option<String>,
    },
}

/// An allowed value and how it reads (the same words as undo labels use).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScaleChoice {
    pub value: InputValue,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IceModeOption {
    pub value: IceMode,
    pub label: String,
}

fn choices(input: ScoreInput, values: impl IntoIterator<Item = InputValue>) -> InputScale {
    InputScale::Choices {
        choices: values
            .into_iter()
            .map(|value| ScaleChoice {
                label: value_label(input, &value),
                value,
            })
            .collect(),
    }
}

/// The scale of `input`.
pub fn input_scale(input: ScoreInput) -> InputScale {
    let whole = InputScale::Whole {
        min: WHOLE_MIN,
        max: WHOLE_MAX,
    };
    let numbers = |values: &[f64]| -> Vec<InputValue> {
        values
            .iter()
            .map(|value| InputValue::Number(*value))
            .collect()
    };
    match input {
        ScoreInput::RiceReach => InputScale::Number {
            min: 0.0,
            min_excluded: false,
            max: MAX_RICE_REACH,
            unit: None,
        },
        ScoreInput::RiceImpact => choices(input, numbers(&RICE_IMPACT.map(|(value, _)| value))),
        ScoreInput::RiceConfidence => choices(
            input,
            numbers(&RICE_CONFIDENCE.map(|(value, _)| f64::from(value))),
        ),
        ScoreInput::RiceEffort => InputScale::Number {
            min: MIN_RICE_EFFORT,
            min_excluded: false,
            max: MAX_RICE_EFFORT,
            unit: Some("person-months".into()),
        },
        ScoreInput::IceImpact
        | ScoreInput::IceConfidence
        | ScoreInput::IceEase
        | ScoreInput::Value
        | ScoreInput::Effort => whole,
        ScoreInput::WsjfBusinessValue
        | ScoreInput::WsjfTimeCriticality
        | ScoreInput::WsjfRiskReduction
        | ScoreInput::WsjfJobSize => choices(input, numbers(&WSJF_SCALE.map(f64::from))),
        ScoreInput::Moscow => choices(
            input,
            MoscowBucket::ALL.map(|bucket| InputValue::Text(bucket.as_str().into())),
        ),
        ScoreInput::Kano => choices(
            input,
            KanoCategory::ALL.map(|category| InputValue::Text(category.as_str().into())),
        ),
    }
}

fn formula(framework: Framework) -> Option<String> {
    match framework {
        Framework::Rice => Some("Reach × Impact × Confidence / Effort".into()),
        Framework::Ice => {
            Some("Impact × Confidence × Ease (or their average, as the product is set)".into())
        }
        Framework::Wsjf => {
            Some("(Business value + Time criticality + Risk reduction) / Job size".into())
        }
        Framework::Moscow | Framework::Kano | Framework::Matrix => None,
    }
}

pub fn scoring_scales() -> ScoringScales {
    ScoringScales {
        frameworks: Framework::ALL
            .into_iter()
            .map(|framework| FrameworkSpec {
                framework,
                label: framework.label().into(),
                formula: formula(framework),
            })
            .collect(),
        inputs: ScoreInput::ALL
            .into_iter()
            .map(|input| InputSpec {
                input,
                framework: input.framework(),
                label: input.label().into(),
                short_label: input.short_label().into(),
                scale: input_scale(input),
            })
            .collect(),
        ice_modes: IceMode::ALL
            .into_iter()
            .map(|mode| IceModeOption {
                value: mode,
                label: mode.label().into(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::ScoreInputs;

    #[test]
    fn every_input_is_described_once_in_framework_order() {
        let scales = scoring_scales();
        let inputs: Vec<ScoreInput> = scales.inputs.iter().map(|spec| spec.input).collect();
        assert_eq!(inputs, ScoreInput::ALL);
        let mut frameworks: Vec<Framework> =
            scales.inputs.iter().map(|spec| spec.framework).collect();
        frameworks.dedup();
        assert_eq!(frameworks, Framework::ALL);
        assert_eq!(scales.ice_modes.len(), 2);
    }

    #[test]
    fn every_offered_choice_is_accepted_and_nothing_else_is() {
        for spec in scoring_scales().inputs {
            let InputScale::Choices { choices } = spec.scale else {
                continue;
            };
            for choice in &choices {
                let mut inputs = ScoreInputs::default();
                inputs.apply(spec.input, Some(&choice.value)).unwrap();
            }
            let mut inputs = ScoreInputs::default();
            let off_scale = match spec.input {
                ScoreInput::Moscow | ScoreInput::Kano => InputValue::Text("other".into()),
                _ => InputValue::Number(4.0),
            };
            assert!(inputs.apply(spec.input, Some(&off_scale)).is_err());
        }
    }

    #[test]
    fn choices_read_like_the_undo_labels() {
        let scales = scoring_scales();
        let labels = |input: ScoreInput| -> Vec<String> {
            match &scales
                .inputs
                .iter()
                .find(|s| s.input == input)
                .unwrap()
                .scale
            {
                InputScale::Choices { choices } => {
                    choices.iter().map(|c| c.label.clone()).collect()
                }
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(
            labels(ScoreInput::RiceImpact),
            [
                "3 (massive)",
                "2 (high)",
                "1 (medium)",
                "0.5 (low)",
                "0.25 (minimal)"
            ]
        );
        assert_eq!(
            labels(ScoreInput::RiceConfidence),
            ["100 % (high)", "80 % (medium)", "50 % (low)"]
        );
        assert_eq!(
            labels(ScoreInput::WsjfJobSize),
            ["1", "2", "3", "5", "8", "13", "20"]
        );
        assert_eq!(
            labels(ScoreInput::Moscow),
            ["Must", "Should", "Could", "Won't"]
        );
        assert_eq!(
            labels(ScoreInput::Kano),
            [
                "Must-be",
                "Performance",
                "Attractive",
                "Indifferent",
                "Reverse",
                "Questionable"
            ]
        );
    }
}
