//! Fractional-index rank keys: a port of the rocicorp `fractional-indexing` algorithm (base 62).
//!
//! A key is an "integer part" (a head letter that encodes its length, then digits) followed by
//! an optional fraction without trailing zeros. Keys compare as plain byte strings, so SQLite's
//! `ORDER BY rank, id` is the manual order, and a key can always be generated strictly between two
//! others: moving an item writes exactly one row and never renumbers its neighbours.

use crate::error::{CoreError, CoreResult};

const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ZERO: u8 = b'0';
const SMALLEST_INTEGER: &str = "A00000000000000000000000000";

fn invalid(reason: impl Into<String>) -> CoreError {
    CoreError::invalid("rank", reason)
}

fn digit_value(digit: u8) -> CoreResult<usize> {
    DIGITS
        .iter()
        .position(|&d| d == digit)
        .ok_or_else(|| invalid(format!("'{}' is not a rank digit", digit as char)))
}

fn digit_at(index: usize) -> u8 {
    DIGITS[index.min(DIGITS.len() - 1)]
}

/// Length of the integer part announced by its head letter: a..z are 2..27, Z..A are 2..27.
fn integer_length(head: u8) -> CoreResult<usize> {
    match head {
        b'a'..=b'z' => Ok(usize::from(head - b'a') + 2),
        b'A'..=b'Z' => Ok(usize::from(b'Z' - head) + 2),
        _ => Err(invalid(format!("invalid rank head '{}'", head as char))),
    }
}

fn integer_part(key: &[u8]) -> CoreResult<&[u8]> {
    let head = *key.first().ok_or_else(|| invalid("empty rank key"))?;
    let length = integer_length(head)?;
    key.get(..length)
        .ok_or_else(|| invalid("rank key is shorter than its head says"))
}

fn validate_key(key: &[u8]) -> CoreResult<()> {
    if key == SMALLEST_INTEGER.as_bytes() {
        return Err(invalid("the smallest rank key cannot be used"));
    }
    let integer = integer_part(key)?;
    let fraction = &key[integer.len()..];
    for &digit in key[1..].iter() {
        digit_value(digit)?;
    }
    if fraction.last() == Some(&ZERO) {
        return Err(invalid("rank key has a trailing zero"));
    }
    Ok(())
}

/// A fraction strictly between `a` and `b` (`b = None` means "1"). Neither may end in zero.
fn midpoint(a: &[u8], b: Option<&[u8]>) -> CoreResult<Vec<u8>> {
    if let Some(b) = b {
        if a >= b {
            return Err(invalid("rank bounds are out of order"));
        }
        // Skip the common prefix, reading a missing digit of `a` as zero.
        let common = b
            .iter()
            .enumerate()
            .take_while(|&(index, &digit)| a.get(index).copied().unwrap_or(ZERO) == digit)
            .count();
        if common > 0 {
            let mut result = b[..common].to_vec();
            let rest_a = a.get(common..).unwrap_or(&[]);
            result.extend(midpoint(rest_a, Some(&b[common..]))?);
            return Ok(result);
        }
    }
    let digit_a = match a.first() {
        Some(&digit) => digit_value(digit)?,
        None => 0,
    };
    let digit_b = match b {
        Some(b) => digit_value(*b.first().ok_or_else(|| invalid("empty upper bound"))?)?,
        None => DIGITS.len(),
    };
    if digit_b - digit_a > 1 {
        // Round half up, as the reference implementation does.
        return Ok(vec![digit_at((digit_a + digit_b).div_ceil(2))]);
    }
    match b {
        Some(b) if b.len() > 1 => Ok(vec![b[0]]),
        _ => {
            let mut result = vec![digit_at(digit_a)];
            result.extend(midpoint(a.get(1..).unwrap_or(&[]), None)?);
            Ok(result)
        }
    }
}

