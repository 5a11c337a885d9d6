//! WSJF = (user-business value + time criticality + risk reduction/opportunity enablement) / job
//! size, each on 1, 2, 3, 5, 8, 13, 20.

use super::format::write_number;
use super::inputs::ScoreInputs;
use super::Score;

/// The WSJF value alone, or `None` while any of its four inputs is unset.
pub fn wsjf_value(inputs: &ScoreInputs) -> Option<f64> {
    let cost_of_delay =
        inputs.wsjf_business_value? + inputs.wsjf_time_criticality? + inputs.wsjf_risk_reduction?;
    Some(f64::from(cost_of_delay) / f64::from(inputs.wsjf_job_size?))
}

/// The WSJF score, or `None` while any of its four inputs is unset.
pub fn wsjf_score(inputs: &ScoreInputs) -> Option<Score> {
    let value = wsjf_value(inputs)?;
    let cost_of_delay = [
        inputs.wsjf_business_value?,
        inputs.wsjf_time_criticality?,
        inputs.wsjf_risk_reduction?,
    ];
    let job_size = f64::from(inputs.wsjf_job_size?);
    let mut breakdown = String::with_capacity(32);
    breakdown.push('(');
    for (index, part) in cost_of_delay.iter().enumerate() {
        if index > 0 {
            breakdown.push_str(" + ");
        }
        write_number(&mut breakdown, f64::from(*part));
    }
    breakdown.push_str(") / ");
    write_number(&mut breakdown, job_size);
    breakdown.push_str(" = ");
    write_number(&mut breakdown, value);
    Some(Score { value, breakdown })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(value: i32, time: i32, risk: i32, size: i32) -> ScoreInputs {
        ScoreInputs {
            wsjf_business_value: Some(value),
            wsjf_time_criticality: Some(time),
            wsjf_risk_reduction: Some(risk),
            wsjf_job_size: Some(size),
            ..ScoreInputs::default()
        }
    }

    #[test]
    fn cost_of_delay_over_job_size() {
        let score = wsjf_score(&inputs(8, 5, 3, 5)).unwrap();
        assert_eq!(score.value, 3.2);
        assert_eq!(score.breakdown, "(8 + 5 + 3) / 5 = 3.2");
        let thirds = wsjf_score(&inputs(8, 5, 3, 3)).unwrap();
        assert_eq!(thirds.value, 16.0 / 3.0);
        assert_eq!(thirds.breakdown, "(8 + 5 + 3) / 3 = 5.33");
        // The ends of the scale: 3 / 20 and 60 / 1.
        assert_eq!(
            wsjf_score(&inputs(1, 1, 1, 20)).unwrap().breakdown,
            "(1 + 1 + 1) / 20 = 0.15"
        );
        assert_eq!(wsjf_score(&inputs(20, 20, 20, 1)).unwrap().value, 60.0);
    }

    #[test]
    fn any_missing_input_leaves_the_item_unscored() {
        let full = inputs(8, 5, 3, 5);
        for clear in [
            |i: &mut ScoreInputs| i.wsjf_business_value = None,
            |i: &mut ScoreInputs| i.wsjf_time_criticality = None,
            |i: &mut ScoreInputs| i.wsjf_risk_reduction = None,
            |i: &mut ScoreInputs| i.wsjf_job_size = None,
        ] {
            let mut missing = full.clone();
            clear(&mut missing);
            assert_eq!(wsjf_score(&missing), None);
        }
    }
}
