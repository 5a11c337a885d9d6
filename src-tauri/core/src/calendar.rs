//! Calendar days: the dates of decisions and of roadmap bars. A day is a `chrono::NaiveDate`,
//! never a timestamp, so a bar that ends on 21 April ends on 21 April in every time zone. Days
//! cross IPC and the export as `YYYY-MM-DD` text in the years 1–9999 (what SQLite's `date()`,
//! the columns' CHECK, reads back unchanged).
//!
//! Everything here is pure: parsing with worded refusals, adding days, the starts of ISO weeks,
//! months and quarters, the words a range is shown with, and the timeline's axis (`axis`).

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::error::{CoreError, CoreResult};

pub mod axis;

/// The first and last day a stored date may be.
const FIRST_YEAR: i32 = 1;
const LAST_YEAR: i32 = 9999;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One calendar day in the years 1–9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDay(NaiveDate);

impl CalendarDay {
    /// The last day a date may be, 9999-12-31.
    pub fn last() -> CalendarDay {
        CalendarDay(NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX))
    }
    /// The day written `YYYY-MM-DD` (surrounding spaces allowed), or a refusal for `field`.
    /// chrono alone also reads `2026-3-1`, `0000-01-01` and `+10000-01-01`: those are refused.
    pub fn parse(field: &'static str, text: &str) -> CoreResult<CalendarDay> {
        let trimmed = text.trim();
        NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
            .ok()
            .filter(|date| (FIRST_YEAR..=LAST_YEAR).contains(&date.year()))
            .filter(|date| date.format("%Y-%m-%d").to_string() == trimmed)
            .map(CalendarDay)
            .ok_or_else(|| {
                CoreError::invalid(
                    field,
                    format!(
                        "“{trimmed}” is not a date. Write it as year-month-day, e.g. 2026-03-01."
                    ),
                )
            })
    }

    /// The day of a date that is known to be in range (tests, constants).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<CalendarDay> {
        NaiveDate::from_ymd_opt(year, month, day)
            .filter(|date| (FIRST_YEAR..=LAST_YEAR).contains(&date.year()))
            .map(CalendarDay)
    }

    /// Today on the computer's calendar (its local time zone).
    pub fn today() -> CalendarDay {
        CalendarDay(chrono::Local::now().date_naive())
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// This day moved by `days` (negative: earlier), refused for `field` when it would leave
    /// the years 1–9999.
    pub fn add_days(self, field: &'static str, days: i64) -> CoreResult<CalendarDay> {
        let moved = if days >= 0 {
            self.0.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            self.0.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        moved
            .filter(|date| (FIRST_YEAR..=LAST_YEAR).contains(&date.year()))
            .map(CalendarDay)
            .ok_or_else(|| {
                CoreError::invalid(
                    field,
                    format!("Moving {self} by {days} days leaves the calendar (years 1–9999)."),
                )
            })
    }

    /// Days from this day to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: CalendarDay) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// The Monday of this day's ISO week (which may be in the previous month or year).
    pub fn week_start(self) -> CalendarDay {
        let back = u64::from(self.0.weekday().num_days_from_monday());
        // 0001-01-01 is a Monday, so no day of year 1 has a week start before it.
        CalendarDay(self.0.checked_sub_days(Days::new(back)).unwrap_or(self.0))
    }

    /// The first day of this day's month.
    pub fn month_start(self) -> CalendarDay {
        CalendarDay(self.0.with_day(1).unwrap_or(self.0))
    }

    /// The first day of this day's quarter (1 January, 1 April, 1 July, 1 October).
    pub fn quarter_start(self) -> CalendarDay {
        let month = (self.0.month0() / 3) * 3 + 1;
        CalendarDay(NaiveDate::from_ymd_opt(self.0.year(), month, 1).unwrap_or(self.0))
    }

    /// The ISO week number (1–53) and the ISO year it belongs to.
    pub fn iso_week(self) -> (i32, u32) {
        let week = self.0.iso_week();
        (week.year(), week.week())
    }

    /// The first day of the next month or quarter (`months` = 1 or 3) after `self`, which must
    /// be such a start; `None` past 9999.
    pub(crate) fn next_month_start(self, months: u32) -> Option<CalendarDay> {
        self.0
            .checked_add_months(chrono::Months::new(months))
            .filter(|date| date.year() <= LAST_YEAR)
            .map(CalendarDay)
    }

    /// "3 Mar 2027".
    pub fn words(self) -> String {
        format!("{} {} {}", self.0.day(), self.month_name(), self.0.year())
    }

    pub fn month_name(self) -> &'static str {
        MONTHS.get(self.0.month0() as usize).copied().unwrap_or("")
    }

    pub fn is_monday(self) -> bool {
        self.0.weekday() == Weekday::Mon
    }
}

