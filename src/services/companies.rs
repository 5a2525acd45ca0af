//! Finding a company to file against: by name (contains, any case), VAT number or web domain.
use super::{Error, Result};
use crate::state::AppState;
use entity::companies;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect,
};

pub const SEARCH_LIMIT: u64 = 20;

pub async fn search(state: &AppState, q: &str) -> Result<Vec<companies::Model>> {
    let q = q.trim();
    if q.chars().count() < 2 || q.chars().count() > 100 {
        return Err(Error::invalid("q", "search with 2 to 100 characters"));
    }
    let escaped = q
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let name_matches = Expr::expr(Func::lower(Expr::col(companies::Column::Name)))
        .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\'));
    let domain = q
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/')
        .to_lowercase();
    Ok(companies::Entity::find()
        .filter(
            Condition::any()
                .add(name_matches)
                .add(companies::Column::VatNumber.eq(q.replace(' ', "").to_uppercase()))
                .add(companies::Column::Domain.eq(domain)),
        )
        .order_by_asc(companies::Column::Name)
        .order_by_asc(companies::Column::Id)
        .limit(SEARCH_LIMIT)
        .all(&state.db)
        .await?)
}
