//! The dossier state machine: one pure function decides every change of a dossier.
//!
//! `decide(dossier, command, actor, now, policy) -> events | rejection` does no I/O; the
//! service layer loads the dossier, calls it, and stores the events, the read model and the
//! audit entry in one transaction. `Dossier::apply` folds an event into the read model.
//!
//! `submitted → incomplete ⇄ submitted → complete → (refused | accepted) → assigned →
//! negotiating → (agreed → settled) | not_settled | withdrawn | lapsed → closed → archived`
use crate::domain::money::Currency;
use crate::domain::procedure_state::{ProcedureState, blind_settlement};
use crate::domain::report_facts::ReportFacts;
use crate::policy::procedure::{OnBreach, OnDisclosure};
use crate::policy::procedure::{ProcedurePolicy, RefusalGround};
use crate::policy::{Action, Relation, Role};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl $name {
            pub const ALL: &[$name] = &[$($name::$variant),+];

            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// Where a dossier stands in the procedure.
    Status {
        Submitted = "submitted",
        Incomplete = "incomplete",
        Complete = "complete",
        Refused = "refused",
        Accepted = "accepted",
        Assigned = "assigned",
        Negotiating = "negotiating",
        Agreed = "agreed",
        Settled = "settled",
        NotSettled = "not_settled",
        Withdrawn = "withdrawn",
        Lapsed = "lapsed",
        Closed = "closed",
        Archived = "archived",
    }
);

impl Status {
    /// The stored names of the open statuses, for queries.
    pub fn open_names() -> Vec<&'static str> {
        Status::ALL
            .iter()
            .filter(|s| s.is_open())
            .map(|s| s.as_str())
            .collect()
    }

    /// Open: the procedure is still running, so a party may withdraw (R15).
    pub fn is_open(&self) -> bool {
        matches!(
            self,
            Status::Submitted
                | Status::Incomplete
                | Status::Complete
                | Status::Accepted
                | Status::Assigned
                | Status::Negotiating
                | Status::Agreed
        )
    }

    /// Ended with an outcome, waiting to be closed with written grounds.
    pub fn is_outcome(&self) -> bool {
        matches!(
            self,
            Status::Refused
                | Status::Settled
                | Status::NotSettled
                | Status::Withdrawn
                | Status::Lapsed
        )
    }
}

string_enum!(
    /// The two parties of a dispute.
    Side { Consumer = "consumer", Company = "company" }
);

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Consumer => Side::Company,
            Side::Company => Side::Consumer,
        }
    }
}

string_enum!(
    /// Who made a proposal: a party or the neutral.
    Author { Consumer = "consumer", Company = "company", Neutral = "neutral" }
);

string_enum!(
    /// R31: where a public case stands in moderation; a private case is `none`.
    Moderation {
        None = "none",
        Pending = "pending",
        Held = "held",
        Published = "published",
        Rejected = "rejected",
    }
);

string_enum!(
    /// What a consumer asks for, and what a proposal offers besides money.
    Remedy {
        Refund = "refund",
        Repair = "repair",
        Replacement = "replacement",
        Discount = "discount",
        Apology = "apology",
        Other = "other",
    }
);

string_enum!(
    /// The time limits a dossier can have running; at most one of each kind at a time.
    /// `objection`: the parties' time to object to a circumstance a neutral disclosed (R12);
    /// `performance`: after a settlement, the company's time to do what it agreed.
    DeadlineKind {
        CompletenessCheck = "completeness_check",
        Admissibility = "admissibility",
        CompanyAnswer = "company_answer",
        Round = "round",
        Outcome = "outcome",
        Reflection = "reflection",
        Objection = "objection",
        Performance = "performance",
    }
);

/// Who is acting, and how they stand to this dossier (computed by the caller from the data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    pub user_id: Option<i64>,
    pub relation: Relation,
}

impl Actor {
    pub fn system() -> Self {
        Self {
            role: Role::System,
            user_id: None,
            relation: Relation::None,
        }
    }

    pub fn side(&self) -> Option<Side> {
        match self.relation {
            Relation::OwnCase => Some(Side::Consumer),
            Relation::OwnCompany => Some(Side::Company),
            _ => None,
        }
    }

    /// The name the audit log keeps: a role and an id, never a person's name.
    pub fn audit_name(&self) -> String {
        match self.user_id {
            Some(id) => format!("{}:{id}", self.role.as_str()),
            None => self.role.as_str().to_string(),
        }
    }
}

/// The decision-relevant state of one dossier (the `cases` row without its free text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dossier {
    pub status: Status,
    pub version: i64,
    pub neutral_id: Option<i64>,
    pub neutral_declared: bool,
    pub round_number: u32,
    pub proposals_made: u32,
    pub standing_proposal: Option<u32>,
    pub consumer_accepted: Option<u32>,
    pub company_accepted: Option<u32>,
    pub complete_at: Option<DateTime<Utc>>,
    pub outcome_due_at: Option<DateTime<Utc>>,
    pub outcome_extended: bool,
    pub company_joined_at: Option<DateTime<Utc>>,
    pub agreed_at: Option<DateTime<Utc>>,
    pub reflection_ends_at: Option<DateTime<Utc>>,
    pub settled_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub outcome: Option<Status>,
    pub moderation: Moderation,
    /// When the consumer said whether the case resolved their complaint.
    pub feedback_at: Option<DateTime<Utc>>,
    /// R34: a party asked for a person to review an automated step, not yet answered.
    pub review_requested_at: Option<DateTime<Utc>>,
    /// Disclosure, escalation, blind bidding and compliance.
    pub procedure: ProcedureState,
    /// What the scorecards and the activity report count.
    pub facts: ReportFacts,
}

impl Dossier {
    /// A dossier just filed, before its first event is applied.
    pub fn new() -> Self {
        Self {
            status: Status::Submitted,
            version: 0,
            neutral_id: None,
            neutral_declared: false,
            round_number: 0,
            proposals_made: 0,
            standing_proposal: None,
            consumer_accepted: None,
            company_accepted: None,
            complete_at: None,
            outcome_due_at: None,
            outcome_extended: false,
            company_joined_at: None,
            agreed_at: None,
            reflection_ends_at: None,
            settled_at: None,
            closed_at: None,
            outcome: None,
            moderation: Moderation::None,
            feedback_at: None,
            review_requested_at: None,
            procedure: ProcedureState::default(),
            facts: ReportFacts::default(),
        }
    }

    fn accepted_by(&self, side: Side) -> Option<u32> {
        match side {
            Side::Consumer => self.consumer_accepted,
            Side::Company => self.company_accepted,
        }
    }

    fn set_accepted(&mut self, side: Side, value: Option<u32>) {
        match side {
            Side::Consumer => self.consumer_accepted = value,
            Side::Company => self.company_accepted = value,
        }
    }

