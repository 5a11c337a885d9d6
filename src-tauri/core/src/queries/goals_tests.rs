use super::*;
use crate::plan::ThemeFields;
use crate::queries::item_plan::set_item_link;
use crate::queries::items::test_support::{id_of, store_with_items};
use crate::queries::themes::{create_theme, delete_theme, list_themes, update_theme};
use crate::Store;

fn goal_fields(title: &str) -> GoalFields {
    GoalFields {
        title: title.into(),
        description: String::new(),
    }
}

fn kr(metric: &str, baseline: f64, target: f64, current: f64) -> KeyResultFields {
    KeyResultFields {
        metric: metric.into(),
        unit: "%".into(),
        baseline: Some(baseline),
        target: Some(target),
        current: Some(current),
    }
}

fn undo_label(store: &Store) -> String {
    store.history_state().undo_label.unwrap()
}

fn invalid<T: std::fmt::Debug>(result: CoreResult<T>) -> (String, String) {
    match result {
        Err(CoreError::Invalid { field, reason }) => (field.to_string(), reason),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn a_goal_with_key_results_has_their_mean_progress() {
    let (store, product) = store_with_items(&["Bank sync"]);
    let goal = store
        .write(|c| create_goal(c, &product, &goal_fields(" Freelancers trust the numbers ")))
        .unwrap();
    assert_eq!(goal.title, "Freelancers trust the numbers");
    assert_eq!(goal.progress, None, "no key results yet");
    assert_eq!(
        undo_label(&store),
        "Add goal “Freelancers trust the numbers”"
    );

    let goal = store
        .write(|c| create_key_result(c, &goal.id, &kr("Monthly churn", 6.0, 3.0, 4.5)))
        .unwrap();
    assert_eq!(
        undo_label(&store),
        "Add key result “Monthly churn” to goal “Freelancers trust the numbers”"
    );
    assert_eq!(goal.key_results[0].progress, 0.5);
    let goal = store
        .write(|c| create_key_result(c, &goal.id, &kr("Weekly active", 1000.0, 2000.0, 2500.0)))
        .unwrap();
    assert_eq!(goal.progress, Some(0.75), "mean of 0.5 and 1 (clamped)");

    let listed = store.read(|c| list_goals(c, &product)).unwrap();
    assert_eq!(listed, vec![goal.clone()]);

    // Editing the current value moves the progress; one undo step each.
    let churn = goal.key_results[0].id.clone();
    let edited = store
        .write(|c| {
            update_key_result(
                c,
                &churn,
                &KeyResultFields {
                    current: Some(3.0),
                    ..kr("Monthly churn", 6.0, 3.0, 0.0)
                },
            )
        })
        .unwrap();
    assert_eq!(edited.progress, Some(1.0));
    assert_eq!(undo_label(&store), "Update key result “Monthly churn”");
    store.undo().unwrap();
    assert_eq!(
        store.read(|c| get_goal(c, &goal.id)).unwrap().progress,
        Some(0.75)
    );
    store.redo().unwrap();
    assert_eq!(
        store.read(|c| get_goal(c, &goal.id)).unwrap().progress,
        Some(1.0)
    );
}

#[test]
fn an_edit_leaving_out_the_current_value_keeps_it() {
    let (store, product) = store_with_items(&[]);
    let goal = store
        .write(|c| create_goal(c, &product, &goal_fields("Grow")))
        .unwrap();
    let goal = store
        .write(|c| create_key_result(c, &goal.id, &kr("Users", 0.0, 100.0, 40.0)))
        .unwrap();
    let id = goal.key_results[0].id.clone();
    let renamed = store
        .write(|c| {
            update_key_result(
                c,
                &id,
                &KeyResultFields {
                    current: None,
                    ..kr("Active users", 0.0, 100.0, 0.0)
                },
            )
        })
        .unwrap();
    assert_eq!(renamed.key_results[0].current, 40.0);
    assert_eq!(renamed.key_results[0].metric, "Active users");
    let before = store.history_state();
    store
        .write(|c| update_key_result(c, &id, &kr("Active users", 0.0, 100.0, 40.0)))
        .unwrap();
    assert_eq!(
        store.history_state(),
        before,
        "an edit that keeps every value records nothing"
    );
}

#[test]
fn refusals_write_nothing() {
    let (store, product) = store_with_items(&[]);
    let goal = store
        .write(|c| create_goal(c, &product, &goal_fields("Grow")))
        .unwrap();
    let before = store.history_state();
    assert_eq!(
        invalid(store.write(|c| create_key_result(c, &goal.id, &kr("Users", 5.0, 5.0, 5.0)))).0,
        "target"
    );
    assert_eq!(
        invalid(store.write(|c| create_key_result(c, &goal.id, &kr("Users", 0.0, f64::NAN, 0.0))))
            .0,
        "target"
    );
    assert_eq!(
        invalid(store.write(|c| create_goal(c, &product, &goal_fields("")))).0,
        "title"
    );
    assert_eq!(store.history_state(), before);
    assert!(store
        .read(|c| get_goal(c, &goal.id))
        .unwrap()
        .key_results
        .is_empty());
    assert!(matches!(
        store.write(|c| create_goal(c, "no-such-product", &goal_fields("G"))),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn the_checks_are_a_second_line_of_defence() {
    let (store, product) = store_with_items(&[]);
    let goal = store
        .write(|c| create_goal(c, &product, &goal_fields("Grow")))
        .unwrap();
    let refused = store.write(|c| {
        c.connection()
            .execute(
                "INSERT INTO key_result (id, goal_id, product_id, metric, unit, baseline, target, \
                 current, created_at, updated_at) VALUES ('k', ?1, ?2, 'm', '', 1, 1, 1, 'x', 'x')",
                params![goal.id, product],
            )
            .map_err(CoreError::from)
    });
    assert!(
        refused.is_err(),
        "baseline = target is refused by the CHECK"
    );
}

#[test]
fn deleting_a_goal_hides_its_key_results_and_links_until_undo() {
    let (store, product) = store_with_items(&["Bank sync", "Budgets"]);
    let bank = id_of(&store, &product, "Bank sync");
    let goal = store
        .write(|c| create_goal(c, &product, &goal_fields("Trust")))
        .unwrap();
    let goal = store
        .write(|c| create_key_result(c, &goal.id, &kr("NPS", 20.0, 40.0, 30.0)))
        .unwrap();
    store
        .write(|c| set_item_link(c, &bank, PlanLink::Goal, Some(&goal.id)))
        .unwrap();
    let linked = store.read(|c| get_goal(c, &goal.id)).unwrap();
    assert_eq!(linked.items.len(), 1);
    assert_eq!(linked.items[0].title, "Bank sync");

    store.write(|c| delete_goal(c, &goal.id)).unwrap();
    assert_eq!(undo_label(&store), "Delete goal “Trust”");
    assert!(store.read(|c| list_goals(c, &product)).unwrap().is_empty());
    let plan = store
        .read(|c| crate::queries::item_plan::get_item_plan(c, &bank))
        .unwrap();
    assert_eq!(
        plan.goal, None,
        "the link is hidden while the goal is deleted"
    );
    let kr_id = goal.key_results[0].id.clone();
    assert!(matches!(
        store.write(|c| delete_key_result(c, &kr_id)),
        Err(CoreError::NotFound { .. })
    ));

    store.undo().unwrap();
    let back = store.read(|c| get_goal(c, &goal.id)).unwrap();
    assert_eq!(
        back, linked,
        "the goal, its key result and its link are back"
    );
}

#[test]
fn deleting_a_key_result_is_one_undo_step() {
    let (store, product) = store_with_items(&[]);
    let goal = store
        .write(|c| create_goal(c, &product, &goal_fields("Grow")))
        .unwrap();
    let goal = store
        .write(|c| create_key_result(c, &goal.id, &kr("Users", 0.0, 10.0, 5.0)))
        .unwrap();
    let id = goal.key_results[0].id.clone();
    let after = store.write(|c| delete_key_result(c, &id)).unwrap();
    assert_eq!((after.progress, after.key_results.len()), (None, 0));
    assert_eq!(undo_label(&store), "Delete key result “Users”");
    store.undo().unwrap();
    assert_eq!(store.read(|c| get_goal(c, &goal.id)).unwrap(), goal);
}

#[test]
fn goals_edit_and_themes_round_trip_through_undo() {
    let (store, product) = store_with_items(&["Bank sync"]);
    let goal = store
        .write(|c| create_goal(c, &product, &goal_fields("Grow")))
        .unwrap();
    let edited = store
        .write(|c| {
            update_goal(
                c,
                &goal.id,
                &GoalFields {
                    title: "Grow revenue".into(),
                    description: "Paid plans".into(),
                },
            )
        })
        .unwrap();
    assert_eq!(undo_label(&store), "Edit goal “Grow revenue”");
    assert_eq!(edited.description, "Paid plans");
    store.undo().unwrap();
    assert_eq!(store.read(|c| get_goal(c, &goal.id)).unwrap().title, "Grow");

    let theme = store
        .write(|c| {
            create_theme(
                c,
                &product,
                &ThemeFields {
                    name: "Trust".into(),
                    description: String::new(),
                },
            )
        })
        .unwrap();
    assert_eq!(undo_label(&store), "Add theme “Trust”");
    let bank = id_of(&store, &product, "Bank sync");
    store
        .write(|c| set_item_link(c, &bank, PlanLink::Theme, Some(&theme.id)))
        .unwrap();
    assert_eq!(undo_label(&store), "Put “Bank sync” in theme “Trust”");
    let renamed = store
        .write(|c| {
            update_theme(
                c,
                &theme.id,
                &ThemeFields {
                    name: "Confidence".into(),
                    description: String::new(),
                },
            )
        })
        .unwrap();
    assert_eq!(renamed.items.len(), 1);
    store.write(|c| delete_theme(c, &theme.id)).unwrap();
    assert!(store.read(|c| list_themes(c, &product)).unwrap().is_empty());
    store.undo().unwrap();
    let themes = store.read(|c| list_themes(c, &product)).unwrap();
    assert_eq!(themes, vec![renamed]);
}
