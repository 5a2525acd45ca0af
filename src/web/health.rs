//! Liveness and readiness for load balancers and orchestration.
use crate::error::AppError;
use crate::state::AppState;
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, get, routes};
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    /// "ok" when alive, "ready" when the database answers.
    status: &'static str,
    /// "sqlite" or "postgres" (readiness only).
    #[serde(skip_serializing_if = "Option::is_none")]
    database: Option<&'static str>,
}

pub fn routes() -> Vec<Route> {
    routes![healthz, readyz]
}

/// The process is alive.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "Alive", body = Health)))]
#[get("/healthz")]
pub fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok",
        database: None,
    })
}

/// The database answers: safe to send traffic.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses((status = 200, description = "Ready", body = Health),
              (status = 503, description = "The database does not answer", body = crate::error::ErrorDetail)))]
#[get("/readyz")]
pub async fn readyz(state: &State<AppState>) -> Result<Json<Health>, AppError> {
    let database = if crate::db::is_postgres(&state.db) {
        "postgres"
    } else {
        "sqlite"
    };
    match state.db.ping().await {
        Ok(()) => Ok(Json(Health {
            status: "ready",
            database: Some(database),
        })),
        Err(e) => {
            tracing::warn!("readiness check failed: {e}");
            Err(AppError::new(
                Status::ServiceUnavailable,
                "unavailable",
                "The database does not answer.",
            ))
        }
    }
}