    /// Folds one event, recorded at `at`, into the dossier.
    pub fn apply(&mut self, event: &Event, at: DateTime<Utc>) {
        // Before the state moves on: what the reports count reads the state the event met.
        self.facts.observe(event, at, &self.procedure);
        match event {
            Event::Filed { .. } | Event::InformationSupplied(_) => self.status = Status::Submitted,
            Event::MarkedIncomplete { .. } => self.status = Status::Incomplete,
            Event::Completed => {
                self.status = Status::Complete;
                self.complete_at = Some(at);
            }
            Event::Accepted => self.status = Status::Accepted,
            Event::Refused { .. } => self.end(Status::Refused),
            Event::CompanyJoined => self.company_joined_at = Some(at),
            Event::ModerationChecked { held, .. } => {
                self.moderation = if *held {
                    Moderation::Held
                } else {
                    Moderation::Published
                };
            }
            Event::FeedbackGiven { .. } => self.feedback_at = Some(at),
            Event::ReviewRequested { .. } => self.review_requested_at = Some(at),
            Event::RoundDeadlineChanged { .. } => {}
            Event::TimeRequested { side, .. } => self.procedure.answered(*side),
            Event::ReviewAnswered { .. } => self.review_requested_at = None,
            Event::Moderated { publish, .. } => {
                self.moderation = if *publish {
                    Moderation::Published
                } else {
                    Moderation::Rejected
                };
            }
            Event::CompanyDeclined { .. }
            | Event::BundleProposed { .. }
            | Event::BundleAnswered { .. }
            | Event::RepresentativeAppointed { .. }
            | Event::MessagePosted { .. }
            | Event::DocumentAdded { .. } => {}
            Event::NeutralAssigned { neutral_id, .. } => {
                self.status = Status::Assigned;
                self.neutral_id = Some(*neutral_id);
                self.neutral_declared = false;
            }
            Event::IndependenceDeclared { .. } => {
                self.neutral_declared = true;
                self.procedure.disclosure_pending = false;
            }
            Event::ConflictDisclosed { .. } => {
                self.procedure.disclosure_pending = true;
                self.procedure.disclosure_accepted_by.clear();
            }
            Event::DisclosureAccepted { side } => {
                self.procedure.disclosure_accepted_by.push(*side);
            }
            Event::NeutralRecused { .. } | Event::NeutralObjected { .. } => self.unassign(),
            Event::Escalated { .. } => {
                self.unassign();
                self.procedure.escalated = true;
            }
            Event::RoundOpened { number, .. } => {
                self.status = Status::Negotiating;
                self.round_number = *number;
                self.procedure.answered_in_round.clear();
            }
            Event::RoundLapsed { silent, .. } => {
                if silent.contains(&Side::Company) {
                    self.procedure.company_silences += 1;
                }
            }
            Event::ProposalMade {
                number,
                author,
                performance_days,
                amount_cents,
                remedies,
                ..
            } => {
                self.proposals_made = *number;
                self.standing_proposal = Some(*number);
                self.procedure.standing_performance_days = Some(*performance_days);
                self.procedure.standing_author = Some(*author);
                self.procedure.standing_grants = *amount_cents > 0 || !remedies.is_empty();
                // Whoever makes an offer stands by it; the neutral's proposal binds no one yet.
                self.consumer_accepted = (*author == Author::Consumer).then_some(*number);
                self.company_accepted = (*author == Author::Company).then_some(*number);
                match author {
                    Author::Consumer => self.procedure.answered(Side::Consumer),
                    Author::Company => self.procedure.answered(Side::Company),
                    Author::Neutral => {}
                }
            }
            Event::ProposalAccepted { number, side } => {
                self.set_accepted(*side, Some(*number));
                self.procedure.answered(*side);
            }
            Event::ProposalRejected { side, .. } => {
                self.standing_proposal = None;
                self.consumer_accepted = None;
                self.company_accepted = None;
                self.procedure.answered(*side);
            }
            Event::BlindBiddingConsented { side } => {
                self.procedure.blind.consented_by.push(*side);
                self.procedure.answered(*side);
            }
            Event::BlindBiddingOpened => self.procedure.blind.open = true,
            Event::BlindLimitSubmitted {
                side, amount_cents, ..
            } => {
                match side {
                    Side::Consumer => self.procedure.blind.consumer_limit = Some(*amount_cents),
                    Side::Company => self.procedure.blind.company_limit = Some(*amount_cents),
                }
                self.procedure.answered(*side);
            }
            Event::BlindBiddingEnded { .. } => {
                let attempts = self.procedure.blind.attempts + 1;
                self.procedure.blind = Default::default();
                self.procedure.blind.attempts = attempts;
            }
            Event::ComplianceAsked => self.procedure.compliance_asked = true,
            Event::ComplianceReported { complied, .. } => {
                self.procedure.complied = Some(*complied);
            }
            Event::Reopened { .. } => {
                self.status = Status::Assigned;
                self.outcome = None;
                self.closed_at = None;
                self.standing_proposal = None;
                self.consumer_accepted = None;
                self.company_accepted = None;
                self.agreed_at = None;
                self.reflection_ends_at = None;
                self.procedure.extra_rounds += 1;
            }
            Event::Agreed {
                reflection_ends_at, ..
            } => {
                self.status = Status::Agreed;
                self.agreed_at = Some(at);
                self.reflection_ends_at = Some(*reflection_ends_at);
            }
            Event::ConsentRevoked { side, .. } => {
                self.status = Status::Negotiating;
                self.set_accepted(*side, None);
                self.agreed_at = None;
                self.reflection_ends_at = None;
            }
            Event::Settled { .. } => {
                self.end(Status::Settled);
                self.settled_at = Some(at);
            }
            Event::NotSettled { .. } => self.end(Status::NotSettled),
            Event::Withdrawn { .. } => self.end(Status::Withdrawn),
            Event::Lapsed { .. } => self.end(Status::Lapsed),
            Event::OutcomeExtended { until, .. } => {
                self.outcome_extended = true;
                self.outcome_due_at = Some(*until);
            }
            Event::Closed { .. } => {
                self.status = Status::Closed;
                self.closed_at = Some(at);
            }
            Event::Archived => self.status = Status::Archived,
            Event::DeadlineSet { kind, due_at, .. } => match kind {
                DeadlineKind::Outcome => self.outcome_due_at = Some(*due_at),
                DeadlineKind::Performance => self.procedure.performance_due_at = Some(*due_at),
                _ => {}
            },
            Event::DeadlineCleared { .. }
            | Event::AllDeadlinesCleared
            | Event::DeadlineMissed { .. } => {}
        }
    }

    /// The neutral leaves the case, which goes back for (re)assignment.
    fn unassign(&mut self) {
        self.status = Status::Accepted;
        self.neutral_id = None;
        self.neutral_declared = false;
        self.procedure.disclosure_pending = false;
    }

    /// The most rounds this dossier may have: the procedure's, plus one per reopening.
    fn round_limit(&self, policy: &ProcedurePolicy) -> u32 {
        policy.rounds.max + self.procedure.extra_rounds
    }

    fn end(&mut self, outcome: Status) {
        self.status = outcome;
        self.outcome = Some(outcome);
    }
}

impl Default for Dossier {
    fn default() -> Self {
        Self::new()
    }
}

/// A request to change a dossier. Filing creates one and is decided by [`decide_filing`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    /// R6: the consumer adds what was missing; a prior complaint given here is recorded.
    SupplyInformation(SuppliedInformation),
    ReviewCompleteness {
        missing: Vec<String>,
    },
    AcceptCase,
    RefuseCase {
        ground: RefusalGround,
        reasons: String,
    },
    AnswerParticipation {
        takes_part: bool,
        reasons: String,
    },
    Assign {
        neutral_id: i64,
        /// What the caller found out about the neutral, for R12 and R33.
        #[serde(default)]
        facts: NeutralFacts,
    },
    DeclareIndependence,
    /// R12: the neutral discloses a circumstance that may affect their independence.
    Disclose {
        circumstances: String,
    },
    /// R12: a party says whether they object to the disclosed circumstance.
    AnswerDisclosure {
        object: bool,
        reason: String,
    },
    Recuse {
        reasons: String,
    },
    OpenRound {
        deadline: Option<DateTime<Utc>>,
    },
    Propose(ProposalTerms),
    AcceptProposal {
        number: u32,
        notices_acknowledged: bool,
    },
    RejectProposal {
        number: u32,
        reason: String,
    },
    RevokeConsent {
        reason: String,
    },
    EndWithoutSettlement {
        reasons: String,
    },
    Withdraw {
        reason: String,
    },
    /// R14: a message in the case's thread; a neutral's note may be internal (never shown to
    /// the parties).
    PostMessage {
        body: String,
        internal: bool,
        /// Came in as an e-mail reply (R3) rather than through the portal.
        #[serde(default)]
        by_email: bool,
    },
    /// R14: a document in the case file, already stored under its SHA-256.
    AddDocument(Document),
    /// R10: staff propose to handle the case together with similar ones against the company.
    ProposeBundle {
        bundle_id: i64,
    },
    /// R10: the consumer agrees to the bundle proposed, or not.
    AnswerBundle {
        bundle_id: i64,
        consent: bool,
    },
    /// A party agrees to settle by double-blind bidding (and saw the R16 notices).
    ConsentToBlindBidding {
        notices_acknowledged: bool,
    },
    /// A party's confidential limit: the least the consumer accepts, the most the company pays.
    SubmitBlindLimit {
        amount_cents: i64,
        /// Random, so the event's published hash cannot be reversed by trying every amount.
        #[serde(default)]
        salt: String,
    },
    /// After a settlement: the consumer says whether the company did what it agreed.
    ReportCompliance {
        complied: bool,
        comment: String,
    },
    /// The neutral shortens or lengthens the current round, within the procedure's bounds.
    ChangeRoundDeadline {
        deadline: DateTime<Utc>,
    },
    /// A party asks the neutral for more time in the current round.
    AskForTime {
        reason: String,
    },
    /// R34: a party asks for a person to review a step Redress took on its own.
    RequestReview {
        reason: String,
    },
    /// R34: staff answer such a request, after looking at the step.
    AnswerReview {
        answer: String,
    },
    /// R20: after the outcome, the consumer says whether the complaint was resolved.
    GiveFeedback {
        resolved: bool,
        /// 1 (poor) to 5 (excellent)
        rating: u8,
        comment: String,
    },
    /// R31: staff publish a held public case, or keep or take it off the public list.
    Moderate {
        publish: bool,
        reasons: String,
    },
    /// R5: a party names someone (a lawyer, a consumer association, a relative) to act for them.
    AppointRepresentative {
        user_id: i64,
    },
    ExtendOutcome {
        until: DateTime<Utc>,
        reasons: String,
    },
    Close {
        reasons: String,
    },
    Archive,
    DeadlinePassed {
        kind: DeadlineKind,
    },
}

