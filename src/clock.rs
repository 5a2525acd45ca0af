//! Where time comes from. Production reads the system clock; tests and the demo loader use a
//! clock they move by hand, so deadlines weeks away can be reached in a test.
use chrono::{DateTime, Duration, DurationRound, Utc};
use std::sync::Mutex;

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
}

/// Times are kept to the microsecond: PostgreSQL stores no finer, and an audit hash must
/// come out the same after a round trip through either database.
pub fn truncate(at: DateTime<Utc>) -> DateTime<Utc> {
    at.duration_trunc(Duration::microseconds(1)).unwrap_or(at)
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        truncate(Utc::now())
    }
}

/// A clock that stands still until moved.
pub struct ManualClock {
    at: Mutex<DateTime<Utc>>,
}

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self {
            at: Mutex::new(truncate(at)),
        }
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.at.lock().unwrap_or_else(|p| p.into_inner()) = truncate(at);
    }

    pub fn advance(&self, by: Duration) {
        let mut at = self.at.lock().unwrap_or_else(|p| p.into_inner());
        *at += by;
    }

    pub fn advance_days(&self, days: i64) {
        self.advance(Duration::days(days));
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.at.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// "2026-03-02T09:00:00.000000Z": the fixed form a signed message carries a time in, the
/// same after a round trip through either database.
pub fn format_rfc3339(t: DateTime<Utc>) -> String {
    truncate(t).to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// "2026-03-02 09:00 UTC": how times read in pages, mails and PDFs.
pub fn format_utc(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let start = Utc::now();
        let clock = ManualClock::new(start);
        assert_eq!(clock.now(), truncate(start));
        clock.advance_days(21);
        assert_eq!(clock.now(), truncate(start) + Duration::days(21));
        assert_eq!(clock.now().timestamp_subsec_nanos() % 1000, 0);
    }
}