fn increment_integer(integer: &[u8]) -> CoreResult<Option<Vec<u8>>> {
    let head = integer[0];
    let mut digits = integer[1..].to_vec();
    let mut carry = true;
    for digit in digits.iter_mut().rev() {
        let next = digit_value(*digit)? + 1;
        if next == DIGITS.len() {
            *digit = ZERO;
        } else {
            *digit = DIGITS[next];
            carry = false;
            break;
        }
    }
    if !carry {
        let mut result = vec![head];
        result.extend(digits);
        return Ok(Some(result));
    }
    match head {
        b'Z' => Ok(Some(vec![b'a', ZERO])),
        b'z' => Ok(None),
        _ => {
            let next_head = head + 1;
            if next_head > b'a' {
                digits.push(ZERO);
            } else {
                digits.pop();
            }
            let mut result = vec![next_head];
            result.extend(digits);
            Ok(Some(result))
        }
    }
}

fn decrement_integer(integer: &[u8]) -> CoreResult<Option<Vec<u8>>> {
    let head = integer[0];
    let largest = DIGITS[DIGITS.len() - 1];
    let mut digits = integer[1..].to_vec();
    let mut borrow = true;
    for digit in digits.iter_mut().rev() {
        let value = digit_value(*digit)?;
        if value == 0 {
            *digit = largest;
        } else {
            *digit = DIGITS[value - 1];
            borrow = false;
            break;
        }
    }
    if !borrow {
        let mut result = vec![head];
        result.extend(digits);
        return Ok(Some(result));
    }
    match head {
        b'a' => Ok(Some(vec![b'Z', largest])),
        b'A' => Ok(None),
        _ => {
            let previous_head = head - 1;
            if previous_head < b'Z' {
                digits.push(largest);
            } else {
                digits.pop();
            }
            let mut result = vec![previous_head];
            result.extend(digits);
            Ok(Some(result))
        }
    }
}

fn into_key(bytes: Vec<u8>) -> CoreResult<String> {
    String::from_utf8(bytes).map_err(|_| invalid("rank key is not ASCII"))
}

