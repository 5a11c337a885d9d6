//! A release's load against its capacity, derived from its items' sizes on every read. An item's
//! size is its input in the release's unit: RICE effort for person-months, WSJF job size for
//! points. Items without that input are counted and named, never guessed. The Musts' share of the
//! load follows the MoSCoW board's effort rule (`queries::boards::must_share`).

use serde::Serialize;

use crate::decision::LinkedItem;
use crate::queries::boards::{must_share, must_share_ending, MUST_EFFORT_LIMIT_PERCENT};
use crate::scoring::format::format_number;
use crate::scoring::MoscowBucket;
use crate::text::quoted;

use super::{CapacityUnit, ReleaseItem};

/// The unit a release without a capacity is counted in: person-months, like the MoSCoW board's
/// effort check.
pub const DEFAULT_UNIT: CapacityUnit = CapacityUnit::PersonMonths;

/// How much of a release's capacity its items take, and how much of that is Musts.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseLoad {
    /// What the load is counted in: the capacity's unit, or person-months without one.
    pub unit: CapacityUnit,
    /// The sum of the sized items' sizes.
    #[specta(type = specta_typescript::Number)]
    pub load: f64,
    #[specta(type = Option<specta_typescript::Number>)]
    pub capacity: Option<f64>,
    /// Load ÷ capacity × 100; `null` without a capacity. May pass 100.
    #[specta(type = Option<specta_typescript::Number>)]
    pub percent: Option<f64>,
    pub over_capacity: bool,
    /// The release's live items.
    pub item_count: i32,
    /// The items without a size in this unit (not counted), in backlog order.
    pub unsized_items: Vec<LinkedItem>,
    /// The sized Musts' share of the load, in percent; `null` when the load is 0.
    #[specta(type = Option<specta_typescript::Number>)]
    pub must_percent: Option<f64>,
    /// The limit, 60 (the MoSCoW board's).
    #[specta(type = specta_typescript::Number)]
    pub must_limit_percent: f64,
    pub musts_over_limit: bool,
    /// "21 of 24 person-months (88 %)".
    pub message: String,
    /// "2 items have no RICE effort and are not counted: “A”, “B”."; `null` when all are sized.
    pub unsized_message: Option<String>,
    /// "Musts take 58 % of this release's load (14 of 24 person-months)."; `null` when the load
    /// is 0.
    pub must_message: Option<String>,
}

/// An item's size in `unit`.
pub fn size_in(
    unit: CapacityUnit,
    rice_effort: Option<f64>,
    wsjf_job_size: Option<i32>,
) -> Option<f64> {
    match unit {
        CapacityUnit::PersonMonths => rice_effort,
        CapacityUnit::Points => wsjf_job_size.map(f64::from),
    }
}

fn amount(value: f64, unit: CapacityUnit) -> String {
    format!("{} {}", format_number(value), unit.words(value))
}

