//! Security headers on every response: a content security policy without inline script,
//! no framing, no MIME sniffing, and no referrer sent to other sites; and HSTS when the portal
//! is served over TLS (its public URL is https), so browsers never fall back to plain HTTP.
use crate::state::AppState;
use rocket::fairing::{Fairing, Info, Kind};
use rocket::{Request, Response};

pub struct SecurityHeaders;

#[rocket::async_trait]
impl Fairing for SecurityHeaders {
    fn info(&self) -> Info {
        Info {
            name: "security headers",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        let tls = req
            .rocket()
            .state::<AppState>()
            .is_some_and(|s| s.config.uses_tls());
        if tls {
            res.set_raw_header(
                "Strict-Transport-Security",
                "max-age=31536000; includeSubDomains",
            );
        }
        res.set_raw_header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        );
        res.set_raw_header("X-Content-Type-Options", "nosniff");
        res.set_raw_header("X-Frame-Options", "DENY");
        res.set_raw_header("Referrer-Policy", "same-origin");
        res.set_raw_header(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        );
    }
}
