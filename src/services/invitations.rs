//! Bringing people in. Staff create neutral and staff accounts; representatives are invited to
//! a company by staff or by a colleague; a party names a representative for their case (R5).
//! Nobody sets a password for someone else: a new account gets an invitation link by e-mail.
use super::accounts::{join_company, live_user};
use super::dossier::{Executed, actor_for, execute, find};
use super::users::{CompanyChoice, NewUser, create_user, log};
use super::{Caller, Error, Result, authorize, authorize_company, authorize_global, welcome};
use crate::domain::dossier::{Command, Side};
use crate::domain::reference::CaseReference;
use crate::policy::Role;
use crate::state::AppState;
use entity::users;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

/// Who is invited: their e-mail, name and language.
#[derive(Clone, Debug)]
pub struct Invitee {
    pub email: String,
    pub name: String,
    pub language: String,
}

/// The audit log's name for who did it.
fn by(caller: &Caller) -> String {
    match caller {
        Caller::System => "system".into(),
        Caller::User { id, .. } => format!("user:{id}"),
        Caller::Mailbox { side } => format!("{side} mailbox"),
    }
}

/// Staff create a neutral's or a colleague's account; the person sets their password through
/// the invitation link.
pub async fn create_account(
    state: &AppState,
    caller: &Caller,
    new: NewUser,
) -> Result<users::Model> {
    authorize_global(&state.policies, caller, "account.create")?;
    if !matches!(new.role, Role::Neutral | Role::Staff) {
        return Err(Error::invalid(
            "role",
            "staff create neutral and staff accounts; consumers register themselves and company \
             representatives are invited to their company",
        ));
    }
    let new = NewUser {
        password: None,
        company: None,
        self_registered: false,
        ..new
    };
    create_user(state, new, &by(caller)).await
}

/// Makes someone a representative of a company: an existing representative is added and told;
/// anyone else gets a new account and an invitation link. Also the claim link sent with the
/// first case against a company that has no representative yet (caller: the system).
pub async fn invite_representative(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    invitee: Invitee,
) -> Result<users::Model> {
    authorize_company(state, caller, company_id, "company.invite_representative").await?;
    match existing(state, &invitee.email).await? {
        Some(user) if user.role == Role::Company.as_str() => {
            let now = state.clock.now();
            let txn = state.begin_write().await?;
            if join_company(&*txn, company_id, user.id, now).await? {
                welcome::membership(state, &*txn, &user, company_id, now).await?;
                log(
                    &*txn,
                    &by(caller),
                    "company.add_representative",
                    &json!({"company": company_id, "user": user.id}),
                    now,
                )
                .await?;
            }
            txn.commit().await?;
            Ok(user)
        }
        Some(user) => Err(Error::Conflict(format!(
            "{} already has a {} account; a company representative needs an account of their own",
            user.email, user.role
        ))),
        None => {
            let new = NewUser {
                email: invitee.email,
                name: invitee.name,
                role: Role::Company,
                language: invitee.language,
                password: None,
                company: Some(CompanyChoice::Existing(company_id)),
                neutral: None,
                self_registered: false,
            };
            create_user(state, new, &by(caller)).await
        }
    }
}

/// R5: a party names a representative, who then acts for that side of the case. Someone
/// without an account gets one (consumer side: a consumer account; company side: a company
/// account tied to the case, not to the company) and an invitation link.
pub async fn appoint_representative(
    state: &AppState,
    caller: &Caller,
    reference: &CaseReference,
    invitee: Invitee,
) -> Result<(Executed, users::Model)> {
    // Ask first, so a refusal creates no account.
    let case = find(state, reference).await?;
    let actor = actor_for(&state.db, &case, caller).await?;
    authorize(&state.policies, &actor, "case.appoint_representative")?;
    let Some(side) = actor.side() else {
        return Err(Error::Forbidden(
            "Only a party names a representative.".into(),
        ));
    };
    let role = match side {
        Side::Consumer => Role::Consumer,
        Side::Company => Role::Company,
    };
    let representative = match existing(state, &invitee.email).await? {
        Some(user) if user.role == role.as_str() => user,
        Some(user) => {
            return Err(Error::Conflict(format!(
                "{} has a {} account; a representative of the {} side needs a {} account",
                user.email,
                user.role,
                side.as_str(),
                role.as_str()
            )));
        }
        None => {
            let new = NewUser {
                email: invitee.email,
                name: invitee.name,
                role,
                language: invitee.language,
                password: None,
                company: None,
                neutral: None,
                self_registered: false,
            };
            create_user(state, new, &by(caller)).await?
        }
    };
    let done = execute(
        state,
        reference,
        caller,
        Command::AppointRepresentative {
            user_id: representative.id,
        },
    )
    .await?;
    Ok((done, representative))
}

async fn existing(state: &AppState, email: &str) -> Result<Option<users::Model>> {
    let found = users::Entity::find()
        .filter(users::Column::Email.eq(email.trim().to_lowercase()))
        .one(&state.db)
        .await?;
    match found {
        Some(user) => live_user(&state.db, user.id)
            .await
            .map(Some)
            .or_else(|e| match e {
                // An erased account's address is free again only after pseudonymisation, which
                // changes it; a match here is a live account.
                Error::NotFound => Ok(None),
                e => Err(e),
            }),
        None => Ok(None),
    }
}