/// Facts about a neutral the service looks up before an assignment (R12, R33).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeutralFacts {
    /// Employed or paid by the respondent company.
    pub employed_by_company: bool,
    /// Declared a conflict with the company or the consumer.
    pub declared_conflict: bool,
    /// Stepped down from, or was objected to in, this case before.
    pub stepped_down: bool,
    /// One of the entity's in-house lawyers.
    pub in_house_lawyer: bool,
}

/// A stored document's facts; the bytes live in content-addressed storage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub sha256: String,
    pub size: i64,
    pub content_type: String,
    pub file_name: String,
}

/// What a consumer adds to an incomplete file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuppliedInformation {
    /// R7(a): the complaint first made to the company.
    pub prior_complaint: Option<PriorComplaintFacts>,
    /// Anything else that was asked for, in the consumer's words.
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorComplaintFacts {
    pub on: chrono::NaiveDate,
    pub channel: String,
    pub reference: Option<String>,
}

/// Why a case lapsed when the trader declined or stayed silent (R9); mails look these up to
/// say it in the reader's language.
pub const TRADER_DECLINED: &str = "the trader declined to take part";
pub const TRADER_SILENT: &str = "trader did not reply";

/// R16: what a party is told, and must acknowledge, before agreeing to a solution.
pub const CONSENT_NOTICES: [&str; 4] = [
    "You are free to refuse this proposal; taking part does not oblige you to agree.",
    "Agreeing does not stop you from going to court; the procedure does not take away your right to do so.",
    "The solution proposed may differ from what a court applying the law would decide.",
    "If both sides agree, the agreement binds you once the reflection period has passed without either side revoking it.",
];

/// What a proposal offers: money, remedies, terms and the time to perform them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalTerms {
    pub amount_cents: i64,
    pub currency: String,
    pub remedies: Vec<Remedy>,
    pub terms: String,
    pub performance_days: u32,
    pub counter_to: Option<u32>,
    /// R16: the party saw the notices before binding themselves to their own offer.
    pub notices_acknowledged: bool,
}

impl Command {
    /// The access-policy action this command needs.
    pub fn action(&self) -> Action {
        match self {
            Command::SupplyInformation(_) => "case.supply_information",
            Command::ReviewCompleteness { .. } => "case.review_completeness",
            Command::AcceptCase | Command::RefuseCase { .. } => "case.decide_admissibility",
            Command::AnswerParticipation { .. } => "case.answer_participation",
            Command::Assign { .. } => "case.assign",
            Command::DeclareIndependence | Command::Recuse { .. } | Command::Disclose { .. } => {
                "case.declare"
            }
            Command::AnswerDisclosure { .. } => "case.answer_disclosure",
            Command::ConsentToBlindBidding { .. } | Command::SubmitBlindLimit { .. } => {
                "case.blind_bid"
            }
            Command::ReportCompliance { .. } => "case.report_compliance",
            Command::OpenRound { .. } => "case.open_round",
            Command::Propose(_) => "case.propose",
            Command::AcceptProposal { .. } | Command::RejectProposal { .. } => {
                "case.answer_proposal"
            }
            Command::RevokeConsent { .. } => "case.revoke_consent",
            Command::EndWithoutSettlement { .. } => "case.end_without_settlement",
            Command::Withdraw { .. } => "case.withdraw",
            Command::AppointRepresentative { .. } => "case.appoint_representative",
            Command::PostMessage { .. } => "case.post_message",
            Command::AddDocument(_) => "case.add_document",
            Command::Moderate { .. } => "case.moderate",
            Command::GiveFeedback { .. } => "case.give_feedback",
            Command::RequestReview { .. } => "case.request_review",
            Command::ChangeRoundDeadline { .. } => "case.open_round",
            Command::AskForTime { .. } => "case.answer_proposal",
            Command::AnswerReview { .. } => "case.answer_review",
            Command::ProposeBundle { .. } => "case.bundle",
            Command::AnswerBundle { .. } => "case.answer_bundle",
            Command::ExtendOutcome { .. } => "case.extend",
            Command::Close { .. } => "case.close",
            Command::Archive => "case.archive",
            Command::DeadlinePassed { .. } => "case.deadline",
        }
    }

    /// A short verb phrase for messages: "a case that is closed cannot <this>".
    fn describe(&self) -> &'static str {
        match self {
            Command::SupplyInformation(_) => "receive missing information",
            Command::ReviewCompleteness { .. } => "be checked for completeness",
            Command::AcceptCase => "be accepted",
            Command::RefuseCase { .. } => "be refused",
            Command::AnswerParticipation { .. } => "take the company's answer on taking part",
            Command::Assign { .. } => "be assigned a neutral",
            Command::DeclareIndependence => "take a declaration of independence",
            Command::Recuse { .. } => "take a recusal",
            Command::Disclose { .. } => "take a disclosure",
            Command::AnswerDisclosure { .. } => "take an answer to a disclosure",
            Command::ConsentToBlindBidding { .. } => "start double-blind bidding",
            Command::SubmitBlindLimit { .. } => "take a confidential limit",
            Command::ReportCompliance { .. } => "take a report on compliance",
            Command::OpenRound { .. } => "open a negotiation round",
            Command::Propose(_) => "take a proposal",
            Command::AcceptProposal { .. } => "take an acceptance",
            Command::RejectProposal { .. } => "take a rejection",
            Command::RevokeConsent { .. } => "take a revocation of consent",
            Command::EndWithoutSettlement { .. } => "end without settlement",
            Command::Withdraw { .. } => "be withdrawn",
            Command::AppointRepresentative { .. } => "take a representative",
            Command::PostMessage { .. } => "take messages",
            Command::AddDocument(_) => "take documents",
            Command::Moderate { .. } => "be moderated",
            Command::GiveFeedback { .. } => "take feedback",
            Command::RequestReview { .. } => "take a request for review",
            Command::ChangeRoundDeadline { .. } => "have its round deadline changed",
            Command::AskForTime { .. } => "take a request for more time",
            Command::AnswerReview { .. } => "take a review",
            Command::ProposeBundle { .. } => "be bundled with other cases",
            Command::AnswerBundle { .. } => "take an answer on bundling",
            Command::ExtendOutcome { .. } => "have its outcome deadline extended",
            Command::Close { .. } => "be closed",
            Command::Archive => "be archived",
            Command::DeadlinePassed { .. } => "pass a deadline",
        }
    }
}

