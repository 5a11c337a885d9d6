use super::*;
use crate::board::BoardKind;
use crate::calendar::CalendarDay;
use crate::demo::seed_demo_product;
use crate::model::{MoveTarget, ProductPatch};
use crate::plan::{GoalFields, KeyResultFields, MilestoneFields, PlanLink, ReleaseFields};
use crate::queries::board_moves::move_card;
use crate::queries::goals::{create_goal, create_key_result};
use crate::queries::item_plan::set_item_link;
use crate::queries::item_schedule::set_item_dates;
use crate::queries::items::test_support::*;
use crate::queries::milestones::create_milestone;
use crate::queries::products::update_product;
use crate::queries::releases::create_release;
use crate::stakeholder::gather;
use crate::Store;

fn today() -> CalendarDay {
    CalendarDay::from_ymd(2026, 11, 30).unwrap()
}

/// Lumen: a goal with a key result, a release, a milestone, three cards in three lanes (one
/// with a hostile title) and one off the roadmap.
fn fixture() -> (Store, String) {
    let (store, product) = store_with_items(&[
        "Bank sync",
        "<script>alert(1)</script> *bold*",
        "Tax pot",
        "Parked",
    ]);
    let patch = ProductPatch {
        vision: Some("Money calm for freelancers.\nNo spreadsheets.".to_string()),
        ..Default::default()
    };
    store
        .write(|c| update_product(c, &product, &patch))
        .unwrap();
    let [bank, hostile, tax] = ["Bank sync", "<script>alert(1)</script> *bold*", "Tax pot"]
        .map(|title| id_of(&store, &product, title));
    for (id, lane) in [(&bank, "now"), (&hostile, "next"), (&tax, "later")] {
        store
            .write(|c| move_card(c, id, BoardKind::Horizon, lane, &MoveTarget::Bottom))
            .unwrap();
    }
    store
        .write(|c| set_item_dates(c, &bank, Some("2027-03-03"), Some("2027-04-21")))
        .unwrap();
    let goal = store
        .write(|c| {
            create_goal(
                c,
                &product,
                &GoalFields {
                    title: "Freelancers trust the numbers".to_string(),
                    description: String::new(),
                },
            )
        })
        .unwrap();
    store
        .write(|c| {
            create_key_result(
                c,
                &goal.id,
                &KeyResultFields {
                    metric: "Monthly churn".to_string(),
                    unit: "%".to_string(),
                    baseline: Some(6.0),
                    target: Some(4.0),
                    current: Some(5.0),
                },
            )
        })
        .unwrap();
    let release = store
        .write(|c| {
            create_release(
                c,
                &product,
                &ReleaseFields {
                    name: "2.0".to_string(),
                    starts_on: "2027-04-01".to_string(),
                    ends_on: "2027-06-30".to_string(),
                    ..Default::default()
                },
            )
        })
        .unwrap()
        .release;
    store
        .write(|c| set_item_link(c, &bank, PlanLink::Goal, Some(&goal.id)))
        .unwrap();
    store
        .write(|c| set_item_link(c, &bank, PlanLink::Release, Some(&release.id)))
        .unwrap();
    store
        .write(|c| {
            create_milestone(
                c,
                &product,
                &MilestoneFields {
                    name: "Beta launch".to_string(),
                    falls_on: "2027-05-01".to_string(),
                    release_id: Some(release.id.clone()),
                },
            )
        })
        .unwrap();
    (store, product)
}

fn markdown(store: &Store, product: &str) -> String {
    store
        .read(|c| gather(c, product, today()))
        .map(|report| render(&report))
        .unwrap()
}

#[test]
fn the_markdown_of_a_small_roadmap_matches_the_golden_file() {
    let (store, product) = fixture();
    let text = markdown(&store, &product);
    let golden = include_str!("testdata/roadmap.md");
    if text != golden {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/stakeholder/testdata/roadmap.new.md"
        );
        std::fs::write(path, &text).unwrap();
    }
    assert_eq!(
        text, golden,
        "the fresh export is in testdata/roadmap.new.md"
    );
}

#[test]
fn two_exports_of_the_same_data_are_identical_and_the_demo_has_every_lane() {
    let store = Store::open_in_memory().unwrap();
    let product = store.read(seed_demo_product).unwrap();
    let first = markdown(&store, &product);
    let second = markdown(&store, &product);
    assert_eq!(first, second);
    for heading in ["## Now\n", "## Next\n", "## Later\n", "As of 30 Nov 2026."] {
        assert!(first.contains(heading), "{heading} missing from\n{first}");
    }
}

#[test]
fn user_text_cannot_become_markup() {
    assert_eq!(
        escape("<script>alert(1)</script> *bold* [x](y) # h\nnext"),
        "\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](y) \\# h next"
    );
}
