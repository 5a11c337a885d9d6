//! ICE = Impact × Confidence × Ease, each 1–10; or their average, as the product's setting says.

use super::format::write_number;
use super::inputs::ScoreInputs;
use super::scales::IceMode;
use super::Score;

/// The ICE value alone in `mode`, or `None` while any of its three inputs is unset.
pub fn ice_value(inputs: &ScoreInputs, mode: IceMode) -> Option<f64> {
    let [impact, confidence, ease] =
        [inputs.ice_impact?, inputs.ice_confidence?, inputs.ice_ease?].map(f64::from);
    Some(match mode {
        IceMode::Product => impact * confidence * ease,
        IceMode::Average => (impact + confidence + ease) / 3.0,
    })
}

/// The ICE score in `mode`, or `None` while any of its three inputs is unset.
pub fn ice_score(inputs: &ScoreInputs, mode: IceMode) -> Option<Score> {
    let value = ice_value(inputs, mode)?;
    let parts = [inputs.ice_impact?, inputs.ice_confidence?, inputs.ice_ease?].map(f64::from);
    let (open, separator, close) = match mode {
        IceMode::Product => ("", " × ", ""),
        IceMode::Average => ("(", " + ", ") / 3"),
    };
    let mut breakdown = String::with_capacity(32);
    breakdown.push_str(open);
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            breakdown.push_str(separator);
        }
        write_number(&mut breakdown, *part);
    }
    breakdown.push_str(close);
    breakdown.push_str(" = ");
    write_number(&mut breakdown, value);
    Some(Score { value, breakdown })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(impact: i32, confidence: i32, ease: i32) -> ScoreInputs {
        ScoreInputs {
            ice_impact: Some(impact),
            ice_confidence: Some(confidence),
            ice_ease: Some(ease),
            ..ScoreInputs::default()
        }
    }

    #[test]
    fn the_product_multiplies_the_three_inputs() {
        let score = ice_score(&inputs(8, 7, 5), IceMode::Product).unwrap();
        assert_eq!(score.value, 280.0);
        assert_eq!(score.breakdown, "8 × 7 × 5 = 280");
        let top = ice_score(&inputs(10, 10, 10), IceMode::Product).unwrap();
        assert_eq!(top.breakdown, "10 × 10 × 10 = 1,000");
        assert_eq!(
            ice_score(&inputs(1, 1, 1), IceMode::Product).unwrap().value,
            1.0
        );
    }

    #[test]
    fn the_average_divides_their_sum_by_three() {
        let score = ice_score(&inputs(8, 7, 5), IceMode::Average).unwrap();
        assert_eq!(score.value, 20.0 / 3.0);
        assert_eq!(score.breakdown, "(8 + 7 + 5) / 3 = 6.67");
        let whole = ice_score(&inputs(9, 6, 6), IceMode::Average).unwrap();
        assert_eq!(whole.breakdown, "(9 + 6 + 6) / 3 = 7");
    }

    #[test]
    fn the_two_modes_can_order_items_differently() {
        // A lopsided item wins on the average and loses on the product.
        let lopsided = inputs(10, 1, 10);
        let balanced = inputs(5, 5, 5);
        let product = |i: &ScoreInputs| ice_score(i, IceMode::Product).unwrap().value;
        let average = |i: &ScoreInputs| ice_score(i, IceMode::Average).unwrap().value;
        assert!(product(&lopsided) < product(&balanced));
        assert!(average(&lopsided) > average(&balanced));
    }

    #[test]
    fn any_missing_input_leaves_the_item_unscored() {
        let mut missing = inputs(8, 7, 5);
        missing.ice_ease = None;
        assert_eq!(ice_score(&missing, IceMode::Product), None);
        assert_eq!(ice_score(&missing, IceMode::Average), None);
        let mut missing = inputs(8, 7, 5);
        missing.ice_impact = None;
        assert_eq!(ice_score(&missing, IceMode::Product), None);
        let mut missing = inputs(8, 7, 5);
        missing.ice_confidence = None;
        assert_eq!(ice_score(&missing, IceMode::Average), None);
    }
}