/// What happened to a dossier. Stored in `case_events`; hashed into the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    Filed {
        channel: String,
        policy: String,
    },
    MarkedIncomplete {
        missing: Vec<String>,
    },
    InformationSupplied(SuppliedInformation),
    Completed,
    Accepted,
    Refused {
        ground: RefusalGround,
        reasons: String,
    },
    CompanyJoined,
    CompanyDeclined {
        reasons: String,
    },
    NeutralAssigned {
        neutral_id: i64,
    },
    IndependenceDeclared {
        neutral_id: i64,
    },
    NeutralRecused {
        neutral_id: i64,
        reasons: String,
    },
    /// R12: the neutral disclosed a circumstance before declaring.
    ConflictDisclosed {
        neutral_id: i64,
        circumstances: String,
    },
    DisclosureAccepted {
        side: Side,
    },
    /// R12: a party objected to the neutral; the case goes back for reassignment.
    NeutralObjected {
        neutral_id: i64,
        side: Side,
        reason: String,
    },
    /// The case goes to an in-house lawyer under a rule of the procedure (R34: automated).
    Escalated {
        rule: String,
        reason: String,
    },
    BlindBiddingConsented {
        side: Side,
    },
    BlindBiddingOpened,
    /// Confidential: shown to the side that submitted it only.
    BlindLimitSubmitted {
        side: Side,
        amount_cents: i64,
        salt: String,
    },
    /// The limits met (the agreed amount follows as a proposal) or did not; no figures.
    BlindBiddingEnded {
        matched: bool,
    },
    /// The performance deadline passed: the consumer is asked whether the company complied.
    ComplianceAsked,
    ComplianceReported {
        complied: bool,
        comment: String,
    },
    /// The case goes back to its neutral after the company did not do what it agreed.
    Reopened {
        reason: String,
    },
    RoundOpened {
        number: u32,
        deadline: DateTime<Utc>,
    },
    RoundLapsed {
        number: u32,
        /// The parties who did not answer in the round.
        #[serde(default)]
        silent: Vec<Side>,
    },
    ProposalMade {
        number: u32,
        round: u32,
        author: Author,
        amount_cents: i64,
        currency: String,
        remedies: Vec<Remedy>,
        terms: String,
        performance_days: u32,
        counter_to: Option<u32>,
    },
    ProposalAccepted {
        number: u32,
        side: Side,
    },
    ProposalRejected {
        number: u32,
        side: Side,
        reason: String,
    },
    Agreed {
        number: u32,
        reflection_ends_at: DateTime<Utc>,
    },
    ConsentRevoked {
        side: Side,
        reason: String,
    },
    Settled {
        number: u32,
    },
    NotSettled {
        reasons: String,
    },
    Withdrawn {
        side: Side,
        reason: String,
    },
    RepresentativeAppointed {
        side: Side,
        user_id: i64,
    },
    BundleProposed {
        bundle_id: i64,
    },
    BundleAnswered {
        bundle_id: i64,
        consent: bool,
    },
    RoundDeadlineChanged {
        number: u32,
        deadline: DateTime<Utc>,
    },
    TimeRequested {
        side: Side,
        reason: String,
    },
    ReviewRequested {
        side: Side,
        reason: String,
    },
    ReviewAnswered {
        answer: String,
    },
    FeedbackGiven {
        resolved: bool,
        rating: u8,
        comment: String,
    },
    /// R31: a public case's text was checked against the moderation lists.
    ModerationChecked {
        held: bool,
        flagged: u32,
    },
    /// R31: staff published a held case, or took a public one off.
    Moderated {
        publish: bool,
        reasons: String,
    },
    MessagePosted {
        /// consumer, company or neutral
        author: Author,
        author_id: Option<i64>,
        internal: bool,
        body: String,
        #[serde(default)]
        by_email: bool,
    },
    DocumentAdded {
        author: Author,
        author_id: Option<i64>,
        document: Document,
    },
    Lapsed {
        reason: String,
    },
    OutcomeExtended {
        until: DateTime<Utc>,
        reasons: String,
    },
    Closed {
        outcome: Status,
        reasons: String,
    },
    Archived,
    DeadlineSet {
        kind: DeadlineKind,
        due_at: DateTime<Utc>,
        remind_at: Option<DateTime<Utc>>,
    },
    DeadlineCleared {
        kind: DeadlineKind,
    },
    AllDeadlinesCleared,
    /// A time limit passed without the step it waited for: flagged to staff.
    DeadlineMissed {
        kind: DeadlineKind,
    },
}

/// Why a command was not carried out. Each message is meant for the person who asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("a case that is {status} cannot {what}")]
    WrongState { status: Status, what: &'static str },
    #[error("only a party to the case can do this")]
    NotAParty,
    #[error("only the neutral assigned to the case can do this")]
    NotTheNeutral,
    #[error("only Redress itself does this")]
    NotSystem,
    #[error("this case is not public, or its publication was already refused")]
    NothingToModerate,
    #[error("a review was already asked for and awaits its answer")]
    ReviewPending,
    #[error("nobody asked for a review of this case")]
    NoReviewRequested,
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error("'{0}' is not a refusal ground of this procedure")]
    GroundNotAllowed(&'static str),
    #[error(
        "the notices about refusing, going to court, and the legal effect must be acknowledged first"
    )]
    NoticesNotAcknowledged,
    #[error("proposal {0} is not the standing proposal")]
    NotStanding(u32),
    #[error("this side has already accepted proposal {0}")]
    AlreadyAccepted(u32),
    #[error("the procedure allows at most {0} rounds")]
    RoundLimit(u32),
    #[error("the neutral must first declare independence")]
    DeclarationRequired,
    #[error("the company has not yet said that it takes part")]
    CompanyNotJoined,
    #[error("the company has already answered whether it takes part")]
    CompanyAlreadyAnswered,
    #[error(
        "under this procedure the trader's participation is mandatory: only the consumer may withdraw"
    )]
    TraderMayNotWithdraw,
    #[error("the reflection period ended on {0}")]
    ReflectionOver(DateTime<Utc>),
    #[error("the outcome deadline has already been extended once")]
    AlreadyExtended,
    #[error("that neutral is already assigned")]
    SameNeutral,
    #[error(
        "that neutral is employed or paid by the company complained about; this procedure does not allow it (R33)"
    )]
    EmployedByCompany,
    #[error("that neutral declared a conflict with a party to this case")]
    DeclaredConflict,
    #[error("that neutral stepped down from this case, or a party objected to them")]
    SteppedDown,
    #[error("this case was escalated: assign one of the entity's in-house lawyers")]
    InHouseLawyerRequired,
    #[error("the parties are still being asked whether they object to the disclosure")]
    DisclosurePending,
    #[error("this side has already answered")]
    AlreadyAnswered,
    #[error("this procedure does not offer double-blind bidding")]
    BlindBiddingUnavailable,
    #[error("double-blind bidding was already tried {0} times in this case")]
    BlindBiddingExhausted(u32),
    #[error("double-blind bidding starts when both parties have agreed to it")]
    BlindBiddingNotOpen,
    #[error("the company has until {0} to do what it agreed")]
    PerformanceNotDue(String),
}

impl Rejection {
    /// True when the request itself is malformed (HTTP 422) rather than at odds with the
    /// dossier's state (409) or the caller's place in it (403).
    pub fn is_invalid_input(&self) -> bool {
        matches!(
            self,
            Rejection::Invalid { .. }
                | Rejection::GroundNotAllowed(_)
                | Rejection::NoticesNotAcknowledged
                // The neutral named does not fit the case (R12, R33).
                | Rejection::EmployedByCompany
                | Rejection::DeclaredConflict
                | Rejection::SteppedDown
                | Rejection::InHouseLawyerRequired
        )
    }

    pub fn is_forbidden(&self) -> bool {
        matches!(
            self,
            Rejection::NotAParty
                | Rejection::NotTheNeutral
                | Rejection::NotSystem
                | Rejection::TraderMayNotWithdraw
        )
    }
}

