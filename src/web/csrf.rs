//! CSRF protection for forms: a random token kept in a private (encrypted, HttpOnly) cookie
//! and repeated in a hidden field; a state-changing form is accepted only when both agree.
use base64::Engine;
use rand::RngCore;
use rocket::http::{Cookie, CookieJar, SameSite};
use rocket::request::{FromRequest, Outcome, Request};

const COOKIE: &str = "redress_csrf";

/// The token to put in a form's hidden `csrf` field; made on first use.
pub struct CsrfToken(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CsrfToken {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let jar = req.cookies();
        if let Some(existing) = jar.get_private(COOKIE) {
            return Outcome::Success(CsrfToken(existing.value().to_string()));
        }
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        jar.add_private(
            Cookie::build((COOKIE, token.clone()))
                .same_site(SameSite::Strict)
                .http_only(true)
                .path("/"),
        );
        Outcome::Success(CsrfToken(token))
    }
}

/// True when the form's token matches the cookie's.
pub fn verify(jar: &CookieJar<'_>, submitted: &str) -> bool {
    jar.get_private(COOKIE).is_some_and(|c| {
        !submitted.is_empty() && constant_time_eq(c.value().as_bytes(), submitted.as_bytes())
    })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
