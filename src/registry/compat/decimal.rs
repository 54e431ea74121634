//! Exact decimal arithmetic for JSON numbers (bounds and `multipleOf`).
//!
//! JSON numbers are decimal literals; comparing them as `f64` makes `multipleOf: 0.1`
//! checks wrong (0.3 is not a multiple of 0.1 in binary floating point). We parse the
//! literal text into `mantissa * 10^exp` and do integer math, returning `None` on overflow
//! so callers can stay conservative.

use serde_json::Number;
use std::cmp::Ordering;

/// A decimal `(-1)^neg * mant * 10^exp`, normalised (no trailing zeros in `mant`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dec {
    neg: bool,
    mant: u128,
    exp: i32,
}

impl Dec {
    /// Parse a JSON number exactly from its textual form.
    pub fn from_number(n: &Number) -> Option<Dec> {
        // Integers (most enum values and bounds) without going through text. An integral
        // `f64` below 2^53 prints as exactly that integer, so it takes the same road.
        let int = match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Some((false, u)),
            (None, Some(i), _) => Some((i < 0, i.unsigned_abs())),
            (None, None, Some(f)) if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => {
                Some((f < 0.0, f.abs() as u64))
            }
            _ => None,
        };
        let Some((neg, m)) = int else {
            return parse_str(&n.to_string());
        };
        let (mut mant, mut exp) = (u128::from(m), 0);
        while mant != 0 && mant.is_multiple_of(10) {
            mant /= 10;
            exp += 1;
        }
        Some(Dec {
            neg: neg && mant != 0,
            mant,
            exp,
        })
    }

    fn is_zero(&self) -> bool {
        self.mant == 0
    }
}

/// Text that is equal for equal values (`1`, `1.0` and `10e-1` give the same), for hashing.
pub fn canonical_number(n: &Number) -> String {
    match Dec::from_number(n) {
        Some(d) if d.is_zero() => "0".to_string(),
        Some(d) => format!("{}{}e{}", if d.neg { "-" } else { "" }, d.mant, d.exp),
        None => n.to_string(),
    }
}

