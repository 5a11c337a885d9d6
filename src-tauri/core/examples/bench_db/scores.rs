//! Score inputs for benchmark items, so that the window's benchmarks carry what a scored backlog
//! sends (breakdowns, positions): every feature and story is scored in every framework, from
//! values drawn on each input's own scale; opportunities (problems, not solutions) stay unscored.

use northstar_core::model::ItemKind;
use northstar_core::scoring::scales::{
    RICE_CONFIDENCE, RICE_EFFORT_STEPS, RICE_IMPACT, WSJF_SCALE,
};
use northstar_core::scoring::{InputValue, KanoCategory, MoscowBucket, ScoreChange, ScoreInput};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;

fn number(input: ScoreInput, value: f64) -> ScoreChange {
    ScoreChange {
        input,
        value: Some(InputValue::Number(value)),
    }
}

fn text(input: ScoreInput, value: &str) -> ScoreChange {
    ScoreChange {
        input,
        value: Some(InputValue::Text(value.into())),
    }
}

fn one_of<T: Copy>(rng: &mut StdRng, values: &[T], fallback: T) -> T {
    values.choose(rng).copied().unwrap_or(fallback)
}

/// The inputs to set on a new item of `kind` (none for an opportunity).
pub fn score_changes(rng: &mut StdRng, kind: ItemKind) -> Vec<ScoreChange> {
    if kind == ItemKind::Opportunity {
        return Vec::new();
    }
    let impacts = RICE_IMPACT.map(|(value, _)| value);
    let confidences = RICE_CONFIDENCE.map(|(value, _)| f64::from(value));
    let wsjf = WSJF_SCALE.map(f64::from);
    let mut changes = vec![
        number(
            ScoreInput::RiceReach,
            f64::from(rng.random_range(10..5_000)),
        ),
        number(ScoreInput::RiceImpact, one_of(rng, &impacts, 1.0)),
        number(ScoreInput::RiceConfidence, one_of(rng, &confidences, 80.0)),
        number(ScoreInput::RiceEffort, one_of(rng, &RICE_EFFORT_STEPS, 1.0)),
    ];
    for input in [
        ScoreInput::IceImpact,
        ScoreInput::IceConfidence,
        ScoreInput::IceEase,
    ] {
        changes.push(number(input, f64::from(rng.random_range(1..=10))));
    }
    for input in [
        ScoreInput::WsjfBusinessValue,
        ScoreInput::WsjfTimeCriticality,
        ScoreInput::WsjfRiskReduction,
        ScoreInput::WsjfJobSize,
    ] {
        changes.push(number(input, one_of(rng, &wsjf, 3.0)));
    }
    let bucket = one_of(rng, &MoscowBucket::ALL, MoscowBucket::Could);
    changes.push(text(ScoreInput::Moscow, bucket.as_str()));
    let category = one_of(rng, &KanoCategory::ALL, KanoCategory::Performance);
    changes.push(text(ScoreInput::Kano, category.as_str()));
    changes.push(number(
        ScoreInput::Value,
        f64::from(rng.random_range(1..=10)),
    ));
    changes.push(number(
        ScoreInput::Effort,
        f64::from(rng.random_range(1..=10)),
    ));
    changes
}
