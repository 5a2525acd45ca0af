//! Intake through the API: find or register a company, file a case (R1; staff for a letter or
//! call, R2), and list the cases the caller may see.
use super::body;
use crate::domain::dossier::Remedy;
use crate::domain::money::{Currency, Money};
use crate::error::{ApiResult, AppError};
use crate::policy::Role;
use crate::services::filing::{
    Channel, CompanyPick, ConsumerPick, NewCase, PriorComplaint, file_case,
};
use crate::services::users::NewCompany;
use crate::services::{authorize_global, companies, listing, views};
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use chrono::{DateTime, NaiveDate, Utc};
use entity::cases;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![search_companies, register_company, file, list_cases]
}

#[derive(Serialize, ToSchema)]
pub struct CompanyView {
    id: i64,
    name: String,
    vat_number: Option<String>,
    domain: Option<String>,
    country: String,
}

impl From<entity::companies::Model> for CompanyView {
    fn from(c: entity::companies::Model) -> Self {
        CompanyView {
            id: c.id,
            name: c.name,
            vat_number: c.vat_number,
            domain: c.domain,
            country: c.country,
        }
    }
}

#[derive(Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct CompanyInput {
    pub name: String,
    /// Where the company takes complaints; notices go there until it has representatives.
    pub complaint_email: String,
    pub vat_number: Option<String>,
    pub domain: Option<String>,
    /// Two letters, e.g. BE; default: the ADR entity's country.
    pub country: Option<String>,
    /// e.g. retail, travel, energy; default general
    pub sector: Option<String>,
}

impl CompanyInput {
    fn into_new(self, state: &AppState) -> NewCompany {
        let blank = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
        NewCompany {
            name: self.name,
            vat_number: blank(self.vat_number),
            domain: blank(self.domain),
            complaint_email: Some(self.complaint_email),
            sector: blank(self.sector).unwrap_or_else(|| "general".into()),
            country: blank(self.country)
                .map(|c| c.trim().to_uppercase())
                .unwrap_or_else(|| state.policies.entity.country.clone()),
        }
    }
}

/// Find companies by part of their name, their VAT number or their web domain.
#[utoipa::path(get, path = "/api/v1/companies", tag = "companies",
    params(("q" = String, Query, description = "part of the name, a VAT number or a domain")),
    responses((status = 200, body = [CompanyView]), (status = 401, description = "Not logged in"),
              (status = 422, description = "Search text too short or long", body = crate::error::ErrorDetail)))]
#[get("/companies?<q>")]
pub async fn search_companies(
    state: &State<AppState>,
    _who: CurrentUser,
    q: Option<String>,
) -> ApiResult<Json<Vec<CompanyView>>> {
    let found = companies::search(state, q.as_deref().unwrap_or_default()).await?;
    Ok(Json(found.into_iter().map(Into::into).collect()))
}

/// Register a company (staff).
#[utoipa::path(post, path = "/api/v1/companies", tag = "companies", request_body = CompanyInput,
    responses((status = 201, body = CompanyView), (status = 403, description = "Not staff"),
              (status = 422, description = "Invalid fields", body = crate::error::ErrorDetail)))]
#[post("/companies", data = "<req>")]
pub async fn register_company(
    state: &State<AppState>,
    who: CurrentUser,
    req: super::Body<CompanyInput>,
) -> ApiResult<(Status, Json<CompanyView>)> {
    authorize_global(&state.policies, &who.caller(), "company.register")?;
    let new = body(req)?.into_new(state);
    let by = format!("user:{}", who.user.id);
    let company = crate::services::users::create_company(state, new, &by).await?;
    Ok((Status::Created, Json(company.into())))
}

#[derive(Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct PriorComplaintInput {
    /// The day the consumer complained to the company.
    pub on: NaiveDate,
    /// e.g. email, letter, phone, web form, shop
    pub channel: String,
    /// The company's reference for the complaint, if any.
    pub reference: Option<String>,
}

