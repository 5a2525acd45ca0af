//! Filing a case: a consumer online (R1), staff for a consumer who wrote or phoned (R2), or
//! Redress itself (referrals, demo data). Registers the reference and the parties, and
//! decides completeness: a case missing required information starts `incomplete` (R6).
use super::users::{NewCompany, NewUser, check_company, insert_company, insert_user};
use super::{Caller, Error, Result};
use crate::domain::dossier::{Actor, Dossier, Remedy, Status, decide_filing};
use crate::domain::money::Money;
use crate::domain::reference::CaseReference;
use crate::policy::{Decision, Relation, Role};
use crate::services::dossier::{columns, record};
use crate::state::AppState;
use chrono::{Datelike, NaiveDate};
use entity::{case_parties, cases, companies, users};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ExprTrait;
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// How a case reached the entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Web,
    Api,
    Post,
    Phone,
    Referral,
}

impl Channel {
    pub fn as_str(&self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Api => "api",
            Channel::Post => "post",
            Channel::Phone => "phone",
            Channel::Referral => "referral",
        }
    }

    fn is_offline(&self) -> bool {
        matches!(self, Channel::Post | Channel::Phone)
    }
}

/// The complaint the consumer first made to the company (R7(a)).
#[derive(Clone, Debug)]
pub struct PriorComplaint {
    pub on: NaiveDate,
    pub channel: String,
    pub reference: Option<String>,
}

/// The company a case is against: one already registered, or one the consumer names.
#[derive(Clone, Debug)]
pub enum CompanyPick {
    Existing(i64),
    New(NewCompany),
}

/// Who the case is for: a consumer's own account, or (a case staff register from a letter or
/// a call, R2) a consumer found by e-mail or invited to an account made for them.
#[derive(Clone, Debug)]
pub enum ConsumerPick {
    Account(i64),
    ByEmail {
        email: String,
        name: String,
        language: String,
    },
}

#[derive(Clone, Debug)]
pub struct NewCase {
    pub consumer: ConsumerPick,
    pub company: CompanyPick,
    /// "complaint" or "incident" (seed practice: they are handled apart).
    pub case_type: String,
    pub channel: Channel,
    pub language: String,
    pub public: bool,
    pub summary: String,
    pub desired_outcome: Remedy,
    pub claim: Money,
    pub prior_complaint: Option<PriorComplaint>,
    /// File even though the consumer has an open case against the same company.
    pub allow_duplicate: bool,
    /// Where the consumer lives (two letters); None: the ADR entity's country.
    pub consumer_country: Option<String>,
}

