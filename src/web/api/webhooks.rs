//! Webhooks through the API: a company's endpoints, their delivery log, and sending a
//! delivery again.
use super::body;
use crate::error::ApiResult;
use crate::services::webhooks;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use chrono::{DateTime, Utc};
use entity::{webhook_deliveries as deliveries, webhook_endpoints as endpoints};
use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, State, delete, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes() -> Vec<Route> {
    routes![
        register_webhook,
        list_webhooks,
        disable_webhook,
        webhook_deliveries,
        replay_delivery
    ]
}

#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"url": "https://crm.example/redress/events", "events": ["accepted", "proposal_made", "settled"]}))]
pub struct WebhookInput {
    /// HTTPS only (plain http only to the machine itself).
    url: String,
    /// Some of filed, accepted, proposal_made, deadline_near, agreed, settled, closed; none
    /// means all.
    #[serde(default)]
    events: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct WebhookView {
    id: i64,
    url: String,
    events: Vec<String>,
    created_at: DateTime<Utc>,
    disabled_at: Option<DateTime<Utc>>,
}

impl From<endpoints::Model> for WebhookView {
    fn from(e: endpoints::Model) -> Self {
        Self {
            id: e.id,
            url: e.url,
            events: e.events.split(',').map(str::to_string).collect(),
            created_at: e.created_at,
            disabled_at: e.disabled_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CreatedWebhook {
    /// Signs every delivery: shown this once, keep it as a secret.
    secret: String,
    #[serde(flatten)]
    endpoint: WebhookView,
}

/// Register an endpoint for the events of the company's cases. Each delivery is a JSON POST
/// with `Redress-Event`, `Redress-Delivery`, `Redress-Timestamp` and
/// `Redress-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
#[utoipa::path(post, path = "/api/v1/companies/{id}/webhooks", tag = "webhooks", request_body = WebhookInput,
    params(("id" = i64, Path, description = "company id")),
    responses((status = 201, body = CreatedWebhook), (status = 404, description = "Not a representative of this company"),
              (status = 422, description = "Not an https address, or an unknown event", body = crate::error::ErrorDetail)))]
#[post("/companies/<id>/webhooks", data = "<req>")]
pub async fn register_webhook(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    req: super::Body<WebhookInput>,
) -> ApiResult<(Status, Json<CreatedWebhook>)> {
    let r = body(req)?;
    let made = webhooks::register(state, &who.caller(), id, &r.url, &r.events).await?;
    Ok((
        Status::Created,
        Json(CreatedWebhook {
            secret: made.endpoint.secret.clone(),
            endpoint: made.endpoint.into(),
        }),
    ))
}

/// The company's endpoints, without their secrets.
#[utoipa::path(get, path = "/api/v1/companies/{id}/webhooks", tag = "webhooks",
    params(("id" = i64, Path, description = "company id")),
    responses((status = 200, body = Vec<WebhookView>), (status = 404, description = "Not a representative of this company")))]
#[get("/companies/<id>/webhooks")]
pub async fn list_webhooks(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
) -> ApiResult<Json<Vec<WebhookView>>> {
    let list = webhooks::list(state, &who.caller(), id).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

/// Stop sending to an endpoint; its delivery log stays.
#[utoipa::path(delete, path = "/api/v1/companies/{id}/webhooks/{endpoint_id}", tag = "webhooks",
    params(("id" = i64, Path, description = "company id"), ("endpoint_id" = i64, Path, description = "the endpoint")),
    responses((status = 204, description = "Disabled"), (status = 404, description = "No such endpoint of this company")))]
#[delete("/companies/<id>/webhooks/<endpoint_id>")]
pub async fn disable_webhook(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    endpoint_id: i64,
) -> ApiResult<Status> {
    webhooks::disable(state, &who.caller(), id, endpoint_id).await?;
    Ok(Status::NoContent)
}

#[derive(Serialize, ToSchema)]
pub struct DeliveryView {
    id: i64,
    event: String,
    case: String,
    /// The JSON that was (or will be) sent.
    payload: String,
    /// pending, delivered or failed
    status: String,
    attempts: i32,
    next_attempt_at: DateTime<Utc>,
    /// The endpoint's last HTTP status, if it answered.
    last_status: Option<i32>,
    last_error: Option<String>,
    created_at: DateTime<Utc>,
    delivered_at: Option<DateTime<Utc>>,
}

impl From<deliveries::Model> for DeliveryView {
    fn from(d: deliveries::Model) -> Self {
        Self {
            id: d.id,
            event: d.event,
            case: d.case_reference,
            payload: d.payload,
            status: d.status,
            attempts: d.attempts,
            next_attempt_at: d.next_attempt_at,
            last_status: d.last_status,
            last_error: d.last_error,
            created_at: d.created_at,
            delivered_at: d.delivered_at,
        }
    }
}

/// The endpoint's delivery log, newest first (the latest 200).
#[utoipa::path(get, path = "/api/v1/companies/{id}/webhooks/{endpoint_id}/deliveries", tag = "webhooks",
    params(("id" = i64, Path, description = "company id"), ("endpoint_id" = i64, Path, description = "the endpoint")),
    responses((status = 200, body = Vec<DeliveryView>), (status = 404, description = "No such endpoint of this company")))]
#[get("/companies/<id>/webhooks/<endpoint_id>/deliveries")]
pub async fn webhook_deliveries(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    endpoint_id: i64,
) -> ApiResult<Json<Vec<DeliveryView>>> {
    let log = webhooks::log(state, &who.caller(), id, endpoint_id).await?;
    Ok(Json(log.into_iter().map(Into::into).collect()))
}

/// Send a delivery again (a new entry in the log, with the same payload).
#[utoipa::path(post, path = "/api/v1/companies/{id}/webhooks/{endpoint_id}/deliveries/{delivery_id}/replay", tag = "webhooks",
    params(("id" = i64, Path, description = "company id"), ("endpoint_id" = i64, Path, description = "the endpoint"),
           ("delivery_id" = i64, Path, description = "the delivery to send again")),
    responses((status = 201, body = DeliveryView), (status = 404, description = "No such delivery of this company")))]
#[post("/companies/<id>/webhooks/<endpoint_id>/deliveries/<delivery_id>/replay")]
pub async fn replay_delivery(
    state: &State<AppState>,
    who: CurrentUser,
    id: i64,
    endpoint_id: i64,
    delivery_id: i64,
) -> ApiResult<(Status, Json<DeliveryView>)> {
    let again = webhooks::replay(state, &who.caller(), id, endpoint_id, delivery_id).await?;
    Ok((Status::Created, Json(again.into())))
}
