//! Where an item stands in a framework's score order, and how far that is from its manual rank.
//!
//! Rules (the UI and the export read them from here, never recompute them):
//! - **Score order**: highest score first; equal scores keep the manual order (rank, then id).
//! - **Only scored items take part**: an item without that framework's score has no position,
//!   and does not count for the others.
//! - **Drift** = manual position − score position, both counted among the items scored in that
//!   framework, so unscored items in the backlog do not inflate it. Positive: the item sits lower
//!   in the backlog than its score would put it; negative: above items that outscore it.
//! - **Far**: |drift| ≥ max(3, ⌈10 % of the scored items⌉); small backlogs need a move of three
//!   places, large ones a tenth of the list.

use serde::Serialize;

use super::{IceMode, NumericFramework, ScoreInputs, Scores};

/// One item's place in one framework's score order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScorePosition {
    /// 1-based, among the items scored in this framework.
    pub position: i32,
    /// Manual position − score position, among the same items.
    pub drift: i32,
    /// Whether the drift is far enough to point out (see the module's rule).
    pub far: bool,
}

/// An item's place in each numeric framework's score order; `null` where it is not scored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ScorePositions {
    pub rice: Option<ScorePosition>,
    pub ice: Option<ScorePosition>,
    pub wsjf: Option<ScorePosition>,
}

/// The smallest drift called far when `scored` items have a score.
pub fn far_drift(scored: usize) -> usize {
    scored.div_ceil(10).max(3)
}

fn as_position(count: usize) -> i32 {
    i32::try_from(count).unwrap_or(i32::MAX)
}

/// Positions in one framework for items in manual order (`values[i]` is item i's score).
pub fn framework_positions(values: &[Option<f64>]) -> Vec<Option<ScorePosition>> {
    // (manual index, score), in manual order: a scored item's manual position among the
    // scored is its place in this list.
    let scored: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(index, value)| value.map(|value| (index, value)))
        .collect();
    let mut by_score: Vec<usize> = (0..scored.len()).collect();
    by_score.sort_by(|&a, &b| scored[b].1.total_cmp(&scored[a].1).then(a.cmp(&b)));
    let threshold = far_drift(scored.len());
    let mut positions = vec![None; values.len()];
    for (score_place, &manual_place) in by_score.iter().enumerate() {
        let drift = as_position(manual_place) - as_position(score_place);
        positions[scored[manual_place].0] = Some(ScorePosition {
            position: as_position(score_place + 1),
            drift,
            far: drift.unsigned_abs() as usize >= threshold,
        });
    }
    positions
}

/// Every numeric framework's positions for items in manual order, from their scores.
pub fn score_positions<'a, I>(scores: I) -> Vec<ScorePositions>
where
    I: IntoIterator<Item = &'a Scores>,
    I::IntoIter: Clone,
{
    let scores = scores.into_iter();
    positions_by(scores.clone().count(), |framework| {
        scores
            .clone()
            .map(|item| item.numeric(framework).map(|score| score.value))
            .collect()
    })
}

/// [`score_positions`] from the items' inputs, computing values only (no breakdowns): for one
/// item's positions, which need every other item's value but nobody's breakdown.
pub fn positions_from_inputs(items: &[ScoreInputs], ice_mode: IceMode) -> Vec<ScorePositions> {
    positions_by(items.len(), |framework| {
        items
            .iter()
            .map(|inputs| framework.value(inputs, ice_mode))
            .collect()
    })
}

fn positions_by(
    count: usize,
    values_of: impl Fn(NumericFramework) -> Vec<Option<f64>>,
) -> Vec<ScorePositions> {
    let mut positions = vec![ScorePositions::default(); count];
    for framework in NumericFramework::ALL {
        for (item, position) in positions
            .iter_mut()
            .zip(framework_positions(&values_of(framework)))
        {
            match framework {
                NumericFramework::Rice => item.rice = position,
                NumericFramework::Ice => item.ice = position,
                NumericFramework::Wsjf => item.wsjf = position,
            }
        }
    }
    positions
}

