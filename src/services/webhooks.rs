//! Webhooks: a company registers HTTPS endpoints for the events of its cases. Each event is
//! queued in the transaction of the step it reports (nothing sent for a step that did not
//! happen, nothing lost for one that did) and delivered by a worker of its own, apart from the
//! request path and the deadline scheduler, so a slow or failing endpoint slows neither.
//!
//! Every delivery is signed: `Redress-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`
//! with `Redress-Timestamp` in Unix seconds. A failed delivery is retried with backoff (1, 2,
//! 4 … minutes, at most an hour apart) for a day, then marked failed. The company sees each
//! delivery in its log and may send one again.
use super::{Caller, Error, Result, authorize_company, random_hex};
use crate::domain::dossier::{DeadlineKind, Event};
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use entity::{cases, webhook_deliveries as deliveries, webhook_endpoints as endpoints};
use hmac::{Hmac, Mac};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;
use sha2::Sha256;

/// The events a company can ask for.
pub const EVENTS: &[&str] = &[
    "filed",
    "accepted",
    "proposal_made",
    "deadline_near",
    "agreed",
    "settled",
    "closed",
];

pub const PENDING: &str = "pending";
pub const DELIVERED: &str = "delivered";
pub const FAILED: &str = "failed";

/// How long a delivery is retried, and how long one attempt may take.
fn retry_window() -> Duration {
    Duration::hours(24)
}
const TIMEOUT_SECS: u64 = 10;
/// Deliveries under way at once, and per worker pass.
const BATCH: u64 = 50;

/// The webhook event a dossier event is, if any.
pub fn event_name(event: &Event) -> Option<&'static str> {
    Some(match event {
        Event::Filed { .. } => "filed",
        Event::Accepted => "accepted",
        Event::ProposalMade { .. } => "proposal_made",
        Event::Agreed { .. } => "agreed",
        Event::Settled { .. } => "settled",
        Event::Closed { .. } => "closed",
        _ => return None,
    })
}

/// The signature header's value for `body` sent at `timestamp`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!("v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// Queues the webhook events among `events` for the endpoints of the case's company, on the
/// step's own transaction.
pub async fn queue_events<C: ConnectionTrait>(
    conn: &C,
    case: &cases::Model,
    events: &[Event],
    now: DateTime<Utc>,
) -> Result<()> {
    for name in events.iter().filter_map(event_name) {
        queue(conn, case, name, json!({}), now).await?;
    }
    Ok(())
}

/// A time limit of the case falls due soon (sent with the reminder).
pub async fn queue_deadline_near<C: ConnectionTrait>(
    conn: &C,
    case: &cases::Model,
    kind: DeadlineKind,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let extra = json!({ "deadline": kind.as_str(), "due_at": due_at });
    queue(conn, case, "deadline_near", extra, now).await
}

