//! The scales every input is measured on, and the categories of MoSCoW and Kano, with their
//! labels. The UI offers exactly these (through `get_scoring_scales`), validation refuses
//! anything else, and the schema's CHECKs repeat them as a second line of defence.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult};

/// RICE impact: the five values of the scale, with their names.
pub const RICE_IMPACT: [(f64, &str); 5] = [
    (3.0, "massive"),
    (2.0, "high"),
    (1.0, "medium"),
    (0.5, "low"),
    (0.25, "minimal"),
];

/// RICE confidence in percent, with its names.
pub const RICE_CONFIDENCE: [(i32, &str); 3] = [(100, "high"), (80, "medium"), (50, "low")];

/// The modified Fibonacci scale of every WSJF input.
pub const WSJF_SCALE: [i32; 7] = [1, 2, 3, 5, 8, 13, 20];

/// ICE inputs and the matrix's value and effort are whole numbers from 1 to 10.
pub const WHOLE_MIN: i32 = 1;
pub const WHOLE_MAX: i32 = 10;

/// RICE reach: people or events in a period, from 0 (a bound keeps the arithmetic exact and the
/// breakdowns readable).
pub const MAX_RICE_REACH: f64 = 1e12;

/// RICE effort in person-months: more than 0, from 0.01 (an hour or two: the floor keeps every
/// RICE score finite, at most 1e12 × 3 / 0.01) to 1,000.
pub const MIN_RICE_EFFORT: f64 = 0.01;
pub const MAX_RICE_EFFORT: f64 = 1_000.0;

/// The person-month steps sensitivity moves RICE effort along (the next step below or above the
/// item's effort; none beyond the ends).
pub const RICE_EFFORT_STEPS: [f64; 12] = [
    0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 9.0, 12.0, 18.0, 24.0, 36.0,
];

/// Sensitivity moves RICE reach by this share of itself each way (reach 0 has no step).
pub const RICE_REACH_STEP: f64 = 0.25;

/// How ICE combines its three inputs, a setting of each product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum IceMode {
    /// Impact × confidence × ease (1 to 1,000).
    #[default]
    Product,
    /// (Impact + confidence + ease) / 3 (1 to 10).
    Average,
}

impl IceMode {
    pub const ALL: [IceMode; 2] = [IceMode::Product, IceMode::Average];

    pub fn as_str(self) -> &'static str {
        match self {
            IceMode::Product => "product",
            IceMode::Average => "average",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            IceMode::Product => "Product: impact × confidence × ease",
            IceMode::Average => "Average: (impact + confidence + ease) / 3",
        }
    }

    pub fn parse(text: &str) -> CoreResult<IceMode> {
        IceMode::ALL
            .into_iter()
            .find(|mode| mode.as_str() == text)
            .ok_or_else(|| {
                CoreError::invalid(
                    "iceMode",
                    format!("“{text}” is not a way to combine ICE. Use product or average."),
                )
            })
    }
}

/// A MoSCoW bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MoscowBucket {
    Must,
    Should,
    Could,
    Wont,
}

impl MoscowBucket {
    pub const ALL: [MoscowBucket; 4] = [
        MoscowBucket::Must,
        MoscowBucket::Should,
        MoscowBucket::Could,
        MoscowBucket::Wont,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MoscowBucket::Must => "must",
            MoscowBucket::Should => "should",
            MoscowBucket::Could => "could",
            MoscowBucket::Wont => "wont",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MoscowBucket::Must => "Must",
            MoscowBucket::Should => "Should",
            MoscowBucket::Could => "Could",
            MoscowBucket::Wont => "Won't",
        }
    }

    pub fn parse(text: &str) -> Option<MoscowBucket> {
        MoscowBucket::ALL
            .into_iter()
            .find(|bucket| bucket.as_str() == text)
    }
}

/// A Kano category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum KanoCategory {
    MustBe,
    Performance,
    Attractive,
    Indifferent,
    Reverse,
    Questionable,
}

