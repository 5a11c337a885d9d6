//! Validation of the plan's fields, with the refusals the UI shows beside the field. The
//! columns' CHECKs repeat these rules as the second line of defence.

use crate::decision::validate_decided_on;
use crate::error::{CoreError, CoreResult};
use crate::scoring::format::format_number;
use crate::validate::MAX_TITLE_CHARS;

use super::{GoalFields, KeyResultFields, MilestoneFields, ReleaseFields, ThemeFields};

/// A description (goal, theme): a paragraph, not a document.
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
/// A theme's, a release's or a milestone's name.
pub const MAX_NAME_CHARS: usize = 100;
/// A key result's metric.
pub const MAX_METRIC_CHARS: usize = 200;
/// A key result's unit ("%", "users", "€ per month").
pub const MAX_UNIT_CHARS: usize = 30;
/// A key result's numbers stay within ±this (the column's CHECK says the same).
pub const MAX_MAGNITUDE: f64 = 1e12;
/// A release's capacity is at most this, in its unit.
pub const MAX_CAPACITY: f64 = 1e6;

/// One line of at most `max` characters, trimmed; `empty` is the refusal for a blank one
/// (`None`: a blank line is allowed).
pub(crate) fn one_line(
    field: &'static str,
    what: &str,
    text: &str,
    max: usize,
    empty: Option<&str>,
) -> CoreResult<String> {
    let trimmed = text.trim();
    if let (true, Some(message)) = (trimmed.is_empty(), empty) {
        return Err(CoreError::invalid(field, message));
    }
    let length = trimmed.chars().count();
    if length > max {
        return Err(CoreError::invalid(
            field,
            format!("The {what} can be at most {max} characters; this one has {length}."),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(CoreError::invalid(
            field,
            format!("The {what} must fit on one line (no line breaks or tabs)."),
        ));
    }
    Ok(trimmed.to_string())
}

/// A description of at most 2,000 characters, trimmed; line breaks are allowed.
fn description(text: &str) -> CoreResult<String> {
    let trimmed = text.trim();
    let length = trimmed.chars().count();
    if length > MAX_DESCRIPTION_CHARS {
        return Err(CoreError::invalid(
            "description",
            format!(
                "The description can be at most {MAX_DESCRIPTION_CHARS} characters; this one has \
                 {length}."
            ),
        ));
    }
    Ok(trimmed.to_string())
}

/// A calendar day `YYYY-MM-DD`, refused under `field` (the decision log's rule).
pub fn calendar_day(field: &'static str, text: &str) -> CoreResult<String> {
    validate_decided_on(text).map_err(|error| match error {
        CoreError::Invalid { reason, .. } => CoreError::invalid(field, reason),
        other => other,
    })
}

/// A finite number within ±1e12.
fn number(field: &'static str, what: &str, value: f64) -> CoreResult<f64> {
    if !value.is_finite() || value.abs() > MAX_MAGNITUDE {
        return Err(CoreError::invalid(
            field,
            format!(
                "The {what} must be a number between -1,000,000,000,000 and 1,000,000,000,000."
            ),
        ));
    }
    // -0 would read "-0": the same value, written as people write it.
    Ok(if value == 0.0 { 0.0 } else { value })
}

pub fn goal(fields: &GoalFields) -> CoreResult<GoalFields> {
    Ok(GoalFields {
        title: one_line(
            "title",
            "objective",
            &fields.title,
            MAX_TITLE_CHARS,
            Some("Say what the goal is: give it an objective."),
        )?,
        description: description(&fields.description)?,
    })
}

/// A key result with its `current` value filled in (the baseline when not given).
pub struct ValidKeyResult {
    pub metric: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub current: f64,
}

pub fn key_result(fields: &KeyResultFields) -> CoreResult<ValidKeyResult> {
    let metric = one_line(
        "metric",
        "metric",
        &fields.metric,
        MAX_METRIC_CHARS,
        Some("Name the metric this key result measures."),
    )?;
    let unit = one_line("unit", "unit", &fields.unit, MAX_UNIT_CHARS, None)?;
    let baseline = match fields.baseline {
        Some(value) => number("baseline", "baseline", value)?,
        None => {
            return Err(CoreError::invalid(
                "baseline",
                "Give the key result its baseline: the value the metric started from.",
            ))
        }
    };
    let target = match fields.target {
        Some(value) => number("target", "target", value)?,
        None => {
            return Err(CoreError::invalid(
                "target",
                "Give the key result a target: the value it should reach.",
            ))
        }
    };
    let current = number(
        "current",
        "current value",
        fields.current.unwrap_or(baseline),
    )?;
    if baseline == target {
        return Err(CoreError::invalid(
            "target",
            format!(
                "The target must differ from the baseline ({}): a key result measures a change.",
                format_number(baseline)
            ),
        ));
    }
    Ok(ValidKeyResult {
        metric,
        unit,
        baseline,
        target,
        current,
    })
}

pub fn theme(fields: &ThemeFields) -> CoreResult<ThemeFields> {
    Ok(ThemeFields {
        name: one_line(
            "name",
            "theme's name",
            &fields.name,
            MAX_NAME_CHARS,
            Some("Give the theme a name."),
        )?,
        description: description(&fields.description)?,
    })
}

pub fn release(fields: &ReleaseFields) -> CoreResult<ReleaseFields> {
    let name = one_line(
        "name",
        "release's name",
        &fields.name,
        MAX_NAME_CHARS,
        Some("Give the release a name (“2.0”, “Spring release”)."),
    )?;
    let starts_on = calendar_day("startsOn", &fields.starts_on)?;
    let ends_on = calendar_day("endsOn", &fields.ends_on)?;
    if ends_on < starts_on {
        return Err(CoreError::invalid(
            "endsOn",
            format!("The release cannot end ({ends_on}) before it starts ({starts_on})."),
        ));
    }
    let (capacity, capacity_unit) = match (fields.capacity, fields.capacity_unit) {
        (None, _) => (None, None),
        (Some(_), None) => {
            return Err(CoreError::invalid(
                "capacityUnit",
                "Say what the capacity counts: points (WSJF job size) or person-months (RICE \
                 effort).",
            ))
        }
        (Some(capacity), Some(unit)) => {
            if !capacity.is_finite() || capacity <= 0.0 || capacity > MAX_CAPACITY {
                return Err(CoreError::invalid(
                    "capacity",
                    format!(
                        "The capacity must be more than 0 and at most {} {}; leave it empty for \
                         no capacity.",
                        format_number(MAX_CAPACITY),
                        unit.words(MAX_CAPACITY)
                    ),
                ));
            }
            (Some(capacity), Some(unit))
        }
    };
    Ok(ReleaseFields {
        name,
        starts_on,
        ends_on,
        capacity,
        capacity_unit,
    })
}

pub fn milestone(fields: &MilestoneFields) -> CoreResult<MilestoneFields> {
    Ok(MilestoneFields {
        name: one_line(
            "name",
            "milestone's name",
            &fields.name,
            MAX_NAME_CHARS,
            Some("Give the milestone a name (“Beta launch”)."),
        )?,
        falls_on: calendar_day("fallsOn", &fields.falls_on)?,
        release_id: fields
            .release_id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(String::from),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::CapacityUnit;

    fn refusal<T>(result: CoreResult<T>) -> (String, String) {
        match result {
            Err(CoreError::Invalid { field, reason }) => (field.to_string(), reason),
            Err(other) => panic!("expected Invalid, got {other:?}"),
            Ok(_) => panic!("expected Invalid, got a value"),
        }
    }

    fn kr(baseline: f64, target: f64, current: Option<f64>) -> KeyResultFields {
        KeyResultFields {
            metric: "Monthly churn".into(),
            unit: "%".into(),
            baseline: Some(baseline),
            target: Some(target),
            current,
        }
    }

    #[test]
    fn a_goal_needs_a_one_line_objective() {
        let ok = goal(&GoalFields {
            title: "  Freelancers trust the numbers ".into(),
            description: " Why.\nBecause. ".into(),
        })
        .unwrap();
        assert_eq!(ok.title, "Freelancers trust the numbers");
        assert_eq!(ok.description, "Why.\nBecause.");
        assert_eq!(
            refusal(goal(&GoalFields::default())),
            (
                "title".into(),
                "Say what the goal is: give it an objective.".into()
            )
        );
        let (_, long) = refusal(goal(&GoalFields {
            title: "g".repeat(301),
            description: String::new(),
        }));
        assert_eq!(
            long,
            "The objective can be at most 300 characters; this one has 301."
        );
        assert!(refusal(goal(&GoalFields {
            title: "a\nb".into(),
            description: String::new(),
        }))
        .1
        .contains("one line"));
        let (field, _) = refusal(goal(&GoalFields {
            title: "ok".into(),
            description: "d".repeat(2001),
        }));
        assert_eq!(field, "description");
    }

    #[test]
    fn key_results_are_finite_and_measure_a_change() {
        let ok = key_result(&kr(4.0, 2.5, None)).unwrap();
        assert_eq!(ok.current, 4.0, "current defaults to the baseline");
        assert_eq!(
            refusal(key_result(&kr(3.0, 3.0, None))),
            (
                "target".into(),
                "The target must differ from the baseline (3): a key result measures a change."
                    .into()
            )
        );
        for (bad, field) in [
            (kr(f64::NAN, 1.0, None), "baseline"),
            (kr(0.0, f64::INFINITY, None), "target"),
            (kr(0.0, 1.0, Some(2e12)), "current"),
        ] {
            let (got, reason) = refusal(key_result(&bad));
            assert_eq!(got, field);
            assert!(reason.contains("must be a number"), "{reason}");
        }
        let (field, _) = refusal(key_result(&KeyResultFields {
            metric: " ".into(),
            ..kr(0.0, 1.0, None)
        }));
        assert_eq!(field, "metric");
        let (field, _) = refusal(key_result(&KeyResultFields {
            unit: "u".repeat(31),
            ..kr(0.0, 1.0, None)
        }));
        assert_eq!(field, "unit");
        assert_eq!(
            key_result(&kr(-0.0, 1.0, None))
                .unwrap()
                .baseline
                .to_string(),
            "0"
        );
    }

    #[test]
    fn releases_end_after_they_start_and_capacity_has_a_unit() {
        let fields = ReleaseFields {
            name: " 2.0 ".into(),
            starts_on: "2026-04-01".into(),
            ends_on: "2026-06-30".into(),
            capacity: Some(24.0),
            capacity_unit: Some(CapacityUnit::PersonMonths),
        };
        let ok = release(&fields).unwrap();
        assert_eq!(ok.name, "2.0");
        let one_day = release(&ReleaseFields {
            ends_on: "2026-04-01".into(),
            ..fields.clone()
        });
        assert!(one_day.is_ok(), "a release may start and end on one day");
        assert_eq!(
            refusal(release(&ReleaseFields {
                ends_on: "2026-03-31".into(),
                ..fields.clone()
            })),
            (
                "endsOn".into(),
                "The release cannot end (2026-03-31) before it starts (2026-04-01).".into()
            )
        );
        let (field, reason) = refusal(release(&ReleaseFields {
            starts_on: "2026-02-30".into(),
            ..fields.clone()
        }));
        assert_eq!(field, "startsOn");
        assert!(reason.contains("is not a date"), "{reason}");
        for bad in [0.0, -1.0, f64::NAN, 2e6] {
            let (field, reason) = refusal(release(&ReleaseFields {
                capacity: Some(bad),
                ..fields.clone()
            }));
            assert_eq!(field, "capacity");
            assert!(reason.contains("more than 0"), "{reason}");
        }
        assert_eq!(
            refusal(release(&ReleaseFields {
                capacity_unit: None,
                ..fields.clone()
            }))
            .0,
            "capacityUnit"
        );
        let no_capacity = release(&ReleaseFields {
            capacity: None,
            ..fields
        })
        .unwrap();
        assert_eq!(
            (no_capacity.capacity, no_capacity.capacity_unit),
            (None, None)
        );
    }

    #[test]
    fn milestones_are_named_days() {
        let ok = milestone(&MilestoneFields {
            name: "Beta launch".into(),
            falls_on: "2026-05-15".into(),
            release_id: Some(" ".into()),
        })
        .unwrap();
        assert_eq!(ok.release_id, None);
        assert_eq!(
            refusal(milestone(&MilestoneFields {
                name: "Beta".into(),
                falls_on: "15/05/2026".into(),
                release_id: None,
            }))
            .0,
            "fallsOn"
        );
        assert_eq!(
            refusal(theme(&ThemeFields::default())).1,
            "Give the theme a name."
        );
    }
}
