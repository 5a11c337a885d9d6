//! How far a key result, and a goal, has come. Nothing here is stored: progress is derived from
//! the key results' numbers on every read.

/// How far `current` has come from `baseline` towards `target`, clamped to 0–1. The same rule
/// holds when the target is below the baseline (churn going down): the sign of the span flips
/// with it. A span of zero is refused on input; here it reads as no progress rather than NaN.
pub fn key_result_progress(baseline: f64, target: f64, current: f64) -> f64 {
    let span = target - baseline;
    if span == 0.0 || !span.is_finite() {
        return 0.0;
    }
    let progress = (current - baseline) / span;
    if progress.is_nan() {
        0.0
    } else {
        // `+ 0.0` turns a -0 (current = baseline with a negative span) into 0.
        progress.clamp(0.0, 1.0) + 0.0
    }
}

/// A goal's progress: the mean of its key results' progress; `None` without key results.
pub fn goal_progress(key_results: &[f64]) -> Option<f64> {
    if key_results.is_empty() {
        return None;
    }
    let total = key_results
        .iter()
        .fold(0.0, |total, progress| total + progress);
    Some(total / key_results.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_the_share_of_the_way_from_baseline_to_target() {
        // Weekly active users 1,200 → 2,000, now 1,500: 300 of 800.
        assert_eq!(key_result_progress(1200.0, 2000.0, 1500.0), 0.375);
        assert_eq!(key_result_progress(1200.0, 2000.0, 1200.0), 0.0);
        assert_eq!(key_result_progress(1200.0, 2000.0, 2000.0), 1.0);
    }

    #[test]
    fn a_target_below_the_baseline_counts_going_down() {
        // Monthly churn 6 % → 3 %, now 4.5 %: half way.
        assert_eq!(key_result_progress(6.0, 3.0, 4.5), 0.5);
        assert_eq!(key_result_progress(6.0, 3.0, 6.0).to_string(), "0");
        assert_eq!(key_result_progress(6.0, 3.0, 2.0), 1.0, "past the target");
        assert_eq!(
            key_result_progress(6.0, 3.0, 7.0),
            0.0,
            "worse than the start"
        );
    }

    #[test]
    fn progress_is_clamped_and_never_nan() {
        assert_eq!(key_result_progress(0.0, 10.0, 15.0), 1.0);
        assert_eq!(key_result_progress(0.0, 10.0, -5.0), 0.0);
        assert_eq!(key_result_progress(5.0, 5.0, 5.0), 0.0);
        assert_eq!(key_result_progress(-1e12, 1e12, 0.0), 0.5);
    }

    #[test]
    fn a_goal_is_the_mean_of_its_key_results() {
        assert_eq!(goal_progress(&[]), None);
        assert_eq!(goal_progress(&[0.5]), Some(0.5));
        assert_eq!(goal_progress(&[0.375, 0.5, 1.0]), Some(0.625));
    }
}
