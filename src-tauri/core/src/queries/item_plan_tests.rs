use super::*;
use crate::plan::{GoalFields, ReleaseFields, ThemeFields};
use crate::queries::goals::{create_goal, delete_goal};
use crate::queries::items::delete_item;
use crate::queries::items::test_support::{id_of, query_plan, store_with_items};
use crate::queries::products::create_product;
use crate::queries::releases::create_release;
use crate::queries::themes::create_theme;
use crate::Store;

fn release_fields(name: &str) -> ReleaseFields {
    ReleaseFields {
        name: name.into(),
        starts_on: "2026-04-01".into(),
        ends_on: "2026-06-30".into(),
        capacity: None,
        capacity_unit: None,
    }
}

fn undo_label(store: &Store) -> String {
    store.history_state().undo_label.unwrap()
}

#[test]
fn an_item_links_to_one_goal_theme_and_release_each_one_undo_step() {
    let (store, product) = store_with_items(&["Bank sync"]);
    let bank = id_of(&store, &product, "Bank sync");
    let release = store
        .write(|c| create_release(c, &product, &release_fields("2.0")))
        .unwrap()
        .release;
    let next = store
        .write(|c| create_release(c, &product, &release_fields("2.1")))
        .unwrap()
        .release;
    let goal = store
        .write(|c| {
            create_goal(
                c,
                &product,
                &GoalFields {
                    title: "Trust".into(),
                    description: String::new(),
                },
            )
        })
        .unwrap();
    let theme = store
        .write(|c| {
            create_theme(
                c,
                &product,
                &ThemeFields {
                    name: "Sync".into(),
                    description: String::new(),
                },
            )
        })
        .unwrap();

    let plan = store
        .write(|c| set_item_link(c, &bank, PlanLink::Release, Some(&release.id)))
        .unwrap();
    assert_eq!(undo_label(&store), "Assign “Bank sync” to release “2.0”");
    assert_eq!(plan.release.unwrap().name, "2.0");
    store
        .write(|c| set_item_link(c, &bank, PlanLink::Release, Some(&next.id)))
        .unwrap();
    assert_eq!(undo_label(&store), "Assign “Bank sync” to release “2.1”");
    store
        .write(|c| set_item_link(c, &bank, PlanLink::Goal, Some(&goal.id)))
        .unwrap();
    assert_eq!(undo_label(&store), "Link “Bank sync” to goal “Trust”");
    store
        .write(|c| set_item_link(c, &bank, PlanLink::Theme, Some(&theme.id)))
        .unwrap();
    let plan = store.read(|c| get_item_plan(c, &bank)).unwrap();
    assert_eq!(
        (
            plan.goal.unwrap().id,
            plan.theme.unwrap().id,
            plan.release.unwrap().id
        ),
        (goal.id.clone(), theme.id.clone(), next.id.clone())
    );

    let before = store.history_state();
    store
        .write(|c| set_item_link(c, &bank, PlanLink::Theme, Some(&theme.id)))
        .unwrap();
    assert_eq!(
        store.history_state(),
        before,
        "the same link records nothing"
    );

    store
        .write(|c| set_item_link(c, &bank, PlanLink::Release, None))
        .unwrap();
    assert_eq!(undo_label(&store), "Remove “Bank sync” from release “2.1”");
    store.undo().unwrap();
    store.undo().unwrap();
    store.undo().unwrap();
    store.undo().unwrap();
    let plan = store.read(|c| get_item_plan(c, &bank)).unwrap();
    assert_eq!(
        plan.release.unwrap().name,
        "2.0",
        "back to the first release"
    );
    assert_eq!((plan.goal, plan.theme), (None, None));
}

#[test]
fn links_to_another_product_or_a_deleted_target_are_refused() {
    let (store, product) = store_with_items(&["Bank sync"]);
    let bank = id_of(&store, &product, "Bank sync");
    let other = store.write(|c| create_product(c, "Other")).unwrap();
    let foreign = store
        .write(|c| create_release(c, &other.id, &release_fields("9.0")))
        .unwrap()
        .release;
    let refused = store.write(|c| set_item_link(c, &bank, PlanLink::Release, Some(&foreign.id)));
    match refused {
        Err(CoreError::Invalid { field, reason }) => {
            assert_eq!(field, "targetId");
            assert_eq!(
                reason,
                "“9.0” belongs to another product: link “Bank sync” to a release of its own product."
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    let goal = store
        .write(|c| {
            create_goal(
                c,
                &product,
                &GoalFields {
                    title: "Trust".into(),
                    description: String::new(),
                },
            )
        })
        .unwrap();
    store.write(|c| delete_goal(c, &goal.id)).unwrap();
    let refused = store.write(|c| set_item_link(c, &bank, PlanLink::Goal, Some(&goal.id)));
    assert!(
        matches!(&refused, Err(CoreError::Invalid { reason, .. }) if reason == "That goal was deleted meanwhile: choose another one."),
        "{refused:?}"
    );
    store.write(|c| delete_item(c, &bank)).unwrap();
    assert!(matches!(
        store.write(|c| set_item_link(c, &bank, PlanLink::Goal, None)),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn a_targets_items_are_one_index_range() {
    let (store, _) = store_with_items(&[]);
    store
        .read(|c| {
            for link in [PlanLink::Goal, PlanLink::Theme, PlanLink::Release] {
                let sql = format!(
                    "SELECT id, title FROM backlog_item WHERE {} = ?1 AND deleted_at IS NULL \
                     ORDER BY rank, id",
                    link.column()
                );
                let plan = query_plan(c, &sql, 1).join("\n");
                assert!(plan.contains("USING INDEX backlog_item_by_"), "{plan}");
                assert!(!plan.contains("TEMP B-TREE"), "{plan}");
            }
            Ok(())
        })
        .unwrap();
}
