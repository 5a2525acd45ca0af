//! What Redress reports about itself and the companies it handles cases for: the public
//! company scorecard, the staff dashboard and the ADR activity report (R13, R24, R25, R37),
//! with their charts. The arithmetic here is pure; `services` reads the data.
pub mod activity;
pub mod chart;
pub mod output;
pub mod scorecard;

use chrono::{DateTime, Datelike, TimeZone, Utc};

/// A run of whole calendar months ending with the month of a given day.
#[derive(Clone, Debug)]
pub struct Months {
    first: (i32, u32),
    count: u32,
}

impl Months {
    pub fn ending(now: DateTime<Utc>, count: u32) -> Self {
        let index = now.year() * 12 + now.month0() as i32 - (count.max(1) as i32 - 1);
        Self {
            first: (index.div_euclid(12), index.rem_euclid(12) as u32 + 1),
            count: count.max(1),
        }
    }

    /// The first instant of the first month.
    pub fn start(&self) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(self.first.0, self.first.1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default()
    }

    /// `2026-03` for each month, oldest first.
    pub fn labels(&self) -> Vec<String> {
        let base = self.first.0 * 12 + self.first.1 as i32 - 1;
        (0..self.count as i32)
            .map(|i| {
                let m = base + i;
                format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
            })
            .collect()
    }

    pub fn label_of(at: DateTime<Utc>) -> String {
        format!("{:04}-{:02}", at.year(), at.month())
    }
}

/// `part` as a percent of `whole`; None for an empty whole.
pub fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// One decimal, for people: `12.5`.
pub fn one_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{v:.1}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_cross_the_year_and_start_on_the_first() {
        let m = Months::ending(Utc.with_ymd_and_hms(2026, 2, 17, 8, 0, 0).unwrap(), 3);
        assert_eq!(m.labels(), ["2025-12", "2026-01", "2026-02"]);
        assert_eq!(
            m.start(),
            Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).unwrap()
        );
    }

    #[test]
    fn medians_and_shares() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(share(1, 4), Some(25.0));
        assert_eq!(share(1, 0), None);
    }
}