/// Who writes in the thread: a party, or the neutral assigned to the case.
fn author_of(actor: &Actor, dossier: &Dossier) -> Result<Author, Rejection> {
    match actor.side() {
        Some(Side::Consumer) => Ok(Author::Consumer),
        Some(Side::Company) => Ok(Author::Company),
        None if actor.relation == Relation::AssignedNeutral
            && actor.user_id.is_some()
            && actor.user_id == dossier.neutral_id =>
        {
            Ok(Author::Neutral)
        }
        None => Err(Rejection::NotAParty),
    }
}

fn require_text(field: &'static str, text: &str, min: usize) -> Result<(), Rejection> {
    let len = text.trim().chars().count();
    if len < min {
        return Err(Rejection::Invalid {
            field,
            message: format!("write at least {min} characters"),
        });
    }
    if len > 20_000 {
        return Err(Rejection::Invalid {
            field,
            message: "write at most 20,000 characters".into(),
        });
    }
    Ok(())
}

/// A round's deadline: the procedure's default length, or the neutral's choice within its
/// bounds, in working days of its calendar.
fn round_deadline(
    requested: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    policy: &ProcedurePolicy,
) -> Result<DateTime<Utc>, Rejection> {
    let (cal, d) = (&policy.calendar, &policy.deadlines);
    let Some(at) = requested else {
        return Ok(cal.add_working_days(now, d.round_working_days));
    };
    let earliest = cal.add_working_days(now, d.round_min_working_days);
    let latest = cal.add_working_days(now, d.round_max_working_days);
    if at < earliest || at > latest {
        return Err(Rejection::Invalid {
            field: "deadline",
            message: format!(
                "a round runs {} to {} working days: choose between {} and {}",
                d.round_min_working_days,
                d.round_max_working_days,
                earliest.format("%Y-%m-%d"),
                latest.format("%Y-%m-%d")
            ),
        });
    }
    Ok(at)
}

fn deadline(
    kind: DeadlineKind,
    due_at: DateTime<Utc>,
    policy: &ProcedurePolicy,
    now: DateTime<Utc>,
) -> Event {
    let lead = Duration::hours(i64::from(policy.deadlines.reminder_lead_hours));
    let remind_at = (due_at - lead > now).then_some(due_at - lead);
    Event::DeadlineSet {
        kind,
        due_at,
        remind_at,
    }
}

/// R17: both sides accepted proposal `number`; consent binds only after the reflection period.
fn agreement(number: u32, now: DateTime<Utc>, policy: &ProcedurePolicy) -> [Event; 3] {
    let ends = now + days(policy.reflection.days);
    [
        Event::Agreed {
            number,
            reflection_ends_at: ends,
        },
        Event::DeadlineCleared {
            kind: DeadlineKind::Round,
        },
        deadline(DeadlineKind::Reflection, ends, policy, now),
    ]
}

fn days(n: u32) -> Duration {
    Duration::days(i64::from(n))
}

/// Decides the filing of a new case: `missing` lists the required information not given;
/// `flagged_for_publication` is, for a public case, how many listed words its text holds.
pub fn decide_filing(
    channel: &str,
    missing: &[String],
    flagged_for_publication: Option<usize>,
    actor: &Actor,
    now: DateTime<Utc>,
    policy: &ProcedurePolicy,
) -> Result<Vec<Event>, Rejection> {
    if !matches!(actor.role, Role::Consumer | Role::Staff | Role::System) {
        return Err(Rejection::NotAParty);
    }
    let mut events = vec![Event::Filed {
        channel: channel.to_string(),
        policy: policy.label(),
    }];
    if missing.is_empty() {
        let due = now + days(policy.deadlines.completeness_check_days);
        events.push(deadline(DeadlineKind::CompletenessCheck, due, policy, now));
    } else {
        events.push(Event::MarkedIncomplete {
            missing: missing.to_vec(),
        });
    }
    // R31: a public case is published at once when its text is clean, else held for review.
    if let Some(flagged) = flagged_for_publication {
        events.push(Event::ModerationChecked {
            held: flagged > 0,
            flagged: u32::try_from(flagged).unwrap_or(u32::MAX),
        });
    }
    Ok(events)
}

