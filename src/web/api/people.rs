//! Bringing people in through the API: staff create neutral and staff accounts, a company's
//! representatives are invited, and a party names a representative for a case (R5). New
//! accounts receive an invitation link by e-mail and choose their own password.
use super::body;
use crate::domain::reference::{BadReference, CaseReference};
use crate::error::{ApiResult, AppError};
use crate::policy::Role;
use crate::services::invitations::{self, Invitee};
use crate::services::users::{NeutralProfile, NewUser};
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use entity::users;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        create_account,
        invite_representative,
        appoint_representative
    ]
}

#[derive(Deserialize, ToSchema)]
pub struct NewAccount {
    email: String,
    name: String,
    /// neutral or staff
    role: String,
    /// en, nl, fr or de: the language of their e-mails and pages
    language: String,
    /// For neutrals: mediator or in_house_lawyer
    kind: Option<String>,
    /// For neutrals: the languages they work in
    #[serde(default)]
    languages: Vec<String>,
    /// For neutrals: their fields of expertise, e.g. retail, travel, energy
    #[serde(default)]
    sectors: Vec<String>,
    /// For neutrals: the company that employs or pays them (R33: they may then handle its
    /// cases only under a procedure with the regulated in-house regime)
    employer_company_id: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
pub struct InviteeRequest {
    email: String,
    name: String,
    /// en, nl, fr or de; default en
    language: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Person {
    id: i64,
    email: String,
    name: String,
    role: String,
    /// False until they accept the invitation sent to them.
    active: bool,
}

impl From<users::Model> for Person {
    fn from(u: users::Model) -> Self {
        Person {
            active: !u.password_hash.is_empty(),
            id: u.id,
            email: u.email,
            name: u.name,
            role: u.role,
        }
    }
}

impl From<InviteeRequest> for Invitee {
    fn from(r: InviteeRequest) -> Self {
        Invitee {
            email: r.email,
            name: r.name,
            language: r.language.unwrap_or_else(|| "en".into()),
        }
    }
}

/// Create a neutral's or a staff member's account (staff only). They get an invitation link.
#[utoipa::path(post, path = "/api/v1/users", tag = "people", request_body = NewAccount,
    responses((status = 201, body = Person), (status = 401, description = "Not logged in"),
              (status = 403, description = "Not staff"), (status = 409, description = "E-mail in use"),
              (status = 422, description = "Invalid fields", body = crate::error::ErrorDetail)))]
#[post("/users", data = "<req>")]
pub async fn create_account(
    state: &State<AppState>,
    who: CurrentUser,
    req: super::Body<NewAccount>,
) -> ApiResult<(Status, Json<Person>)> {
    let r = body(req)?;
    let role = Role::parse(&r.role)
        .ok_or_else(|| AppError::invalid_field("role", "choose neutral or staff"))?;
    let neutral = (role == Role::Neutral).then(|| NeutralProfile {
        kind: r.kind.unwrap_or_else(|| "mediator".into()),
        languages: if r.languages.is_empty() {
            vec![r.language.clone()]
        } else {
            r.languages
        },
        sectors: r.sectors,
        employer_company_id: r.employer_company_id,
    });
    let new = NewUser {
        email: r.email,
        name: r.name,
        role,
        language: r.language,
        password: None,
        company: None,
        neutral,
        self_registered: false,
    };
    let user = invitations::create_account(state, &who.caller(), new).await?;
    Ok((Status::Created, Json(user.into())))
}

/// Invite a representative of the company (staff, or a representative of it). Someone who
/// already represents another company is added and told; anyone else gets an invitation link.
#[utoipa::path(post, path = "/api/v1/companies/{id}/representatives", tag = "companies", request_body = InviteeRequest,
    params(("id" = i64, Path, description = "company id")),
    responses((status = 201, body = Person), (status = 401, description = "Not logged in"),
              (status = 403, description = "A party to the company's cases without a rule to invite"),
              (status = 404, description = "Unknown company, or not one of the caller's"),
              (status = 409, description = "The e-mail belongs to an account of another kind"),
              (status = 422, description = "Invalid fields", body = crate::error::ErrorDetail)))]
#[post("/companies/<id>/representatives", data = "<req>")]
pub async fn invite_representative(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    req: super::Body<InviteeRequest>,
) -> ApiResult<(Status, Json<Person>)> {
    let invitee = body(req)?.into();
    let user = invitations::invite_representative(state, &who.caller(), id, invitee).await?;
    Ok((Status::Created, Json(user.into())))
}

/// Name a representative who acts for the caller's side of the case (R5): a lawyer, a consumer
/// association, a relative. No lawyer is needed.
#[utoipa::path(post, path = "/api/v1/cases/{reference}/representatives", tag = "cases", request_body = InviteeRequest,
    params(("reference" = String, Path, description = "e.g. RD-2026-000123")),
    responses((status = 201, body = Person), (status = 401, description = "Not logged in"),
              (status = 403, description = "Not a party"), (status = 404, description = "Unknown or not visible"),
              (status = 409, description = "The case has ended, or the e-mail belongs to an account of another kind"),
              (status = 422, description = "Invalid fields", body = crate::error::ErrorDetail)))]
#[post("/cases/<reference>/representatives", data = "<req>")]
pub async fn appoint_representative(
    state: &State<AppState>,
    who: CurrentUser,
    reference: Result<CaseReference, BadReference>,
    req: super::Body<InviteeRequest>,
) -> ApiResult<(Status, Json<Person>)> {
    let reference = reference.map_err(|_| AppError::not_found())?;
    let invitee = body(req)?.into();
    let (_, user) =
        invitations::appoint_representative(state, &who.caller(), &reference, invitee).await?;
    Ok((Status::Created, Json(user.into())))
}