async fn queue<C: ConnectionTrait>(
    conn: &C,
    case: &cases::Model,
    event: &str,
    extra: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<()> {
    let targets: Vec<endpoints::Model> = endpoints::Entity::find()
        .filter(endpoints::Column::CompanyId.eq(case.company_id))
        .filter(endpoints::Column::DisabledAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .filter(|e| e.events.split(',').any(|x| x == event))
        .collect();
    if targets.is_empty() {
        return Ok(());
    }
    let mut payload = json!({
        "event": event,
        "case": case.reference,
        "company_id": case.company_id,
        "occurred_at": now,
    });
    if let (Some(p), Some(extra)) = (payload.as_object_mut(), extra.as_object()) {
        p.extend(extra.clone());
    }
    let payload = payload.to_string();
    let rows = targets.iter().map(|endpoint| deliveries::ActiveModel {
        id: NotSet,
        endpoint_id: Set(endpoint.id),
        event: Set(event.to_string()),
        case_reference: Set(case.reference.clone()),
        payload: Set(payload.clone()),
        status: Set(PENDING.into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_status: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        delivered_at: Set(None),
    });
    deliveries::Entity::insert_many(rows)
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// An endpoint as registered: its secret only at creation.
#[derive(Clone, Debug)]
pub struct Registered {
    pub endpoint: endpoints::Model,
}

/// Only HTTPS, except to the machine itself (a receiver under development).
fn check_url(url: &str) -> Result<String> {
    let parsed = url::Url::parse(url.trim()).map_err(|_| {
        Error::invalid(
            "url",
            "give the full address, such as https://crm.example/redress",
        )
    })?;
    let loopback = matches!(parsed.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    match parsed.scheme() {
        "https" => {}
        "http" if loopback => {}
        _ => {
            return Err(Error::invalid(
                "url",
                "an endpoint must use https (plain http only to this machine itself)",
            ));
        }
    }
    if parsed.host_str().is_none() || url.len() > 2_000 {
        return Err(Error::invalid(
            "url",
            "give the full address of the endpoint",
        ));
    }
    Ok(parsed.to_string())
}

pub async fn register(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    url: &str,
    events: &[String],
) -> Result<Registered> {
    authorize_company(state, caller, company_id, "company.webhooks").await?;
    let url = check_url(url)?;
    let mut chosen: Vec<&str> = Vec::new();
    for event in events {
        let Some(known) = EVENTS.iter().find(|e| **e == event.as_str()) else {
            return Err(Error::invalid(
                "events",
                format!(
                    "'{event}' is not an event; choose from {}",
                    EVENTS.join(", ")
                ),
            ));
        };
        if !chosen.contains(known) {
            chosen.push(known);
        }
    }
    if chosen.is_empty() {
        chosen = EVENTS.to_vec();
    }
    let endpoint = endpoints::Entity::insert(endpoints::ActiveModel {
        id: NotSet,
        company_id: Set(company_id),
        url: Set(url),
        secret: Set(format!("whsec_{}", random_hex(24))),
        events: Set(chosen.join(",")),
        created_by: Set(caller.user_id().unwrap_or(0)),
        created_at: Set(state.clock.now()),
        disabled_at: Set(None),
    })
    .exec_with_returning(&state.db)
    .await?;
    Ok(Registered { endpoint })
}

pub async fn list(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
) -> Result<Vec<endpoints::Model>> {
    authorize_company(state, caller, company_id, "company.webhooks").await?;
    Ok(endpoints::Entity::find()
        .filter(endpoints::Column::CompanyId.eq(company_id))
        .order_by_asc(endpoints::Column::Id)
        .all(&state.db)
        .await?)
}

async fn own_endpoint(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    endpoint_id: i64,
) -> Result<endpoints::Model> {
    authorize_company(state, caller, company_id, "company.webhooks").await?;
    endpoints::Entity::find_by_id(endpoint_id)
        .one(&state.db)
        .await?
        .filter(|e| e.company_id == company_id)
        .ok_or(Error::NotFound)
}

/// Stops sending to an endpoint; its log stays.
pub async fn disable(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    endpoint_id: i64,
) -> Result<()> {
    let endpoint = own_endpoint(state, caller, company_id, endpoint_id).await?;
    endpoints::Entity::update(endpoints::ActiveModel {
        id: Set(endpoint.id),
        disabled_at: Set(Some(state.clock.now())),
        ..Default::default()
    })
    .exec(&state.db)
    .await?;
    Ok(())
}

/// An endpoint's deliveries, newest first.
pub async fn log(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    endpoint_id: i64,
) -> Result<Vec<deliveries::Model>> {
    own_endpoint(state, caller, company_id, endpoint_id).await?;
    Ok(deliveries::Entity::find()
        .filter(deliveries::Column::EndpointId.eq(endpoint_id))
        .order_by_desc(deliveries::Column::Id)
        .limit(200)
        .all(&state.db)
        .await?)
}

/// Sends a delivery again, as a new entry of the log with the same payload.
pub async fn replay(
    state: &AppState,
    caller: &Caller,
    company_id: i64,
    endpoint_id: i64,
    delivery_id: i64,
) -> Result<deliveries::Model> {
    own_endpoint(state, caller, company_id, endpoint_id).await?;
    let original = deliveries::Entity::find_by_id(delivery_id)
        .one(&state.db)
        .await?
        .filter(|d| d.endpoint_id == endpoint_id)
        .ok_or(Error::NotFound)?;
    let now = state.clock.now();
    Ok(deliveries::Entity::insert(deliveries::ActiveModel {
        id: NotSet,
        endpoint_id: Set(endpoint_id),
        event: Set(original.event),
        case_reference: Set(original.case_reference),
        payload: Set(original.payload),
        status: Set(PENDING.into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_status: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        delivered_at: Set(None),
    })
    .exec_with_returning(&state.db)
    .await?)
}

/// What one pass of the worker did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub delivered: usize,
    pub retrying: usize,
    pub failed: usize,
}

/// Sends the deliveries that are due, at once, each with a time limit; run by the webhook
/// worker (and by tests).
pub async fn deliver_due(state: &AppState) -> anyhow::Result<Sent> {
    let now = state.clock.now();
    let due = deliveries::Entity::find()
        .filter(deliveries::Column::Status.eq(PENDING))
        .filter(deliveries::Column::NextAttemptAt.lte(now))
        .order_by_asc(deliveries::Column::Id)
        .limit(BATCH)
        .all(&state.db)
        .await?;
    if due.is_empty() {
        return Ok(Sent::default());
    }
    let ids: Vec<i64> = due.iter().map(|d| d.endpoint_id).collect();
    let targets: std::collections::HashMap<i64, endpoints::Model> = endpoints::Entity::find()
        .filter(endpoints::Column::Id.is_in(ids))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(TIMEOUT_SECS))
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let attempts = due.into_iter().map(|delivery| {
        let endpoint = targets.get(&delivery.endpoint_id).cloned();
        let client = client.clone();
        async move {
            let outcome = match &endpoint {
                Some(e) if e.disabled_at.is_none() => send(&client, e, &delivery, now).await,
                _ => Err((None, "the endpoint was removed".to_string())),
            };
            (delivery, outcome)
        }
    });
    let mut sent = Sent::default();
    for (delivery, outcome) in futures::future::join_all(attempts).await {
        let attempts = delivery.attempts + 1;
        let mut row = deliveries::ActiveModel {
            id: Set(delivery.id),
            attempts: Set(attempts),
            ..Default::default()
        };
        match outcome {
            Ok(code) => {
                row.status = Set(DELIVERED.into());
                row.last_status = Set(Some(code));
                row.last_error = Set(None);
                row.delivered_at = Set(Some(now));
                sent.delivered += 1;
            }
            Err((code, error)) => {
                let wait = Duration::minutes(1i64 << attempts.clamp(1, 7).saturating_sub(1))
                    .min(Duration::hours(1));
                let next = now + wait;
                row.last_status = Set(code);
                row.last_error = Set(Some(error));
                if next > delivery.created_at + retry_window() {
                    row.status = Set(FAILED.into());
                    sent.failed += 1;
                } else {
                    row.next_attempt_at = Set(next);
                    sent.retrying += 1;
                }
            }
        }
        deliveries::Entity::update(row).exec(&state.db).await?;
    }
    Ok(sent)
}

/// One attempt: the HTTP status on a 2xx answer, or the status and the reason it failed.
async fn send(
    client: &reqwest::Client,
    endpoint: &endpoints::Model,
    delivery: &deliveries::Model,
    now: DateTime<Utc>,
) -> std::result::Result<i32, (Option<i32>, String)> {
    let timestamp = now.timestamp();
    let answer = client
        .post(&endpoint.url)
        .header("Content-Type", "application/json")
        .header("User-Agent", "Redress-Webhooks/1")
        .header("Redress-Event", &delivery.event)
        .header("Redress-Delivery", delivery.id.to_string())
        .header("Redress-Timestamp", timestamp.to_string())
        .header(
            "Redress-Signature",
            signature(&endpoint.secret, timestamp, &delivery.payload),
        )
        .body(delivery.payload.clone())
        .send()
        .await;
    match answer {
        Ok(res) if res.status().is_success() => Ok(i32::from(res.status().as_u16())),
        Ok(res) => Err((
            Some(i32::from(res.status().as_u16())),
            format!("the endpoint answered {}", res.status()),
        )),
        Err(e) if e.is_timeout() => Err((None, format!("no answer within {TIMEOUT_SECS} s"))),
        Err(e) => Err((None, format!("could not reach the endpoint: {e}"))),
    }
}

/// The worker: a pass every few seconds, on its own task.
pub fn spawn_worker(state: AppState, interval: std::time::Duration) {
    tokio::spawn(async move {
        loop {
            if let Err(e) = deliver_due(&state).await {
                tracing::error!(error = %e, "webhook deliveries failed");
            }
            tokio::time::sleep(interval).await;
        }
    });
}
