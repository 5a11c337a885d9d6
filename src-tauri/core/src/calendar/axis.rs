//! The timeline's axis: for a scale (week, month, quarter) and the days it must show, the ticks
//! (each with its first day, its label and its offset in days from the axis start) and how wide
//! a day is drawn. The timeline view and a later picture export both place bars with it, so
//! the layout lives here once.

use serde::{Deserialize, Serialize};

use chrono::Datelike;

use super::CalendarDay;

/// The zoom of the timeline: what one tick is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TimelineScale {
    Week,
    Month,
    Quarter,
}

impl TimelineScale {
    pub const ALL: [TimelineScale; 3] = [
        TimelineScale::Week,
        TimelineScale::Month,
        TimelineScale::Quarter,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TimelineScale::Week => "Weeks",
            TimelineScale::Month => "Months",
            TimelineScale::Quarter => "Quarters",
        }
    }

    /// Pixels per day (whole pixels, so a day boundary never falls between two): a week tick
    /// is 84 px wide, a month about 124, a quarter about 182.
    pub fn day_width(self) -> i32 {
        match self {
            TimelineScale::Week => 12,
            TimelineScale::Month => 4,
            TimelineScale::Quarter => 2,
        }
    }

    /// The first day of the tick holding `day`.
    pub fn tick_start(self, day: CalendarDay) -> CalendarDay {
        match self {
            TimelineScale::Week => day.week_start(),
            TimelineScale::Month => day.month_start(),
            TimelineScale::Quarter => day.quarter_start(),
        }
    }

    /// The first day of the tick after the one starting at `start`; `None` past 9999.
    fn next_tick(self, start: CalendarDay) -> Option<CalendarDay> {
        match self {
            TimelineScale::Week => start.add_days("axis", 7).ok(),
            TimelineScale::Month => start.next_month_start(1),
            TimelineScale::Quarter => start.next_month_start(3),
        }
    }

    /// "W14" (ISO week), "Apr 2027", "Q2 2027".
    fn tick_label(self, start: CalendarDay) -> String {
        match self {
            TimelineScale::Week => format!("W{}", start.iso_week().1),
            TimelineScale::Month => format!("{} {}", start.month_name(), start.year()),
            TimelineScale::Quarter => {
                format!("Q{} {}", start.date().month0() / 3 + 1, start.year())
            }
        }
    }

    /// The year a tick belongs to (a week's ISO year).
    fn tick_year(self, start: CalendarDay) -> i32 {
        match self {
            TimelineScale::Week => start.iso_week().0,
            TimelineScale::Month | TimelineScale::Quarter => start.year(),
        }
    }
}

/// One tick of the axis.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AxisTick {
    /// Its first day, `YYYY-MM-DD`.
    pub start: String,
    /// Days from the axis start to its first day.
    pub offset: i32,
    /// Its length in days (7; 28–31; 90–92).
    pub days: i32,
    /// "W14", "Apr 2027", "Q2 2027".
    pub label: String,
    /// The year, on the first tick and on each tick where the year changes; else `null`.
    pub year: Option<i32>,
}

/// The axis: from `start` (a tick's first day) for `days` days.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineAxis {
    pub scale: TimelineScale,
    /// The first day shown, `YYYY-MM-DD`.
    pub start: String,
    /// How many days it shows (the last tick's end − start).
    pub days: i32,
    /// Pixels per day at this scale.
    pub day_width: i32,
    pub ticks: Vec<AxisTick>,
}