/// The load of a release whose items (in backlog order, sized in `unit`) are `items`.
pub fn release_load(
    capacity: Option<f64>,
    unit: CapacityUnit,
    items: &[ReleaseItem],
) -> ReleaseLoad {
    // Folded from +0: an empty float `sum` is -0, which reads "-0".
    let load = items
        .iter()
        .filter_map(|item| item.size)
        .fold(0.0, |total, size| total + size);
    let must_load = items
        .iter()
        .filter(|item| item.moscow == Some(MoscowBucket::Must))
        .filter_map(|item| item.size)
        .fold(0.0, |total, size| total + size);
    let unsized_items: Vec<LinkedItem> = items
        .iter()
        .filter(|item| item.size.is_none())
        .map(|item| LinkedItem {
            id: item.id.clone(),
            title: item.title.clone(),
        })
        .collect();
    let percent = capacity.map(|capacity| load / capacity * 100.0);
    let over_capacity = capacity.is_some_and(|capacity| load > capacity);
    let message = match (capacity, percent) {
        (Some(capacity), Some(percent)) => {
            let base = format!(
                "{} of {} ({} %)",
                format_number(load),
                amount(capacity, unit),
                format_number(percent.round())
            );
            if over_capacity {
                format!("{base}: over capacity by {}", amount(load - capacity, unit))
            } else {
                base
            }
        }
        _ => format!("{} planned; no capacity set", amount(load, unit)),
    };
    let unsized_message = match unsized_items.as_slice() {
        [] => None,
        [item] => Some(format!(
            "1 item has no {} and is not counted: {}.",
            unit.size_input(),
            quoted(&item.title)
        )),
        many => Some(format!(
            "{} items have no {} and are not counted: {}.",
            many.len(),
            unit.size_input(),
            many.iter()
                .map(|item| quoted(&item.title))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    };
    // The MoSCoW board's rule, with the release's load as the planned work.
    let (must_percent, musts_over_limit) = must_share(must_load, load);
    let must_message = must_percent.map(|percent| {
        format!(
            "Musts take {} % of this release’s load ({} of {}){}",
            format_number(percent.round()),
            format_number(must_load),
            amount(load, unit),
            must_share_ending(musts_over_limit)
        )
    });
    ReleaseLoad {
        unit,
        load,
        capacity,
        percent,
        over_capacity,
        item_count: i32::try_from(items.len()).unwrap_or(i32::MAX),
        unsized_items,
        must_percent,
        must_limit_percent: MUST_EFFORT_LIMIT_PERCENT,
        musts_over_limit,
        message,
        unsized_message,
        must_message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, moscow: Option<MoscowBucket>, size: Option<f64>) -> ReleaseItem {
        ReleaseItem {
            id: title.to_lowercase(),
            title: title.into(),
            moscow,
            size,
        }
    }

    const MUST: Option<MoscowBucket> = Some(MoscowBucket::Must);
    const SHOULD: Option<MoscowBucket> = Some(MoscowBucket::Should);

    #[test]
    fn the_load_is_the_sum_of_sizes_against_the_capacity() {
        // 12 + 6 + 3 = 21 of 24 person-months: 87.5 %, read as 88 %.
        let items = [
            item("Bank sync", MUST, Some(12.0)),
            item("Budgets", SHOULD, Some(6.0)),
            item("Dark mode", None, Some(3.0)),
        ];
        let load = release_load(Some(24.0), CapacityUnit::PersonMonths, &items);
        assert_eq!(load.load, 21.0);
        assert_eq!(load.percent, Some(87.5));
        assert!(!load.over_capacity);
        assert_eq!(load.item_count, 3);
        assert_eq!(load.message, "21 of 24 person-months (88 %)");
        assert_eq!(load.unsized_message, None);
        // Musts: 12 of 21 = 57 %, under the 60 % limit.
        assert!(!load.musts_over_limit);
        assert_eq!(
            load.must_message.as_deref(),
            Some("Musts take 57 % of this release’s load (12 of 21 person-months).")
        );
    }

    #[test]
    fn over_capacity_is_flagged_in_words() {
        let items = [
            item("Bank sync", MUST, Some(20.0)),
            item("Budgets", MUST, Some(10.0)),
        ];
        let load = release_load(Some(24.0), CapacityUnit::PersonMonths, &items);
        assert!(load.over_capacity);
        assert_eq!(load.percent, Some(125.0));
        assert_eq!(
            load.message,
            "30 of 24 person-months (125 %): over capacity by 6 person-months"
        );
        assert!(load.musts_over_limit, "all of it is Musts");
        assert_eq!(
            load.must_message.as_deref(),
            Some(
                "Musts take 100 % of this release’s load (30 of 30 person-months): more than \
                 60 %, so nothing is left for surprises."
            )
        );
        let full = release_load(Some(30.0), CapacityUnit::PersonMonths, &items);
        assert!(!full.over_capacity, "exactly full is not over");
    }

    #[test]
    fn points_count_the_wsjf_job_size_and_unsized_items_are_named() {
        assert_eq!(size_in(CapacityUnit::Points, Some(3.0), Some(8)), Some(8.0));
        assert_eq!(
            size_in(CapacityUnit::PersonMonths, Some(3.0), Some(8)),
            Some(3.0)
        );
        assert_eq!(size_in(CapacityUnit::Points, Some(3.0), None), None);
        let items = [
            item("Receipts", SHOULD, Some(8.0)),
            item("Export", None, None),
            item("Dark mode", None, None),
        ];
        let load = release_load(Some(1.0), CapacityUnit::Points, &items);
        assert_eq!(
            load.message,
            "8 of 1 point (800 %): over capacity by 7 points"
        );
        assert_eq!(
            load.unsized_message.as_deref(),
            Some("2 items have no WSJF job size and are not counted: “Export”, “Dark mode”.")
        );
        assert_eq!(
            load.unsized_items
                .iter()
                .map(|i| i.title.as_str())
                .collect::<Vec<_>>(),
            ["Export", "Dark mode"]
        );
        assert_eq!(load.must_percent, Some(0.0));
    }

    #[test]
    fn edge_cases_no_capacity_no_items_all_unsized() {
        let empty = release_load(Some(24.0), CapacityUnit::PersonMonths, &[]);
        assert_eq!(empty.message, "0 of 24 person-months (0 %)");
        assert_eq!((empty.item_count, empty.must_message), (0, None));
        assert_eq!(empty.load.to_string(), "0", "never -0");

        let no_capacity = release_load(None, DEFAULT_UNIT, &[item("Bank sync", MUST, Some(1.0))]);
        assert_eq!(
            no_capacity.message,
            "1 person-month planned; no capacity set"
        );
        assert_eq!(
            (no_capacity.percent, no_capacity.over_capacity),
            (None, false)
        );

        let all_unsized = release_load(
            Some(10.0),
            CapacityUnit::PersonMonths,
            &[item("Export", MUST, None)],
        );
        assert_eq!(all_unsized.load, 0.0);
        assert_eq!(all_unsized.must_percent, None, "no load: no share");
        assert_eq!(
            all_unsized.unsized_message.as_deref(),
            Some("1 item has no RICE effort and is not counted: “Export”.")
        );
    }
}