/// Parse `[-]digits[.digits][(e|E)[+-]digits]`.
pub fn parse_str(s: &str) -> Option<Dec> {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (num, exp_part) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut exp: i32 = match exp_part {
        Some(e) => e.trim_start_matches('+').parse().ok()?,
        None => 0,
    };
    let (int_part, frac_part) = match num.find('.') {
        Some(i) => (&num[..i], &num[i + 1..]),
        None => (num, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut mant: u128 = 0;
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(10)?;
        mant = mant.checked_mul(10)?.checked_add(u128::from(d))?;
    }
    exp = exp.checked_sub(i32::try_from(frac_part.len()).ok()?)?;
    while mant != 0 && mant.is_multiple_of(10) {
        mant /= 10;
        exp = exp.checked_add(1)?;
    }
    if mant == 0 {
        exp = 0;
    }
    Some(Dec {
        neg: neg && mant != 0,
        mant,
        exp,
    })
}

/// Scale both mantissas to the smaller exponent; `None` on overflow.
fn align(a: &Dec, b: &Dec) -> Option<(u128, u128)> {
    let e = a.exp.min(b.exp);
    let sa = 10u128.checked_pow(u32::try_from(a.exp - e).ok()?)?;
    let sb = 10u128.checked_pow(u32::try_from(b.exp - e).ok()?)?;
    Some((a.mant.checked_mul(sa)?, b.mant.checked_mul(sb)?))
}

/// Exact comparison; `None` only when the numbers are too far apart to align
/// (then the magnitudes decide, which we also compute exactly from digit counts).
pub fn cmp(a: &Dec, b: &Dec) -> Option<Ordering> {
    if a.neg != b.neg {
        return Some(if a.neg {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let mag = match align(a, b) {
        Some((x, y)) => x.cmp(&y),
        None => magnitude_cmp(a, b)?,
    };
    Some(if a.neg { mag.reverse() } else { mag })
}

/// Compare absolute values by order of magnitude when alignment overflows.
fn magnitude_cmp(a: &Dec, b: &Dec) -> Option<Ordering> {
    if a.is_zero() || b.is_zero() {
        return Some(a.mant.cmp(&b.mant));
    }
    let da = i64::from(a.exp) + i64::from(digits(a.mant));
    let db = i64::from(b.exp) + i64::from(digits(b.mant));
    if da != db {
        Some(da.cmp(&db))
    } else {
        None
    }
}

fn digits(mut m: u128) -> u32 {
    let mut d = 0;
    while m > 0 {
        m /= 10;
        d += 1;
    }
    d
}

/// Is `a` an integer multiple of `b`? `None` if `b` is zero or the math overflows.
pub fn is_multiple(a: &Dec, b: &Dec) -> Option<bool> {
    if b.is_zero() {
        return None;
    }
    if a.is_zero() {
        return Some(true);
    }
    let (x, y) = align(a, b)?;
    Some(x.is_multiple_of(y))
}

/// Compare two JSON numbers exactly (falls back to `None` if unparseable).
pub fn cmp_numbers(a: &Number, b: &Number) -> Option<Ordering> {
    cmp(&Dec::from_number(a)?, &Dec::from_number(b)?)
}

/// Is JSON number `a` a multiple of JSON number `b`?
pub fn number_is_multiple(a: &Number, b: &Number) -> Option<bool> {
    is_multiple(&Dec::from_number(a)?, &Dec::from_number(b)?)
}

/// Is the JSON number an integer (e.g. `1.0` counts, as in JSON Schema)?
pub fn is_integer(n: &Number) -> bool {
    Dec::from_number(n).is_some_and(|d| d.exp >= 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        parse_str(s).unwrap()
    }

    #[test]
    fn parses_and_normalises() {
        assert_eq!(d("1.50"), d("1.5"));
        assert_eq!(d("15e-1"), d("1.5"));
        assert_eq!(d("-0"), d("0"));
        assert!(parse_str("abc").is_none());
    }

    #[test]
    fn exact_multiples() {
        assert_eq!(is_multiple(&d("0.3"), &d("0.1")), Some(true));
        assert_eq!(is_multiple(&d("1"), &d("0.01")), Some(true));
        assert_eq!(is_multiple(&d("0.5"), &d("0.2")), Some(false));
        assert_eq!(is_multiple(&d("4"), &d("2")), Some(true));
        assert_eq!(is_multiple(&d("1"), &d("0")), None);
    }

    #[test]
    fn canonical_numbers_equal_exactly_for_equal_values() {
        let n = |s: &str| serde_json::from_str::<Number>(s).unwrap();
        for (a, b) in [
            ("1", "1.0"),
            ("100", "1e2"),
            ("-30", "-30.0"),
            ("0", "-0.0"),
        ] {
            assert_eq!(canonical_number(&n(a)), canonical_number(&n(b)), "{a} {b}");
        }
        for (a, b) in [("1", "-1"), ("10", "1"), ("1.5", "15"), ("1e300", "1")] {
            assert_ne!(canonical_number(&n(a)), canonical_number(&n(b)), "{a} {b}");
        }
        let max = u64::MAX.to_string();
        assert_eq!(canonical_number(&n(&max)), format!("{max}e0"));
        let min = i64::MIN.to_string();
        assert_eq!(canonical_number(&n(&min)), "-9223372036854775808e0");
    }

    #[test]
    fn integers_parse_as_their_text_does() {
        for s in [
            "0",
            "-0.0",
            "7",
            "-120",
            "3.0",
            "-4e3",
            "1e15",
            "9007199254740991",
            "18446744073709551615",
        ] {
            let n = serde_json::from_str::<Number>(s).unwrap();
            assert_eq!(Dec::from_number(&n), parse_str(&n.to_string()), "{s}");
        }
    }

    #[test]
    fn compares() {
        assert_eq!(cmp(&d("0.1"), &d("0.10")), Some(Ordering::Equal));
        assert_eq!(cmp(&d("-1"), &d("0.5")), Some(Ordering::Less));
        assert_eq!(cmp(&d("-1"), &d("-2")), Some(Ordering::Greater));
        assert_eq!(cmp(&d("1e300"), &d("1e-300")), Some(Ordering::Greater));
    }
}
