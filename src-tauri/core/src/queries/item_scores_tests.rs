//! Store tests of score inputs: one write for any number of items and inputs, refusals that
//! write nothing, undo and redo of exact rows, scores and positions read back, sensitivity.

use super::*;
use crate::model::ProductPatch;
use crate::mutation::read_row;
use crate::queries::items::list_item_summaries;
use crate::queries::items::test_support::*;
use crate::queries::products::update_product;
use crate::scoring::InputValue;
use crate::Store;

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

fn rice(reach: f64, impact: f64, confidence: f64, effort: f64) -> Vec<ScoreChange> {
    vec![
        number(ScoreInput::RiceReach, reach),
        number(ScoreInput::RiceImpact, impact),
        number(ScoreInput::RiceConfidence, confidence),
        number(ScoreInput::RiceEffort, effort),
    ]
}

fn set(store: &Store, ids: &[&String], changes: &[ScoreChange]) -> CoreResult<Vec<ItemScores>> {
    let ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    store.write(|c| set_score_inputs(c, &ids, changes))
}

fn row(store: &Store, id: &str) -> crate::mutation::RowImage {
    store
        .read(|c| read_row(c, Table::BacklogItem, id))
        .unwrap()
        .unwrap()
}

fn undo_label(store: &Store) -> String {
    store.history_state().undo_label.unwrap_or_default()
}

#[test]
fn setting_one_input_is_one_labelled_step_and_scores_follow() {
    let (store, product) = store_with_items(&["Search", "Sharing"]);
    let search = id_of(&store, &product, "Search");
    let answer = set(&store, &[&search], &[number(ScoreInput::RiceReach, 2000.0)]).unwrap();
    assert_eq!(answer[0].inputs.rice_reach, Some(2000.0));
    assert_eq!(
        answer[0].scores.rice, None,
        "three RICE inputs are still missing"
    );
    assert_eq!(undo_label(&store), "Set RICE reach of “Search” to 2,000");

    let answer = set(&store, &[&search], &rice(2000.0, 2.0, 80.0, 4.0)[1..]).unwrap();
    assert_eq!(undo_label(&store), "Set RICE inputs of “Search”");
    let score = answer[0].scores.rice.clone().unwrap();
    assert_eq!(
        (score.value, score.breakdown.as_str()),
        (800.0, "2,000 × 2 × 80 % / 4 = 800")
    );
    assert_eq!(answer[0].product_id, product);

    let details = store.read(|c| get_item_details(c, &search)).unwrap();
    assert_eq!(details.item.title, "Search");
    assert_eq!(details.scores.rice.unwrap().value, 800.0);
    let position = details.score_positions.rice.unwrap();
    assert_eq!(
        (position.position, position.drift, position.far),
        (1, 0, false)
    );
    assert_eq!(details.score_positions.ice, None);

    // Clearing one input unscores the item again.
    let cleared = set(
        &store,
        &[&search],
        &[ScoreChange {
            input: ScoreInput::RiceEffort,
            value: None,
        }],
    )
    .unwrap();
    assert_eq!(cleared[0].scores.rice, None);
    assert_eq!(undo_label(&store), "Clear RICE effort of “Search”");
}

