use super::*;
use crate::plan::{MilestoneFields, PlanLink};
use crate::queries::item_plan::set_item_link;
use crate::queries::item_scores::set_score_inputs;
use crate::queries::items::delete_item;
use crate::queries::items::test_support::{id_of, store_with_items};
use crate::queries::milestones::{
    create_milestone, delete_milestone, list_milestones, update_milestone,
};
use crate::scoring::{InputValue, ScoreChange, ScoreInput};
use crate::Store;

fn fields(name: &str, starts_on: &str, capacity: Option<f64>) -> ReleaseFields {
    ReleaseFields {
        name: name.into(),
        starts_on: starts_on.into(),
        ends_on: "2026-12-31".into(),
        capacity,
        capacity_unit: capacity.map(|_| CapacityUnit::PersonMonths),
    }
}

fn undo_label(store: &Store) -> String {
    store.history_state().undo_label.unwrap()
}

fn size(store: &Store, item: &str, effort: f64, moscow: &str) {
    let changes = [
        ScoreChange {
            input: ScoreInput::RiceEffort,
            value: Some(InputValue::Number(effort)),
        },
        ScoreChange {
            input: ScoreInput::Moscow,
            value: Some(InputValue::Text(moscow.into())),
        },
    ];
    store
        .write(|c| set_score_inputs(c, &[item.to_string()], &changes))
        .unwrap();
}

#[test]
fn releases_list_in_date_order_with_their_load() {
    let (store, product) = store_with_items(&["Bank sync", "Budgets", "Export"]);
    let late = store
        .write(|c| create_release(c, &product, &fields("2.1", "2026-07-01", Some(10.0))))
        .unwrap()
        .release;
    let early = store
        .write(|c| create_release(c, &product, &fields("2.0", "2026-04-01", Some(24.0))))
        .unwrap()
        .release;
    assert_eq!(undo_label(&store), "Add release “2.0”");
    for (title, effort, moscow) in [("Bank sync", 12.0, "must"), ("Budgets", 9.0, "should")] {
        let id = id_of(&store, &product, title);
        size(&store, &id, effort, moscow);
        store
            .write(|c| set_item_link(c, &id, PlanLink::Release, Some(&early.id)))
            .unwrap();
    }
    let export = id_of(&store, &product, "Export");
    store
        .write(|c| set_item_link(c, &export, PlanLink::Release, Some(&early.id)))
        .unwrap();

    let releases = store.read(|c| list_releases(c, &product)).unwrap();
    let names: Vec<&str> = releases.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["2.0", "2.1"]);
    let load = &releases[0].load;
    assert_eq!(load.message, "21 of 24 person-months (88 %)");
    assert_eq!(load.item_count, 3);
    assert_eq!(
        load.unsized_message.as_deref(),
        Some("1 item has no RICE effort and is not counted: “Export”.")
    );
    assert_eq!(releases[1].load.item_count, 0);

    let detail = store.read(|c| get_release(c, &early.id)).unwrap();
    assert_eq!(detail.release, releases[0], "the list and the detail agree");
    let titles: Vec<&str> = detail.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Bank sync", "Budgets", "Export"], "backlog order");
    assert_eq!(detail.items[0].size, Some(12.0));

    // A deleted item leaves the load; its undo brings it back.
    let bank = id_of(&store, &product, "Bank sync");
    store.write(|c| delete_item(c, &bank)).unwrap();
    let lighter = store.read(|c| get_release(c, &early.id)).unwrap();
    assert_eq!(lighter.release.load.load, 9.0);
    store.undo().unwrap();
    assert_eq!(store.read(|c| get_release(c, &early.id)).unwrap(), detail);
    let _ = late;
}

#[test]
fn a_points_release_counts_the_wsjf_job_size() {
    let (store, product) = store_with_items(&["Receipts"]);
    let receipts = id_of(&store, &product, "Receipts");
    let release = store
        .write(|c| {
            create_release(
                c,
                &product,
                &ReleaseFields {
                    capacity_unit: Some(CapacityUnit::Points),
                    ..fields("Sprint 9", "2026-04-01", Some(5.0))
                },
            )
        })
        .unwrap()
        .release;
    let job_size = [ScoreChange {
        input: ScoreInput::WsjfJobSize,
        value: Some(InputValue::Number(8.0)),
    }];
    store
        .write(|c| set_score_inputs(c, std::slice::from_ref(&receipts), &job_size))
        .unwrap();
    store
        .write(|c| set_item_link(c, &receipts, PlanLink::Release, Some(&release.id)))
        .unwrap();
    let load = store
        .read(|c| get_release(c, &release.id))
        .unwrap()
        .release
        .load;
    assert!(load.over_capacity);
    assert_eq!(
        load.message,
        "8 of 5 points (160 %): over capacity by 3 points"
    );
}