impl fmt::Display for CalendarDay {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// A range in words, the year said once when both days share it: "3 Mar – 21 Apr 2027",
/// "20 Dec 2026 – 9 Jan 2027", "3 Mar 2027" for a one-day bar.
pub fn range_words(start: CalendarDay, end: CalendarDay) -> String {
    if start == end {
        return start.words();
    }
    if start.year() == end.year() {
        format!(
            "{} {} – {}",
            start.date().day(),
            start.month_name(),
            end.words()
        )
    } else {
        format!("{} – {}", start.words(), end.words())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> CalendarDay {
        CalendarDay::parse("date", text).unwrap()
    }

    fn reason<T: fmt::Debug>(result: CoreResult<T>) -> (String, String) {
        match result {
            Err(CoreError::Invalid { field, reason }) => (field.to_string(), reason),
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn days_are_written_year_month_day_in_years_1_to_9999() {
        assert_eq!(day(" 2026-03-01 ").to_string(), "2026-03-01");
        assert_eq!(day("2024-02-29").to_string(), "2024-02-29");
        assert_eq!(day("0001-01-01").to_string(), "0001-01-01");
        assert_eq!(day("9999-12-31").to_string(), "9999-12-31");
        for wrong in [
            "2026-02-30",
            "2100-02-29",
            "2026-3-1",
            "01/03/2026",
            "",
            "2026-03-01T10:00",
            "0000-01-01",
            "-0001-01-01",
            "+10000-01-01",
        ] {
            let (field, text) = reason(CalendarDay::parse("startDate", wrong));
            assert_eq!(field, "startDate");
            assert_eq!(
                text,
                format!(
                    "“{}” is not a date. Write it as year-month-day, e.g. 2026-03-01.",
                    wrong.trim()
                )
            );
        }
    }

    #[test]
    fn adding_days_crosses_months_years_and_leap_days() {
        assert_eq!(
            day("2024-02-28").add_days("d", 1).unwrap(),
            day("2024-02-29")
        );
        assert_eq!(
            day("2024-02-29").add_days("d", 1).unwrap(),
            day("2024-03-01")
        );
        assert_eq!(
            day("2100-02-28").add_days("d", 1).unwrap(),
            day("2100-03-01")
        );
        assert_eq!(
            day("2026-12-31").add_days("d", 1).unwrap(),
            day("2027-01-01")
        );
        assert_eq!(
            day("2027-01-01").add_days("d", -1).unwrap(),
            day("2026-12-31")
        );
        assert_eq!(
            day("2024-03-01").add_days("d", -7).unwrap(),
            day("2024-02-23")
        );
        assert_eq!(
            day("2026-03-31").add_days("d", 0).unwrap(),
            day("2026-03-31")
        );
        assert_eq!(day("2024-01-01").days_until(day("2025-01-01")), 366);
        assert_eq!(day("2100-01-01").days_until(day("2101-01-01")), 365);
        assert_eq!(day("2026-03-10").days_until(day("2026-03-01")), -9);
        let (field, text) = reason(day("9999-12-31").add_days("endDate", 1));
        assert_eq!(field, "endDate");
        assert_eq!(
            text,
            "Moving 9999-12-31 by 1 days leaves the calendar (years 1–9999)."
        );
        assert!(day("0001-01-01").add_days("d", -1).is_err());
    }

    #[test]
    fn weeks_start_on_monday_months_and_quarters_on_their_first_day() {
        // 2027-01-01 is a Friday: its ISO week starts in 2026 and is week 53 of 2026.
        assert_eq!(day("2027-01-01").week_start(), day("2026-12-28"));
        assert_eq!(day("2027-01-01").iso_week(), (2026, 53));
        assert_eq!(day("2027-01-04").week_start(), day("2027-01-04"));
        assert_eq!(day("2027-01-04").iso_week(), (2027, 1));
        assert_eq!(day("2024-03-03").week_start(), day("2024-02-26"));
        assert_eq!(day("2024-02-29").month_start(), day("2024-02-01"));
        assert_eq!(day("2027-04-30").quarter_start(), day("2027-04-01"));
        assert_eq!(day("2027-03-31").quarter_start(), day("2027-01-01"));
        assert_eq!(day("2027-12-31").quarter_start(), day("2027-10-01"));
        assert_eq!(day("0001-01-03").week_start(), day("0001-01-01"));
    }

    #[test]
    fn ranges_say_the_year_once_when_they_share_it() {
        assert_eq!(
            range_words(day("2027-03-03"), day("2027-04-21")),
            "3 Mar – 21 Apr 2027"
        );
        assert_eq!(
            range_words(day("2026-12-20"), day("2027-01-09")),
            "20 Dec 2026 – 9 Jan 2027"
        );
        assert_eq!(
            range_words(day("2024-02-29"), day("2024-02-29")),
            "29 Feb 2024"
        );
    }
}
