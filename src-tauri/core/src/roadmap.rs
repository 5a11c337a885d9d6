//! The roadmap's horizon (Now / Next / Later) and an item's schedule (its start and end days),
//! with the types they cross IPC in. The table work is in `queries::item_schedule` (dates),
//! `queries::board_moves` (the horizon, through the Now/Next/Later board) and
//! `queries::timeline` (the timeline view).

use serde::{Deserialize, Serialize};

use crate::calendar::{range_words, CalendarDay};
use crate::error::{CoreError, CoreResult};

/// A new bar dropped on the timeline at a day lasts this many days (two weeks) until resized.
pub const DEFAULT_BAR_DAYS: i64 = 14;

/// Where an item sits on the roadmap; `None` (not on the roadmap) is the board's Unsorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    Now,
    Next,
    Later,
}

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Now, Horizon::Next, Horizon::Later];

    pub fn as_str(self) -> &'static str {
        match self {
            Horizon::Now => "now",
            Horizon::Next => "next",
            Horizon::Later => "later",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Now",
            Horizon::Next => "Next",
            Horizon::Later => "Later",
        }
    }

    pub fn parse(text: &str) -> CoreResult<Horizon> {
        Horizon::ALL
            .into_iter()
            .find(|horizon| horizon.as_str() == text)
            .ok_or_else(|| {
                CoreError::invalid(
                    "horizon",
                    format!("“{text}” is not a horizon. Use now, next or later."),
                )
            })
    }
}

/// An item's start and end days, both or neither, the end on or after the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub start: CalendarDay,
    pub end: CalendarDay,
}

impl Schedule {
    /// Both days parsed, or a refusal naming the field at fault.
    pub fn parse(start: Option<&str>, end: Option<&str>) -> CoreResult<Option<Schedule>> {
        let blank = |text: Option<&str>| text.is_none_or(|text| text.trim().is_empty());
        match (blank(start), blank(end)) {
            (true, true) => Ok(None),
            (false, true) => Err(CoreError::invalid(
                "endDate",
                "Give the end date too, or clear both dates.",
            )),
            (true, false) => Err(CoreError::invalid(
                "startDate",
                "Give the start date too, or clear both dates.",
            )),
            (false, false) => {
                let start = CalendarDay::parse("startDate", start.unwrap_or_default())?;
                let end = CalendarDay::parse("endDate", end.unwrap_or_default())?;
                Schedule::new(start, end).map(Some)
            }
        }
    }

    pub fn new(start: CalendarDay, end: CalendarDay) -> CoreResult<Schedule> {
        if end < start {
            return Err(CoreError::invalid(
                "endDate",
                format!(
                    "The end ({}) is before the start ({}): an item ends on or after the day it starts.",
                    end.words(),
                    start.words()
                ),
            ));
        }
        Ok(Schedule { start, end })
    }

    /// Length in days, both ends included (a one-day bar is 1).
    pub fn days(self) -> i64 {
        self.start.days_until(self.end) + 1
    }

    /// "3 Mar – 21 Apr 2027".
    pub fn words(self) -> String {
        range_words(self.start, self.end)
    }
}

/// What a schedule change did: the item's new days (both `null` when cleared) and how the UI
/// says them ("3 Mar – 21 Apr 2027", or "No dates").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ItemDates {
    pub item_id: String,
    pub title: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub words: String,
}

impl ItemDates {
    pub fn of(item_id: &str, title: &str, schedule: Option<Schedule>) -> ItemDates {
        ItemDates {
            item_id: item_id.to_string(),
            title: title.to_string(),
            start_date: schedule.map(|s| s.start.to_string()),
            end_date: schedule.map(|s| s.end.to_string()),
            words: schedule.map_or_else(|| NO_DATES.to_string(), Schedule::words),
        }
    }
}

/// What an item without dates says.
pub const NO_DATES: &str = "No dates";
