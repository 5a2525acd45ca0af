//! Company API tokens: made by a company's representative for the company's own systems,
//! shown once, stored as a SHA-256 hash, listed by prefix, revoked at will. A token acts as the
//! representative who made it, and only while they still belong to the company.
use super::{Caller, Error, Result};
use crate::audit::sha256_hex;
use crate::state::AppState;
use base64::Engine;
use entity::{api_tokens, company_members, users};
use rand::RngCore;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// Company tokens start with this, so they are told apart from login tokens at a glance.
pub const PREFIX: &str = "rdc_";

pub struct NewToken {
    pub token: String,
    pub row: api_tokens::Model,
}

/// Allowed only to a representative of `company_id` (rule `company.tokens`).
async fn authorize(state: &AppState, caller: &Caller, company_id: i64) -> Result<i64> {
    let actor =
        super::authorize_company(state, caller, company_id, "company.manage_tokens").await?;
    actor.user_id.ok_or_else(|| {
        Error::Forbidden("Only a company's representatives manage its tokens.".into())
    })
}

pub async fn create(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    name: &str,
) -> Result<NewToken> {
    let user_id = authorize(state, caller, company_id).await?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(Error::invalid(
            "name",
            "name the token in 1 to 100 characters, such as 'CRM integration'",
        ));
    }
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = format!(
        "{PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    );
    let row = api_tokens::Entity::insert(api_tokens::ActiveModel {
        id: NotSet,
        user_id: Set(Some(user_id)),
        company_id: Set(Some(company_id)),
        name: Set(name.to_string()),
        prefix: Set(token[..12].to_string()),
        token_hash: Set(sha256_hex(token.as_bytes())),
        created_at: Set(state.clock.now()),
        last_used_at: Set(None),
        expires_at: Set(None),
        revoked_at: Set(None),
    })
    .exec_with_returning(&state.db)
    .await?;
    Ok(NewToken { token, row })
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
) -> Result<Vec<api_tokens::Model>> {
    authorize(state, caller, company_id).await?;
    Ok(api_tokens::Entity::find()
        .filter(api_tokens::Column::CompanyId.eq(company_id))
        .order_by_desc(api_tokens::Column::Id)
        .all(&state.db)
        .await?)
}

pub async fn revoke(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    token_id: i64,
) -> Result<()> {
    authorize(state, caller, company_id).await?;
    let done = api_tokens::Entity::update_many()
        .col_expr(
            api_tokens::Column::RevokedAt,
            Expr::value(state.clock.now()),
        )
        .filter(api_tokens::Column::Id.eq(token_id))
        .filter(api_tokens::Column::CompanyId.eq(company_id))
        .filter(api_tokens::Column::RevokedAt.is_null())
        .exec(&state.db)
        .await?;
    if done.rows_affected == 0 {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// The representative a company token acts for, if the token is live and they still belong.
pub async fn authenticate(state: &AppState, token: &str) -> Result<Option<users::Model>> {
    let Some(row) = api_tokens::Entity::find()
        .filter(api_tokens::Column::TokenHash.eq(sha256_hex(token.as_bytes())))
        .filter(api_tokens::Column::RevokedAt.is_null())
        .one(&state.db)
        .await?
    else {
        return Ok(None);
    };
    let (Some(user_id), Some(company_id)) = (row.user_id, row.company_id) else {
        return Ok(None);
    };
    let still_member = company_members::Entity::find()
        .filter(company_members::Column::CompanyId.eq(company_id))
        .filter(company_members::Column::UserId.eq(user_id))
        .count(&state.db)
        .await?
        > 0;
    if !still_member {
        return Ok(None);
    }
    api_tokens::Entity::update_many()
        .col_expr(
            api_tokens::Column::LastUsedAt,
            Expr::value(state.clock.now()),
        )
        .filter(api_tokens::Column::Id.eq(row.id))
        .exec(&state.db)
        .await?;
    Ok(users::Entity::find_by_id(user_id)
        .filter(users::Column::ErasedAt.is_null())
        .one(&state.db)
        .await?)
}
