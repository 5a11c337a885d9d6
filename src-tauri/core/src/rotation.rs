//! Backup rotation: which of a database's backups are kept, and deleting the others.
//!
//! Kept, of one database's backups:
//! - every backup of the last 24 hours (two "Back up now" in an afternoon are both kept);
//! - the newest of each of the last 7 days that have a backup, and of each of the last 4 ISO
//!   weeks that have one (UTC);
//! - whatever the caller names: the backup it just made, the backup it just restored from.
//!
//! Rotation only frees space. It reads the folder's names, never the backups themselves, and a
//! failure is logged rather than reported: it never turns the backup or restore that came
//! before it into an error.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, TimeDelta};

use crate::backup::{backup_files, backups_folder};
use crate::error::CoreResult;
use crate::files::{same_file, sync_folder};
use crate::time::{now, Timestamp};

/// Every backup younger than this is kept.
const RECENT: TimeDelta = TimeDelta::hours(24);
const DAILY_BACKUPS_KEPT: usize = 7;
const WEEKLY_BACKUPS_KEPT: usize = 4;

/// Which backups rotation keeps, by index into `times` (newest first), at the time `now`.
fn kept_by_rotation(times: &[Timestamp], now: Timestamp) -> BTreeSet<usize> {
    let mut kept = BTreeSet::new();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    for (index, at) in times.iter().enumerate() {
        // A backup from the future (a clock that was set back) counts as recent.
        if now - *at < RECENT {
            kept.insert(index);
        }
        let day = at.date_naive();
        if !days.contains(&day) && days.len() < DAILY_BACKUPS_KEPT {
            days.push(day);
            kept.insert(index);
        }
        let week = (at.iso_week().year(), at.iso_week().week());
        if !weeks.contains(&week) && weeks.len() < WEEKLY_BACKUPS_KEPT {
            weeks.push(week);
            kept.insert(index);
        }
    }
    kept
}

/// Deletes `database`'s backups that rotation does not keep at `now`, never one of `keep`;
/// returns the paths deleted. A backup that is already gone (another Northstar rotated the
/// same folder) is not an error.
pub fn rotate_backups(database: &Path, now: Timestamp, keep: &[&Path]) -> CoreResult<Vec<PathBuf>> {
    let backups = backup_files(database)?;
    let times: Vec<Timestamp> = backups.iter().map(|backup| backup.created_at).collect();
    let kept = kept_by_rotation(&times, now);
    let mut deleted = Vec::new();
    for (index, backup) in backups.iter().enumerate() {
        if kept.contains(&index) || keep.iter().any(|kept| same_file(kept, &backup.path)) {
            continue;
        }
        if remove_backup(&backup.path)? {
            tracing::info!("rotation deleted the backup {}", backup.file_name);
            deleted.push(backup.path.clone());
        }
    }
    if !deleted.is_empty() {
        sync_folder(&backups_folder(database))?;
    }
    Ok(deleted)
}

/// Deletes one backup; false when it was already gone.
fn remove_backup(path: &Path) -> CoreResult<bool> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error.into()),
    }
}

/// [`rotate_backups`] now, after a backup or a restore that has succeeded: a failure is logged.
pub fn rotate_backups_after(database: &Path, keep: &[&Path]) {
    if let Err(error) = rotate_backups(database, now(), keep) {
        tracing::warn!(
            "rotating the backups of {} failed: {error}",
            database.display()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> Timestamp {
        chrono::Utc
            .with_ymd_and_hms(2026, 3, day, hour, 0, 0)
            .unwrap()
    }

    fn kept(times: &[Timestamp], now: Timestamp) -> Vec<Timestamp> {
        kept_by_rotation(times, now)
            .into_iter()
            .map(|index| times[index])
            .collect()
    }

    #[test]
    fn the_newest_of_7_days_and_of_4_weeks_are_kept() {
        // Two backups a day for 31 days, newest first (2026-03-01 is a Sunday), looked at a
        // day after the last one, so none is recent.
        let mut times = Vec::new();
        for day in (1..=31).rev() {
            times.push(at(day, 18));
            times.push(at(day, 9));
        }
        let now = at(31, 18) + TimeDelta::hours(25);
        let kept = kept(&times, now);
        let daily: Vec<Timestamp> = (25..=31).rev().map(|day| at(day, 18)).collect();
        assert_eq!(
            kept[..7],
            daily[..],
            "the newest of each of the last 7 days"
        );
        // Weeks: 30–31 (Mon–Tue, already kept), 23–29, 16–22, 9–15.
        assert_eq!(kept[7..], [at(22, 18), at(15, 18)]);
    }

    #[test]
    fn a_backup_that_is_already_gone_is_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let backup = dir.path().join("plan.20260301T080000000Z.auto.db");
        std::fs::write(&backup, b"x").unwrap();
        assert!(remove_backup(&backup).unwrap());
        assert!(
            !remove_backup(&backup).unwrap(),
            "rotated away by another Northstar"
        );
    }

    #[test]
    fn every_backup_of_the_last_24_hours_is_kept() {
        let times = [
            at(10, 17),
            at(10, 15),
            at(10, 9),
            at(9, 20),
            at(9, 16),
            at(9, 8),
            at(8, 12),
        ];
        // At 10 March 18:00: everything since 9 March 18:00 is recent; 9 March keeps its
        // newest anyway, 8 March its only one.
        assert_eq!(
            kept(&times, at(10, 18)),
            [at(10, 17), at(10, 15), at(10, 9), at(9, 20), at(8, 12)]
        );
        // Two backups made a minute apart are both kept.
        let now = at(10, 17) + TimeDelta::minutes(1);
        assert_eq!(kept(&[now, at(10, 17)], now), [now, at(10, 17)]);
    }
}
