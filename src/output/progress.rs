//! The progress bar of long copies (`dlq drain`, `dlq redrive`, `replay`): on a terminal only.

/// A progress bar over `total` records, on a terminal only.
pub fn bar(total: u64, printer: &super::Printer) -> Option<indicatif::ProgressBar> {
    if total == 0 || !printer.progress_allowed() {
        return None;
    }
    let b = indicatif::ProgressBar::new(total);
    b.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} records, {rate}, ETA {eta}")
            .expect("static template")
            .with_key(
                "rate",
                |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&rate(s.per_sec()));
                },
            ),
    );
    Some(b)
}

/// `297/s` (indicatif's own `{per_sec}` shows `296.7959/s`); one decimal under 10 a second.
pub fn rate(per_sec: f64) -> String {
    if per_sec.is_finite() && per_sec < 9.95 {
        format!("{per_sec:.1}/s")
    } else {
        format!("{per_sec:.0}/s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_is_shown_to_a_sensible_precision() {
        assert_eq!(rate(296.7959), "297/s");
        assert_eq!(rate(12_345.6), "12346/s");
        assert_eq!(rate(2.345), "2.3/s");
        assert_eq!(rate(9.96), "10/s");
        assert_eq!(rate(0.0), "0.0/s");
    }
}
