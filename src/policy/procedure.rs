//! A procedure policy: one TOML file in `policies/procedures/`, validated against the law's
//! outer limits (eu-rules.md) so a national variant can differ only where the law lets it.
use super::{PolicyError, parse_toml};
use crate::domain::calendar::WorkingCalendar;
use chrono::{NaiveDate, Weekday};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureKind {
    /// Non-binding mediation: the parties agree a settlement.
    Mediation,
    /// A recommendation by the entity (Belgian consumer mediation service).
    Recommendation,
    /// A binding advice (Dutch Geschillencommissie).
    BindingAdvice,
}

/// The refusal grounds of ADR Directive art 5(4); a policy may list fewer, never others (R7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// (a) the consumer did not first try to resolve it with the trader
    NoPriorComplaint,
    /// (b) frivolous or vexatious
    FrivolousOrVexatious,
    /// (c) being or already handled by another ADR entity or a court
    HandledElsewhere,
    /// (d) claim value below or above the thresholds
    ClaimValueOutOfRange,
    /// (e) filed later than the time limit
    FiledTooLate,
    /// (f) would seriously impair the entity's operation
    ImpairsOperation,
}

impl RefusalGround {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::NoPriorComplaint => "no_prior_complaint",
            Self::FrivolousOrVexatious => "frivolous_or_vexatious",
            Self::HandledElsewhere => "handled_elsewhere",
            Self::ClaimValueOutOfRange => "claim_value_out_of_range",
            Self::FiledTooLate => "filed_too_late",
            Self::ImpairsOperation => "impairs_operation",
        }
    }

    /// The ground in words, for the parties.
    pub fn explain(&self) -> &'static str {
        match self {
            Self::NoPriorComplaint => {
                "the consumer did not first try to resolve the matter with the company"
            }
            Self::FrivolousOrVexatious => "the dispute is frivolous or vexatious",
            Self::HandledElsewhere => {
                "the dispute is being or was already handled by another dispute resolution body or a court"
            }
            Self::ClaimValueOutOfRange => {
                "the value of the claim is outside this procedure's limits"
            }
            Self::FiledTooLate => "the case was filed after this procedure's time limit",
            Self::ImpairsOperation => {
                "handling it would seriously impair the operation of the service"
            }
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// Days staff have to check that a submitted file is complete.
    pub completeness_check_days: u32,
    /// R8: refusal with reasons within this many days of the complete file (at most 21).
    pub admissibility_days: u32,
    /// R9: working days the trader has to say whether it takes part (20; 30 when complex).
    pub company_answer_working_days: u32,
    pub company_answer_complex_working_days: u32,
    /// Seed practice: the company's plan of approach, in working days from registration.
    pub company_plan_working_days: u32,
    /// Default length of a negotiation round in working days, and the neutral's bounds.
    pub round_working_days: u32,
    pub round_min_working_days: u32,
    pub round_max_working_days: u32,
    /// How long before a deadline the reminder goes out.
    pub reminder_lead_hours: u32,
    /// R19: outcome within this many calendar days of the complete file (at most 90).
    pub outcome_days: u32,
    /// R19: how far the neutral may extend once, for a highly complex dispute.
    pub extension_max_days: u32,
    /// R7(e): a case filed later than this after the complaint to the trader may be refused.
    pub filing_limit_days: u32,
    /// R38 (Belgium): working days a party has to answer a request for information.
    #[serde(default)]
    pub information_request_working_days: Option<u32>,
    /// R38 (Netherlands): days after the hearing within which the ruling is given.
    #[serde(default)]
    pub ruling_after_hearing_days: Option<u32>,
    /// R38 (Netherlands): days within which a party may challenge a binding advice in court.
    #[serde(default)]
    pub court_challenge_days: Option<u32>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rounds {
    pub max: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    /// R17: days between both acceptances and the agreement binding.
    pub days: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    pub currency: String,
    pub min_cents: i64,
    pub max_cents: i64,
    /// R4: what a consumer pays to file, in cents; shown before filing.
    pub consumer_fee_cents: i64,
    /// What the company pays per case; a procedure traders pay for reports the split of its
    /// outcomes (R37). Default 0.
    #[serde(default)]
    pub trader_fee_cents: i64,
}

/// R12: what follows when a neutral discloses circumstances that may affect their
/// independence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnDisclosure {
    /// The neutral steps down and the case goes back for reassignment.
    Reassign,
    /// The parties are asked whether they object; silence until the deadline is consent.
    AskParties,
}