/// Decides one command against one dossier. Pure: same inputs, same answer.
pub fn decide(
    dossier: &Dossier,
    command: &Command,
    actor: &Actor,
    now: DateTime<Utc>,
    policy: &ProcedurePolicy,
) -> Result<Vec<Event>, Rejection> {
    use Status as S;
    let status = dossier.status;
    let wrong_state = || Rejection::WrongState {
        status,
        what: command.describe(),
    };
    let expect = |allowed: &[Status]| {
        if allowed.contains(&status) {
            Ok(())
        } else {
            Err(wrong_state())
        }
    };
    let party = || actor.side().ok_or(Rejection::NotAParty);
    let neutral = || {
        if actor.relation == Relation::AssignedNeutral
            && actor.user_id.is_some()
            && actor.user_id == dossier.neutral_id
        {
            Ok(())
        } else {
            Err(Rejection::NotTheNeutral)
        }
    };
    // R12: the assigned neutral, not yet declared, with no disclosure before the parties.
    let before_declaration = || {
        expect(&[S::Assigned])?;
        neutral()?;
        if dossier.neutral_declared {
            return Err(wrong_state());
        }
        if dossier.procedure.disclosure_pending {
            return Err(Rejection::DisclosurePending);
        }
        Ok(())
    };
    let d = &policy.deadlines;

    match command {
        Command::SupplyInformation(info) => {
            expect(&[S::Incomplete])?;
            if party()? != Side::Consumer {
                return Err(Rejection::NotAParty);
            }
            if let Some(prior) = &info.prior_complaint
                && prior.on > now.date_naive()
            {
                return Err(Rejection::Invalid {
                    field: "prior_complaint.on",
                    message: "the date of your complaint cannot be in the future".into(),
                });
            }
            if info.prior_complaint.is_none() && info.note.trim().chars().count() < 3 {
                return Err(Rejection::Invalid {
                    field: "note",
                    message: "add the information that was asked for".into(),
                });
            }
            let due = now + days(d.completeness_check_days);
            let info = SuppliedInformation {
                prior_complaint: info.prior_complaint.clone(),
                note: info.note.trim().to_string(),
            };
            Ok(vec![
                Event::InformationSupplied(info),
                deadline(DeadlineKind::CompletenessCheck, due, policy, now),
            ])
        }
        Command::ReviewCompleteness { missing } => {
            expect(&[S::Submitted, S::Incomplete])?;
            if missing.is_empty() {
                // R6: the complete file starts the legal clocks.
                Ok(vec![
                    Event::Completed,
                    Event::DeadlineCleared {
                        kind: DeadlineKind::CompletenessCheck,
                    },
                    deadline(
                        DeadlineKind::Admissibility,
                        now + days(d.admissibility_days),
                        policy,
                        now,
                    ),
                    deadline(
                        DeadlineKind::Outcome,
                        now + days(d.outcome_days),
                        policy,
                        now,
                    ),
                ])
            } else {
                if missing.iter().any(|m| m.trim().is_empty()) {
                    return Err(Rejection::Invalid {
                        field: "missing",
                        message: "name each missing piece of information".into(),
                    });
                }
                Ok(vec![
                    Event::MarkedIncomplete {
                        missing: missing.clone(),
                    },
                    Event::DeadlineCleared {
                        kind: DeadlineKind::CompletenessCheck,
                    },
                ])
            }
        }
        Command::AcceptCase => {
            expect(&[S::Complete])?;
            // R9: the trader's time to answer runs from the entity's contact, in working days.
            let due = policy
                .calendar
                .add_working_days(now, d.company_answer_working_days);
            Ok(vec![
                Event::Accepted,
                Event::DeadlineCleared {
                    kind: DeadlineKind::Admissibility,
                },
                deadline(DeadlineKind::CompanyAnswer, due, policy, now),
            ])
        }
        Command::RefuseCase { ground, reasons } => {
            expect(&[S::Complete])?;
            // R7: only a ground the procedure lists, and always with reasons.
            if !policy.refusal_grounds.contains(ground) {
                return Err(Rejection::GroundNotAllowed(ground.as_str()));
            }
            require_text("reasons", reasons, 10)?;
            Ok(vec![
                Event::Refused {
                    ground: *ground,
                    reasons: reasons.trim().to_string(),
                },
                Event::AllDeadlinesCleared,
            ])
        }
        Command::AnswerParticipation {
            takes_part,
            reasons,
        } => {
            expect(&[S::Accepted, S::Assigned])?;
            if party()? != Side::Company {
                return Err(Rejection::NotAParty);
            }
            if dossier.company_joined_at.is_some() {
                return Err(Rejection::CompanyAlreadyAnswered);
            }
            if *takes_part {
                Ok(vec![
                    Event::CompanyJoined,
                    Event::DeadlineCleared {
                        kind: DeadlineKind::CompanyAnswer,
                    },
                ])
            } else {
                require_text("reasons", reasons, 10)?;
                Ok(vec![
                    Event::CompanyDeclined {
                        reasons: reasons.trim().to_string(),
                    },
                    Event::Lapsed {
                        reason: TRADER_DECLINED.into(),
                    },
                    Event::AllDeadlinesCleared,
                ])
            }
        }
        Command::Assign { neutral_id, facts } => {
            // A neutral who has not yet declared may be replaced; after that only recusal does.
            if status == S::Assigned && dossier.neutral_declared {
                return Err(wrong_state());
            }
            expect(&[S::Accepted, S::Assigned])?;
            if dossier.neutral_id == Some(*neutral_id) {
                return Err(Rejection::SameNeutral);
            }
            // R33: the trader's own people only under the regulated in-house regime.
            if facts.employed_by_company && !policy.neutrals.in_house_regime {
                return Err(Rejection::EmployedByCompany);
            }
            // R12: never someone with a declared conflict, or who already left this case.
            if facts.declared_conflict {
                return Err(Rejection::DeclaredConflict);
            }
            if facts.stepped_down {
                return Err(Rejection::SteppedDown);
            }
            if dossier.procedure.escalated && !facts.in_house_lawyer {
                return Err(Rejection::InHouseLawyerRequired);
            }
            Ok(vec![Event::NeutralAssigned {
                neutral_id: *neutral_id,
            }])
        }
        Command::DeclareIndependence => {
            before_declaration()?;
            Ok(vec![Event::IndependenceDeclared {
                neutral_id: dossier.neutral_id.unwrap_or_default(),
            }])
        }
        Command::Disclose { circumstances } => {
            before_declaration()?;
            require_text("circumstances", circumstances, 10)?;
            let neutral_id = dossier.neutral_id.unwrap_or_default();
            let disclosed = Event::ConflictDisclosed {
                neutral_id,
                circumstances: circumstances.trim().to_string(),
            };
            Ok(match policy.neutrals.on_disclosure {
                OnDisclosure::Reassign => vec![
                    disclosed,
                    Event::NeutralRecused {
                        neutral_id,
                        reasons: "a circumstance disclosed before the declaration of independence"
                            .into(),
                    },
                ],
                OnDisclosure::AskParties => vec![
                    disclosed,
                    deadline(
                        DeadlineKind::Objection,
                        now + days(policy.neutrals.objection_days),
                        policy,
                        now,
                    ),
                ],
            })
        }
        Command::AnswerDisclosure { object, reason } => {
            expect(&[S::Assigned])?;
            let side = party()?;
            if !dossier.procedure.disclosure_pending {
                return Err(wrong_state());
            }
            if dossier.procedure.disclosure_accepted_by.contains(&side) {
                return Err(Rejection::AlreadyAnswered);
            }
            let neutral_id = dossier.neutral_id.unwrap_or_default();
            let cleared = Event::DeadlineCleared {
                kind: DeadlineKind::Objection,
            };
            if *object {
                require_text("reason", reason, 3)?;
                return Ok(vec![
                    Event::NeutralObjected {
                        neutral_id,
                        side,
                        reason: reason.trim().to_string(),
                    },
                    cleared,
                ]);
            }
            let mut events = vec![Event::DisclosureAccepted { side }];
            if dossier
                .procedure
                .disclosure_accepted_by
                .contains(&side.other())
            {
                events.extend([Event::IndependenceDeclared { neutral_id }, cleared]);
            }
            Ok(events)
        }
        Command::ConsentToBlindBidding {
            notices_acknowledged,
        } => {
            expect(&[S::Negotiating])?;
            let side = party()?;
            let blind = &dossier.procedure.blind;
            if !policy.blind_bidding.enabled {
                return Err(Rejection::BlindBiddingUnavailable);
            }
            if blind.attempts >= policy.blind_bidding.attempts {
                return Err(Rejection::BlindBiddingExhausted(blind.attempts));
            }
            if blind.consented_by.contains(&side) {
                return Err(Rejection::AlreadyAnswered);
            }
            // R16: a match binds like an acceptance, so the notices come first.
            if !notices_acknowledged {
                return Err(Rejection::NoticesNotAcknowledged);
            }
            let mut events = vec![Event::BlindBiddingConsented { side }];
            if blind.consented_by.contains(&side.other()) {
                events.push(Event::BlindBiddingOpened);
            }
            Ok(events)
        }
        Command::SubmitBlindLimit { amount_cents, salt } => {
            expect(&[S::Negotiating])?;
            let side = party()?;
            let blind = &dossier.procedure.blind;
            if !blind.open {
                return Err(Rejection::BlindBiddingNotOpen);
            }
            if blind.limit_of(side).is_some() {
                return Err(Rejection::AlreadyAnswered);
            }
            if !(0..=policy.claims.max_cents).contains(amount_cents) {
                return Err(Rejection::Invalid {
                    field: "amount_cents",
                    message: format!(
                        "must be 0 to {}",
                        crate::domain::money::format_amount(
                            policy.claims.max_cents,
                            &policy.claims.currency
                        )
                    ),
                });
            }
            let mut events = vec![Event::BlindLimitSubmitted {
                side,
                amount_cents: *amount_cents,
                salt: salt.clone(),
            }];
            if let Some(other) = blind.limit_of(side.other()) {
                let (consumer_min, company_max) = match side {
                    Side::Consumer => (*amount_cents, other),
                    Side::Company => (other, *amount_cents),
                };
                match blind_settlement(
                    consumer_min,
                    company_max,
                    policy.blind_bidding.margin_percent,
                ) {
                    Some(amount) => {
                        let number = dossier.proposals_made + 1;
                        events.extend([
                            Event::BlindBiddingEnded { matched: true },
                            Event::ProposalMade {
                                number,
                                round: dossier.round_number,
                                author: Author::Neutral,
                                amount_cents: amount,
                                currency: policy.claims.currency.clone(),
                                remedies: vec![Remedy::Refund],
                                terms: "Payment of the amount found by double-blind bidding, in full and final settlement of the complaint.".into(),
                                performance_days: policy.blind_bidding.performance_days,
                                counter_to: None,
                            },
                            Event::ProposalAccepted {
                                number,
                                side: Side::Consumer,
                            },
                            Event::ProposalAccepted {
                                number,
                                side: Side::Company,
                            },
                        ]);
                        events.extend(agreement(number, now, policy));
                    }
                    None => events.push(Event::BlindBiddingEnded { matched: false }),
                }
            }
            Ok(events)
        }
        Command::ReportCompliance { complied, comment } => {
            expect(&[S::Settled, S::Closed])?;
            if dossier.outcome != Some(S::Settled) || dossier.procedure.complied.is_some() {
                return Err(wrong_state());
            }
            if party()? != Side::Consumer {
                return Err(Rejection::NotAParty);
            }
            if comment.chars().count() > 2_000 {
                return Err(Rejection::Invalid {
                    field: "comment",
                    message: "write at most 2,000 characters".into(),
                });
            }
            let reported = Event::ComplianceReported {
                complied: *complied,
                comment: comment.trim().to_string(),
            };
            let cleared = Event::DeadlineCleared {
                kind: DeadlineKind::Performance,
            };
            if *complied {
                return Ok(vec![reported, cleared]);
            }
            // A "no" counts once the company's time is up.
            if !dossier.procedure.compliance_asked {
                let due = dossier
                    .procedure
                    .performance_due_at
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_else(|| "the date agreed".into());
                return Err(Rejection::PerformanceNotDue(due));
            }
            require_text("comment", comment, 10)?;
            let mut events = vec![
                reported,
                cleared,
                Event::Reopened {
                    reason: "the consumer reports that the company did not do what it agreed"
                        .into(),
                },
            ];
            if policy.escalation.on_breach == OnBreach::Escalate {
                events.push(Event::Escalated {
                    rule: "escalation.on_breach".into(),
                    reason: "the company did not do what it agreed in the settlement".into(),
                });
            }
            Ok(events)
        }
        Command::Recuse { reasons } => {
            // R12: a conflict may surface at any time before agreement.
            expect(&[S::Assigned, S::Negotiating])?;
            neutral()?;
            require_text("reasons", reasons, 10)?;
            let mut events = vec![Event::NeutralRecused {
                neutral_id: dossier.neutral_id.unwrap_or_default(),
                reasons: reasons.trim().to_string(),
            }];
            if status == S::Negotiating {
                events.push(Event::DeadlineCleared {
                    kind: DeadlineKind::Round,
                });
            }
            Ok(events)
        }
        Command::OpenRound {
            deadline: requested,
        } => {
            expect(&[S::Assigned, S::Negotiating])?;
            neutral()?;
            if !dossier.neutral_declared {
                return Err(Rejection::DeclarationRequired);
            }
            if dossier.company_joined_at.is_none() {
                return Err(Rejection::CompanyNotJoined);
            }
            if dossier.round_number >= dossier.round_limit(policy) {
                return Err(Rejection::RoundLimit(dossier.round_limit(policy)));
            }
            let due = round_deadline(*requested, now, policy)?;
            let number = dossier.round_number + 1;
            Ok(vec![
                Event::RoundOpened {
                    number,
                    deadline: due,
                },
                deadline(DeadlineKind::Round, due, policy, now),
            ])
        }
        Command::Propose(terms) => {
            expect(&[S::Negotiating])?;
            let author = match (actor.side(), neutral()) {
                (Some(Side::Consumer), _) => Author::Consumer,
                (Some(Side::Company), _) => Author::Company,
                (None, Ok(())) => Author::Neutral,
                (None, Err(e)) => return Err(e),
            };
            if author != Author::Neutral && !terms.notices_acknowledged {
                return Err(Rejection::NoticesNotAcknowledged);
            }
            if terms.amount_cents < 0 {
                return Err(Rejection::Invalid {
                    field: "amount_cents",
                    message: "cannot be negative".into(),
                });
            }
            terms
                .currency
                .parse::<Currency>()
                .map_err(|e| Rejection::Invalid {
                    field: "currency",
                    message: e.to_string(),
                })?;
            require_text("terms", &terms.terms, 3)?;
            if !(1..=365).contains(&terms.performance_days) {
                return Err(Rejection::Invalid {
                    field: "performance_days",
                    message: "must be 1 to 365".into(),
                });
            }
            if let Some(parent) = terms.counter_to
                && (parent == 0 || parent > dossier.proposals_made)
            {
                return Err(Rejection::Invalid {
                    field: "counter_to",
                    message: format!("there is no proposal {parent} in this case"),
                });
            }
            Ok(vec![Event::ProposalMade {
                number: dossier.proposals_made + 1,
                round: dossier.round_number,
                author,
                amount_cents: terms.amount_cents,
                currency: terms.currency.clone(),
                remedies: terms.remedies.clone(),
                terms: terms.terms.trim().to_string(),
                performance_days: terms.performance_days,
                counter_to: terms.counter_to,
            }])
        }
        Command::AcceptProposal {
            number,
            notices_acknowledged,
        } => {
            expect(&[S::Negotiating])?;
            let side = party()?;
            if dossier.standing_proposal != Some(*number) {
                return Err(Rejection::NotStanding(*number));
            }
            // R16: informed consent only.
            if !notices_acknowledged {
                return Err(Rejection::NoticesNotAcknowledged);
            }
            if dossier.accepted_by(side) == Some(*number) {
                return Err(Rejection::AlreadyAccepted(*number));
            }
            let mut events = vec![Event::ProposalAccepted {
                number: *number,
                side,
            }];
            if dossier.accepted_by(side.other()) == Some(*number) {
                events.extend(agreement(*number, now, policy));
            }
            Ok(events)
        }
        Command::RejectProposal { number, reason } => {
            expect(&[S::Negotiating])?;
            let side = party()?;
            if dossier.standing_proposal != Some(*number) {
                return Err(Rejection::NotStanding(*number));
            }
            require_text("reason", reason, 3)?;
            Ok(vec![Event::ProposalRejected {
                number: *number,
                side,
                reason: reason.trim().to_string(),
            }])
        }
        Command::RevokeConsent { reason } => {
            expect(&[S::Agreed])?;
            let side = party()?;
            if let Some(ends) = dossier.reflection_ends_at
                && now >= ends
            {
                return Err(Rejection::ReflectionOver(ends));
            }
            require_text("reason", reason, 3)?;
            Ok(vec![
                Event::ConsentRevoked {
                    side,
                    reason: reason.trim().to_string(),
                },
                Event::DeadlineCleared {
                    kind: DeadlineKind::Reflection,
                },
            ])
        }
        Command::EndWithoutSettlement { reasons } => {
            expect(&[S::Assigned, S::Negotiating])?;
            neutral()?;
            require_text("reasons", reasons, 10)?;
            Ok(vec![
                Event::NotSettled {
                    reasons: reasons.trim().to_string(),
                },
                Event::AllDeadlinesCleared,
            ])
        }
        Command::PostMessage {
            body,
            internal,
            by_email,
        } => {
            // R14: the thread stays open until the case is closed.
            if matches!(status, S::Closed | S::Archived) {
                return Err(wrong_state());
            }
            let author = author_of(actor, dossier)?;
            if *internal && author != Author::Neutral {
                return Err(Rejection::Invalid {
                    field: "internal",
                    message: "only the neutral keeps internal notes".into(),
                });
            }
            require_text("body", body, 1)?;
            Ok(vec![Event::MessagePosted {
                author,
                author_id: actor.user_id,
                internal: *internal,
                body: body.trim().to_string(),
                by_email: *by_email,
            }])
        }
        Command::AddDocument(document) => {
            if matches!(status, S::Closed | S::Archived) {
                return Err(wrong_state());
            }
            let author = author_of(actor, dossier)?;
            Ok(vec![Event::DocumentAdded {
                author,
                author_id: actor.user_id,
                document: document.clone(),
            }])
        }
        Command::ProposeBundle { bundle_id } => {
            if !status.is_open() {
                return Err(wrong_state());
            }
            Ok(vec![Event::BundleProposed {
                bundle_id: *bundle_id,
            }])
        }
        Command::AnswerBundle { bundle_id, consent } => {
            if !status.is_open() {
                return Err(wrong_state());
            }
            // R10: only the consumer decides whether their case joins others.
            if party()? != Side::Consumer {
                return Err(Rejection::NotAParty);
            }
            Ok(vec![Event::BundleAnswered {
                bundle_id: *bundle_id,
                consent: *consent,
            }])
        }
        Command::ChangeRoundDeadline { deadline: at } => {
            expect(&[S::Negotiating])?;
            neutral()?;
            let due = round_deadline(Some(*at), now, policy)?;
            Ok(vec![
                Event::RoundDeadlineChanged {
                    number: dossier.round_number,
                    deadline: due,
                },
                deadline(DeadlineKind::Round, due, policy, now),
            ])
        }
        Command::AskForTime { reason } => {
            expect(&[S::Negotiating])?;
            let side = party()?;
            require_text("reason", reason, 10)?;
            Ok(vec![Event::TimeRequested {
                side,
                reason: reason.trim().to_string(),
            }])
        }
        Command::RequestReview { reason } => {
            if status == S::Archived {
                return Err(wrong_state());
            }
            let side = party()?;
            if dossier.review_requested_at.is_some() {
                return Err(Rejection::ReviewPending);
            }
            require_text("reason", reason, 10)?;
            Ok(vec![Event::ReviewRequested {
                side,
                reason: reason.trim().to_string(),
            }])
        }
        Command::AnswerReview { answer } => {
            if dossier.review_requested_at.is_none() {
                return Err(Rejection::NoReviewRequested);
            }
            require_text("answer", answer, 10)?;
            Ok(vec![Event::ReviewAnswered {
                answer: answer.trim().to_string(),
            }])
        }
        Command::GiveFeedback {
            resolved,
            rating,
            comment,
        } => {
            // Asked once the procedure has an outcome; answered once.
            if status.is_open() || dossier.feedback_at.is_some() {
                return Err(wrong_state());
            }
            if party()? != Side::Consumer {
                return Err(Rejection::NotAParty);
            }
            if !(1..=5).contains(rating) {
                return Err(Rejection::Invalid {
                    field: "rating",
                    message: "rate from 1 (poor) to 5 (excellent)".into(),
                });
            }
            if comment.chars().count() > 2_000 {
                return Err(Rejection::Invalid {
                    field: "comment",
                    message: "write at most 2,000 characters".into(),
                });
            }
            Ok(vec![Event::FeedbackGiven {
                resolved: *resolved,
                rating: *rating,
                comment: comment.trim().to_string(),
            }])
        }
        Command::Moderate { publish, reasons } => {
            if !matches!(dossier.moderation, Moderation::Held | Moderation::Published) {
                return Err(Rejection::NothingToModerate);
            }
            if !*publish {
                require_text("reasons", reasons, 3)?;
            }
            Ok(vec![Event::Moderated {
                publish: *publish,
                reasons: reasons.trim().to_string(),
            }])
        }
        Command::AppointRepresentative { user_id } => {
            if !status.is_open() {
                return Err(wrong_state());
            }
            let side = party()?;
            if Some(*user_id) == actor.user_id {
                return Err(Rejection::Invalid {
                    field: "email",
                    message: "you cannot name yourself as your representative".into(),
                });
            }
            Ok(vec![Event::RepresentativeAppointed {
                side,
                user_id: *user_id,
            }])
        }
        Command::Withdraw { reason } => {
            // R15: either party, at any stage, unless national law binds the trader.
            if !status.is_open() {
                return Err(wrong_state());
            }
            let side = party()?;
            if side == Side::Company && policy.trader_participation_mandatory {
                return Err(Rejection::TraderMayNotWithdraw);
            }
            require_text("reason", reason, 3)?;
            Ok(vec![
                Event::Withdrawn {
                    side,
                    reason: reason.trim().to_string(),
                },
                Event::AllDeadlinesCleared,
            ])
        }
        Command::ExtendOutcome { until, reasons } => {
            // R19: once, for a highly complex dispute, with reasons and a new date.
            expect(&[S::Assigned, S::Negotiating, S::Agreed])?;
            neutral()?;
            if dossier.outcome_extended {
                return Err(Rejection::AlreadyExtended);
            }
            require_text("reasons", reasons, 10)?;
            let current = dossier.outcome_due_at.unwrap_or(now);
            let latest = current + days(d.extension_max_days);
            if *until <= current || *until > latest {
                return Err(Rejection::Invalid {
                    field: "until",
                    message: format!(
                        "choose a date after {} and no later than {}",
                        current.format("%Y-%m-%d"),
                        latest.format("%Y-%m-%d")
                    ),
                });
            }
            Ok(vec![
                Event::OutcomeExtended {
                    until: *until,
                    reasons: reasons.trim().to_string(),
                },
                deadline(DeadlineKind::Outcome, *until, policy, now),
            ])
        }
        Command::Close { reasons } => {
            if !status.is_outcome() {
                return Err(wrong_state());
            }
            // R20: the outcome is notified with its grounds.
            require_text("reasons", reasons, 10)?;
            Ok(vec![Event::Closed {
                outcome: status,
                reasons: reasons.trim().to_string(),
            }])
        }
        Command::Archive => {
            expect(&[S::Closed])?;
            if actor.role != Role::System {
                return Err(Rejection::NotSystem);
            }
            Ok(vec![Event::Archived])
        }
        Command::DeadlinePassed { kind } => {
            if actor.role != Role::System {
                return Err(Rejection::NotSystem);
            }
            deadline_passed(dossier, *kind, now, policy)
        }
    }
}

