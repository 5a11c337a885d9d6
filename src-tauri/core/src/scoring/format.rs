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

/// [`format_number`], appended to `out` (breakdowns are built in one buffer). Lists format
/// every score of every item, so the usual case avoids the float formatter: the value is
/// rounded to a whole number of its last shown decimal and written as integer digits.
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
    let decimals = if magnitude > 0.0 && magnitude < 1.0 {
        // Two significant digits: 0.35 → 2 decimals, 0.0035 → 4.
        (-magnitude.log10()).floor().max(0.0) as u32 + 2
    } else {
        2
    };
    // Past these bounds the integer arithmetic could overflow: the float formatter takes over.
    if decimals > 15 || magnitude >= 1e15 {
        write_with_formatter(out, magnitude, decimals as usize);
        return;
    }
    let scale = 10_u64.pow(decimals);
    let scaled = (magnitude * scale as f64).round() as u64;
    write_grouped(out, scaled / scale);
    let mut fraction = scaled % scale;
    if fraction == 0 {
        return;
    }
    let mut width = decimals;
    while fraction % 10 == 0 {
        fraction /= 10;
        width -= 1;
    }
    out.push('.');
    let _ = write!(out, "{fraction:0width$}", width = width as usize);
}

/// The rare path: huge values, or values so small they need more than 15 decimals.
fn write_with_formatter(out: &mut String, magnitude: f64, decimals: usize) {
    let fixed = format!("{magnitude:.decimals$}");
    let trimmed = if fixed.contains('.') {
        fixed.trim_end_matches('0').trim_end_matches('.')
    } else {
        fixed.as_str()
    };
    let (whole, fraction) = trimmed.split_once('.').unwrap_or((trimmed, ""));
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
}

/// A whole number with a comma between each group of three digits.
fn write_grouped(out: &mut String, number: u64) {
    let mut digits = [0_u8; 20];
    let mut count = 0;
    let mut rest = number;
    loop {
        digits[count] = b'0' + (rest % 10) as u8;
        count += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for index in (0..count).rev() {
        out.push(char::from(digits[index]));
        if index > 0 && index % 3 == 0 {
            out.push(',');
        }
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
        assert_eq!(format_number(0.05), "0.05");
        assert_eq!(format_number(0.0105), "0.011");
    }

    #[test]
    fn extremes_fall_back_to_the_float_formatter_with_the_same_rule() {
        assert_eq!(format_number(3e15), "3,000,000,000,000,000");
        assert_eq!(format_number(1.5e-17), "0.000000000000000015");
        assert_eq!(format_number(f64::INFINITY), "inf");
    }
}