/// The 1-based score position item `index` would have with `value` instead of `values[index]`,
/// the others unchanged (ties keep the manual order).
pub fn position_with(values: &[Option<f64>], index: usize, value: f64) -> i32 {
    let ahead = values
        .iter()
        .enumerate()
        .filter(|(other, _)| *other != index)
        .filter(|(other, score)| match score {
            Some(score) => *score > value || (*score == value && *other < index),
            None => false,
        })
        .count();
    as_position(ahead + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(values: &[Option<f64>]) -> Vec<Option<(i32, i32, bool)>> {
        framework_positions(values)
            .into_iter()
            .map(|p| p.map(|p| (p.position, p.drift, p.far)))
            .collect()
    }

    #[test]
    fn highest_score_first_with_drift_against_the_manual_order() {
        // Manual order A, B, C, D; scores 10, 40, 20, 30.
        let values = [Some(10.0), Some(40.0), Some(20.0), Some(30.0)];
        assert_eq!(
            places(&values),
            [
                Some((4, -3, true)),
                Some((1, 1, false)),
                Some((3, 0, false)),
                Some((2, 2, false)),
            ]
        );
    }

    #[test]
    fn ties_keep_the_manual_order() {
        let values = [Some(5.0), Some(9.0), Some(5.0), Some(5.0)];
        let positions: Vec<i32> = framework_positions(&values)
            .into_iter()
            .map(|p| p.unwrap().position)
            .collect();
        assert_eq!(positions, [2, 1, 3, 4]);
    }

    #[test]
    fn unscored_items_have_no_position_and_count_for_nobody() {
        // Two unscored items at the top of the backlog: the first scored item in manual order
        // that also scores highest has no drift.
        let values = [None, None, Some(30.0), Some(20.0), None, Some(10.0)];
        assert_eq!(
            places(&values),
            [
                None,
                None,
                Some((1, 0, false)),
                Some((2, 0, false)),
                None,
                Some((3, 0, false)),
            ]
        );
        assert!(framework_positions(&[None, None])
            .iter()
            .all(Option::is_none));
        assert!(framework_positions(&[]).is_empty());
    }

    #[test]
    fn far_is_three_places_or_a_tenth_of_the_scored_items() {
        assert_eq!(far_drift(0), 3);
        assert_eq!(far_drift(25), 3);
        assert_eq!(far_drift(30), 3);
        assert_eq!(far_drift(31), 4);
        assert_eq!(far_drift(10_000), 1_000);
        // 40 scored items: a drift of 4 is far. Two items jump ahead of the rest.
        let mut values: Vec<Option<f64>> = (0..40).map(|i| Some(f64::from(100 - i))).collect();
        values[4] = Some(1000.0); // manual 5th, score 1st: drift 4
        values[39] = Some(999.0); // manual 40th, score 2nd: drift 38
        let positions = framework_positions(&values);
        assert_eq!(positions[4].unwrap().drift, 4);
        assert!(positions[4].unwrap().far);
        assert_eq!(positions[39].unwrap().drift, 38);
        // Items 1–4 each move down two places: not far.
        assert!(positions[..4].iter().all(|p| !p.unwrap().far));
    }

    #[test]
    fn a_position_with_another_value_counts_who_would_be_ahead() {
        let values = [Some(10.0), Some(40.0), Some(20.0), Some(30.0), None];
        assert_eq!(position_with(&values, 0, 10.0), 4);
        assert_eq!(position_with(&values, 0, 35.0), 2);
        assert_eq!(position_with(&values, 0, 50.0), 1);
        // A tie with an item below in the manual order: ahead of it.
        assert_eq!(position_with(&values, 0, 30.0), 2);
        // A tie with an item above: behind it.
        assert_eq!(position_with(&values, 3, 20.0), 3);
        // An unscored item given a score.
        assert_eq!(position_with(&values, 4, 25.0), 3);
    }

    #[test]
    fn every_framework_gets_its_own_order_from_scores_or_inputs_alike() {
        let item = |reach: f64, ease: Option<i32>| ScoreInputs {
            rice_reach: Some(reach),
            rice_impact: Some(1.0),
            rice_confidence: Some(100),
            rice_effort: Some(1.0),
            ice_impact: Some(5),
            ice_confidence: Some(5),
            ice_ease: ease,
            ..ScoreInputs::default()
        };
        let items = [item(10.0, Some(9)), item(20.0, None), item(5.0, Some(2))];
        let scores: Vec<Scores> = items
            .iter()
            .map(|i| Scores::of(i, IceMode::Product))
            .collect();
        let positions = score_positions(&scores);
        assert_eq!(positions, positions_from_inputs(&items, IceMode::Product));
        assert_eq!(positions[0].rice.unwrap().position, 2);
        assert_eq!(positions[1].rice.unwrap().position, 1);
        assert_eq!(positions[0].ice.unwrap().position, 1);
        assert_eq!(positions[1].ice, None);
        assert_eq!(positions[2].ice.unwrap().position, 2);
        assert!(positions.iter().all(|p| p.wsjf.is_none()));
    }
}