/// What follows when a time limit passes. An empty list means nothing is due any more.
fn deadline_passed(
    dossier: &Dossier,
    kind: DeadlineKind,
    now: DateTime<Utc>,
    policy: &ProcedurePolicy,
) -> Result<Vec<Event>, Rejection> {
    use Status as S;
    let status = dossier.status;
    let flag = || vec![Event::DeadlineMissed { kind }];
    Ok(match kind {
        DeadlineKind::CompletenessCheck if status == S::Submitted => flag(),
        // R8: an admissibility decision overdue is flagged to staff.
        DeadlineKind::Admissibility if status == S::Complete => flag(),
        // R9: silence of the trader counts as refusal to take part.
        DeadlineKind::CompanyAnswer
            if matches!(status, S::Accepted | S::Assigned)
                && dossier.company_joined_at.is_none() =>
        {
            vec![
                Event::Lapsed {
                    reason: TRADER_SILENT.into(),
                },
                Event::AllDeadlinesCleared,
            ]
        }
        DeadlineKind::Round if status == S::Negotiating => {
            let answered = &dossier.procedure.answered_in_round;
            let silent: Vec<Side> = Side::ALL
                .iter()
                .copied()
                .filter(|side| !answered.contains(side))
                .collect();
            let company_silences =
                dossier.procedure.company_silences + u32::from(silent.contains(&Side::Company));
            let threshold = policy.escalation.company_silences;
            let mut events = vec![Event::RoundLapsed {
                number: dossier.round_number,
                silent,
            }];
            let limit = dossier.round_limit(policy);
            if dossier.round_number >= limit {
                events.extend([
                    Event::NotSettled {
                        reasons: format!(
                            "the last of {limit} negotiation rounds ended without agreement"
                        ),
                    },
                    Event::AllDeadlinesCleared,
                ]);
            } else if threshold > 0 && company_silences >= threshold && !dossier.procedure.escalated
            {
                events.push(Event::Escalated {
                    rule: "escalation.company_silences".into(),
                    reason: format!(
                        "the company let {company_silences} negotiation rounds pass without answering"
                    ),
                });
            }
            events
        }
        // R12: silence until the deadline is consent to the disclosed circumstance.
        DeadlineKind::Objection
            if status == S::Assigned && dossier.procedure.disclosure_pending =>
        {
            vec![Event::IndependenceDeclared {
                neutral_id: dossier.neutral_id.unwrap_or_default(),
            }]
        }
        DeadlineKind::Performance
            if dossier.outcome == Some(S::Settled)
                && matches!(status, S::Settled | S::Closed)
                && dossier.procedure.complied.is_none() =>
        {
            vec![Event::ComplianceAsked]
        }
        // R19: the neutral is told; the dossier stays open.
        DeadlineKind::Outcome if status.is_open() && dossier.complete_at.is_some() => flag(),
        // R17: after the reflection period the agreement binds.
        DeadlineKind::Reflection
            if status == S::Agreed && dossier.reflection_ends_at.is_some_and(|end| now >= end) =>
        {
            // What was agreed must then be done: the company's time runs from here.
            let performance = dossier.procedure.standing_performance_days.unwrap_or(14);
            vec![
                Event::Settled {
                    number: dossier.standing_proposal.unwrap_or_default(),
                },
                Event::AllDeadlinesCleared,
                deadline(
                    DeadlineKind::Performance,
                    now + days(performance),
                    policy,
                    now,
                ),
            ]
        }
        _ => Vec::new(),
    })
}

#[cfg(test)]
#[path = "dossier_tests.rs"]
mod tests;