#[derive(Clone, Deserialize, Serialize, ToSchema)]
pub struct ConsumerInput {
    pub email: String,
    pub name: String,
    pub language: Option<String>,
}

/// A case as filed. Give either `company_id` (found with `GET /api/v1/companies`) or `company`.
#[derive(Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct FilingInput {
    pub company_id: Option<i64>,
    pub company: Option<CompanyInput>,
    /// complaint (default) or incident
    pub case_type: Option<String>,
    /// What happened, in the consumer's words (20 to 20,000 characters).
    pub summary: String,
    /// refund, repair, replacement, discount, apology or other
    pub desired_outcome: String,
    pub amount_cents: i64,
    /// ISO 4217, e.g. EUR
    pub currency: String,
    /// en, nl, fr or de: the language of the procedure
    pub language: String,
    /// Published, redacted, on /public/cases after moderation (R31).
    #[serde(default)]
    pub public: bool,
    /// R7(a): without it the case starts incomplete.
    pub prior_complaint: Option<PriorComplaintInput>,
    /// File even though the consumer has an open case against this company.
    #[serde(default)]
    pub allow_duplicate: bool,
    /// Staff registering a letter or call (R2): the consumer, and `channel` post or phone.
    pub consumer: Option<ConsumerInput>,
    pub channel: Option<String>,
    /// Where the consumer lives, two letters such as NL; default: the ADR entity's country.
    /// A case with a company elsewhere is cross-border (R24).
    #[serde(default)]
    pub consumer_country: Option<String>,
}

