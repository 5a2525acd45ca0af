//! Working-day arithmetic for deadlines counted in working days (R9: 20 working days).
//! Days are calendar dates in UTC; the policy lists weekend days and public holidays.
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingCalendar {
    weekend: Vec<Weekday>,
    holidays: BTreeSet<NaiveDate>,
}

impl WorkingCalendar {
    pub fn new(weekend: Vec<Weekday>, holidays: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            weekend,
            holidays: holidays.into_iter().collect(),
        }
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !self.weekend.contains(&day.weekday()) && !self.holidays.contains(&day)
    }

    /// The moment `days` working days after `start`, at the same time of day. The day of
    /// `start` itself never counts, as with legal time limits.
    pub fn add_working_days(&self, start: DateTime<Utc>, days: u32) -> DateTime<Utc> {
        let mut at = start;
        let mut left = days;
        while left > 0 {
            at += Duration::days(1);
            if self.is_working_day(at.date_naive()) {
                left -= 1;
            }
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn calendar() -> WorkingCalendar {
        WorkingCalendar::new(
            vec![Weekday::Sat, Weekday::Sun],
            [NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()],
        )
    }

    #[test]
    fn skips_weekends_and_holidays() {
        // Friday 2026-12-18, 10:00.
        let start = Utc.with_ymd_and_hms(2026, 12, 18, 10, 0, 0).unwrap();
        let c = calendar();
        assert_eq!(
            c.add_working_days(start, 1),
            Utc.with_ymd_and_hms(2026, 12, 21, 10, 0, 0).unwrap()
        );
        // Mon 21, Tue 22, Wed 23, Thu 24, (Fri 25 holiday), Mon 28.
        assert_eq!(
            c.add_working_days(start, 5),
            Utc.with_ymd_and_hms(2026, 12, 28, 10, 0, 0).unwrap()
        );
        assert_eq!(c.add_working_days(start, 0), start);
    }

    #[test]
    fn twenty_working_days_are_four_weeks_without_holidays() {
        let start = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap(); // a Monday
        let plain = WorkingCalendar::new(vec![Weekday::Sat, Weekday::Sun], []);
        assert_eq!(
            plain.add_working_days(start, 20),
            Utc.with_ymd_and_hms(2026, 3, 30, 9, 0, 0).unwrap()
        );
    }
}
