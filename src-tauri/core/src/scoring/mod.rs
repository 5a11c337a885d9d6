//! Scores, computed from the inputs stored on an item. Pure functions: no SQL, no I/O.
//!
//! Rules:
//! - **Absolute.** A score depends on one item's inputs (and, for ICE, its product's setting),
//!   never on other items: changing one item never changes another's score.
//! - **Unscored, never 0.** A framework with any input unset gives `None`: shown as not scored,
//!   sorted last. Validation keeps every input on its scale, so no score is ever NaN or infinite.
//! - **Explained.** Every score carries its breakdown, the formula with the item's numbers
//!   ("2,000 × 2 × 80 % / 4 = 800"), rounded for reading ([`format`]); the exact `f64` orders.
//! - **Positions are relative.** Where an item stands in a framework's score order, and how far
//!   that is from its manual rank ([`positions`]), are computed over the product's live items
//!   whenever a list is read; sensitivity ([`sensitivity`]) asks the same of one input moved a
//!   step.
//!
//! Adding a framework: its inputs in [`inputs::ScoreInput`] (and a migration for their
//! columns), its scale in [`scales`] and [`spec`], its formula in a module of its own, and, if
//! it is numeric, a [`NumericFramework`] variant.

pub mod format;
pub mod ice;
pub mod inputs;
pub mod labels;
pub mod positions;
pub mod quadrant;
pub mod rice;
pub mod scales;
pub mod sensitivity;
pub mod spec;
pub mod wsjf;

use serde::{Deserialize, Serialize};

pub use inputs::{Framework, InputValue, ScoreChange, ScoreInput, ScoreInputs};
pub use positions::{ScorePosition, ScorePositions};
pub use scales::{IceMode, KanoCategory, MoscowBucket};

/// A numeric score and how it was computed.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    /// The exact value, for ordering (never NaN or infinite: inputs are validated).
    #[specta(type = specta_typescript::Number)]
    pub value: f64,
    /// The formula with the item's numbers, e.g. "2,000 × 2 × 80 % / 4 = 800".
    pub breakdown: String,
}

/// Every framework's result for one item; `null` where it is not scored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Scores {
    pub rice: Option<Score>,
    pub ice: Option<Score>,
    pub wsjf: Option<Score>,
    pub moscow: Option<MoscowBucket>,
    pub kano: Option<KanoCategory>,
    /// The matrix's value, 1–10.
    pub value: Option<i32>,
    /// The matrix's effort, 1–10.
    pub effort: Option<i32>,
}

impl Scores {
    pub fn of(inputs: &ScoreInputs, ice_mode: IceMode) -> Scores {
        Scores {
            rice: rice::rice_score(inputs),
            ice: ice::ice_score(inputs, ice_mode),
            wsjf: wsjf::wsjf_score(inputs),
            moscow: inputs.moscow,
            kano: inputs.kano,
            value: inputs.value,
            effort: inputs.effort,
        }
    }

    /// The score of a numeric framework, if the item has one.
    pub fn numeric(&self, framework: NumericFramework) -> Option<&Score> {
        match framework {
            NumericFramework::Rice => self.rice.as_ref(),
            NumericFramework::Ice => self.ice.as_ref(),
            NumericFramework::Wsjf => self.wsjf.as_ref(),
        }
    }
}

/// A framework whose scores order items: the ones with positions, drift and sensitivity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum NumericFramework {
    Rice,
    Ice,
    Wsjf,
}

impl NumericFramework {
    pub const ALL: [NumericFramework; 3] = [
        NumericFramework::Rice,
        NumericFramework::Ice,
        NumericFramework::Wsjf,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NumericFramework::Rice => "RICE",
            NumericFramework::Ice => "ICE",
            NumericFramework::Wsjf => "WSJF",
        }
    }

    /// Its inputs, in formula order.
    pub fn inputs(self) -> &'static [ScoreInput] {
        match self {
            NumericFramework::Rice => &[
                ScoreInput::RiceReach,
                ScoreInput::RiceImpact,
                ScoreInput::RiceConfidence,
                ScoreInput::RiceEffort,
            ],
            NumericFramework::Ice => &[
                ScoreInput::IceImpact,
                ScoreInput::IceConfidence,
                ScoreInput::IceEase,
            ],
            NumericFramework::Wsjf => &[
                ScoreInput::WsjfBusinessValue,
                ScoreInput::WsjfTimeCriticality,
                ScoreInput::WsjfRiskReduction,
                ScoreInput::WsjfJobSize,
            ],
        }
    }

    /// The value alone, for orders: what [`NumericFramework::score`] gives without building
    /// the breakdown.
    pub fn value(self, inputs: &ScoreInputs, ice_mode: IceMode) -> Option<f64> {
        match self {
            NumericFramework::Rice => rice::rice_value(inputs),
            NumericFramework::Ice => ice::ice_value(inputs, ice_mode),
            NumericFramework::Wsjf => wsjf::wsjf_value(inputs),
        }
    }

    pub fn score(self, inputs: &ScoreInputs, ice_mode: IceMode) -> Option<Score> {
        match self {
            NumericFramework::Rice => rice::rice_score(inputs),
            NumericFramework::Ice => ice::ice_score(inputs, ice_mode),
            NumericFramework::Wsjf => wsjf::wsjf_score(inputs),
        }
    }
}

/// One item's inputs and scores after a change to them.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ItemScores {
    pub id: String,
    pub product_id: String,
    pub inputs: ScoreInputs,
    pub scores: Scores,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_of_an_item_with_no_inputs_are_all_unscored() {
        assert_eq!(
            Scores::of(&ScoreInputs::default(), IceMode::Product),
            Scores::default()
        );
    }

    #[test]
    fn categories_and_the_matrix_are_carried_as_set() {
        let inputs = ScoreInputs {
            moscow: Some(MoscowBucket::Should),
            kano: Some(KanoCategory::Attractive),
            value: Some(7),
            effort: Some(3),
            ..ScoreInputs::default()
        };
        let scores = Scores::of(&inputs, IceMode::Average);
        assert_eq!(scores.moscow, Some(MoscowBucket::Should));
        assert_eq!(scores.kano, Some(KanoCategory::Attractive));
        assert_eq!((scores.value, scores.effort), (Some(7), Some(3)));
        assert_eq!((scores.rice, scores.ice, scores.wsjf), (None, None, None));
    }
}
