//! Which language a page is shown in: the reader's own choice (the switcher on every page
//! keeps it in a cookie), else their account's language, else what their browser asks for
//! (Accept-Language), else the portal's default.
use crate::i18n::{self, DEFAULT_LANGUAGE};
use crate::web::account_pages::safe_next;
use rocket::http::{Cookie, CookieJar, SameSite};
use rocket::response::Redirect;
use rocket::{Request, Route, get, routes};

const COOKIE: &str = "redress_lang";

pub fn routes() -> Vec<Route> {
    routes![choose_language]
}

/// Who is reading, as far as a page needs to know: set by the login guard when the request
/// carries a session or token.
#[derive(Clone, Debug, Default)]
pub struct Viewer {
    pub role: Option<String>,
    pub language: Option<String>,
}

/// The language of the page answering `req`.
pub fn of(req: &Request<'_>) -> &'static str {
    of_or(req, None)
}

/// The language of the page answering `req`; `meant_for` (the language of the person a
/// page is addressed to, such as an invitation's) comes before what the browser asks for.
pub fn of_or(req: &Request<'_>, meant_for: Option<&str>) -> &'static str {
    if let Some(chosen) = req
        .cookies()
        .get(COOKIE)
        .and_then(|c| i18n::supported(c.value()))
    {
        return chosen;
    }
    let viewer = req.local_cache(Viewer::default);
    if let Some(own) = viewer
        .language
        .as_deref()
        .or(meant_for)
        .and_then(i18n::supported)
    {
        return own;
    }
    req.headers()
        .get_one("Accept-Language")
        .and_then(from_accept_language)
        .unwrap_or(DEFAULT_LANGUAGE)
}

/// The supported language a browser prefers most: `nl-BE,nl;q=0.9,en;q=0.8` → nl.
fn from_accept_language(header: &str) -> Option<&'static str> {
    let mut offers: Vec<(f32, usize, &'static str)> = header
        .split(',')
        .enumerate()
        .filter_map(|(order, part)| {
            let mut pieces = part.split(';');
            let lang = i18n::supported(pieces.next()?)?;
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (quality > 0.0).then_some((quality, order, lang))
        })
        .collect();
    // The highest quality first; among equals, the order the browser gave.
    offers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    offers.first().map(|(_, _, lang)| *lang)
}

/// The language switcher: remembers the choice for a year and returns to the page.
#[get("/language/<code>?<back>")]
pub fn choose_language(jar: &CookieJar<'_>, code: &str, back: Option<&str>) -> Redirect {
    if let Some(lang) = i18n::supported(code) {
        jar.add(
            Cookie::build((COOKIE, lang))
                .same_site(SameSite::Lax)
                .http_only(true)
                .max_age(rocket::time::Duration::days(365))
                .path("/"),
        );
    }
    Redirect::to(safe_next(back).unwrap_or_else(|| "/".into()))
}

#[cfg(test)]
mod tests {
    use super::from_accept_language;

    #[test]
    fn the_browsers_preferred_supported_language() {
        assert_eq!(from_accept_language("nl-BE,nl;q=0.9,en;q=0.8"), Some("nl"));
        assert_eq!(from_accept_language("es-ES,fr;q=0.5,de;q=0.7"), Some("de"));
        assert_eq!(from_accept_language("es,it"), None);
        assert_eq!(from_accept_language("fr;q=0,en"), Some("en"));
        assert_eq!(from_accept_language("*"), None);
    }
}