/// Who may handle a case: R12 disclosures and the R33 in-house regime.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Neutrals {
    pub on_disclosure: OnDisclosure,
    /// Days the parties have to object to a disclosed circumstance.
    pub objection_days: u32,
    /// R33: a neutral employed or paid by the respondent company may handle its cases only
    /// when this is true, and then only with the art 6(3) safeguards below.
    pub in_house_regime: bool,
    /// Art 6(3)(a): the neutral sits on a collegial body with consumer representatives.
    pub collegial_body: bool,
    /// Art 6(3)(b): the neutral's term of office, in years (at least 3).
    pub term_years: u32,
    /// Art 6(3)(c): years after the term in which the neutral may not work for the trader.
    pub cooling_off_years: u32,
}

impl Default for Neutrals {
    fn default() -> Self {
        Self {
            on_disclosure: OnDisclosure::AskParties,
            objection_days: 7,
            in_house_regime: false,
            collegial_body: false,
            term_years: 0,
            cooling_off_years: 0,
        }
    }
}

/// What a consumer's report that the company did not do what it agreed leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnBreach {
    /// The case goes back to its neutral.
    Reopen,
    /// The case goes to one of the entity's in-house lawyers.
    Escalate,
}

/// When a case moves from its mediator to an in-house lawyer on its own.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Escalation {
    /// Rounds the company lets lapse without a word before the case escalates; 0: never.
    pub company_silences: u32,
    pub on_breach: OnBreach,
}

impl Default for Escalation {
    fn default() -> Self {
        Self {
            company_silences: 0,
            on_breach: OnBreach::Reopen,
        }
    }
}

/// Double-blind bidding: each side names a confidential limit; overlapping limits settle at
/// the midpoint, otherwise neither side learns the other's number.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BlindBidding {
    pub enabled: bool,
    /// Limits this far apart (percent of the consumer's) still count as overlapping.
    pub margin_percent: u32,
    /// How often a case may try it; a cap keeps a party from searching for the other's limit.
    pub attempts: u32,
    /// Days the company has to pay an amount settled this way.
    pub performance_days: u32,
}

