//! Pages for people. Every page works without JavaScript.
use crate::error::AppError;
use crate::services::about;
use crate::state::AppState;
use crate::web::page::Page;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::context;

pub fn routes() -> Vec<Route> {
    routes![home, about_page]
}

/// R13: who the neutrals are, how they are appointed, each procedure's rules, fee, time limits
/// and legal effect, and how long cases take.
#[get("/about")]
pub async fn about_page(state: &State<AppState>) -> Result<Page, AppError> {
    let a = about::about(state).await?;
    let days = a.average_days.map(|d| format!("{d:.1}"));
    Ok(Page::new(
        "about",
        context! { title: "about-title", a, days },
    ))
}

/// The front page: who runs this service and the procedures it offers, with fee and the
/// notice that no lawyer is needed (R4, R5).
#[get("/")]
pub fn home(state: &State<AppState>) -> Page {
    let procedures: Vec<_> = state
        .policies
        .procedures()
        .map(|p| {
            context! {
                name: p.name.clone(),
                kind: format!("{:?}", p.kind),
                languages: p.languages.join(", "),
                outcome_days: p.deadlines.outcome_days,
                free: p.claims.consumer_fee_cents == 0,
                fee: if p.claims.consumer_fee_cents == 0 {
                    String::new()
                } else {
                    format!("{} {}.{:02}", p.claims.currency, p.claims.consumer_fee_cents / 100, p.claims.consumer_fee_cents % 100)
                },
            }
        })
        .collect();
    Page::new(
        "home",
        context! {
            title: "home-title",
            entity: state.policies.entity.name.clone(),
            procedures,
        },
    )
}
