//! `Idempotency-Key` on every API POST: a company's system that retries after a timeout gets
//! the first answer again instead of a second referral, message or case. The same caller
//! sending the same key with the same body within a day gets the stored answer (marked
//! `Idempotent-Replayed: true`); with another body, 422; while the first request still runs,
//! 409. An answer of 5xx is not kept, so the retry runs for real.
//!
//! A fairing claims the key before the request runs and stores the response after it. The body
//! is fingerprinted by the JSON body guard (`api::Body`, the SHA-256 of every byte), or, for a
//! body read as a file, by its length and first 512 bytes. A repeated request is routed to
//! [`replay`], which reads the body in full and compares.
use crate::audit::sha256_hex;
use crate::state::AppState;
use chrono::Duration;
use entity::idempotency_keys as keys;
use rocket::data::{Data, ToByteUnit};
use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::uri::Origin;
use rocket::http::{ContentType, Header, Method, Status};
use rocket::response::{self, Responder};
use rocket::{Request, Response, Route, post, routes};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::io::Cursor;

pub const HEADER: &str = "Idempotency-Key";
const REPLAY_PATH: &str = "/_idempotency/replay";
const LONGEST_KEY: usize = 255;
/// Rocket buffers this much of a body before a handler reads it (its peek buffer).
const PEEK: usize = 512;

/// Answers that hand out a credential (a login token, a company API token) are never kept:
/// the key is ignored there, so no secret is stored to replay.
fn carries_secret(path: &str) -> bool {
    path == "/api/v1/session" || path.ends_with("/tokens")
}

/// How long a key is remembered.
pub fn lifetime() -> Duration {
    Duration::hours(24)
}

/// The request's body fingerprint, set by the JSON body guard when it read every byte.
pub struct BodyHash(pub Option<String>);

/// A new key claimed for this request: the row, and the fallback fingerprint.
struct Recording(Option<(i64, String)>);

/// What the replay route answers.
enum Replay {
    None,
    BadKey,
    InFlight,
    Stored(Box<keys::Model>),
}

/// The replay decided for this request, and the path it was sent to.
struct ReplaySlot(std::sync::Mutex<(Replay, String)>);

fn slot<'a>(req: &'a Request<'_>) -> &'a ReplaySlot {
    req.local_cache(|| ReplaySlot(std::sync::Mutex::new((Replay::None, String::new()))))
}

pub struct Idempotency;

pub fn routes() -> Vec<Route> {
    routes![replay]
}

/// Who is asking, as the key's namespace: the credential they present, or their address.
fn identity(req: &Request<'_>) -> String {
    let who = req
        .headers()
        .get_one("Authorization")
        .map(str::to_string)
        .or_else(|| {
            req.cookies()
                .get(crate::web::auth::SESSION_COOKIE)
                .map(|c| c.value().to_string())
        })
        .unwrap_or_else(|| {
            format!(
                "address:{}",
                req.client_ip().map(|ip| ip.to_string()).unwrap_or_default()
            )
        });
    sha256_hex(who.as_bytes())
}

fn peek_fingerprint(length: Option<&str>, first: &[u8]) -> String {
    format!("peek:{}:{}", length.unwrap_or(""), &sha256_hex(first)[..32])
}

fn reroute(req: &mut Request<'_>, replay: Replay) {
    let path = req.uri().path().to_string();
    if let Ok(mut taken) = slot(req).0.lock() {
        *taken = (replay, path);
    }
    req.set_uri(Origin::parse(REPLAY_PATH).expect("a valid path"));
}

#[rocket::async_trait]
impl Fairing for Idempotency {
    fn info(&self) -> Info {
        Info {
            name: "idempotency keys",
            kind: Kind::Request | Kind::Response,
        }
    }

