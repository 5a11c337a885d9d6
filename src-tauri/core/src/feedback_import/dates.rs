//! The day a feedback row was given. Accepted: `YYYY-MM-DD` (also with a time after it, as
//! exports write timestamps, or with `/`), and the slashed `dd/mm/yyyy` or `mm/dd/yyyy` when it
//! can be read only one way. A slashed date is read one way when either number is above 12
//! (31/01/2026 is day first), or when the same file has such a date and never the other order:
//! then 03/04/2026 is read in the order the file proves, and the preview says so. When nothing
//! settles it, or the file proves both orders, 03/04/2026 is a problem of its row.

use crate::calendar::CalendarDay;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    DayFirst,
    MonthFirst,
}

impl DayOrder {
    fn words(self) -> &'static str {
        match self {
            DayOrder::DayFirst => "day/month/year",
            DayOrder::MonthFirst => "month/day/year",
        }
    }
}

/// How a source's slashed dates are read: the first date of each order found, with its place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayReading {
    day_first: Option<(String, String)>,
    month_first: Option<(String, String)>,
    /// The first slashed date that only an order could settle.
    ambiguous: Option<String>,
}

/// A slashed date's numbers: (first, second, year).
fn slashed(text: &str) -> Option<(u32, u32, i32)> {
    let date = text.split_whitespace().next()?;
    let mut parts = date.split('/');
    let (first, second, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || first.len() > 2 || second.len() > 2 {
        return None;
    }
    Some((
        first.parse().ok()?,
        second.parse().ok()?,
        year.parse().ok()?,
    ))
}

/// The order a slashed date proves by itself (a number above 12), if any.
fn proven_order(first: u32, second: u32) -> Option<DayOrder> {
    match (first > 12, second > 12) {
        (true, false) => Some(DayOrder::DayFirst),
        (false, true) => Some(DayOrder::MonthFirst),
        _ => None,
    }
}

impl DayReading {
    /// Looks at every row's date text (with its place, "line 7") for the orders they prove.
    pub fn of<'a>(dates: impl IntoIterator<Item = (&'a str, &'a str)>) -> DayReading {
        let mut reading = DayReading::default();
        for (place, text) in dates {
            let Some((first, second, _)) = slashed(text.trim()) else {
                continue;
            };
            let seen = (place.to_string(), text.trim().to_string());
            match proven_order(first, second) {
                Some(DayOrder::DayFirst) => {
                    reading.day_first.get_or_insert(seen);
                }
                Some(DayOrder::MonthFirst) => {
                    reading.month_first.get_or_insert(seen);
                }
                None if first != second => {
                    reading.ambiguous.get_or_insert(seen.1);
                }
                None => {}
            }
        }
        reading
    }

    /// The order the file proves, when it proves exactly one.
    fn order(&self) -> Option<DayOrder> {
        match (&self.day_first, &self.month_first) {
            (Some(_), None) => Some(DayOrder::DayFirst),
            (None, Some(_)) => Some(DayOrder::MonthFirst),
            _ => None,
        }
    }

    /// What the preview says about the file's slashed dates, when some needed an order.
    pub fn sentence(&self) -> Option<String> {
        let example = self.ambiguous.as_ref()?;
        Some(match (&self.day_first, &self.month_first) {
            (Some((place, text)), None) | (None, Some((place, text))) => format!(
                "Dates like {example} are read as {}: {place} has {text}.",
                self.order().map_or("", DayOrder::words)
            ),
            (Some((day_place, day_text)), Some((month_place, month_text))) => format!(
                "The file writes dates both as day/month/year ({day_place} has {day_text}) and \
                 as month/day/year ({month_place} has {month_text}), so dates like {example} \
                 cannot be read."
            ),
            (None, None) => format!(
                "Dates like {example} could be day/month/year or month/day/year, and no date \
                 in the file tells which: write them as year-month-day."
            ),
        })
    }

    /// The day `text` names as `YYYY-MM-DD`, `None` when blank, or why it cannot be read.
    pub fn parse(&self, text: &str) -> Result<Option<String>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if let Some(day) = iso_day(text) {
            return Ok(Some(day.to_string()));
        }
        let not_a_date = || {
            format!(
                "“{text}” is not a date: write it as year-month-day (2026-03-01) or as \
                 day/month/year."
            )
        };
        let (first, second, year) = slashed(text).ok_or_else(not_a_date)?;
        let order = match proven_order(first, second) {
            Some(order) => order,
            None if first == second => DayOrder::DayFirst,
            None => self.order().ok_or_else(|| {
                let day_first = CalendarDay::from_ymd(year, second, first).map(CalendarDay::words);
                let month_first =
                    CalendarDay::from_ymd(year, first, second).map(CalendarDay::words);
                format!(
                    "“{text}” could be {} or {}, and no date in the file tells which: write it \
                     as year-month-day.",
                    day_first.unwrap_or_default(),
                    month_first.unwrap_or_default()
                )
            })?,
        };
        let (month, day) = match order {
            DayOrder::DayFirst => (second, first),
            DayOrder::MonthFirst => (first, second),
        };
        CalendarDay::from_ymd(year, month, day)
            .map(|day| Some(day.to_string()))
            .ok_or_else(not_a_date)
    }
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`, alone or followed by a time (`T10:22:00Z`, ` 10:22`).
fn iso_day(text: &str) -> Option<CalendarDay> {
    let head = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    let bytes = head.as_bytes();
    let separator = bytes[4];
    if !(separator == b'-' || separator == b'/') || bytes[7] != separator {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &head[range];
        part.bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    CalendarDay::from_ymd(year, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(dates: &[&str]) -> DayReading {
        let places: Vec<String> = (0..dates.len())
            .map(|i| format!("line {}", i + 2))
            .collect();
        DayReading::of(places.iter().map(String::as_str).zip(dates.iter().copied()))
    }

    #[test]
    fn reads_iso_days_with_or_without_a_time() {
        let none = DayReading::default();
        for text in [
            "2026-03-01",
            " 2026-03-01T10:22:00Z",
            "2026/03/01",
            "2026-03-01 10:22",
        ] {
            assert_eq!(
                none.parse(text).unwrap().as_deref(),
                Some("2026-03-01"),
                "{text}"
            );
        }
        assert_eq!(none.parse("  ").unwrap(), None);
        for text in [
            "2026-02-30",
            "yesterday",
            "2026-3-1",
            "1/2/26",
            "2026-03-01x",
        ] {
            assert!(none.parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn a_slashed_date_above_twelve_reads_one_way_by_itself() {
        let none = DayReading::default();
        assert_eq!(
            none.parse("31/01/2026").unwrap().as_deref(),
            Some("2026-01-31")
        );
        assert_eq!(
            none.parse("01/31/2026").unwrap().as_deref(),
            Some("2026-01-31")
        );
        assert_eq!(
            none.parse("04/04/2026").unwrap().as_deref(),
            Some("2026-04-04")
        );
        assert_eq!(
            none.parse("03/04/2026").unwrap_err(),
            "“03/04/2026” could be 3 Apr 2026 or 4 Mar 2026, and no date in the file tells \
             which: write it as year-month-day."
        );
        assert!(none.parse("31/02/2026").is_err());
    }

    #[test]
    fn the_file_settles_the_order_of_ambiguous_dates_and_says_how() {
        let day_first = reading(&["03/04/2026", "31/01/2026"]);
        assert_eq!(
            day_first.parse("03/04/2026").unwrap().as_deref(),
            Some("2026-04-03")
        );
        assert_eq!(
            day_first.sentence().unwrap(),
            "Dates like 03/04/2026 are read as day/month/year: line 3 has 31/01/2026."
        );
        let month_first = reading(&["03/04/2026", "12/25/2026"]);
        assert_eq!(
            month_first.parse("03/04/2026").unwrap().as_deref(),
            Some("2026-03-04")
        );
        let both = reading(&["03/04/2026", "31/01/2026", "12/25/2026"]);
        assert!(both.parse("03/04/2026").is_err());
        assert!(both.sentence().unwrap().contains("cannot be read"));
        assert_eq!(reading(&["2026-01-01", "31/01/2026"]).sentence(), None);
    }
}
