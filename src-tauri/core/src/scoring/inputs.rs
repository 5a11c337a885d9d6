//! The inputs stored on an item, their names and their validation (how a change to them reads
//! is in [`super::labels`]).
//!
//! Every input is optional: `None` means "not set", and a framework with any input unset gives
//! no score. A change names one input and its new value (or `null` to clear it); the value is
//! refused with `Invalid { field: <the input's camelCase name>, reason }` when it is off the
//! input's scale, the reason naming the allowed values.

use serde::{Deserialize, Serialize};
// JSON numbers without `null`: specta types `f64` as `number | null` (NaN), which validation
// rules out.
use specta_typescript::Number;

use super::format::format_number;
use super::scales::{
    rice_impact_label, KanoCategory, MoscowBucket, MAX_RICE_EFFORT, MAX_RICE_REACH,
    MIN_RICE_EFFORT, RICE_CONFIDENCE, RICE_IMPACT, WHOLE_MAX, WHOLE_MIN, WSJF_SCALE,
};
use crate::error::{CoreError, CoreResult};

/// A prioritisation framework, for grouping inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Framework {
    Rice,
    Ice,
    Wsjf,
    Moscow,
    Kano,
    /// The value/effort matrix.
    Matrix,
}

impl Framework {
    pub const ALL: [Framework; 6] = [
        Framework::Rice,
        Framework::Ice,
        Framework::Wsjf,
        Framework::Moscow,
        Framework::Kano,
        Framework::Matrix,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Framework::Rice => "RICE",
            Framework::Ice => "ICE",
            Framework::Wsjf => "WSJF",
            Framework::Moscow => "MoSCoW",
            Framework::Kano => "Kano",
            Framework::Matrix => "Value/effort",
        }
    }
}

/// The name of one input: the camelCase name the UI uses, also the `field` of its refusals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ScoreInput {
    RiceReach,
    RiceImpact,
    RiceConfidence,
    RiceEffort,
    IceImpact,
    IceConfidence,
    IceEase,
    WsjfBusinessValue,
    WsjfTimeCriticality,
    WsjfRiskReduction,
    WsjfJobSize,
    Moscow,
    Kano,
    Value,
    Effort,
}

impl ScoreInput {
    /// Every input, in the order of the columns and of the UI's columns.
    pub const ALL: [ScoreInput; 15] = [
        ScoreInput::RiceReach,
        ScoreInput::RiceImpact,
        ScoreInput::RiceConfidence,
        ScoreInput::RiceEffort,
        ScoreInput::IceImpact,
        ScoreInput::IceConfidence,
        ScoreInput::IceEase,
        ScoreInput::WsjfBusinessValue,
        ScoreInput::WsjfTimeCriticality,
        ScoreInput::WsjfRiskReduction,
        ScoreInput::WsjfJobSize,
        ScoreInput::Moscow,
        ScoreInput::Kano,
        ScoreInput::Value,
        ScoreInput::Effort,
    ];