    async fn on_request(&self, req: &mut Request<'_>, data: &mut Data<'_>) {
        let path = req.uri().path();
        if req.method() != Method::Post
            || !path.starts_with("/api/v1/")
            || carries_secret(path.as_str())
        {
            return;
        }
        let Some(key) = req.headers().get_one(HEADER).map(str::to_string) else {
            return;
        };
        if key.trim().is_empty() || key.len() > LONGEST_KEY {
            return reroute(req, Replay::BadKey);
        }
        let Some(state) = req.rocket().state::<AppState>().cloned() else {
            return;
        };
        let identity = identity(req);
        let now = state.clock.now();
        let found = keys::Entity::find()
            .filter(keys::Column::Identity.eq(&identity))
            .filter(keys::Column::Key.eq(&key))
            .one(&state.db)
            .await;
        let found = match found {
            Ok(found) => found,
            Err(e) => {
                tracing::error!(error = %e, "idempotency keys cannot be read");
                return;
            }
        };
        if let Some(row) = found {
            if row.created_at > now - lifetime() {
                let replay = if row.completed_at.is_some() {
                    Replay::Stored(Box::new(row))
                } else {
                    Replay::InFlight
                };
                return reroute(req, replay);
            }
            // Older than a day: forgotten, the key starts afresh.
            let _ = keys::Entity::delete_by_id(row.id).exec(&state.db).await;
        }
        let fallback = peek_fingerprint(
            req.headers().get_one("Content-Length"),
            data.peek(PEEK).await,
        );
        let claimed = keys::Entity::insert(keys::ActiveModel {
            id: NotSet,
            identity: Set(identity),
            key: Set(key),
            method: Set(req.method().as_str().to_string()),
            path: Set(req.uri().path().to_string()),
            fingerprint: Set(fallback.clone()),
            status_code: Set(None),
            content_type: Set(None),
            body: Set(None),
            created_at: Set(now),
            completed_at: Set(None),
        })
        .exec(&state.db)
        .await;
        match claimed {
            Ok(done) => {
                req.local_cache(|| Recording(Some((done.last_insert_id, fallback))));
            }
            // Another request with this key claimed it a moment ago.
            Err(_) => reroute(req, Replay::InFlight),
        }
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        let Recording(Some((id, fallback))) = req.local_cache(|| Recording(None)) else {
            return;
        };
        let Some(state) = req.rocket().state::<AppState>() else {
            return;
        };
        if res.status().code >= 500 {
            // Not kept: the retry runs the request for real.
            let _ = keys::Entity::delete_by_id(*id).exec(&state.db).await;
            return;
        }
        let body = match res.body_mut().to_bytes().await {
            Ok(bytes) => bytes,
            Err(e) => {
                tracing::error!(error = %e, "a response could not be kept for its idempotency key");
                let _ = keys::Entity::delete_by_id(*id).exec(&state.db).await;
                return;
            }
        };
        let fingerprint = match req.local_cache(|| BodyHash(None)) {
            BodyHash(Some(hash)) => format!("sha256:{hash}"),
            BodyHash(None) => fallback.clone(),
        };
        let stored = keys::Entity::update(keys::ActiveModel {
            id: Set(*id),
            fingerprint: Set(fingerprint),
            status_code: Set(Some(i32::from(res.status().code))),
            content_type: Set(res.content_type().map(|c| c.to_string())),
            body: Set(Some(body.clone())),
            completed_at: Set(Some(state.clock.now())),
            ..Default::default()
        })
        .exec(&state.db)
        .await;
        if let Err(e) = stored {
            tracing::error!(error = %e, "a response could not be kept for its idempotency key");
        }
        res.set_sized_body(body.len(), Cursor::new(body));
    }
}

/// The answer to a repeated key.
pub enum Replayed {
    Stored(Box<keys::Model>),
    Problem(crate::error::AppError),
}

impl<'r> Responder<'r, 'static> for Replayed {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        match self {
            Replayed::Problem(e) => e.respond_to(req),
            Replayed::Stored(row) => {
                let body = row.body.unwrap_or_default();
                let mut res = Response::build();
                res.status(
                    Status::from_code(
                        row.status_code
                            .and_then(|c| u16::try_from(c).ok())
                            .unwrap_or(200),
                    )
                    .unwrap_or(Status::Ok),
                )
                .header(Header::new("Idempotent-Replayed", "true"))
                .sized_body(body.len(), Cursor::new(body));
                if let Some(ct) = row
                    .content_type
                    .as_deref()
                    .and_then(ContentType::parse_flexible)
                {
                    res.header(ct);
                }
                res.ok()
            }
        }
    }
}

fn problem(status: Status, message: &str) -> Replayed {
    Replayed::Problem(crate::error::AppError::new(
        status,
        "idempotency_key",
        message,
    ))
}

/// Where a repeated `Idempotency-Key` is routed: the stored answer when the body is the same.
#[post("/_idempotency/replay", data = "<data>")]
pub async fn replay(req_slot: ReplayGuard, data: Data<'_>) -> Replayed {
    let (replay, length) = (req_slot.replay, req_slot.length);
    match replay {
        Replay::None => problem(Status::NotFound, "Nothing to replay here."),
        Replay::BadKey => problem(
            Status::BadRequest,
            "An Idempotency-Key is 1 to 255 characters.",
        ),
        Replay::InFlight => problem(
            Status::Conflict,
            "The first request with this Idempotency-Key is still being handled; try again in a moment.",
        ),
        Replay::Stored(row) => {
            let Ok(bytes) = data.open(25.mebibytes()).into_bytes().await else {
                return problem(Status::BadRequest, "The request body could not be read.");
            };
            let bytes = bytes.into_inner();
            let same = if row.fingerprint.starts_with("sha256:") {
                row.fingerprint == format!("sha256:{}", sha256_hex(&bytes))
            } else {
                let first = &bytes[..bytes.len().min(PEEK)];
                row.fingerprint == peek_fingerprint(length.as_deref(), first)
            };
            if same && row.path == req_slot.original_path {
                Replayed::Stored(row)
            } else {
                problem(
                    Status::UnprocessableEntity,
                    "This Idempotency-Key was already used with another request; use a new key for a new request.",
                )
            }
        }
    }
}

/// The replay the fairing decided on, taken out of the request.
pub struct ReplayGuard {
    replay: Replay,
    length: Option<String>,
    original_path: String,
}

#[rocket::async_trait]
impl<'r> rocket::request::FromRequest<'r> for ReplayGuard {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> rocket::request::Outcome<Self, Self::Error> {
        let (replay, original_path) = slot(req)
            .0
            .lock()
            .map(|mut taken| std::mem::replace(&mut *taken, (Replay::None, String::new())))
            .unwrap_or((Replay::None, String::new()));
        rocket::request::Outcome::Success(ReplayGuard {
            replay,
            length: req.headers().get_one("Content-Length").map(str::to_string),
            original_path,
        })
    }
}

/// Forgets the keys older than a day. Run by the scheduler.
pub async fn forget_old(state: &AppState) -> Result<u64, sea_orm::DbErr> {
    let done = keys::Entity::delete_many()
        .filter(keys::Column::CreatedAt.lt(state.clock.now() - lifetime()))
        .exec(&state.db)
        .await?;
    Ok(done.rows_affected)
}
