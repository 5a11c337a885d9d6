//! Baselines on a real store: what a save freezes, that later edits leave it as it was, the
//! comparison of a worked example (an item deleted since, a card moved, dates slipped, a release
//! renamed and moved), one undo step per save, rename and delete, and the name's refusals.

use super::*;
use crate::baseline::compare::ChangeKind;
use crate::board::BoardKind;
use crate::model::MoveTarget;
use crate::plan::{PlanLink, ReleaseFields};
use crate::queries::board_moves::move_card;
use crate::queries::item_plan::set_item_link;
use crate::queries::item_schedule::set_item_dates;
use crate::queries::items::delete_item;
use crate::queries::items::test_support::*;
use crate::queries::releases::{create_release, update_release};
use crate::roadmap::Horizon;
use crate::Store;

fn put(store: &Store, id: &str, lane: &str) {
    store
        .write(|c| move_card(c, id, BoardKind::Horizon, lane, &MoveTarget::Bottom))
        .unwrap();
}

fn release_fields(name: &str, starts_on: &str, ends_on: &str) -> ReleaseFields {
    ReleaseFields {
        name: name.to_string(),
        starts_on: starts_on.to_string(),
        ends_on: ends_on.to_string(),
        ..Default::default()
    }
}

/// Lumen with A, B in Now (A dated 2028-02-20 – 2028-02-28, in release 1.0), C in Next,
/// D not on the roadmap, and release 1.0.
fn planned() -> (Store, String, [String; 4], String) {
    let (store, product) = store_with_items(&["A", "B", "C", "D"]);
    let ids = ["A", "B", "C", "D"].map(|title| id_of(&store, &product, title));
    put(&store, &ids[0], "now");
    put(&store, &ids[1], "now");
    put(&store, &ids[2], "next");
    store
        .write(|c| set_item_dates(c, &ids[0], Some("2028-02-20"), Some("2028-02-28")))
        .unwrap();
    let release = store
        .write(|c| {
            create_release(
                c,
                &product,
                &release_fields("1.0", "2028-01-01", "2028-03-31"),
            )
        })
        .unwrap()
        .release;
    store
        .write(|c| set_item_link(c, &ids[0], PlanLink::Release, Some(&release.id)))
        .unwrap();
    (store, product, ids, release.id)
}

#[test]
fn a_baseline_freezes_the_roadmap_in_board_order() {
    let (store, product, ids, release) = planned();
    let saved = store
        .write(|c| save_baseline(c, &product, "  Q2 planning "))
        .unwrap();
    assert_eq!(saved.name, "Q2 planning");
    assert_eq!(saved.item_count, 3, "A, B and C are on the roadmap");
    let snapshot = store.read(|c| baseline_snapshot(c, &saved.id)).unwrap();
    let items: Vec<(&str, Option<Horizon>, i32)> = snapshot
        .items
        .iter()
        .map(|item| (item.title.as_str(), item.horizon, item.lane_position))
        .collect();
    assert_eq!(
        items,
        [
            ("A", Some(Horizon::Now), 1),
            ("B", Some(Horizon::Now), 2),
            ("C", Some(Horizon::Next), 1),
            ("D", None, 1),
        ]
    );
    assert_eq!(snapshot.items[0].id, ids[0]);
    assert_eq!(snapshot.items[0].start_date.as_deref(), Some("2028-02-20"));
    assert_eq!(snapshot.items[0].release.as_ref().unwrap().id, release);
    assert_eq!(snapshot.releases[0].name, "1.0");
    let listed = store.read(|c| list_baselines(c, &product)).unwrap();
    assert_eq!(listed, [saved]);
}