pub async fn file_case(state: &AppState, caller: &Caller, new: NewCase) -> Result<cases::Model> {
    let actor = match caller {
        Caller::System => Actor::system(),
        Caller::User { id, role } => Actor {
            role: *role,
            user_id: Some(*id),
            relation: Relation::None,
        },
        Caller::Mailbox { .. } => {
            return Err(Error::Forbidden(
                "A case is filed on the portal or registered by staff.".into(),
            ));
        }
    };
    let action = if new.channel.is_offline() {
        "case.register_offline"
    } else {
        "case.file"
    };
    let rule = match state
        .policies
        .access
        .decide(actor.role, actor.relation, action)
    {
        Decision::Allow(rule) => rule,
        Decision::Deny => return Err(Error::Forbidden("You may not file a case.".into())),
    };
    let own = matches!(new.consumer, ConsumerPick::Account(id) if actor.user_id == Some(id));
    if actor.role == Role::Consumer && !own {
        return Err(Error::Forbidden(
            "A consumer files cases in their own name only.".into(),
        ));
    }
    if let CompanyPick::New(company) = &new.company {
        check_company(company)?;
    }
    let policy = state.policies.default_procedure();
    let now = state.clock.now();

    if !policy.languages.contains(&new.language) {
        return Err(Error::invalid(
            "language",
            format!("choose one of {}", policy.languages.join(", ")),
        ));
    }
    let consumer_country = match &new.consumer_country {
        Some(code) => {
            let code = code.trim().to_uppercase();
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(Error::invalid(
                    "consumer_country",
                    "use the two-letter code of the country you live in, such as NL",
                ));
            }
            code
        }
        None => state.policies.entity.country.clone(),
    };
    if !matches!(new.case_type.as_str(), "complaint" | "incident") {
        return Err(Error::invalid("case_type", "choose complaint or incident"));
    }
    let summary_len = new.summary.trim().chars().count();
    if !(20..=20_000).contains(&summary_len) {
        return Err(Error::invalid(
            "summary",
            "describe what happened in 20 to 20,000 characters",
        ));
    }
    if let Some(prior) = &new.prior_complaint
        && prior.on > now.date_naive()
    {
        return Err(Error::invalid(
            "prior_complaint_on",
            "the date of your complaint cannot be in the future",
        ));
    }
    let missing: Vec<String> = match &new.prior_complaint {
        None => vec!["the date and channel of your complaint to the company".to_string()],
        Some(_) => vec![],
    };
    // R31: a public case's text against the moderation words of its language.
    let flagged = new.public.then(|| {
        let words = state.policies.moderation_words(&new.language);
        crate::domain::moderation::flagged(&new.summary, words).len()
    });
    let events = decide_filing(new.channel.as_str(), &missing, flagged, &actor, now, policy)?;
    let mut dossier = Dossier::new();
    for e in &events {
        dossier.apply(e, now);
    }
    dossier.version = 1;

    let txn = state.begin_write().await?;
    let by = actor.audit_name();
    let consumer = match &new.consumer {
        ConsumerPick::Account(id) => users::Entity::find_by_id(*id)
            .one(&*txn)
            .await?
            .filter(|u| u.role == Role::Consumer.as_str() && u.erased_at.is_none())
            .ok_or_else(|| Error::invalid("consumer", "no such consumer"))?,
        ConsumerPick::ByEmail {
            email,
            name,
            language,
        } => consumer_by_email(state, &*txn, email, name, language, &by).await?,
    };
    let company = match &new.company {
        CompanyPick::Existing(id) => companies::Entity::find_by_id(*id)
            .one(&*txn)
            .await?
            .ok_or_else(|| Error::invalid("company_id", "no such company"))?,
        CompanyPick::New(company) => insert_company(&*txn, company.clone(), &by, now).await?,
    };
    if !new.allow_duplicate
        && let Some(open) = open_case_between(&*txn, consumer.id, company.id).await?
    {
        return Err(Error::Duplicate {
            reference: open,
            company: company.name,
        });
    }
    let number = next_number(&*txn, &format!("case-{}", now.year())).await?;
    let reference = CaseReference::new(now.year(), u32::try_from(number).unwrap_or(u32::MAX))
        .map_err(|e| Error::Internal(e.into()))?;
    let prior = new.prior_complaint.as_ref();
    let row = cases::ActiveModel {
        id: NotSet,
        reference: Set(reference.to_string()),
        case_type: Set(new.case_type.clone()),
        consumer_id: Set(consumer.id),
        company_id: Set(company.id),
        channel: Set(new.channel.as_str().to_string()),
        language: Set(new.language.clone()),
        visibility: Set(if new.public { "public" } else { "private" }.to_string()),
        summary: Set(new.summary.trim().to_string()),
        desired_outcome: Set(new.desired_outcome.as_str().to_string()),
        amount_claimed_cents: Set(new.claim.cents()),
        currency: Set(new.claim.currency().to_string()),
        prior_complaint_on: Set(prior.map(|p| p.on)),
        prior_complaint_channel: Set(prior.map(|p| p.channel.clone())),
        prior_complaint_reference: Set(prior.and_then(|p| p.reference.clone())),
        policy_id: Set(policy.id.clone()),
        policy_version: Set(policy.version.clone()),
        filed_at: Set(now),
        reply_token: Set(Some(reply_token())),
        cross_border: Set(consumer_country != company.country),
        consumer_country: Set(Some(consumer_country)),
        ..columns(&dossier, now)
    };
    let case = cases::Entity::insert(row)
        .exec_with_returning(&*txn)
        .await?;
    let party = |user_id: Option<i64>, side: &str, name: &str, email: Option<String>| {
        case_parties::ActiveModel {
            id: NotSet,
            case_id: Set(case.id),
            user_id: Set(user_id),
            side: Set(side.to_string()),
            capacity: Set("party".to_string()),
            name: Set(name.to_string()),
            email: Set(email),
            created_at: Set(now),
        }
    };
    case_parties::Entity::insert_many([
        party(
            Some(consumer.id),
            "consumer",
            &consumer.name,
            Some(consumer.email.clone()),
        ),
        party(
            None,
            "company",
            &company.name,
            company.complaint_email.clone(),
        ),
    ])
    .exec_without_returning(&*txn)
    .await?;
    record(
        state,
        &txn,
        &case,
        dossier.version,
        &events,
        &actor,
        action,
        &rule,
        &policy.label(),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(case)
}

