//! Every scale's boundaries and refusals, and how changes read in undo labels.

use super::*;

fn set(input: ScoreInput, value: InputValue) -> CoreResult<ScoreInputs> {
    let mut inputs = ScoreInputs::default();
    inputs.apply(input, Some(&value))?;
    Ok(inputs)
}

fn number(input: ScoreInput, value: f64) -> CoreResult<ScoreInputs> {
    set(input, InputValue::Number(value))
}

fn text(input: ScoreInput, value: &str) -> CoreResult<ScoreInputs> {
    set(input, InputValue::Text(value.into()))
}

/// The refusal's field and reason.
fn refusal(result: CoreResult<ScoreInputs>) -> (&'static str, String) {
    match result {
        Err(CoreError::Invalid { field, reason }) => (field, reason),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn rice_reach_is_zero_or_more_up_to_a_trillion() {
    assert_eq!(
        number(ScoreInput::RiceReach, 0.0).unwrap().rice_reach,
        Some(0.0)
    );
    assert_eq!(
        number(ScoreInput::RiceReach, 2000.0).unwrap().rice_reach,
        Some(2000.0)
    );
    assert_eq!(
        number(ScoreInput::RiceReach, 1e12).unwrap().rice_reach,
        Some(1e12)
    );
    assert_eq!(
        number(ScoreInput::RiceReach, 12.5).unwrap().rice_reach,
        Some(12.5)
    );
    assert_eq!(
        refusal(number(ScoreInput::RiceReach, -5.0)),
        (
            "riceReach",
            "RICE reach counts people or events in a period: a number from 0 to \
             1,000,000,000,000; -5 isn't."
                .into()
        )
    );
    assert!(number(ScoreInput::RiceReach, 1e12 + 1.0).is_err());
    assert_eq!(
        refusal(text(ScoreInput::RiceReach, "lots")),
        (
            "riceReach",
            "RICE reach must be a number; “lots” isn't.".into()
        )
    );
}

#[test]
fn rice_impact_is_one_of_five_values() {
    for allowed in [3.0, 2.0, 1.0, 0.5, 0.25] {
        assert_eq!(
            number(ScoreInput::RiceImpact, allowed).unwrap().rice_impact,
            Some(allowed)
        );
    }
    let expected = "RICE impact must be one of 3 (massive), 2 (high), 1 (medium), 0.5 (low), \
                    0.25 (minimal); 4 isn't.";
    assert_eq!(
        refusal(number(ScoreInput::RiceImpact, 4.0)),
        ("riceImpact", expected.into())
    );
    for refused in [0.0, 1.5, 0.75, -1.0, 0.125] {
        assert!(
            number(ScoreInput::RiceImpact, refused).is_err(),
            "{refused}"
        );
    }
}

#[test]
fn rice_confidence_is_a_percentage_of_three() {
    for allowed in [100, 80, 50] {
        let inputs = number(ScoreInput::RiceConfidence, f64::from(allowed)).unwrap();
        assert_eq!(inputs.rice_confidence, Some(allowed));
    }
    assert_eq!(
        refusal(number(ScoreInput::RiceConfidence, 90.0)),
        (
            "riceConfidence",
            "RICE confidence must be one of 100 %, 80 %, 50 % (in percent); 90 isn't.".into()
        )
    );
    // A fraction is refused rather than read as 80 %.
    assert!(number(ScoreInput::RiceConfidence, 0.8).is_err());
    assert!(number(ScoreInput::RiceConfidence, 0.0).is_err());
}

#[test]
fn rice_effort_is_more_than_zero_person_months() {
    assert_eq!(
        number(ScoreInput::RiceEffort, 0.01).unwrap().rice_effort,
        Some(0.01)
    );
    assert_eq!(
        number(ScoreInput::RiceEffort, 1000.0).unwrap().rice_effort,
        Some(1000.0)
    );
    assert_eq!(
        refusal(number(ScoreInput::RiceEffort, 0.0)),
        (
            "riceEffort",
            "RICE effort is in person-months, from 0.01 to 1,000; 0 isn't.".into()
        )
    );
    assert!(number(ScoreInput::RiceEffort, 0.005).is_err());
    assert!(number(ScoreInput::RiceEffort, -1.0).is_err());
    assert!(number(ScoreInput::RiceEffort, 1000.5).is_err());
}

#[test]
fn the_scales_keep_every_score_finite() {
    use crate::scoring::scales::{MAX_RICE_REACH, MIN_RICE_EFFORT};
    let mut extreme = ScoreInputs::default();
    for (input, value) in [
        (ScoreInput::RiceReach, MAX_RICE_REACH),
        (ScoreInput::RiceImpact, 3.0),
        (ScoreInput::RiceConfidence, 100.0),
        (ScoreInput::RiceEffort, MIN_RICE_EFFORT),
    ] {
        extreme
            .apply(input, Some(&InputValue::Number(value)))
            .unwrap();
    }
    let score = crate::scoring::rice::rice_score(&extreme).unwrap();
    assert!(score.value.is_finite());
    assert_eq!(
        score.breakdown,
        "1,000,000,000,000 × 3 × 100 % / 0.01 = 300,000,000,000,000"
    );
}

#[test]
fn ice_and_the_matrix_are_whole_numbers_from_one_to_ten() {
    for input in [
        ScoreInput::IceImpact,
        ScoreInput::IceConfidence,
        ScoreInput::IceEase,
        ScoreInput::Value,
        ScoreInput::Effort,
    ] {
        assert_eq!(number(input, 1.0).unwrap().number(input), Some(1.0));
        assert_eq!(number(input, 10.0).unwrap().number(input), Some(10.0));
        for refused in [0.0, 11.0, 7.5, -3.0] {
            let (field, _) = refusal(number(input, refused));
            assert_eq!(field, input.field());
        }
    }
    assert_eq!(
        refusal(number(ScoreInput::IceEase, 7.5)).1,
        "ICE ease must be a whole number from 1 to 10; 7.5 isn't."
    );
    assert_eq!(
        refusal(number(ScoreInput::Value, 11.0)),
        (
            "value",
            "Value must be a whole number from 1 to 10; 11 isn't.".into()
        )
    );
}

#[test]
fn wsjf_inputs_are_on_the_modified_fibonacci_scale() {
    for input in [
        ScoreInput::WsjfBusinessValue,
        ScoreInput::WsjfTimeCriticality,
        ScoreInput::WsjfRiskReduction,
        ScoreInput::WsjfJobSize,
    ] {
        for allowed in [1, 2, 3, 5, 8, 13, 20] {
            let inputs = number(input, f64::from(allowed)).unwrap();
            assert_eq!(inputs.number(input), Some(f64::from(allowed)));
        }
        for refused in [0.0, 4.0, 21.0, 2.5] {
            assert!(number(input, refused).is_err(), "{input:?} {refused}");
        }
    }
    assert_eq!(
        refusal(number(ScoreInput::WsjfJobSize, 4.0)),
        (
            "wsjfJobSize",
            "WSJF job size must be one of 1, 2, 3, 5, 8, 13, 20; 4 isn't.".into()
        )
    );
}

#[test]
fn moscow_and_kano_take_their_stored_names() {
    assert_eq!(
        text(ScoreInput::Moscow, "wont").unwrap().moscow,
        Some(MoscowBucket::Wont)
    );
    assert_eq!(
        text(ScoreInput::Kano, "must_be").unwrap().kano,
        Some(KanoCategory::MustBe)
    );
    assert_eq!(
        refusal(text(ScoreInput::Moscow, "maybe")),
        (
            "moscow",
            "“maybe” is not a MoSCoW bucket. Use one of: must, should, could, wont.".into()
        )
    );
    assert_eq!(
        refusal(text(ScoreInput::Kano, "delighter")),
        (
            "kano",
            "“delighter” is not a Kano category. Use one of: must_be, performance, attractive, \
             indifferent, reverse, questionable."
                .into()
        )
    );
    assert!(
        text(ScoreInput::Moscow, "Must").is_err(),
        "labels are not stored names"
    );
    assert!(number(ScoreInput::Kano, 1.0).is_err());
}

#[test]
fn a_refused_value_leaves_the_inputs_as_they_were_and_null_clears() {
    let mut inputs = number(ScoreInput::RiceImpact, 2.0).unwrap();
    let before = inputs.clone();
    assert!(inputs
        .apply(ScoreInput::RiceImpact, Some(&InputValue::Number(4.0)))
        .is_err());
    assert_eq!(inputs, before);
    inputs.apply(ScoreInput::RiceImpact, None).unwrap();
    assert_eq!(inputs, ScoreInputs::default());
}

#[test]
fn a_reach_of_minus_zero_is_stored_as_zero() {
    let mut inputs = ScoreInputs::default();
    inputs
        .apply(ScoreInput::RiceReach, Some(&InputValue::Number(-0.0)))
        .unwrap();
    let reach = inputs.rice_reach.unwrap();
    assert_eq!(reach, 0.0);
    assert!(reach.is_sign_positive(), "no “−0” comes back to the UI");
}
