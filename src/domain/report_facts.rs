//! The facts of a dossier that the company scorecards and the activity report count (R24,
//! R25, R37), folded from its events like the rest of its state. They are columns of the case
//! row, so a report is a few grouped queries, not a replay of every event.
use super::dossier::{Author, Event, Side, TRADER_DECLINED, TRADER_SILENT};
use super::procedure_state::ProcedureState;
use chrono::{DateTime, Utc};

/// Why a case ended, as the reports name it: a refusal ground (`no_prior_complaint` …), or
/// one of these.
pub mod ended {
    pub const SETTLED: &str = "settled";
    pub const NO_AGREEMENT: &str = "no_agreement";
    pub const WITHDRAWN_BY_CONSUMER: &str = "withdrawn_by_consumer";
    pub const WITHDRAWN_BY_COMPANY: &str = "withdrawn_by_company";
    pub const TRADER_DECLINED: &str = "trader_declined";
    pub const TRADER_SILENT: &str = "trader_silent";
    pub const LAPSED: &str = "lapsed";
    /// The reasons that end a procedure before an outcome on the merits ("discontinued").
    pub const DISCONTINUED: &[&str] = &[
        WITHDRAWN_BY_CONSUMER,
        WITHDRAWN_BY_COMPANY,
        TRADER_DECLINED,
        TRADER_SILENT,
        LAPSED,
    ];
}

/// R37: for whom a settled case came out. `amicable`: the parties agreed on a proposal of
/// their own; `consumer` / `trader`: they accepted the neutral's proposal, which gave the
/// consumer something (money or a remedy) or nothing.
pub mod basis {
    pub const AMICABLE: &str = "amicable";
    pub const CONSUMER: &str = "consumer";
    pub const TRADER: &str = "trader";
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportFacts {
    /// When the case was filed: the start of its time to outcome (not stored twice).
    pub filed_at: Option<DateTime<Utc>>,
    /// The case was accepted and sent to the company: its scorecard counts it from here.
    pub forwarded_at: Option<DateTime<Utc>>,
    /// The company's first word on the case: joining or declining, a message, a document, a
    /// proposal or an answer to one. Silence never sets it.
    pub first_answer_at: Option<DateTime<Utc>>,
    pub outcome_at: Option<DateTime<Utc>>,
    /// From filing to the outcome: the reports average it without reading timestamps.
    pub outcome_seconds: Option<i64>,
    pub ended_reason: Option<String>,
    pub outcome_basis: Option<&'static str>,
    /// The consumer's verdict: did the procedure resolve the complaint, and a rating 1–5.
    pub feedback_resolved: Option<bool>,
    pub feedback_rating: Option<u8>,
    /// The consumer's word on whether the company did what it agreed.
    pub complied: Option<bool>,
}

/// The side an event speaks for, when it is a party's own act.
fn acting_side(event: &Event) -> Option<Side> {
    let author = |a: &Author| match a {
        Author::Consumer => Some(Side::Consumer),
        Author::Company => Some(Side::Company),
        Author::Neutral => None,
    };
    match event {
        Event::CompanyJoined | Event::CompanyDeclined { .. } => Some(Side::Company),
        Event::MessagePosted {
            author: a,
            internal: false,
            ..
        }
        | Event::DocumentAdded { author: a, .. }
        | Event::ProposalMade { author: a, .. } => author(a),
        Event::ProposalAccepted { side, .. }
        | Event::ProposalRejected { side, .. }
        | Event::TimeRequested { side, .. }
        | Event::BlindBiddingConsented { side }
        | Event::DisclosureAccepted { side }
        | Event::NeutralObjected { side, .. }
        | Event::Withdrawn { side, .. } => Some(*side),
        _ => None,
    }
}

impl ReportFacts {
    /// Takes in one event, given the procedure's state just before it.
    pub fn observe(&mut self, event: &Event, at: DateTime<Utc>, before: &ProcedureState) {
        if self.forwarded_at.is_some()
            && self.first_answer_at.is_none()
            && acting_side(event) == Some(Side::Company)
        {
            self.first_answer_at = Some(at);
        }
        let ended = |reason: &str| Some(reason.to_string());
        match event {
            Event::Filed { .. } => self.filed_at = Some(at),
            Event::Accepted => {
                self.forwarded_at.get_or_insert(at);
            }
            Event::Refused { ground, .. } => self.end(at, ended(ground.as_str()), None),
            Event::Withdrawn { side, .. } => {
                let reason = match side {
                    Side::Consumer => ended::WITHDRAWN_BY_CONSUMER,
                    Side::Company => ended::WITHDRAWN_BY_COMPANY,
                };
                self.end(at, ended(reason), None);
            }
            Event::Lapsed { reason } => {
                let reason = match reason.as_str() {
                    TRADER_DECLINED => ended::TRADER_DECLINED,
                    TRADER_SILENT => ended::TRADER_SILENT,
                    _ => ended::LAPSED,
                };
                self.end(at, ended(reason), None);
            }
            Event::NotSettled { .. } => self.end(at, ended(ended::NO_AGREEMENT), None),
            Event::Settled { .. } => {
                let basis = match before.standing_author {
                    Some(Author::Neutral) if before.standing_grants => basis::CONSUMER,
                    Some(Author::Neutral) => basis::TRADER,
                    _ => basis::AMICABLE,
                };
                self.end(at, ended(ended::SETTLED), Some(basis));
            }
            // The company did not do what it agreed: the case goes on to a new outcome.
            Event::Reopened { .. } => self.end_undone(),
            Event::FeedbackGiven {
                resolved, rating, ..
            } => {
                self.feedback_resolved = Some(*resolved);
                self.feedback_rating = Some(*rating);
            }
            Event::ComplianceReported { complied, .. } => self.complied = Some(*complied),
            _ => {}
        }
    }

