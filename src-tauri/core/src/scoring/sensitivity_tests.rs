//! Sensitivity: one step each way along every scale, the positions it gives, the sentences.

use super::*;

fn rice(reach: f64, impact: f64, confidence: i32, effort: f64) -> ScoreInputs {
    ScoreInputs {
        rice_reach: Some(reach),
        rice_impact: Some(impact),
        rice_confidence: Some(confidence),
        rice_effort: Some(effort),
        ..ScoreInputs::default()
    }
}

#[test]
fn steps_move_one_place_along_each_scale() {
    assert_eq!(
        steps(ScoreInput::RiceReach, 2000.0),
        (Some(1500.0), Some(2500.0))
    );
    assert_eq!(steps(ScoreInput::RiceReach, 0.0), (None, None));
    assert_eq!(steps(ScoreInput::RiceReach, 1e12), (Some(7.5e11), None));
    assert_eq!(steps(ScoreInput::RiceImpact, 2.0), (Some(1.0), Some(3.0)));
    assert_eq!(steps(ScoreInput::RiceImpact, 3.0), (Some(2.0), None));
    assert_eq!(steps(ScoreInput::RiceImpact, 0.25), (None, Some(0.5)));
    assert_eq!(
        steps(ScoreInput::RiceConfidence, 80.0),
        (Some(50.0), Some(100.0))
    );
    assert_eq!(steps(ScoreInput::RiceConfidence, 50.0), (None, Some(80.0)));
    assert_eq!(steps(ScoreInput::RiceEffort, 4.0), (Some(3.0), Some(6.0)));
    assert_eq!(steps(ScoreInput::RiceEffort, 5.0), (Some(4.0), Some(6.0)));
    assert_eq!(steps(ScoreInput::RiceEffort, 0.25), (None, Some(0.5)));
    assert_eq!(steps(ScoreInput::RiceEffort, 36.0), (Some(24.0), None));
    assert_eq!(steps(ScoreInput::IceEase, 1.0), (None, Some(2.0)));
    assert_eq!(steps(ScoreInput::IceEase, 10.0), (Some(9.0), None));
    assert_eq!(steps(ScoreInput::WsjfJobSize, 8.0), (Some(5.0), Some(13.0)));
    assert_eq!(steps(ScoreInput::WsjfJobSize, 20.0), (Some(13.0), None));
}

/// Ten items scored by RICE; the third (index 2) is the one examined.
fn backlog() -> Vec<ScoreInputs> {
    let mut items: Vec<ScoreInputs> = [
        900.0, 1000.0, 0.0, 700.0, 600.0, 500.0, 400.0, 300.0, 200.0, 100.0,
    ]
    .iter()
    .map(|reach| rice(*reach, 1.0, 100, 1.0))
    .collect();
    // 1,000 × 1 × 80 % / 1 = 800: third by score, behind 1,000 and 900.
    items[2] = rice(1000.0, 1.0, 80, 1.0);
    items
}

#[test]
fn each_input_of_the_framework_gets_a_step_down_and_up_with_its_new_position() {
    let answer = sensitivity(&backlog(), 2, NumericFramework::Rice, IceMode::Product).unwrap();
    assert_eq!(answer.score.breakdown, "1,000 × 1 × 80 % / 1 = 800");
    assert_eq!((answer.position, answer.scored), (3, 10));
    let inputs: Vec<ScoreInput> = answer.inputs.iter().map(|i| i.input).collect();
    assert_eq!(inputs, NumericFramework::Rice.inputs());

    let confidence = &answer.inputs[2];
    assert_eq!(confidence.value, 80.0);
    let down = confidence.down.as_ref().unwrap();
    assert_eq!(
        (down.value, down.score.value, down.position),
        (50.0, 500.0, 5)
    );
    assert_eq!(
        down.summary, "At 50 % confidence it falls from #3 to #5",
        "ties go by manual order"
    );
    let up = confidence.up.as_ref().unwrap();
    assert_eq!(
        (up.value, up.position),
        (100.0, 2),
        "tied with an item above it"
    );
    assert_eq!(up.summary, "At 100 % confidence it rises from #3 to #2");

    let reach = &answer.inputs[0];
    assert_eq!(
        reach.down.as_ref().unwrap().summary,
        "At a reach of 750 it falls from #3 to #4"
    );
    assert_eq!(
        reach.up.as_ref().unwrap().summary,
        "At a reach of 1,250 it rises from #3 to #2"
    );
    let impact = &answer.inputs[1];
    assert_eq!(
        impact.down.as_ref().unwrap().summary,
        "At impact 0.5 (low) it falls from #3 to #6"
    );
    let effort = &answer.inputs[3];
    assert_eq!(
        effort.up.as_ref().unwrap().summary,
        "At 2 person-months of effort it falls from #3 to #6"
    );
    assert_eq!(effort.down.as_ref().unwrap().value, 0.5);
}