impl Default for BlindBidding {
    fn default() -> Self {
        Self {
            enabled: false,
            margin_percent: 0,
            attempts: 1,
            performance_days: 14,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// R28: days after closing before personal data of a case is erased or pseudonymised.
    pub closed_case_days: u32,
    /// Days after closing before a case is archived.
    pub archive_after_days: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    weekend: Vec<String>,
    /// Plain TOML dates: `holidays = [2026-12-25]`.
    holidays: Vec<toml::value::Datetime>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProcedureFile {
    id: String,
    version: String,
    name: String,
    kind: ProcedureKind,
    languages: Vec<String>,
    /// R15: where national law makes trader participation mandatory, only the consumer may withdraw.
    trader_participation_mandatory: bool,
    refusal_grounds: Vec<RefusalGround>,
    deadlines: Deadlines,
    rounds: Rounds,
    reflection: Reflection,
    claims: Claims,
    retention: Retention,
    calendar: CalendarFile,
    #[serde(default)]
    neutrals: Neutrals,
    #[serde(default)]
    escalation: Escalation,
    #[serde(default)]
    blind_bidding: BlindBidding,
}

/// A validated procedure. The `version` is what a dossier records; `hash` is the SHA-256 of
/// the file it came from, so an edit without a new version can be noticed.
#[derive(Clone, Debug)]
pub struct ProcedurePolicy {
    pub id: String,
    pub version: String,
    pub hash: String,
    pub name: String,
    pub kind: ProcedureKind,
    pub languages: Vec<String>,
    pub trader_participation_mandatory: bool,
    pub refusal_grounds: Vec<RefusalGround>,
    pub deadlines: Deadlines,
    pub rounds: Rounds,
    pub reflection: Reflection,
    pub claims: Claims,
    pub retention: Retention,
    pub calendar: WorkingCalendar,
    pub neutrals: Neutrals,
    pub escalation: Escalation,
    pub blind_bidding: BlindBidding,
    pub source: PathBuf,
}

pub const SUPPORTED_LANGUAGES: [&str; 4] = ["en", "nl", "fr", "de"];

impl ProcedurePolicy {
    pub fn load(file: &Path) -> Result<Self, PolicyError> {
        let (raw, hash): (ProcedureFile, String) = parse_toml(file)?;
        let err = |key: &str, problem: String| PolicyError::new(file, key, problem);
        let d = &raw.deadlines;

        let slug = |s: &str| {
            !s.is_empty()
                && s.len() <= 48
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        if !slug(&raw.id) {
            return Err(err(
                "id",
                "use lower-case letters, digits and '-' (at most 48)".into(),
            ));
        }
        if raw.version.trim().is_empty() || raw.version.len() > 32 {
            return Err(err("version", "must be 1 to 32 characters".into()));
        }
        if raw.languages.is_empty() {
            return Err(err("languages", "list at least one language".into()));
        }
        for lang in &raw.languages {
            if !SUPPORTED_LANGUAGES.contains(&lang.as_str()) {
                return Err(err(
                    "languages",
                    format!("'{lang}' is not one of {}", SUPPORTED_LANGUAGES.join(", ")),
                ));
            }
        }
        if raw.refusal_grounds.is_empty() {
            return Err(err("refusal_grounds", "list at least one ground".into()));
        }
        let (n, b) = (&raw.neutrals, &raw.blind_bidding);
        let checks: [(&str, bool, &str); 15] = [
            (
                "deadlines.admissibility_days",
                (1..=21).contains(&d.admissibility_days),
                "must be 1 to 21 (ADR Directive art 5(4): three weeks)",
            ),
            (
                "deadlines.outcome_days",
                (1..=90).contains(&d.outcome_days),
                "must be 1 to 90 (ADR Directive art 8(e))",
            ),
            (
                "deadlines.filing_limit_days",
                d.filing_limit_days >= 365,
                "must be at least 365 (ADR Directive art 5(4)(e))",
            ),
            (
                "deadlines.company_answer_working_days",
                d.company_answer_working_days >= 1,
                "must be at least 1",
            ),
            (
                "deadlines.company_answer_complex_working_days",
                d.company_answer_complex_working_days >= d.company_answer_working_days,
                "must not be shorter than company_answer_working_days",
            ),
            (
                "deadlines.completeness_check_days",
                d.completeness_check_days >= 1,
                "must be at least 1",
            ),
            (
                "deadlines.round_working_days",
                d.round_min_working_days >= 1
                    && d.round_min_working_days <= d.round_working_days
                    && d.round_working_days <= d.round_max_working_days,
                "needs 1 <= round_min_working_days <= round_working_days <= round_max_working_days",
            ),
            (
                "deadlines.reminder_lead_hours",
                d.reminder_lead_hours >= 1,
                "must be at least 1",
            ),
            ("rounds.max", raw.rounds.max >= 1, "must be at least 1"),
            (
                "reflection.days",
                raw.reflection.days >= 1,
                "must be at least 1 (ADR Directive art 9(2)(d): a reasonable period)",
            ),
            (
                "claims",
                raw.claims.min_cents >= 0
                    && raw.claims.min_cents <= raw.claims.max_cents
                    && raw.claims.consumer_fee_cents >= 0,
                "needs 0 <= min_cents <= max_cents and a fee of at least 0",
            ),
            (
                "retention.closed_case_days",
                raw.retention.closed_case_days >= raw.retention.archive_after_days,
                "must not be shorter than archive_after_days",
            ),
            (
                "neutrals.in_house_regime",
                !n.in_house_regime
                    || (n.collegial_body && n.term_years >= 3 && n.cooling_off_years >= 3),
                "needs collegial_body = true, term_years >= 3 and cooling_off_years >= 3 (ADR Directive art 6(3))",
            ),
            (
                "neutrals.objection_days",
                n.objection_days >= 1,
                "must be at least 1",
            ),
            (
                "blind_bidding",
                b.margin_percent <= 50
                    && b.attempts >= 1
                    && (1..=365).contains(&b.performance_days),
                "needs margin_percent <= 50, attempts >= 1 and performance_days 1 to 365",
            ),
        ];
        if let Some((key, _, problem)) = checks.iter().find(|(_, ok, _)| !ok) {
            return Err(err(key, problem.to_string()));
        }
        raw.claims
            .currency
            .parse::<crate::domain::money::Currency>()
            .map_err(|e| err("claims.currency", e.to_string()))?;
        let mut weekend = Vec::new();
        for day in &raw.calendar.weekend {
            let parsed = day.parse::<Weekday>().map_err(|_| {
                err(
                    "calendar.weekend",
                    format!("'{day}' is not a weekday (mon … sun)"),
                )
            })?;
            weekend.push(parsed);
        }
        let mut holidays = Vec::new();
        for day in &raw.calendar.holidays {
            let date = match (day.date, day.time) {
                (Some(d), None) => {
                    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
                }
                _ => None,
            };
            holidays.push(date.ok_or_else(|| {
                err(
                    "calendar.holidays",
                    format!("'{day}' is not a plain date such as 2026-12-25"),
                )
            })?);
        }
        Ok(Self {
            id: raw.id,
            version: raw.version,
            hash,
            name: raw.name,
            kind: raw.kind,
            languages: raw.languages,
            trader_participation_mandatory: raw.trader_participation_mandatory,
            refusal_grounds: raw.refusal_grounds,
            deadlines: raw.deadlines,
            rounds: raw.rounds,
            reflection: raw.reflection,
            claims: raw.claims,
            retention: raw.retention,
            calendar: WorkingCalendar::new(weekend, holidays),
            neutrals: raw.neutrals,
            escalation: raw.escalation,
            blind_bidding: raw.blind_bidding,
            source: file.to_path_buf(),
        })
    }

    /// "eu-default@2026.1": how dossiers and audit entries name the rules they ran under.
    pub fn label(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }
}