impl FilingInput {
    /// The service's form of this input, for `who`, arriving by `online` (web page or API).
    pub fn into_new_case(
        self,
        state: &AppState,
        who: &CurrentUser,
        online: Channel,
    ) -> Result<NewCase, AppError> {
        let role = Role::parse(&who.user.role).unwrap_or(Role::Public);
        let (consumer, channel) = match (role, self.consumer) {
            (Role::Staff, Some(c)) => {
                let channel = match self.channel.as_deref() {
                    Some("post") => Channel::Post,
                    Some("phone") => Channel::Phone,
                    _ => {
                        return Err(AppError::invalid_field(
                            "channel",
                            "say how the case arrived: post or phone",
                        ));
                    }
                };
                let consumer = ConsumerPick::ByEmail {
                    email: c.email,
                    name: c.name,
                    language: c.language.unwrap_or_else(|| self.language.clone()),
                };
                (consumer, channel)
            }
            (Role::Staff, None) => {
                return Err(AppError::invalid_field(
                    "consumer",
                    "name the consumer you register this case for",
                ));
            }
            _ => (ConsumerPick::Account(who.user.id), online),
        };
        let company = match (self.company_id, self.company) {
            (Some(id), None) => CompanyPick::Existing(id),
            (None, Some(c)) => CompanyPick::New(c.into_new(state)),
            _ => {
                return Err(AppError::invalid_field(
                    "company",
                    "choose a company from the search, or enter a new one with its complaint e-mail address",
                ));
            }
        };
        let desired_outcome = Remedy::parse(&self.desired_outcome).ok_or_else(|| {
            AppError::invalid_field(
                "desired_outcome",
                "choose refund, repair, replacement, discount, apology or other",
            )
        })?;
        let currency: Currency = self.currency.trim().to_uppercase().parse().map_err(
            |e: crate::domain::money::MoneyError| {
                AppError::invalid_field("currency", e.to_string())
            },
        )?;
        let claim = Money::new(self.amount_cents, currency)
            .map_err(|e| AppError::invalid_field("amount_cents", e.to_string()))?;
        Ok(NewCase {
            consumer,
            company,
            case_type: self.case_type.unwrap_or_else(|| "complaint".into()),
            channel,
            language: self.language,
            public: self.public,
            summary: self.summary,
            desired_outcome,
            claim,
            prior_complaint: self.prior_complaint.map(|p| PriorComplaint {
                on: p.on,
                channel: p.channel,
                reference: p.reference.filter(|r| !r.trim().is_empty()),
            }),
            allow_duplicate: self.allow_duplicate,
            consumer_country: self.consumer_country.filter(|c| !c.trim().is_empty()),
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct FiledCase {
    reference: String,
    status: String,
    /// What the consumer still has to add, when the case is incomplete (R6).
    missing: Vec<String>,
    /// The case's page.
    url: String,
}

/// File a case (R1). Staff register a case that came by post or phone for a consumer (R2). An
/// acknowledgement with the reference goes to the consumer by e-mail (R3).
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases", request_body = FilingInput,
    responses((status = 201, body = FiledCase), (status = 401, description = "Not logged in"),
              (status = 403, description = "Neither a consumer nor staff"),
              (status = 409, description = "An open case against this company exists (code duplicate; fields.duplicate_of names it)"),
              (status = 422, description = "Invalid fields", body = crate::error::ErrorDetail)))]
#[post("/cases", data = "<req>")]
pub async fn file(
    state: &State<AppState>,
    who: CurrentUser,
    req: super::Body<FilingInput>,
) -> ApiResult<(Status, Json<FiledCase>)> {
    let new = body(req)?.into_new_case(state, &who, Channel::Api)?;
    let case = file_case(state, &who.caller(), new).await?;
    Ok((Status::Created, Json(filed(state, case).await?)))
}

pub async fn filed(state: &AppState, case: cases::Model) -> Result<FiledCase, AppError> {
    let missing = views::missing_information(state, &case).await?;
    Ok(FiledCase {
        url: state.config.link(&format!("/cases/{}", case.reference)),
        reference: case.reference,
        status: case.status,
        missing,
    })
}

#[derive(Serialize, ToSchema)]
pub struct CaseSummary {
    reference: String,
    status: String,
    case_type: String,
    company_id: i64,
    company_name: String,
    amount_cents: i64,
    currency: String,
    filed_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CaseList {
    items: Vec<CaseSummary>,
    /// Pass as `after` to get the next page; absent on the last page.
    next: Option<String>,
}

/// The cases the caller may see, newest first: a consumer's own, a company's, a neutral's,
/// all for staff. Keyset-paginated: pass `next` as `after`.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases",
    params(("status" = Option<String>, Query, description = "only cases in this status"),
           ("after" = Option<String>, Query, description = "the `next` of the previous page"),
           ("limit" = Option<u64>, Query, description = "1 to 100, default 20")),
    responses((status = 200, body = CaseList), (status = 401, description = "Not logged in"),
              (status = 422, description = "Unknown status or bad limit", body = crate::error::ErrorDetail)))]
#[get("/cases?<status>&<after>&<limit>")]
pub async fn list_cases(
    state: &State<AppState>,
    who: CurrentUser,
    status: Option<String>,
    after: Option<String>,
    limit: Option<u64>,
) -> ApiResult<Json<CaseList>> {
    let after = match after {
        Some(a) => Some(a.parse::<i64>().map_err(|_| {
            AppError::invalid_field("after", "pass the `next` of the previous page")
        })?),
        None => None,
    };
    let page = listing::cases_for(state, &who.caller(), status.as_deref(), after, limit).await?;
    Ok(Json(CaseList {
        items: page
            .items
            .into_iter()
            .map(|l| CaseSummary {
                reference: l.case.reference,
                status: l.case.status,
                case_type: l.case.case_type,
                company_id: l.case.company_id,
                company_name: l.company_name,
                amount_cents: l.case.amount_claimed_cents,
                currency: l.case.currency,
                filed_at: l.case.filed_at,
                updated_at: l.case.updated_at,
            })
            .collect(),
        next: page.next.map(|n| n.to_string()),
    }))
}
