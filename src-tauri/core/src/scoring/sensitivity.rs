//! Sensitivity: how an item's place in a framework's score order changes when one of its inputs
//! moves one step down or up its scale, the others and every other item unchanged ("At 50 %
//! confidence it falls from #3 to #9").
//!
//! Steps: the neighbouring value on a listed scale (RICE impact and confidence, WSJF's
//! 1–20 scale), ±1 on a 1–10 scale (ICE), ±25 % for RICE reach (none from 0) and the
//! neighbouring step of [`RICE_EFFORT_STEPS`] for RICE effort. "Down" and "up" are the
//! input's direction, not the score's: more effort is a step up that lowers the score. An input
//! at the end of its scale has no step that way.

use serde::Serialize;
use specta_typescript::Number;

use super::format::format_number;
use super::inputs::{InputValue, ScoreInput, ScoreInputs};
use super::labels::person_months;
use super::positions::position_with;
use super::scales::{
    neighbours_on, rice_impact_label, IceMode, MAX_RICE_REACH, RICE_CONFIDENCE, RICE_EFFORT_STEPS,
    RICE_IMPACT, RICE_REACH_STEP, WHOLE_MAX, WHOLE_MIN, WSJF_SCALE,
};
use super::{NumericFramework, Score};
use crate::error::{CoreError, CoreResult};

/// An item's sensitivity in one framework.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Sensitivity {
    pub framework: NumericFramework,
    /// The item's score as it is.
    pub score: Score,
    /// Its 1-based place in the framework's score order as it is.
    pub position: i32,
    /// How many of the product's items have this framework's score.
    pub scored: i32,
    /// One entry per input of the framework, in formula order.
    pub inputs: Vec<InputSensitivity>,
}

/// What one step down and one step up of one input would do.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InputSensitivity {
    pub input: ScoreInput,
    /// The input's value now.
    #[specta(type = Number)]
    pub value: f64,
    /// `null` at the bottom of the input's scale.
    pub down: Option<SensitivityStep>,
    /// `null` at the top of the input's scale.
    pub up: Option<SensitivityStep>,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SensitivityStep {
    /// The input's value one step away.
    #[specta(type = Number)]
    pub value: f64,
    /// The item's score with it.
    pub score: Score,
    /// The item's place in the score order with it.
    pub position: i32,
    /// "At 50 % confidence it falls from #3 to #9".
    pub summary: String,
}

/// The values one step below and above `value` on `input`'s scale.
pub fn steps(input: ScoreInput, value: f64) -> (Option<f64>, Option<f64>) {
    let listed = |scale: &[f64]| neighbours_on(scale, value);
    match input {
        ScoreInput::RiceReach if value > 0.0 => {
            let up = value * (1.0 + RICE_REACH_STEP);
            (
                Some(value * (1.0 - RICE_REACH_STEP)),
                (up <= MAX_RICE_REACH).then_some(up),
            )
        }
        ScoreInput::RiceReach => (None, None),
        ScoreInput::RiceImpact => listed(&RICE_IMPACT.map(|(value, _)| value)),
        ScoreInput::RiceConfidence => listed(&RICE_CONFIDENCE.map(|(value, _)| f64::from(value))),
        ScoreInput::RiceEffort => listed(&RICE_EFFORT_STEPS),
        ScoreInput::IceImpact
        | ScoreInput::IceConfidence
        | ScoreInput::IceEase
        | ScoreInput::Value
        | ScoreInput::Effort => (
            (value > f64::from(WHOLE_MIN)).then_some(value - 1.0),
            (value < f64::from(WHOLE_MAX)).then_some(value + 1.0),
        ),
        ScoreInput::WsjfBusinessValue
        | ScoreInput::WsjfTimeCriticality
        | ScoreInput::WsjfRiskReduction
        | ScoreInput::WsjfJobSize => listed(&WSJF_SCALE.map(f64::from)),
        ScoreInput::Moscow | ScoreInput::Kano => (None, None),
    }
}

/// How "at <value>" reads for an input: "50 % confidence", "a reach of 1,500".
fn at_value(input: ScoreInput, value: f64) -> String {
    match input {
        ScoreInput::RiceReach => format!("a reach of {}", format_number(value)),
        ScoreInput::RiceImpact => format!("impact {}", rice_impact_label(value)),
        ScoreInput::RiceConfidence => format!("{} % confidence", format_number(value)),
        ScoreInput::RiceEffort => format!("{} of effort", person_months(value)),
        other => format!(
            "{} {}",
            other.short_label().to_lowercase(),
            format_number(value)
        ),
    }
}

fn movement(from: i32, to: i32) -> String {
    if to < from {
        format!("rises from #{from} to #{to}")
    } else if to > from {
        format!("falls from #{from} to #{to}")
    } else {
        format!("stays at #{from}")
    }
}

/// "reach and effort", "impact, confidence and ease".
fn listed_inputs(inputs: &[ScoreInput]) -> String {
    let names: Vec<String> = inputs
        .iter()
        .map(|input| input.short_label().to_lowercase())
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Item `index`'s sensitivity among `items` (the product's live items in manual order).
/// Refused when the item has no score in `framework`, naming the inputs still to set.
pub fn sensitivity(
    items: &[ScoreInputs],
    index: usize,
    framework: NumericFramework,
    ice_mode: IceMode,
) -> CoreResult<Sensitivity> {
    let Some(item) = items.get(index) else {
        return Err(CoreError::not_found("item", index.to_string()));
    };
    let Some(score) = framework.score(item, ice_mode) else {
        let missing: Vec<ScoreInput> = framework
            .inputs()
            .iter()
            .copied()
            .filter(|input| item.number(*input).is_none())
            .collect();
        return Err(CoreError::invalid(
            "framework",
            format!(
                "This item has no {} score yet: set its {} first.",
                framework.label(),
                listed_inputs(&missing)
            ),
        ));
    };
    let values: Vec<Option<f64>> = items
        .iter()
        .map(|other| framework.value(other, ice_mode))
        .collect();
    let position = position_with(&values, index, score.value);
    let step = |input: ScoreInput, to: Option<f64>| -> Option<SensitivityStep> {
        let to = to?;
        let mut moved = item.clone();
        // Steps stay on the scales, so this is never refused; a refusal would mean no step.
        moved.apply(input, Some(&InputValue::Number(to))).ok()?;
        let score = framework.score(&moved, ice_mode)?;
        let new_position = position_with(&values, index, score.value);
        Some(SensitivityStep {
            value: to,
            summary: format!(
                "At {} it {}",
                at_value(input, to),
                movement(position, new_position)
            ),
            score,
            position: new_position,
        })
    };
    let inputs = framework
        .inputs()
        .iter()
        .filter_map(|&input| {
            let value = item.number(input)?;
            let (down, up) = steps(input, value);
            Some(InputSensitivity {
                input,
                value,
                down: step(input, down),
                up: step(input, up),
            })
        })
        .collect();
    let scored = values.iter().filter(|value| value.is_some()).count();
    Ok(Sensitivity {
        framework,
        score,
        position,
        scored: i32::try_from(scored).unwrap_or(i32::MAX),
        inputs,
    })
}

#[cfg(test)]
#[path = "sensitivity_tests.rs"]
mod tests;
