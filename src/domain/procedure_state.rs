//! The smaller parts of a dossier's state, stored together as one JSON document on the case
//! row: a disclosure awaiting the parties, who answered in the current round, escalation,
//! double-blind bidding and compliance after a settlement.
use super::dossier::{Author, Side};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProcedureState {
    /// R12: the neutral disclosed a circumstance; the parties may object until the deadline.
    pub disclosure_pending: bool,
    /// Parties who said they do not object to the disclosed circumstance.
    pub disclosure_accepted_by: Vec<Side>,
    /// Parties who made, accepted, rejected a proposal or asked for time in this round.
    pub answered_in_round: Vec<Side>,
    /// Rounds the company let lapse without a word.
    pub company_silences: u32,
    /// The case went to an in-house lawyer; only one may be assigned now.
    pub escalated: bool,
    /// Rounds granted beyond the procedure's maximum, one per reopening.
    pub extra_rounds: u32,
    /// The days to perform of the standing proposal.
    pub standing_performance_days: Option<u32>,
    /// Who made the standing proposal, and whether it gives the consumer anything (money or
    /// a remedy): a settlement on a neutral's proposal is a decision for one side (R37).
    pub standing_author: Option<Author>,
    pub standing_grants: bool,
    /// When the company must have done what it agreed.
    pub performance_due_at: Option<DateTime<Utc>>,
    /// The performance deadline passed and the consumer was asked.
    pub compliance_asked: bool,
    /// The consumer's answer: did the company do what it agreed?
    pub complied: Option<bool>,
    pub blind: BlindBiddingState,
}

/// Double-blind bidding in progress. The limits are confidential: views show each party only
/// its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BlindBiddingState {
    pub consented_by: Vec<Side>,
    pub open: bool,
    /// The least the consumer accepts.
    pub consumer_limit: Option<i64>,
    /// The most the company pays.
    pub company_limit: Option<i64>,
    pub attempts: u32,
}

impl BlindBiddingState {
    pub fn limit_of(&self, side: Side) -> Option<i64> {
        match side {
            Side::Consumer => self.consumer_limit,
            Side::Company => self.company_limit,
        }
    }
}

/// Where two confidential limits meet: the midpoint when the company's maximum reaches the
/// consumer's minimum, or falls short of it by at most `margin_percent` of the minimum.
/// None: no overlap, and neither side learns anything more.
pub fn blind_settlement(consumer_min: i64, company_max: i64, margin_percent: u32) -> Option<i64> {
    let gap = consumer_min - company_max;
    // In i128 so no limit, however large, overflows.
    let allowed = i128::from(consumer_min) * i128::from(margin_percent) / 100;
    if i128::from(gap) > allowed {
        return None;
    }
    Some(company_max + gap / 2)
}

impl ProcedureState {
    /// Reads the stored document; an empty or unreadable one is the initial state.
    pub fn from_json(text: &str) -> Self {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    pub(crate) fn answered(&mut self, side: Side) {
        if !self.answered_in_round.contains(&side) {
            self.answered_in_round.push(side);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_that_overlap_settle_at_the_midpoint() {
        assert_eq!(blind_settlement(40_000, 60_000, 0), Some(50_000));
        assert_eq!(blind_settlement(50_000, 50_000, 0), Some(50_000));
        // Odd gaps round towards the company's figure: cents, never fractions.
        assert_eq!(blind_settlement(50_001, 50_000, 0), None);
        assert_eq!(blind_settlement(40_001, 40_000, 10), Some(40_000));
    }

    #[test]
    fn limits_within_the_margin_settle_and_others_do_not() {
        // 10 % of 50,000 is 5,000: 45,000 is close enough, 44,999 is not.
        assert_eq!(blind_settlement(50_000, 45_000, 10), Some(47_500));
        assert_eq!(blind_settlement(50_000, 44_999, 10), None);
        assert_eq!(blind_settlement(i64::MAX, 0, 50), None);
    }

    #[test]
    fn an_unreadable_document_is_the_initial_state() {
        assert_eq!(ProcedureState::from_json(""), ProcedureState::default());
        let mut s = ProcedureState::default();
        s.blind.consumer_limit = Some(5);
        assert_eq!(ProcedureState::from_json(&s.to_json()), s);
    }
}