impl KanoCategory {
    pub const ALL: [KanoCategory; 6] = [
        KanoCategory::MustBe,
        KanoCategory::Performance,
        KanoCategory::Attractive,
        KanoCategory::Indifferent,
        KanoCategory::Reverse,
        KanoCategory::Questionable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            KanoCategory::MustBe => "must_be",
            KanoCategory::Performance => "performance",
            KanoCategory::Attractive => "attractive",
            KanoCategory::Indifferent => "indifferent",
            KanoCategory::Reverse => "reverse",
            KanoCategory::Questionable => "questionable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            KanoCategory::MustBe => "Must-be",
            KanoCategory::Performance => "Performance",
            KanoCategory::Attractive => "Attractive",
            KanoCategory::Indifferent => "Indifferent",
            KanoCategory::Reverse => "Reverse",
            KanoCategory::Questionable => "Questionable",
        }
    }

    pub fn parse(text: &str) -> Option<KanoCategory> {
        KanoCategory::ALL
            .into_iter()
            .find(|category| category.as_str() == text)
    }
}

/// The label of a RICE impact value: "2 (high)".
pub fn rice_impact_label(value: f64) -> String {
    let name = RICE_IMPACT
        .iter()
        .find(|(allowed, _)| *allowed == value)
        .map_or("", |(_, name)| name);
    format!("{} ({name})", super::format::format_number(value))
}

/// The label of a RICE confidence: "80 % (medium)".
pub fn rice_confidence_label(percent: i32) -> String {
    let name = RICE_CONFIDENCE
        .iter()
        .find(|(allowed, _)| *allowed == percent)
        .map_or("", |(_, name)| name);
    format!("{percent} % ({name})")
}

/// The next value below and above `value` on a list of allowed values in any order (none past
/// either end).
pub fn neighbours_on(scale: &[f64], value: f64) -> (Option<f64>, Option<f64>) {
    let below = scale
        .iter()
        .copied()
        .filter(|step| *step < value)
        .max_by(f64::total_cmp);
    let above = scale
        .iter()
        .copied()
        .filter(|step| *step > value)
        .min_by(f64::total_cmp);
    (below, above)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_round_trip_through_their_stored_names() {
        for bucket in MoscowBucket::ALL {
            assert_eq!(MoscowBucket::parse(bucket.as_str()), Some(bucket));
        }
        for category in KanoCategory::ALL {
            assert_eq!(KanoCategory::parse(category.as_str()), Some(category));
        }
        assert_eq!(MoscowBucket::parse("Must"), None, "stored names only");
        assert_eq!(KanoCategory::parse("delighter"), None);
        assert_eq!(MoscowBucket::Wont.label(), "Won't");
        assert_eq!(KanoCategory::MustBe.label(), "Must-be");
    }

    #[test]
    fn ice_modes_are_product_or_average() {
        assert_eq!(IceMode::default(), IceMode::Product);
        assert_eq!(IceMode::parse("average").unwrap(), IceMode::Average);
        match IceMode::parse("median") {
            Err(CoreError::Invalid { field, reason }) => {
                assert_eq!(field, "iceMode");
                assert_eq!(
                    reason,
                    "“median” is not a way to combine ICE. Use product or average."
                );
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn labels_name_the_value_and_its_meaning() {
        assert_eq!(rice_impact_label(0.25), "0.25 (minimal)");
        assert_eq!(rice_impact_label(3.0), "3 (massive)");
        assert_eq!(rice_confidence_label(80), "80 % (medium)");
    }

    #[test]
    fn neighbours_stop_at_the_ends_of_a_scale() {
        let wsjf: Vec<f64> = WSJF_SCALE.iter().map(|v| f64::from(*v)).collect();
        assert_eq!(neighbours_on(&wsjf, 5.0), (Some(3.0), Some(8.0)));
        assert_eq!(neighbours_on(&wsjf, 1.0), (None, Some(2.0)));
        assert_eq!(neighbours_on(&wsjf, 20.0), (Some(13.0), None));
        // Between two steps (an effort of 5 person-months): the steps around it.
        assert_eq!(
            neighbours_on(&RICE_EFFORT_STEPS, 5.0),
            (Some(4.0), Some(6.0))
        );
        assert_eq!(neighbours_on(&RICE_EFFORT_STEPS, 0.1), (None, Some(0.25)));
        assert_eq!(neighbours_on(&RICE_EFFORT_STEPS, 50.0), (Some(36.0), None));
        let impact: Vec<f64> = RICE_IMPACT.iter().map(|(v, _)| *v).collect();
        assert_eq!(neighbours_on(&impact, 1.0), (Some(0.5), Some(2.0)));
    }
}