    /// The camelCase name, as the UI and refusals say it.
    pub fn field(self) -> &'static str {
        match self {
            ScoreInput::RiceReach => "riceReach",
            ScoreInput::RiceImpact => "riceImpact",
            ScoreInput::RiceConfidence => "riceConfidence",
            ScoreInput::RiceEffort => "riceEffort",
            ScoreInput::IceImpact => "iceImpact",
            ScoreInput::IceConfidence => "iceConfidence",
            ScoreInput::IceEase => "iceEase",
            ScoreInput::WsjfBusinessValue => "wsjfBusinessValue",
            ScoreInput::WsjfTimeCriticality => "wsjfTimeCriticality",
            ScoreInput::WsjfRiskReduction => "wsjfRiskReduction",
            ScoreInput::WsjfJobSize => "wsjfJobSize",
            ScoreInput::Moscow => "moscow",
            ScoreInput::Kano => "kano",
            ScoreInput::Value => "value",
            ScoreInput::Effort => "effort",
        }
    }

    /// How a sentence names it: "Set RICE reach of …".
    pub fn label(self) -> &'static str {
        match self {
            ScoreInput::RiceReach => "RICE reach",
            ScoreInput::RiceImpact => "RICE impact",
            ScoreInput::RiceConfidence => "RICE confidence",
            ScoreInput::RiceEffort => "RICE effort",
            ScoreInput::IceImpact => "ICE impact",
            ScoreInput::IceConfidence => "ICE confidence",
            ScoreInput::IceEase => "ICE ease",
            ScoreInput::WsjfBusinessValue => "WSJF business value",
            ScoreInput::WsjfTimeCriticality => "WSJF time criticality",
            ScoreInput::WsjfRiskReduction => "WSJF risk reduction",
            ScoreInput::WsjfJobSize => "WSJF job size",
            ScoreInput::Moscow => "MoSCoW",
            ScoreInput::Kano => "Kano category",
            ScoreInput::Value => "value",
            ScoreInput::Effort => "effort",
        }
    }

    /// How a column under its framework's heading names it: "Reach".
    pub fn short_label(self) -> &'static str {
        match self {
            ScoreInput::RiceReach => "Reach",
            ScoreInput::RiceImpact | ScoreInput::IceImpact => "Impact",
            ScoreInput::RiceConfidence | ScoreInput::IceConfidence => "Confidence",
            ScoreInput::RiceEffort | ScoreInput::Effort => "Effort",
            ScoreInput::IceEase => "Ease",
            ScoreInput::WsjfBusinessValue => "Business value",
            ScoreInput::WsjfTimeCriticality => "Time criticality",
            ScoreInput::WsjfRiskReduction => "Risk reduction",
            ScoreInput::WsjfJobSize => "Job size",
            ScoreInput::Moscow => "MoSCoW",
            ScoreInput::Kano => "Kano",
            ScoreInput::Value => "Value",
        }
    }

    pub fn framework(self) -> Framework {
        match self {
            ScoreInput::RiceReach
            | ScoreInput::RiceImpact
            | ScoreInput::RiceConfidence
            | ScoreInput::RiceEffort => Framework::Rice,
            ScoreInput::IceImpact | ScoreInput::IceConfidence | ScoreInput::IceEase => {
                Framework::Ice
            }
            ScoreInput::WsjfBusinessValue
            | ScoreInput::WsjfTimeCriticality
            | ScoreInput::WsjfRiskReduction
            | ScoreInput::WsjfJobSize => Framework::Wsjf,
            ScoreInput::Moscow => Framework::Moscow,
            ScoreInput::Kano => Framework::Kano,
            ScoreInput::Value | ScoreInput::Effort => Framework::Matrix,
        }
    }
}

/// A value for an input as the UI sends it: a number, or a category's stored name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(untagged)]
pub enum InputValue {
    Number(#[specta(type = Number)] f64),
    Text(String),
}

/// One input to set (`value`) or clear (`null`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScoreChange {
    pub input: ScoreInput,
    pub value: Option<InputValue>,
}

/// Every input of an item; `null` when it is not set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScoreInputs {
    /// People or events reached in a period, 0 or more.
    #[specta(type = Option<Number>)]
    pub rice_reach: Option<f64>,
    /// 3, 2, 1, 0.5 or 0.25.
    #[specta(type = Option<Number>)]
    pub rice_impact: Option<f64>,
    /// 100, 80 or 50 (percent).
    pub rice_confidence: Option<i32>,
    /// Person-months, more than 0.
    #[specta(type = Option<Number>)]
    pub rice_effort: Option<f64>,
    pub ice_impact: Option<i32>,
    pub ice_confidence: Option<i32>,
    pub ice_ease: Option<i32>,
    pub wsjf_business_value: Option<i32>,
    pub wsjf_time_criticality: Option<i32>,
    pub wsjf_risk_reduction: Option<i32>,
    pub wsjf_job_size: Option<i32>,
    pub moscow: Option<MoscowBucket>,
    pub kano: Option<KanoCategory>,
    /// The matrix's value, 1–10.
    pub value: Option<i32>,
    /// The matrix's effort, 1–10.
    pub effort: Option<i32>,
}

