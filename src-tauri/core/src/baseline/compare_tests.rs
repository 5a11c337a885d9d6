use super::*;
use crate::baseline::{SnapshotItem, SnapshotRelease, SNAPSHOT_FORMAT};

fn item(id: &str, horizon: Option<Horizon>, days: Option<(&str, &str)>) -> SnapshotItem {
    SnapshotItem {
        id: id.to_string(),
        title: format!("Item {id}"),
        horizon,
        lane_position: 1,
        start_date: days.map(|(start, _)| start.to_string()),
        end_date: days.map(|(_, end)| end.to_string()),
        release: None,
        goal: None,
        theme: None,
    }
}

fn release(id: &str, name: &str, starts_on: &str, ends_on: &str) -> SnapshotRelease {
    SnapshotRelease {
        id: id.to_string(),
        name: name.to_string(),
        starts_on: starts_on.to_string(),
        ends_on: ends_on.to_string(),
    }
}

fn reference(release: &SnapshotRelease) -> PlanRef {
    PlanRef {
        id: release.id.clone(),
        name: release.name.clone(),
    }
}

fn snapshot(items: Vec<SnapshotItem>, releases: Vec<SnapshotRelease>) -> RoadmapSnapshot {
    RoadmapSnapshot {
        format: SNAPSHOT_FORMAT,
        items,
        releases,
        milestones: Vec::new(),
    }
}

fn group(groups: &[ChangeGroup], kind: ChangeKind) -> &ChangeGroup {
    groups.iter().find(|group| group.kind == kind).unwrap()
}

fn words(groups: &[ChangeGroup], kind: ChangeKind) -> Vec<(String, String)> {
    group(groups, kind)
        .changes
        .iter()
        .map(|change| (change.subject_id.clone(), change.words.clone()))
        .collect()
}

#[test]
fn an_unchanged_roadmap_has_every_group_empty_in_order() {
    let roadmap = snapshot(vec![item("a", Some(Horizon::Now), None)], Vec::new());
    let groups = compare(&roadmap, &roadmap);
    let kinds: Vec<ChangeKind> = groups.iter().map(|group| group.kind).collect();
    assert_eq!(kinds, ChangeKind::ALL);
    assert!(groups.iter().all(|group| group.changes.is_empty()));
}

#[test]
fn added_dropped_and_moved_items() {
    let then = snapshot(
        vec![
            item("kept", Some(Horizon::Now), None),
            item("moved", Some(Horizon::Now), None),
            item("deleted", Some(Horizon::Later), None),
            item("parked", Some(Horizon::Next), None),
            item("promoted", None, None),
            item("never", None, None),
        ],
        Vec::new(),
    );
    let mut renamed = item("moved", Some(Horizon::Next), None);
    renamed.title = "Renamed since".to_string();
    let now = snapshot(
        vec![
            item("kept", Some(Horizon::Now), None),
            renamed,
            item("parked", None, None),
            item("promoted", Some(Horizon::Later), None),
            item("new", Some(Horizon::Now), None),
            item("never", None, None),
        ],
        Vec::new(),
    );
    let groups = compare(&then, &now);
    assert_eq!(
        words(&groups, ChangeKind::Added),
        [
            ("promoted".to_string(), "Added to Later".to_string()),
            ("new".to_string(), "Added to Now".to_string()),
        ]
    );
    assert_eq!(
        words(&groups, ChangeKind::Dropped),
        [
            (
                "deleted".to_string(),
                "Deleted since (was in Later)".to_string()
            ),
            (
                "parked".to_string(),
                "Taken off the roadmap (was in Next)".to_string()
            ),
        ]
    );
    let dropped = &group(&groups, ChangeKind::Dropped).changes;
    assert!(dropped[0].deleted && !dropped[1].deleted);
    assert_eq!(dropped[0].title, "Item deleted", "the baseline's title");
    let moved = &group(&groups, ChangeKind::Moved).changes;
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].title, "Renamed since");
    assert_eq!(moved[0].words, "Now → Next");
    assert_eq!(
        (moved[0].from_horizon, moved[0].to_horizon),
        (Some(Horizon::Now), Some(Horizon::Next))
    );
}