    fn end(&mut self, at: DateTime<Utc>, reason: Option<String>, basis: Option<&'static str>) {
        self.outcome_at = Some(at);
        self.outcome_seconds = self.filed_at.map(|filed| (at - filed).num_seconds());
        self.ended_reason = reason;
        self.outcome_basis = basis;
    }

    fn end_undone(&mut self) {
        self.outcome_at = None;
        self.outcome_seconds = None;
        self.ended_reason = None;
        self.outcome_basis = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dossier::Remedy;
    use crate::policy::procedure::RefusalGround;
    use chrono::TimeZone;

    fn day(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, 9, 0, 0).unwrap()
    }

    fn message(author: Author, internal: bool) -> Event {
        Event::MessagePosted {
            author,
            author_id: None,
            internal,
            body: "text".into(),
            by_email: false,
        }
    }

    #[test]
    fn the_first_answer_is_the_companys_first_own_act_after_forwarding() {
        let mut f = ReportFacts::default();
        let s = ProcedureState::default();
        f.observe(&message(Author::Company, false), day(1), &s);
        assert_eq!(f.first_answer_at, None, "not yet forwarded");
        f.observe(&Event::Accepted, day(2), &s);
        f.observe(&message(Author::Consumer, false), day(3), &s);
        f.observe(&message(Author::Neutral, false), day(3), &s);
        f.observe(&message(Author::Company, true), day(3), &s);
        assert_eq!(f.first_answer_at, None, "others' words and internal notes");
        f.observe(&message(Author::Company, false), day(4), &s);
        f.observe(&Event::CompanyJoined, day(5), &s);
        assert_eq!(f.forwarded_at, Some(day(2)));
        assert_eq!(f.first_answer_at, Some(day(4)));
    }

    #[test]
    fn each_ending_is_named_and_a_reopening_undoes_it() {
        let s = ProcedureState::default();
        let cases: Vec<(Event, &str)> = vec![
            (
                Event::Refused {
                    ground: RefusalGround::FiledTooLate,
                    reasons: String::new(),
                },
                "filed_too_late",
            ),
            (
                Event::Withdrawn {
                    side: Side::Company,
                    reason: String::new(),
                },
                ended::WITHDRAWN_BY_COMPANY,
            ),
            (
                Event::Lapsed {
                    reason: TRADER_SILENT.into(),
                },
                ended::TRADER_SILENT,
            ),
            (
                Event::Lapsed {
                    reason: "something else".into(),
                },
                ended::LAPSED,
            ),
            (
                Event::NotSettled {
                    reasons: String::new(),
                },
                ended::NO_AGREEMENT,
            ),
        ];
        for (event, reason) in cases {
            let mut f = ReportFacts::default();
            let filed = Event::Filed {
                channel: "web".into(),
                policy: "eu-default".into(),
            };
            f.observe(&filed, day(2), &s);
            f.observe(&event, day(9), &s);
            assert_eq!(f.ended_reason.as_deref(), Some(reason));
            assert_eq!(f.outcome_at, Some(day(9)));
            assert_eq!(f.outcome_seconds, Some(7 * 86_400));
            assert_eq!(f.outcome_basis, None);
            f.observe(&Event::Reopened { reason: "x".into() }, day(10), &s);
            assert_eq!((f.outcome_at, f.ended_reason), (None, None));
        }
    }

    #[test]
    fn r37_a_settlement_is_amicable_unless_it_took_the_neutrals_proposal() {
        let settle = |author: Option<Author>, grants: bool| {
            let s = ProcedureState {
                standing_author: author,
                standing_grants: grants,
                ..Default::default()
            };
            let mut f = ReportFacts::default();
            f.observe(&Event::Settled { number: 1 }, day(1), &s);
            f.outcome_basis
        };
        assert_eq!(settle(Some(Author::Company), true), Some(basis::AMICABLE));
        assert_eq!(settle(Some(Author::Consumer), false), Some(basis::AMICABLE));
        assert_eq!(settle(Some(Author::Neutral), true), Some(basis::CONSUMER));
        assert_eq!(settle(Some(Author::Neutral), false), Some(basis::TRADER));
    }

    #[test]
    fn a_proposal_records_its_author_and_whether_it_grants_anything() {
        let mut d = crate::domain::dossier::Dossier::new();
        let proposal = |amount_cents, remedies: Vec<Remedy>| Event::ProposalMade {
            number: 1,
            round: 1,
            author: Author::Neutral,
            amount_cents,
            currency: "EUR".into(),
            remedies,
            terms: String::new(),
            performance_days: 14,
            counter_to: None,
        };
        d.apply(&proposal(0, vec![]), day(1));
        assert!(!d.procedure.standing_grants);
        d.apply(&proposal(0, vec![Remedy::Apology]), day(1));
        assert!(d.procedure.standing_grants);
        assert_eq!(d.procedure.standing_author, Some(Author::Neutral));
    }
}