#[test]
fn compare_reports_a_worked_example_and_the_baseline_does_not_change() {
    let (store, product, ids, release) = planned();
    let saved = store
        .write(|c| save_baseline(c, &product, "Q2 planning"))
        .unwrap();
    let frozen = store.read(|c| baseline_snapshot(c, &saved.id)).unwrap();
    let nothing = store.read(|c| compare_baseline(c, &saved.id)).unwrap();
    assert_eq!(nothing.summary, "Nothing changed since “Q2 planning”.");

    store.write(|c| delete_item(c, &ids[1])).unwrap();
    put(&store, &ids[2], "later");
    put(&store, &ids[3], "now");
    // The end crosses 29 Feb 2028: 28 Feb → 2 Mar is 3 days later.
    store
        .write(|c| set_item_dates(c, &ids[0], Some("2028-02-20"), Some("2028-03-02")))
        .unwrap();
    store
        .write(|c| {
            update_release(
                c,
                &release,
                &release_fields("1.0 Spring", "2028-01-01", "2028-04-07"),
            )
        })
        .unwrap();
    let two = store
        .write(|c| {
            create_release(
                c,
                &product,
                &release_fields("2.0", "2028-04-01", "2028-06-30"),
            )
        })
        .unwrap()
        .release;
    store
        .write(|c| set_item_link(c, &ids[2], PlanLink::Release, Some(&two.id)))
        .unwrap();

    let report = store.read(|c| compare_baseline(c, &saved.id)).unwrap();
    let by_kind = |kind: ChangeKind| -> Vec<String> {
        report
            .groups
            .iter()
            .find(|group| group.kind == kind)
            .unwrap()
            .changes
            .iter()
            .map(|change| format!("{}: {}", change.title, change.words))
            .collect()
    };
    assert_eq!(by_kind(ChangeKind::Added), ["D: Added to Now"]);
    assert_eq!(
        by_kind(ChangeKind::Dropped),
        ["B: Deleted since (was in Now)"]
    );
    assert_eq!(by_kind(ChangeKind::Moved), ["C: Next → Later"]);
    assert_eq!(
        by_kind(ChangeKind::Slipped),
        ["A: Ends 3 days later (was 20 Feb – 28 Feb 2028, now 20 Feb – 2 Mar 2028)"]
    );
    assert_eq!(
        by_kind(ChangeKind::ReleaseChanged),
        ["C: Put in release “2.0”"]
    );
    assert_eq!(
        by_kind(ChangeKind::ReleaseDates),
        ["1.0 Spring: Ends 7 days later (was 1 Jan – 31 Mar 2028, now 1 Jan – 7 Apr 2028)"]
    );
    assert_eq!(report.summary, "6 changes since “Q2 planning”.");
    assert_eq!(report.bars.len(), 1);
    assert_eq!(report.bars[0].end_date, "2028-02-28");
    let after = store.read(|c| baseline_snapshot(c, &saved.id)).unwrap();
    assert_eq!(after, frozen, "a baseline is read-only");
}

#[test]
fn save_rename_and_delete_are_one_undo_step_each() {
    let (store, product, _, _) = planned();
    let saved = store.write(|c| save_baseline(c, &product, "Q2")).unwrap();
    let renamed = store
        .write(|c| rename_baseline(c, &saved.id, "Q2 planning"))
        .unwrap();
    assert_eq!(renamed.name, "Q2 planning");
    store.write(|c| delete_baseline(c, &saved.id)).unwrap();
    assert!(store
        .read(|c| list_baselines(c, &product))
        .unwrap()
        .is_empty());
    store.undo().unwrap();
    assert_eq!(
        store.read(|c| list_baselines(c, &product)).unwrap()[0].name,
        "Q2 planning"
    );
    store.undo().unwrap();
    assert_eq!(
        store.read(|c| list_baselines(c, &product)).unwrap()[0].name,
        "Q2"
    );
    store.undo().unwrap();
    assert!(store
        .read(|c| list_baselines(c, &product))
        .unwrap()
        .is_empty());
}

#[test]
fn a_blank_or_long_name_is_refused_and_nothing_is_saved() {
    let (store, product, _, _) = planned();
    let blank = store
        .write(|c| save_baseline(c, &product, "  "))
        .unwrap_err();
    assert_eq!(
        blank.to_string(),
        CoreError::invalid("name", "Give the baseline a name, e.g. “Q2 planning”.").to_string()
    );
    let long = "x".repeat(101);
    assert!(store.write(|c| save_baseline(c, &product, &long)).is_err());
    assert!(store
        .read(|c| list_baselines(c, &product))
        .unwrap()
        .is_empty());
    let missing = store.read(|c| compare_baseline(c, "nope")).unwrap_err();
    assert!(matches!(missing, CoreError::NotFound { .. }));
}
