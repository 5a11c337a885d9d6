//! The value/effort matrix's quadrants. Value and effort are each 1–10; 6 and above is "high",
//! 5 and below "low", so each quadrant is a 5 × 5 block of the 10 × 10 grid.

use serde::{Deserialize, Serialize};

/// The lowest value (or effort) that counts as high.
pub const HIGH_FROM: i32 = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Quadrant {
    /// High value, low effort: do these first.
    QuickWins,
    /// High value, high effort: plan them.
    BigBets,
    /// Low value, low effort: when there is time.
    FillIns,
    /// Low value, high effort: avoid.
    TimeSinks,
}

impl Quadrant {
    /// In reading order of the matrix: top left, top right, bottom left, bottom right.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::QuickWins,
        Quadrant::BigBets,
        Quadrant::FillIns,
        Quadrant::TimeSinks,
    ];

    /// The quadrant of a (value, effort) pair.
    pub fn of(value: i32, effort: i32) -> Quadrant {
        match (value >= HIGH_FROM, effort >= HIGH_FROM) {
            (true, false) => Quadrant::QuickWins,
            (true, true) => Quadrant::BigBets,
            (false, false) => Quadrant::FillIns,
            (false, true) => Quadrant::TimeSinks,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Quadrant::QuickWins => "Quick wins",
            Quadrant::BigBets => "Big bets",
            Quadrant::FillIns => "Fill-ins",
            Quadrant::TimeSinks => "Time sinks",
        }
    }

    /// What the quadrant holds, in words.
    pub fn summary(self) -> &'static str {
        match self {
            Quadrant::QuickWins => "High value, low effort",
            Quadrant::BigBets => "High value, high effort",
            Quadrant::FillIns => "Low value, low effort",
            Quadrant::TimeSinks => "Low value, high effort",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_is_high_and_five_is_low_on_both_axes() {
        assert_eq!(Quadrant::of(6, 5), Quadrant::QuickWins);
        assert_eq!(Quadrant::of(6, 6), Quadrant::BigBets);
        assert_eq!(Quadrant::of(5, 5), Quadrant::FillIns);
        assert_eq!(Quadrant::of(5, 6), Quadrant::TimeSinks);
    }

    #[test]
    fn the_corners_of_the_grid() {
        assert_eq!(Quadrant::of(10, 1), Quadrant::QuickWins);
        assert_eq!(Quadrant::of(10, 10), Quadrant::BigBets);
        assert_eq!(Quadrant::of(1, 1), Quadrant::FillIns);
        assert_eq!(Quadrant::of(1, 10), Quadrant::TimeSinks);
    }

    #[test]
    fn each_quadrant_is_a_quarter_of_the_grid() {
        for quadrant in Quadrant::ALL {
            let cells = (1..=10)
                .flat_map(|value| (1..=10).map(move |effort| (value, effort)))
                .filter(|&(value, effort)| Quadrant::of(value, effort) == quadrant)
                .count();
            assert_eq!(cells, 25, "{quadrant:?}");
        }
    }

    #[test]
    fn labels_and_summaries() {
        let labels: Vec<&str> = Quadrant::ALL.iter().map(|q| q.label()).collect();
        assert_eq!(labels, ["Quick wins", "Big bets", "Fill-ins", "Time sinks"]);
        assert_eq!(Quadrant::TimeSinks.summary(), "Low value, high effort");
    }
}