#[test]
fn a_step_that_changes_nothing_says_so_and_the_scale_ends_have_no_step() {
    let items = vec![
        ScoreInputs {
            wsjf_business_value: Some(1),
            wsjf_time_criticality: Some(1),
            wsjf_risk_reduction: Some(1),
            wsjf_job_size: Some(20),
            ..ScoreInputs::default()
        },
        ScoreInputs {
            wsjf_business_value: Some(20),
            wsjf_time_criticality: Some(20),
            wsjf_risk_reduction: Some(20),
            wsjf_job_size: Some(1),
            ..ScoreInputs::default()
        },
    ];
    let answer = sensitivity(&items, 0, NumericFramework::Wsjf, IceMode::Product).unwrap();
    assert_eq!(answer.position, 2);
    let value = &answer.inputs[0];
    assert!(value.down.is_none(), "1 is the bottom of the scale");
    assert_eq!(
        value.up.as_ref().unwrap().summary,
        "At business value 2 it stays at #2"
    );
    let size = &answer.inputs[3];
    assert!(size.up.is_none(), "20 is the top of the scale");
    assert_eq!(
        size.down.as_ref().unwrap().summary,
        "At job size 13 it stays at #2"
    );
}

#[test]
fn ice_steps_follow_the_products_mode() {
    let item = |impact, confidence, ease| ScoreInputs {
        ice_impact: Some(impact),
        ice_confidence: Some(confidence),
        ice_ease: Some(ease),
        ..ScoreInputs::default()
    };
    let items = vec![item(5, 5, 5), item(10, 1, 10)];
    let product = sensitivity(&items, 0, NumericFramework::Ice, IceMode::Product).unwrap();
    assert_eq!(product.position, 1);
    assert_eq!(
        product.inputs[0].down.as_ref().unwrap().score.breakdown,
        "4 × 5 × 5 = 100"
    );
    let average = sensitivity(&items, 0, NumericFramework::Ice, IceMode::Average).unwrap();
    assert_eq!(average.position, 2);
    let up = average.inputs[2].up.as_ref().unwrap();
    assert_eq!(up.score.breakdown, "(5 + 5 + 6) / 3 = 5.33");
    assert_eq!(up.summary, "At ease 6 it stays at #2");
}

#[test]
fn an_unscored_item_is_refused_naming_what_to_set() {
    let mut items = backlog();
    items[2].rice_reach = None;
    items[2].rice_effort = None;
    match sensitivity(&items, 2, NumericFramework::Rice, IceMode::Product) {
        Err(CoreError::Invalid { field, reason }) => {
            assert_eq!(field, "framework");
            assert_eq!(
                reason,
                "This item has no RICE score yet: set its reach and effort first."
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    match sensitivity(&items, 2, NumericFramework::Ice, IceMode::Product) {
        Err(CoreError::Invalid { reason, .. }) => assert_eq!(
            reason,
            "This item has no ICE score yet: set its impact, confidence and ease first."
        ),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn unscored_items_do_not_count_in_the_positions() {
    let mut items = backlog();
    items.insert(0, ScoreInputs::default());
    items.push(ScoreInputs::default());
    let answer = sensitivity(&items, 3, NumericFramework::Rice, IceMode::Product).unwrap();
    assert_eq!((answer.position, answer.scored), (3, 10));
}