/// The next number of a named counter, starting at 1; safe under concurrent writers.
async fn next_number<C: ConnectionTrait>(conn: &C, name: &str) -> Result<i64> {
    let stmt = Query::insert()
        .into_table("counters")
        .columns(["name", "value"])
        .values_panic([name.into(), 1i64.into()])
        .on_conflict(
            OnConflict::column("name")
                .value("value", Expr::col(("counters", "value")).add(1))
                .to_owned(),
        )
        .returning_col("value")
        .to_owned();
    let row = conn
        .query_one(&stmt)
        .await?
        .ok_or_else(|| Error::Internal(anyhow::anyhow!("counter {name} returned nothing")))?;
    Ok(row.try_get("", "value")?)
}

/// The consumer a staff member registers a case for: their account if the address has one,
/// otherwise a new account with an invitation link (R2).
async fn consumer_by_email<C: ConnectionTrait>(
    state: &AppState,
    conn: &C,
    email: &str,
    name: &str,
    language: &str,
    by: &str,
) -> Result<users::Model> {
    let found = users::Entity::find()
        .filter(users::Column::Email.eq(email.trim().to_lowercase()))
        .one(conn)
        .await?;
    match found {
        Some(user) if user.role == Role::Consumer.as_str() && user.erased_at.is_none() => Ok(user),
        Some(user) => Err(Error::invalid(
            "consumer_email",
            format!(
                "{} belongs to a {} account, not a consumer's",
                user.email, user.role
            ),
        )),
        None => {
            let new = NewUser {
                email: email.to_string(),
                name: name.to_string(),
                role: Role::Consumer,
                language: language.to_string(),
                password: None,
                company: None,
                neutral: None,
                self_registered: false,
            };
            insert_user(state, conn, new, None, by)
                .await
                .map_err(|e| match e {
                    Error::Invalid { field, message } => Error::Invalid {
                        field: format!("consumer_{field}"),
                        message,
                    },
                    e => e,
                })
        }
    }
}

/// The reference of an open case of this consumer against this company, if any.
async fn open_case_between<C: ConnectionTrait>(
    conn: &C,
    consumer_id: i64,
    company_id: i64,
) -> Result<Option<String>> {
    let open = Status::open_names();
    Ok(cases::Entity::find()
        .filter(cases::Column::ConsumerId.eq(consumer_id))
        .filter(cases::Column::CompanyId.eq(company_id))
        .filter(cases::Column::Status.is_in(open))
        .one(conn)
        .await?
        .map(|c| c.reference))
}

/// 16 random bytes, hex: the case's token in the subject and reply address of its mail.
fn reply_token() -> String {
    super::random_hex(16)
}