/// The axis of `scale` covering every day from `first` to `last` (inclusive), in whole ticks.
pub fn build_axis(scale: TimelineScale, first: CalendarDay, last: CalendarDay) -> TimelineAxis {
    let (first, last) = if last < first {
        (last, first)
    } else {
        (first, last)
    };
    let start = scale.tick_start(first);
    let mut ticks: Vec<AxisTick> = Vec::new();
    let mut tick = start;
    let mut previous_year: Option<i32> = None;
    let mut days: i64 = 0;
    while tick <= last {
        let next = scale.next_tick(tick);
        // The last tick of the calendar ends with 9999-12-31.
        let tick_days = match next {
            Some(next) => tick.days_until(next),
            None => tick.days_until(CalendarDay::last()) + 1,
        };
        let year = scale.tick_year(tick);
        ticks.push(AxisTick {
            start: tick.to_string(),
            offset: days_i32(start.days_until(tick)),
            days: days_i32(tick_days),
            label: scale.tick_label(tick),
            year: (previous_year != Some(year)).then_some(year),
        });
        previous_year = Some(year);
        days = start.days_until(tick) + tick_days;
        match next {
            Some(next) => tick = next,
            None => break,
        }
    }
    TimelineAxis {
        scale,
        start: start.to_string(),
        days: days_i32(days),
        day_width: scale.day_width(),
        ticks,
    }
}

/// A day count as IPC carries it (the calendar spans fewer than 3.7 million days).
pub(crate) fn days_i32(days: i64) -> i32 {
    i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> CalendarDay {
        CalendarDay::parse("date", text).unwrap()
    }

    fn labels(axis: &TimelineAxis) -> Vec<&str> {
        axis.ticks.iter().map(|tick| tick.label.as_str()).collect()
    }

    #[test]
    fn a_week_axis_starts_on_a_monday_and_numbers_iso_weeks_across_the_year() {
        let axis = build_axis(TimelineScale::Week, day("2026-12-24"), day("2027-01-12"));
        assert_eq!(axis.start, "2026-12-21");
        assert_eq!(labels(&axis), ["W52", "W53", "W1", "W2"]);
        let years: Vec<Option<i32>> = axis.ticks.iter().map(|tick| tick.year).collect();
        assert_eq!(years, [Some(2026), None, Some(2027), None]);
        let offsets: Vec<i32> = axis.ticks.iter().map(|tick| tick.offset).collect();
        assert_eq!(offsets, [0, 7, 14, 21]);
        assert_eq!(axis.days, 28);
        assert_eq!(axis.day_width, 12);
    }

    #[test]
    fn a_month_axis_has_each_months_length_leap_february_included() {
        let axis = build_axis(TimelineScale::Month, day("2024-01-15"), day("2024-03-01"));
        assert_eq!(labels(&axis), ["Jan 2024", "Feb 2024", "Mar 2024"]);
        let lengths: Vec<i32> = axis.ticks.iter().map(|tick| tick.days).collect();
        assert_eq!(lengths, [31, 29, 31]);
        assert_eq!(axis.days, 91);
        let plain = build_axis(TimelineScale::Month, day("2100-02-10"), day("2100-02-10"));
        assert_eq!(plain.ticks[0].days, 28);
        assert_eq!(plain.start, "2100-02-01");
    }

    #[test]
    fn a_quarter_axis_crosses_the_year_and_marks_it() {
        let axis = build_axis(TimelineScale::Quarter, day("2026-11-30"), day("2027-05-02"));
        assert_eq!(axis.start, "2026-10-01");
        assert_eq!(labels(&axis), ["Q4 2026", "Q1 2027", "Q2 2027"]);
        let starts: Vec<&str> = axis.ticks.iter().map(|t| t.start.as_str()).collect();
        assert_eq!(starts, ["2026-10-01", "2027-01-01", "2027-04-01"]);
        let lengths: Vec<i32> = axis.ticks.iter().map(|tick| tick.days).collect();
        assert_eq!(lengths, [92, 90, 91]);
        assert_eq!(axis.ticks[1].offset, 92);
        assert_eq!(axis.ticks[1].year, Some(2027));
        assert_eq!(axis.days, 273);
    }

    #[test]
    fn the_axis_ends_at_the_calendars_end() {
        let axis = build_axis(TimelineScale::Month, day("9999-12-05"), day("9999-12-31"));
        assert_eq!(labels(&axis), ["Dec 9999"]);
        assert_eq!(axis.days, 31);
    }
}