#[test]
fn a_bulk_change_is_one_undo_step_restoring_the_exact_rows() {
    let (store, product) = store_with_items(&["A", "B", "C", "D"]);
    let ids: Vec<String> = ["A", "B", "C", "D"]
        .iter()
        .map(|title| id_of(&store, &product, title))
        .collect();
    set(&store, &[&ids[1]], &[text(ScoreInput::Moscow, "must")]).unwrap();
    let before: Vec<_> = ids.iter().map(|id| row(&store, id)).collect();

    // B is already a Must: it is not written, and the label counts the three that changed.
    let named = [&ids[0], &ids[1], &ids[2], &ids[0]];
    let answer = set(&store, &named, &[text(ScoreInput::Moscow, "must")]).unwrap();
    assert_eq!(answer.len(), 3, "each item once, in the order named");
    assert_eq!(answer[0].id, ids[0]);
    assert!(answer
        .iter()
        .all(|item| item.scores.moscow == Some(MoscowBucket::Must)));
    assert_eq!(undo_label(&store), "Set MoSCoW of 2 items to Must");
    assert_eq!(
        row(&store, &ids[1]),
        before[1],
        "unchanged rows are not written"
    );
    let after: Vec<_> = ids.iter().map(|id| row(&store, id)).collect();

    store.undo().unwrap();
    let undone: Vec<_> = ids.iter().map(|id| row(&store, id)).collect();
    assert_eq!(undone, before, "one undo puts every row back exactly");
    assert_eq!(undo_label(&store), "Set MoSCoW of “B” to Must");
    store.redo().unwrap();
    let redone: Vec<_> = ids.iter().map(|id| row(&store, id)).collect();
    assert_eq!(redone, after);
    let moscow: Vec<Option<MoscowBucket>> = store
        .read(|c| list_item_summaries(c, &product))
        .unwrap()
        .into_iter()
        .map(|item| item.inputs.moscow)
        .collect();
    let must = Some(MoscowBucket::Must);
    assert_eq!(moscow, [must, must, must, None]);
}

