//! Who is asking: a request guard that accepts `Authorization: Bearer <token>` or the private
//! session cookie, and answers 401 when neither names a live session.
use crate::error::AppError;
use crate::policy::Role;
use crate::services::{Caller, accounts, tokens};
use crate::state::AppState;
use entity::users;
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};

pub const SESSION_COOKIE: &str = "redress_session";

pub struct CurrentUser {
    pub user: users::Model,
    /// The login session; None when a company API token was used.
    pub session_id: Option<i64>,
}

impl CurrentUser {
    pub fn caller(&self) -> Caller {
        Caller::User {
            id: self.user.id,
            role: Role::parse(&self.user.role).unwrap_or(Role::Public),
        }
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CurrentUser {
    type Error = AppError;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let Some(state) = req.rocket().state::<AppState>() else {
            return Outcome::Error((
                Status::InternalServerError,
                AppError::from_status(Status::InternalServerError),
            ));
        };
        let bearer = req
            .headers()
            .get_one("Authorization")
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(|t| t.trim().to_string());
        let token = bearer.or_else(|| {
            req.cookies()
                .get_private(SESSION_COOKIE)
                .map(|c| c.value().to_string())
        });
        let Some(token) = token else {
            return Outcome::Error((
                Status::Unauthorized,
                AppError::from_status(Status::Unauthorized),
            ));
        };
        let found = if token.starts_with(tokens::PREFIX) {
            tokens::authenticate(state, &token).await.map(|user| {
                user.map(|user| CurrentUser {
                    user,
                    session_id: None,
                })
            })
        } else {
            accounts::authenticate(state, &token).await.map(|found| {
                found.map(|(user, session)| CurrentUser {
                    user,
                    session_id: Some(session.id),
                })
            })
        };
        match found {
            Ok(Some(who)) => {
                // The page in the reader's language, with the navigation of their role.
                req.local_cache(|| crate::web::language::Viewer {
                    role: Some(who.user.role.clone()),
                    language: Some(who.user.language.clone()),
                });
                Outcome::Success(who)
            }
            Ok(None) => Outcome::Error((
                Status::Unauthorized,
                AppError::from_status(Status::Unauthorized),
            )),
            Err(e) => {
                let err = AppError::from(e);
                Outcome::Error((err.status, err))
            }
        }
    }
}