#[test]
fn edits_refusals_and_deletes_of_releases() {
    let (store, product) = store_with_items(&["Bank sync"]);
    let bank = id_of(&store, &product, "Bank sync");
    let release = store
        .write(|c| create_release(c, &product, &fields("2.0", "2026-04-01", None)))
        .unwrap()
        .release;
    assert_eq!(release.capacity, None);
    assert_eq!(
        release.load.message,
        "0 person-months planned; no capacity set"
    );
    let edited = store
        .write(|c| update_release(c, &release.id, &fields("2.0", "2026-05-01", Some(12.0))))
        .unwrap();
    assert_eq!(undo_label(&store), "Edit release “2.0”");
    assert_eq!(edited.release.capacity, Some(12.0));
    let before = store.history_state();
    let refused = store.write(|c| {
        update_release(
            c,
            &release.id,
            &ReleaseFields {
                ends_on: "2026-01-01".into(),
                ..fields("2.0", "2026-05-01", Some(12.0))
            },
        )
    });
    assert!(matches!(
        refused,
        Err(CoreError::Invalid {
            field: "endsOn",
            ..
        })
    ));
    assert_eq!(store.history_state(), before);

    store
        .write(|c| set_item_link(c, &bank, PlanLink::Release, Some(&release.id)))
        .unwrap();
    let milestone = store
        .write(|c| {
            create_milestone(
                c,
                &product,
                &MilestoneFields {
                    name: "Beta launch".into(),
                    falls_on: "2026-06-01".into(),
                    release_id: Some(release.id.clone()),
                },
            )
        })
        .unwrap();
    assert_eq!(undo_label(&store), "Add milestone “Beta launch”");
    assert_eq!(milestone.release.as_ref().unwrap().name, "2.0");

    store.write(|c| delete_release(c, &release.id)).unwrap();
    assert_eq!(undo_label(&store), "Delete release “2.0”");
    assert!(store
        .read(|c| list_releases(c, &product))
        .unwrap()
        .is_empty());
    let hidden = store.read(|c| list_milestones(c, &product)).unwrap();
    assert_eq!(
        hidden[0].release, None,
        "hidden while the release is deleted"
    );
    let stored: Option<String> = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT release_id FROM backlog_item WHERE id = ?1",
                [&bank],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(stored, Some(release.id.clone()), "the link itself is kept");
    store.undo().unwrap();
    let back = store.read(|c| get_release(c, &release.id)).unwrap();
    assert_eq!(back.items.len(), 1);
    assert_eq!(
        store.read(|c| list_milestones(c, &product)).unwrap(),
        vec![milestone]
    );
}

#[test]
fn milestones_are_dated_edited_and_deleted_in_one_step_each() {
    let (store, product) = store_with_items(&[]);
    let beta = MilestoneFields {
        name: "Beta launch".into(),
        falls_on: "2026-06-01".into(),
        release_id: None,
    };
    let first = store
        .write(|c| create_milestone(c, &product, &beta))
        .unwrap();
    store
        .write(|c| {
            create_milestone(
                c,
                &product,
                &MilestoneFields {
                    name: "Kick-off".into(),
                    falls_on: "2026-03-01".into(),
                    release_id: None,
                },
            )
        })
        .unwrap();
    let names: Vec<String> = store
        .read(|c| list_milestones(c, &product))
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["Kick-off", "Beta launch"], "date order");
    let refused = store.write(|c| {
        update_milestone(
            c,
            &first.id,
            &MilestoneFields {
                falls_on: "2026-13-01".into(),
                ..beta.clone()
            },
        )
    });
    assert!(matches!(
        refused,
        Err(CoreError::Invalid {
            field: "fallsOn",
            ..
        })
    ));
    let refused = store.write(|c| {
        update_milestone(
            c,
            &first.id,
            &MilestoneFields {
                release_id: Some("no-such-release".into()),
                ..beta.clone()
            },
        )
    });
    assert!(matches!(
        refused,
        Err(CoreError::Invalid {
            field: "releaseId",
            ..
        })
    ));
    store
        .write(|c| {
            update_milestone(
                c,
                &first.id,
                &MilestoneFields {
                    falls_on: "2026-06-15".into(),
                    ..beta.clone()
                },
            )
        })
        .unwrap();
    assert_eq!(undo_label(&store), "Edit milestone “Beta launch”");
    store.write(|c| delete_milestone(c, &first.id)).unwrap();
    assert_eq!(undo_label(&store), "Delete milestone “Beta launch”");
    store.undo().unwrap();
    store.undo().unwrap();
    let back = store.read(|c| get_milestone_of(c, &first.id)).unwrap();
    assert_eq!(back, first);
}

fn get_milestone_of(c: &Connection, id: &str) -> CoreResult<crate::plan::Milestone> {
    crate::queries::milestones::get_milestone(c, id)
}