impl ScoreInputs {
    /// A numeric input's value (`None` when unset, and for MoSCoW and Kano).
    pub fn number(&self, input: ScoreInput) -> Option<f64> {
        let whole = |value: Option<i32>| value.map(f64::from);
        match input {
            ScoreInput::RiceReach => self.rice_reach,
            ScoreInput::RiceImpact => self.rice_impact,
            ScoreInput::RiceConfidence => whole(self.rice_confidence),
            ScoreInput::RiceEffort => self.rice_effort,
            ScoreInput::IceImpact => whole(self.ice_impact),
            ScoreInput::IceConfidence => whole(self.ice_confidence),
            ScoreInput::IceEase => whole(self.ice_ease),
            ScoreInput::WsjfBusinessValue => whole(self.wsjf_business_value),
            ScoreInput::WsjfTimeCriticality => whole(self.wsjf_time_criticality),
            ScoreInput::WsjfRiskReduction => whole(self.wsjf_risk_reduction),
            ScoreInput::WsjfJobSize => whole(self.wsjf_job_size),
            ScoreInput::Value => whole(self.value),
            ScoreInput::Effort => whole(self.effort),
            ScoreInput::Moscow | ScoreInput::Kano => None,
        }
    }

    /// Sets `input` to `value` (or clears it), refusing a value off the input's scale. Nothing
    /// changes when it is refused.
    pub fn apply(&mut self, input: ScoreInput, value: Option<&InputValue>) -> CoreResult<()> {
        fn checked<T>(
            value: Option<&InputValue>,
            check: impl FnOnce(&InputValue) -> CoreResult<T>,
        ) -> CoreResult<Option<T>> {
            value.map(check).transpose()
        }
        match input {
            ScoreInput::RiceReach => self.rice_reach = checked(value, |v| reach(input, v))?,
            ScoreInput::RiceImpact => self.rice_impact = checked(value, |v| impact(input, v))?,
            ScoreInput::RiceConfidence => {
                self.rice_confidence = checked(value, |v| confidence(input, v))?
            }
            ScoreInput::RiceEffort => self.rice_effort = checked(value, |v| effort(input, v))?,
            ScoreInput::IceImpact => self.ice_impact = checked(value, |v| whole(input, v))?,
            ScoreInput::IceConfidence => self.ice_confidence = checked(value, |v| whole(input, v))?,
            ScoreInput::IceEase => self.ice_ease = checked(value, |v| whole(input, v))?,
            ScoreInput::WsjfBusinessValue => {
                self.wsjf_business_value = checked(value, |v| fibonacci(input, v))?
            }
            ScoreInput::WsjfTimeCriticality => {
                self.wsjf_time_criticality = checked(value, |v| fibonacci(input, v))?
            }
            ScoreInput::WsjfRiskReduction => {
                self.wsjf_risk_reduction = checked(value, |v| fibonacci(input, v))?
            }
            ScoreInput::WsjfJobSize => {
                self.wsjf_job_size = checked(value, |v| fibonacci(input, v))?
            }
            ScoreInput::Moscow => self.moscow = checked(value, moscow)?,
            ScoreInput::Kano => self.kano = checked(value, kano)?,
            ScoreInput::Value => self.value = checked(value, |v| whole(input, v))?,
            ScoreInput::Effort => self.effort = checked(value, |v| whole(input, v))?,
        }
        Ok(())
    }
}

