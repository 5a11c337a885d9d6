//! How numbers read in breakdowns, undo labels and refusals: "2,000", "0.5", "6.67".
//!
//! Rule (documented in docs/export-format.md too): at most two decimals, rounded to nearest;
//! a value between 0 and 1 keeps two significant digits instead (0.0035 stays 0.0035 rather than
//! becoming a misleading 0); trailing zeros are dropped; thousands are separated by commas. Only
//! text is rounded: scores keep their exact `f64` for ordering.

use std::fmt::Write;

/// `value` as people read it (see the module's rule).
pub fn format_number(value: f64) -> String {
    let mut text = String::with_capacity(16);
    write_number(&mut text, value);
    text
}

/// [`format_number`], appended to `out` (breakdowns are built in one buffer).
pub fn write_number(out: &mut String, value: f64) {
    if !value.is_finite() {
        // Never produced by validated inputs; shown as is rather than hidden.
        let _ = write!(out, "{value}");
        return;
    }
    if value < 0.0 {
        out.push('-');
    }
    let magnitude = value.abs();
    // The fast path: whole numbers, which most inputs and many results are.
    if magnitude.fract() == 0.0 && magnitude < 1e15 {
        write_grouped(out, &format!("{magnitude:.0}"));
        return;
    }
    let decimals = if magnitude < 1.0 {
        // Two significant digits: 0.35 → 2 decimals, 0.0035 → 4.
        let leading_zeros = (-magnitude.log10()).floor().max(0.0) as usize;
        leading_zeros + 2
    } else {
        2
    };
    let fixed = format!("{magnitude:.decimals$}");
    let trimmed = if fixed.contains('.') {
        fixed.trim_end_matches('0').trim_end_matches('.')
    } else {
        fixed.as_str()
    };
    let (whole, fraction) = match trimmed.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (trimmed, None),
    };
    write_grouped(out, whole);
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
}

/// Digits with a comma between each group of three.
fn write_grouped(out: &mut String, digits: &str) {
    let length = digits.len();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (length - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn whole_numbers_get_thousands_separators() {
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(800.0), "800");
        assert_eq!(format_number(2000.0), "2,000");
        assert_eq!(format_number(1_234_567.0), "1,234,567");
        assert_eq!(format_number(1e12), "1,000,000,000,000");
        assert_eq!(format_number(-5.0), "-5");
    }

    #[test]
    fn fractions_keep_at_most_two_decimals_without_trailing_zeros() {
        assert_eq!(format_number(6.666_666), "6.67");
        assert_eq!(format_number(3.2), "3.2");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(1440.004), "1,440");
        assert_eq!(format_number(1234.5), "1,234.5");
        assert_eq!(format_number(7.999), "8");
    }

    #[test]
    fn values_below_one_keep_two_significant_digits() {
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(0.333_333), "0.33");
        assert_eq!(format_number(0.003_472), "0.0035");
        assert_eq!(format_number(0.1), "0.1");
        assert_eq!(format_number(0.999), "1");
    }
}
