//! RICE = Reach × Impact × Confidence / Effort, confidence as a fraction of 100 %.

use super::format::write_number;
use super::inputs::ScoreInputs;
use super::Score;

/// The RICE value alone (for orders, which need no breakdown), or `None` while any of its four
/// inputs is unset.
pub fn rice_value(inputs: &ScoreInputs) -> Option<f64> {
    let confidence = f64::from(inputs.rice_confidence?);
    // Whole numbers stay exact when the percentage is divided last: 2,000 × 2 × 80 / 400.
    Some(inputs.rice_reach? * inputs.rice_impact? * confidence / (100.0 * inputs.rice_effort?))
}

/// The RICE score, or `None` while any of its four inputs is unset.
pub fn rice_score(inputs: &ScoreInputs) -> Option<Score> {
    let value = rice_value(inputs)?;
    let reach = inputs.rice_reach?;
    let impact = inputs.rice_impact?;
    let confidence = inputs.rice_confidence?;
    let effort = inputs.rice_effort?;
    let mut breakdown = String::with_capacity(40);
    write_number(&mut breakdown, reach);
    breakdown.push_str(" × ");
    write_number(&mut breakdown, impact);
    breakdown.push_str(" × ");
    write_number(&mut breakdown, f64::from(confidence));
    breakdown.push_str(" % / ");
    write_number(&mut breakdown, effort);
    breakdown.push_str(" = ");
    write_number(&mut breakdown, value);
    Some(Score { value, breakdown })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rice(reach: f64, impact: f64, confidence: i32, effort: f64) -> Option<Score> {
        rice_score(&ScoreInputs {
            rice_reach: Some(reach),
            rice_impact: Some(impact),
            rice_confidence: Some(confidence),
            rice_effort: Some(effort),
            ..ScoreInputs::default()
        })
    }

    #[test]
    fn the_worked_example_is_800() {
        let score = rice(2000.0, 2.0, 80, 4.0).unwrap();
        assert_eq!(score.value, 800.0);
        assert_eq!(score.breakdown, "2,000 × 2 × 80 % / 4 = 800");
    }

    #[test]
    fn fractions_are_kept_exactly_and_shown_rounded() {
        let score = rice(1300.0, 2.0, 50, 3.0).unwrap();
        assert_eq!(score.value, 1300.0 / 3.0);
        assert_eq!(score.breakdown, "1,300 × 2 × 50 % / 3 = 433.33");
        let small = rice(1.0, 0.25, 50, 36.0).unwrap();
        assert_eq!(small.breakdown, "1 × 0.25 × 50 % / 36 = 0.0035");
        let half_month = rice(2000.0, 0.25, 100, 0.5).unwrap();
        assert_eq!(half_month.value, 1000.0);
        assert_eq!(half_month.breakdown, "2,000 × 0.25 × 100 % / 0.5 = 1,000");
    }

    #[test]
    fn no_reach_is_a_score_of_zero_not_unscored() {
        let score = rice(0.0, 3.0, 100, 1.0).unwrap();
        assert_eq!(score.value, 0.0);
        assert_eq!(score.breakdown, "0 × 3 × 100 % / 1 = 0");
    }

    #[test]
    fn any_missing_input_leaves_the_item_unscored() {
        let full = ScoreInputs {
            rice_reach: Some(2000.0),
            rice_impact: Some(2.0),
            rice_confidence: Some(80),
            rice_effort: Some(4.0),
            ..ScoreInputs::default()
        };
        assert!(rice_score(&full).is_some());
        let mut missing = full.clone();
        missing.rice_reach = None;
        assert_eq!(rice_score(&missing), None);
        let mut missing = full.clone();
        missing.rice_impact = None;
        assert_eq!(rice_score(&missing), None);
        let mut missing = full.clone();
        missing.rice_confidence = None;
        assert_eq!(rice_score(&missing), None);
        let mut missing = full;
        missing.rice_effort = None;
        assert_eq!(rice_score(&missing), None);
        assert_eq!(rice_score(&ScoreInputs::default()), None);
    }
}