/// Upper-cases the first letter, for a label at the start of a sentence.
fn capitalised(label: &str) -> String {
    let mut characters = label.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

fn refused(input: ScoreInput, rule: &str, value: f64) -> CoreError {
    CoreError::invalid(
        input.field(),
        format!(
            "{} {rule}; {} isn't.",
            capitalised(input.label()),
            format_number(value)
        ),
    )
}

/// A number, refused with words when the value is text.
fn number(input: ScoreInput, value: &InputValue) -> CoreResult<f64> {
    match value {
        InputValue::Number(number) if number.is_finite() => Ok(*number),
        InputValue::Number(_) => Err(CoreError::invalid(
            input.field(),
            format!("{} must be a finite number.", capitalised(input.label())),
        )),
        InputValue::Text(text) => Err(CoreError::invalid(
            input.field(),
            format!(
                "{} must be a number; “{text}” isn't.",
                capitalised(input.label())
            ),
        )),
    }
}

fn listed(values: impl Iterator<Item = String>) -> String {
    values.collect::<Vec<_>>().join(", ")
}

fn reach(input: ScoreInput, value: &InputValue) -> CoreResult<f64> {
    let reach = number(input, value)?;
    if (0.0..=MAX_RICE_REACH).contains(&reach) {
        // `+ 0.0` turns −0 (which the range admits) into 0, so no "−0" comes back.
        return Ok(reach + 0.0);
    }
    let rule = format!(
        "counts people or events in a period: a number from 0 to {}",
        format_number(MAX_RICE_REACH)
    );
    Err(refused(input, &rule, reach))
}

fn impact(input: ScoreInput, value: &InputValue) -> CoreResult<f64> {
    let impact = number(input, value)?;
    if RICE_IMPACT.iter().any(|(allowed, _)| *allowed == impact) {
        return Ok(impact);
    }
    let allowed = listed(
        RICE_IMPACT
            .iter()
            .map(|(value, _)| rice_impact_label(*value)),
    );
    Err(refused(input, &format!("must be one of {allowed}"), impact))
}

fn confidence(input: ScoreInput, value: &InputValue) -> CoreResult<i32> {
    let percent = number(input, value)?;
    if let Some((allowed, _)) = RICE_CONFIDENCE
        .iter()
        .find(|(allowed, _)| f64::from(*allowed) == percent)
    {
        return Ok(*allowed);
    }
    let allowed = listed(
        RICE_CONFIDENCE
            .iter()
            .map(|(value, _)| format!("{value} %")),
    );
    Err(refused(
        input,
        &format!("must be one of {allowed} (in percent)"),
        percent,
    ))
}

fn effort(input: ScoreInput, value: &InputValue) -> CoreResult<f64> {
    let effort = number(input, value)?;
    if (MIN_RICE_EFFORT..=MAX_RICE_EFFORT).contains(&effort) {
        return Ok(effort);
    }
    let rule = format!(
        "is in person-months, from {} to {}",
        format_number(MIN_RICE_EFFORT),
        format_number(MAX_RICE_EFFORT)
    );
    Err(refused(input, &rule, effort))
}

fn whole(input: ScoreInput, value: &InputValue) -> CoreResult<i32> {
    let number = number(input, value)?;
    if number.fract() == 0.0 && (f64::from(WHOLE_MIN)..=f64::from(WHOLE_MAX)).contains(&number) {
        return Ok(number as i32);
    }
    let rule = format!("must be a whole number from {WHOLE_MIN} to {WHOLE_MAX}");
    Err(refused(input, &rule, number))
}

fn fibonacci(input: ScoreInput, value: &InputValue) -> CoreResult<i32> {
    let number = number(input, value)?;
    if let Some(allowed) = WSJF_SCALE
        .iter()
        .find(|allowed| f64::from(**allowed) == number)
    {
        return Ok(*allowed);
    }
    let allowed = listed(WSJF_SCALE.iter().map(ToString::to_string));
    Err(refused(input, &format!("must be one of {allowed}"), number))
}

/// A category's stored name, or a number refused as one.
fn category_text(value: &InputValue) -> String {
    match value {
        InputValue::Text(text) => text.clone(),
        InputValue::Number(number) => format_number(*number),
    }
}

fn moscow(value: &InputValue) -> CoreResult<MoscowBucket> {
    let text = category_text(value);
    MoscowBucket::parse(&text).ok_or_else(|| {
        let known = listed(MoscowBucket::ALL.iter().map(|b| b.as_str().to_string()));
        CoreError::invalid(
            ScoreInput::Moscow.field(),
            format!("“{text}” is not a MoSCoW bucket. Use one of: {known}."),
        )
    })
}

fn kano(value: &InputValue) -> CoreResult<KanoCategory> {
    let text = category_text(value);
    KanoCategory::parse(&text).ok_or_else(|| {
        let known = listed(KanoCategory::ALL.iter().map(|c| c.as_str().to_string()));
        CoreError::invalid(
            ScoreInput::Kano.field(),
            format!("“{text}” is not a Kano category. Use one of: {known}."),
        )
    })
}

#[cfg(test)]
#[path = "inputs_tests.rs"]
mod tests;