#[test]
fn slipped_dates_are_signed_days_across_a_leap_day() {
    let then = snapshot(
        vec![
            item(
                "late",
                Some(Horizon::Now),
                Some(("2028-02-27", "2028-02-28")),
            ),
            item(
                "early",
                Some(Horizon::Next),
                Some(("2027-03-01", "2027-03-31")),
            ),
            item(
                "same",
                Some(Horizon::Next),
                Some(("2027-01-01", "2027-01-02")),
            ),
            item(
                "unscheduled",
                Some(Horizon::Next),
                Some(("2027-01-01", "2027-01-02")),
            ),
        ],
        Vec::new(),
    );
    let now = snapshot(
        vec![
            // 28 Feb → 1 Mar 2028 crosses 29 Feb: two days, not one.
            item(
                "late",
                Some(Horizon::Now),
                Some(("2028-02-27", "2028-03-01")),
            ),
            item(
                "early",
                Some(Horizon::Next),
                Some(("2027-02-27", "2027-03-30")),
            ),
            item(
                "same",
                Some(Horizon::Next),
                Some(("2027-01-01", "2027-01-02")),
            ),
            item("unscheduled", Some(Horizon::Next), None),
        ],
        Vec::new(),
    );
    let groups = compare(&then, &now);
    let slipped = &group(&groups, ChangeKind::Slipped).changes;
    let shifts: Vec<(&str, Option<i32>, Option<i32>)> = slipped
        .iter()
        .map(|c| (c.subject_id.as_str(), c.start_shift_days, c.end_shift_days))
        .collect();
    assert_eq!(
        shifts,
        [("late", Some(0), Some(2)), ("early", Some(-2), Some(-1))]
    );
    assert_eq!(
        slipped[0].words,
        "Ends 2 days later (was 27 Feb – 28 Feb 2028, now 27 Feb – 1 Mar 2028)"
    );
    assert_eq!(
        slipped[1].words,
        "Starts 2 days earlier, ends 1 day earlier (was 1 Mar – 31 Mar 2027, now 27 Feb – 30 Mar 2027)"
    );
}

#[test]
fn items_moved_between_releases_and_a_renamed_release_is_the_same_release() {
    let one = release("r1", "1.0", "2027-01-01", "2027-03-31");
    let two = release("r2", "2.0", "2027-04-01", "2027-06-30");
    let mut in_one = item("a", Some(Horizon::Now), None);
    in_one.release = Some(reference(&one));
    let mut stays = item("b", Some(Horizon::Now), None);
    stays.release = Some(reference(&two));
    let then = snapshot(vec![in_one, stays], vec![one.clone(), two.clone()]);

    let renamed_two = release("r2", "2.0 Bank sync", "2027-04-01", "2027-07-14");
    let mut moved = item("a", Some(Horizon::Now), None);
    moved.release = Some(reference(&renamed_two));
    let mut stays = item("b", Some(Horizon::Now), None);
    stays.release = Some(reference(&renamed_two));
    let now = snapshot(vec![moved, stays], vec![one, renamed_two]);

    let groups = compare(&then, &now);
    let changed = &group(&groups, ChangeKind::ReleaseChanged).changes;
    assert_eq!(
        changed.len(),
        1,
        "the renamed release is not a change of release"
    );
    assert_eq!(changed[0].words, "From release “1.0” to “2.0 Bank sync”");
    assert_eq!(changed[0].from_release.as_ref().unwrap().id, "r1");
    assert_eq!(changed[0].to_release.as_ref().unwrap().id, "r2");
    assert_eq!(
        words(&groups, ChangeKind::ReleaseDates),
        [(
            "r2".to_string(),
            "Ends 14 days later (was 1 Apr – 30 Jun 2027, now 1 Apr – 14 Jul 2027)".to_string()
        )]
    );
    assert_eq!(
        group(&groups, ChangeKind::ReleaseDates).changes[0].title,
        "2.0 Bank sync"
    );
}

#[test]
fn an_item_put_in_and_taken_out_of_a_release() {
    let one = release("r1", "1.0", "2027-01-01", "2027-03-31");
    let mut was_in = item("out", None, None);
    was_in.release = Some(reference(&one));
    let then = snapshot(vec![was_in, item("in", None, None)], vec![one.clone()]);
    let mut now_in = item("in", None, None);
    now_in.release = Some(reference(&one));
    let now = snapshot(vec![item("out", None, None), now_in], vec![one]);
    assert_eq!(
        words(&compare(&then, &now), ChangeKind::ReleaseChanged),
        [
            ("out".to_string(), "Taken out of release “1.0”".to_string()),
            ("in".to_string(), "Put in release “1.0”".to_string()),
        ]
    );
}