/// A key that sorts strictly after `before` and strictly before `after` (`None` = open end).
pub fn key_between(before: Option<&str>, after: Option<&str>) -> CoreResult<String> {
    let a = before.map(str::as_bytes);
    let b = after.map(str::as_bytes);
    if let Some(a) = a {
        validate_key(a)?;
    }
    if let Some(b) = b {
        validate_key(b)?;
    }
    match (a, b) {
        (None, None) => into_key(vec![b'a', ZERO]),
        (None, Some(b)) => {
            let integer_b = integer_part(b)?;
            let fraction_b = &b[integer_b.len()..];
            if integer_b == SMALLEST_INTEGER.as_bytes() {
                let mut key = integer_b.to_vec();
                key.extend(midpoint(&[], Some(fraction_b))?);
                return into_key(key);
            }
            if integer_b.len() < b.len() {
                return into_key(integer_b.to_vec());
            }
            let previous = decrement_integer(integer_b)?
                .ok_or_else(|| invalid("no rank key is left before this one"))?;
            into_key(previous)
        }
        (Some(a), None) => {
            let integer_a = integer_part(a)?;
            let fraction_a = &a[integer_a.len()..];
            match increment_integer(integer_a)? {
                Some(next) => into_key(next),
                None => {
                    let mut key = integer_a.to_vec();
                    key.extend(midpoint(fraction_a, None)?);
                    into_key(key)
                }
            }
        }
        (Some(a), Some(b)) => {
            if a >= b {
                return Err(CoreError::Conflict(
                    "two items share a rank; move another item first".into(),
                ));
            }
            let integer_a = integer_part(a)?;
            let fraction_a = &a[integer_a.len()..];
            let integer_b = integer_part(b)?;
            let fraction_b = &b[integer_b.len()..];
            if integer_a == integer_b {
                let mut key = integer_a.to_vec();
                key.extend(midpoint(fraction_a, Some(fraction_b))?);
                return into_key(key);
            }
            let next = increment_integer(integer_a)?
                .ok_or_else(|| invalid("no rank key is left after this one"))?;
            if next.as_slice() < b {
                return into_key(next);
            }
            let mut key = integer_a.to_vec();
            key.extend(midpoint(fraction_a, None)?);
            into_key(key)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    fn between(a: Option<&str>, b: Option<&str>) -> String {
        key_between(a, b).unwrap()
    }

    #[test]
    fn matches_the_reference_implementation() {
        // Expected values from the reference test suite of rocicorp/fractional-indexing.
        assert_eq!(between(None, None), "a0");
        assert_eq!(between(None, Some("a0")), "Zz");
        assert_eq!(between(None, Some("Zz")), "Zy");
        assert_eq!(between(Some("a0"), None), "a1");
        assert_eq!(between(Some("a1"), None), "a2");
        assert_eq!(between(Some("a0"), Some("a1")), "a0V");
        assert_eq!(between(Some("a1"), Some("a2")), "a1V");
        assert_eq!(between(Some("a0V"), Some("a1")), "a0l");
        assert_eq!(between(Some("Zz"), Some("a0")), "ZzV");
        assert_eq!(between(Some("Zz"), Some("a1")), "a0");
        assert_eq!(between(None, Some("Y00")), "Xzzz");
        assert_eq!(between(Some("bzz"), None), "c000");
        assert_eq!(between(Some("a0"), Some("a0V")), "a0G");
        assert_eq!(between(Some("a0"), Some("a0G")), "a08");
        assert_eq!(between(Some("b125"), Some("b129")), "b127");
        assert_eq!(between(Some("a0"), Some("a1V")), "a1");
        assert_eq!(between(Some("Zz"), Some("a01")), "a0");
        assert_eq!(between(None, Some("a0V")), "a0");
        assert_eq!(between(None, Some("b999")), "b99");
        assert_eq!(
            between(Some("zzzzzzzzzzzzzzzzzzzzzzzzzzy"), None),
            "zzzzzzzzzzzzzzzzzzzzzzzzzzz"
        );
        assert_eq!(
            between(Some("zzzzzzzzzzzzzzzzzzzzzzzzzzz"), None),
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzV"
        );
    }

    #[test]
    fn refuses_malformed_or_out_of_order_keys() {
        assert!(key_between(None, Some("A00000000000000000000000000")).is_err());
        assert!(key_between(Some("a00"), None).is_err());
        assert!(key_between(Some("a0"), Some("a0")).is_err());
        assert!(key_between(Some("a1"), Some("a0")).is_err());
        assert!(key_between(Some("0"), None).is_err());
        assert!(key_between(Some("a!"), None).is_err());
        assert!(key_between(Some(""), None).is_err());
    }

    #[test]
    fn keys_stay_ordered_and_short_over_10000_random_moves() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let mut keys: Vec<String> = Vec::new();
        for _ in 0..200 {
            let last = keys.last().cloned();
            keys.push(between(last.as_deref(), None));
        }
        for _ in 0..10_000 {
            let from = rng.random_range(0..keys.len());
            keys.remove(from);
            let to = rng.random_range(0..=keys.len());
            let before = if to == 0 {
                None
            } else {
                Some(keys[to - 1].as_str())
            };
            let after = keys.get(to).map(String::as_str);
            let key = between(before, after);
            keys.insert(to, key);
        }
        assert!(
            keys.windows(2).all(|pair| pair[0] < pair[1]),
            "keys out of order"
        );
        let longest = keys.iter().map(String::len).max().unwrap();
        assert!(longest <= 12, "longest key has {longest} characters");
    }

    #[test]
    fn repeated_moves_to_the_top_grow_slowly() {
        let mut first = between(None, None);
        for _ in 0..1_000 {
            first = between(None, Some(&first));
        }
        assert!(first.len() <= 4, "{first}");
    }
}