#[test]
fn a_refused_value_writes_nothing_for_any_item() {
    let (store, product) = store_with_items(&["A", "B"]);
    let a = id_of(&store, &product, "A");
    let b = id_of(&store, &product, "B");
    let before = (row(&store, &a), row(&store, &b));
    let label = undo_label(&store);
    let mut changes = rice(2000.0, 2.0, 80.0, 4.0);
    changes.push(number(ScoreInput::WsjfJobSize, 4.0));
    match set(&store, &[&a, &b], &changes) {
        Err(CoreError::Invalid { field, reason }) => {
            assert_eq!(field, "wsjfJobSize");
            assert_eq!(
                reason,
                "WSJF job size must be one of 1, 2, 3, 5, 8, 13, 20; 4 isn't."
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!((row(&store, &a), row(&store, &b)), before);
    assert_eq!(undo_label(&store), label, "no undo step");

    // An unknown item after a valid one: the whole change is rolled back.
    let missing = "no-such-item".to_string();
    let error = set(
        &store,
        &[&a, &missing],
        &[text(ScoreInput::Kano, "attractive")],
    );
    assert!(matches!(
        error,
        Err(CoreError::NotFound { entity: "item", .. })
    ));
    assert_eq!(row(&store, &a), before.0);
    assert_eq!(undo_label(&store), label, "no undo step");
}

#[test]
fn malformed_requests_are_refused_in_words() {
    let (store, product) = store_with_items(&["A"]);
    let a = id_of(&store, &product, "A");
    let reason = |result: CoreResult<Vec<ItemScores>>| match result {
        Err(CoreError::Invalid { field, reason }) => format!("{field}: {reason}"),
        other => panic!("expected Invalid, got {other:?}"),
    };
    assert_eq!(
        reason(set(&store, &[], &[text(ScoreInput::Moscow, "must")])),
        "itemIds: Choose at least one item."
    );
    assert_eq!(
        reason(set(&store, &[&a], &[])),
        "changes: Choose at least one score input to set."
    );
    assert_eq!(
        reason(set(
            &store,
            &[&a],
            &[
                number(ScoreInput::Value, 3.0),
                number(ScoreInput::Value, 4.0)
            ]
        )),
        "value: value is set twice in one change."
    );
}

#[test]
fn a_change_that_changes_nothing_records_no_undo_step() {
    let (store, product) = store_with_items(&["A"]);
    let a = id_of(&store, &product, "A");
    set(&store, &[&a], &[number(ScoreInput::Value, 7.0)]).unwrap();
    set(&store, &[&a], &[number(ScoreInput::Value, 8.0)]).unwrap();
    // Back to 7, with "set to 8" waiting to be redone.
    store.undo().unwrap();
    assert!(store.history_state().can_redo);
    let label = undo_label(&store);
    let (_, changed) = store
        .write_reporting(|c| {
            set_score_inputs(
                c,
                std::slice::from_ref(&a),
                &[number(ScoreInput::Value, 7.0)],
            )
        })
        .unwrap();
    assert!(changed.is_empty());
    assert_eq!(undo_label(&store), label);
    assert!(
        store.history_state().can_redo,
        "a change of nothing keeps what can be redone"
    );
    let (_, cleared) = store
        .write_reporting(|c| {
            set_score_inputs(
                c,
                std::slice::from_ref(&a),
                &[ScoreChange {
                    input: ScoreInput::Kano,
                    value: None,
                }],
            )
        })
        .unwrap();
    assert!(
        cleared.is_empty(),
        "clearing what is not set changes nothing"
    );
}

#[test]
fn deleted_items_and_items_of_deleted_products_are_not_found() {
    let (store, product) = store_with_items(&["A", "B"]);
    let a = id_of(&store, &product, "A");
    let b = id_of(&store, &product, "B");
    store
        .write(|c| crate::queries::items::delete_item(c, &a))
        .unwrap();
    assert!(matches!(
        set(&store, &[&a], &[number(ScoreInput::Value, 7.0)]),
        Err(CoreError::NotFound { .. })
    ));
    store
        .write(|c| crate::queries::products::delete_product(c, &product))
        .unwrap();
    assert!(matches!(
        set(&store, &[&b], &[number(ScoreInput::Value, 7.0)]),
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.read(|c| get_item_details(c, &b)),
        Err(CoreError::NotFound { .. })
    ));
}

/// A, B, C, D in manual order with RICE scores 100, 400, 200, 300 and D without ICE.
fn scored_backlog() -> (Store, String, Vec<String>) {
    let (store, product) = store_with_items(&["A", "B", "C", "D"]);
    let ids: Vec<String> = ["A", "B", "C", "D"]
        .iter()
        .map(|title| id_of(&store, &product, title))
        .collect();
    for (id, reach) in ids.iter().zip([100.0, 400.0, 200.0, 300.0]) {
        set(&store, &[id], &rice(reach, 1.0, 100.0, 1.0)).unwrap();
    }
    let ice = [
        number(ScoreInput::IceImpact, 10.0),
        number(ScoreInput::IceConfidence, 1.0),
        number(ScoreInput::IceEase, 10.0),
    ];
    set(&store, &[&ids[0]], &ice).unwrap();
    let ice = [
        number(ScoreInput::IceImpact, 5.0),
        number(ScoreInput::IceConfidence, 5.0),
        number(ScoreInput::IceEase, 5.0),
    ];
    set(&store, &[&ids[1], &ids[2]], &ice).unwrap();
    (store, product, ids)
}

#[test]
fn lists_carry_scores_positions_and_drift() {
    let (store, product, ids) = scored_backlog();
    let rows = store.read(|c| list_item_summaries(c, &product)).unwrap();
    let rice: Vec<(i32, i32, bool)> = rows
        .iter()
        .map(|row| {
            let p = row.score_positions.rice.unwrap();
            (p.position, p.drift, p.far)
        })
        .collect();
    assert_eq!(
        rice,
        [(4, -3, true), (1, 1, false), (3, 0, false), (2, 2, false)]
    );
    let ice: Vec<Option<i32>> = rows
        .iter()
        .map(|row| row.score_positions.ice.map(|p| p.position))
        .collect();
    // Product mode: 10 × 1 × 10 = 100 < 5 × 5 × 5 = 125; B and C tie and keep manual order.
    assert_eq!(ice, [Some(3), Some(1), Some(2), None]);
    assert_eq!(
        rows[0].scores.ice.as_ref().unwrap().breakdown,
        "10 × 1 × 10 = 100"
    );
    for (row, id) in rows.iter().zip(&ids) {
        let details = store.read(|c| get_item_details(c, id)).unwrap();
        assert_eq!(details.score_positions, row.score_positions);
        assert_eq!(details.scores, row.scores);
        assert_eq!(details.inputs, row.inputs);
    }
}

#[test]
fn the_products_ice_mode_changes_ice_scores_and_is_undoable() {
    let (store, product, _) = scored_backlog();
    let rice_before = store.read(|c| list_item_summaries(c, &product)).unwrap()[0]
        .scores
        .rice
        .clone();
    let average = ProductPatch {
        ice_mode: Some("average".into()),
        ..ProductPatch::default()
    };
    let updated = store
        .write(|c| update_product(c, &product, &average))
        .unwrap();
    assert_eq!(updated.ice_mode, IceMode::Average);
    assert_eq!(undo_label(&store), "Use the average for ICE in “Lumen”");
    let rows = store.read(|c| list_item_summaries(c, &product)).unwrap();
    assert_eq!(
        rows[0].scores.ice.as_ref().unwrap().breakdown,
        "(10 + 1 + 10) / 3 = 7"
    );
    assert_eq!(
        rows[0].score_positions.ice.unwrap().position,
        1,
        "the average favours A"
    );
    assert_eq!(
        rows[0].scores.rice, rice_before,
        "the ICE mode leaves RICE alone"
    );
    assert!(rice_before.is_some());

    let again = store
        .write_reporting(|c| update_product(c, &product, &average))
        .unwrap();
    assert!(again.1.is_empty(), "setting the same mode changes nothing");
    let unknown = ProductPatch {
        ice_mode: Some("median".into()),
        ..ProductPatch::default()
    };
    assert!(matches!(
        store.write(|c| update_product(c, &product, &unknown)),
        Err(CoreError::Invalid {
            field: "iceMode",
            ..
        })
    ));

    store.undo().unwrap();
    let rows = store.read(|c| list_item_summaries(c, &product)).unwrap();
    assert_eq!(
        rows[0].scores.ice.as_ref().unwrap().breakdown,
        "10 × 1 × 10 = 100"
    );
}

#[test]
fn sensitivity_reads_the_products_items_in_manual_order() {
    let (store, _, ids) = scored_backlog();
    let answer = store
        .read(|c| get_sensitivity(c, &ids[2], NumericFramework::Rice))
        .unwrap();
    assert_eq!((answer.position, answer.scored), (3, 4));
    let reach = &answer.inputs[0];
    assert_eq!(
        reach.up.as_ref().unwrap().summary,
        "At a reach of 250 it stays at #3"
    );
    let impact = &answer.inputs[1];
    assert_eq!(
        impact.up.as_ref().unwrap().summary,
        "At impact 2 (high) it rises from #3 to #2",
        "tied with B, which is above it in the manual order"
    );
    match store.read(|c| get_sensitivity(c, &ids[3], NumericFramework::Ice)) {
        Err(CoreError::Invalid {
            field: "framework",
            reason,
        }) => assert_eq!(
            reason,
            "This item has no ICE score yet: set its impact, confidence and ease first."
        ),
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert!(matches!(
        store.read(|c| get_sensitivity(c, "no-such-item", NumericFramework::Rice)),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn the_database_refuses_off_scale_values_even_past_validation() {
    let (store, product) = store_with_items(&["A"]);
    let a = id_of(&store, &product, "A");
    for (column, value) in [
        ("rice_reach", "-1"),
        ("rice_reach", "1e13"),
        ("rice_reach", "9e999"),
        ("rice_impact", "4"),
        ("rice_confidence", "90"),
        ("rice_effort", "0"),
        ("rice_effort", "0.001"),
        ("rice_effort", "1e-320"),
        ("rice_effort", "9e999"),
        ("ice_ease", "11"),
        ("wsjf_job_size", "4"),
        ("moscow", "'maybe'"),
        ("kano", "'delighter'"),
        ("value", "0"),
        ("effort", "11"),
    ] {
        let result = store.write_untracked(|c| {
            c.execute(
                &format!("UPDATE backlog_item SET {column} = {value} WHERE id = ?1"),
                [&a],
            )?;
            Ok(())
        });
        assert!(result.is_err(), "{column} = {value} was stored");
    }
    let bad_mode = store.write_untracked(|c| {
        c.execute(
            "UPDATE product SET ice_mode = 'median' WHERE id = ?1",
            [&product],
        )?;
        Ok(())
    });
    assert!(bad_mode.is_err());
}
