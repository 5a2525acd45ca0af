//! A page of the portal: a template and its data, completed when it is sent with what every
//! page shows in the reader's language (the title, the navigation for their role, the
//! language switcher), so handlers only say what is theirs.
use crate::i18n::{Args, LANGUAGES};
use crate::state::AppState;
use crate::web::language::{self, Viewer};
use fluent_templates::fluent_bundle::FluentValue;
use rocket::Request;
use rocket::http::Status;
use rocket::response::{self, Responder};
use rocket_dyn_templates::Template;
use serde_json::{Map, Value, json};
use std::borrow::Cow;

pub struct Page {
    name: &'static str,
    context: Value,
    status: Status,
    /// The language of the person the page is meant for, when the reader has not chosen one.
    meant_for: Option<String>,
}

impl Page {
    /// The template `name` with `context`. A `title` (`message`, `next_label`) that is a
    /// message id is shown in the reader's language, with `title_args` as its arguments.
    pub fn new(name: &'static str, context: impl serde::Serialize) -> Self {
        Self {
            name,
            context: serde_json::to_value(context).unwrap_or(Value::Null),
            status: Status::Ok,
            meant_for: None,
        }
    }

    /// A page addressed to someone who speaks `language` (an invitation's consumer): shown in
    /// it unless the reader chose another or is logged in.
    pub fn meant_for(mut self, language: &str) -> Self {
        self.meant_for = Some(language.to_string());
        self
    }

    pub fn with_status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }
}

/// The fields of a page's data that may hold a message id (with its arguments in
/// `<field>_args`): the title, the message and link of a notice page, and a form's problem.
/// Text that is no message id (a service's explanation) is shown as it is.
const TRANSLATED: [&str; 4] = ["title", "message", "next_label", "problem"];

/// The links of the main navigation for a role: (message id, path).
fn navigation(role: Option<&str>) -> &'static [(&'static str, &'static str)] {
    match role {
        None => &[
            ("nav-home", "/"),
            ("nav-file", "/cases/new"),
            ("nav-public", "/public/cases"),
            ("nav-companies", "/companies"),
            ("nav-verify", "/verify"),
            ("nav-login", "/login"),
        ],
        Some("consumer") => &[
            ("nav-my-cases", "/cases"),
            ("nav-file", "/cases/new"),
            ("nav-public", "/public/cases"),
            ("nav-companies", "/companies"),
            ("nav-account", "/account"),
        ],
        Some("company") => &[
            ("nav-inbox", "/cases"),
            ("nav-public", "/public/cases"),
            ("nav-account", "/account"),
        ],
        Some("neutral") => &[
            ("nav-dossiers", "/cases"),
            ("nav-public", "/public/cases"),
            ("nav-account", "/account"),
        ],
        Some(_) => &[
            ("nav-dashboard", "/staff"),
            ("nav-triage", "/staff/triage"),
            ("nav-cases", "/cases"),
            ("nav-moderation", "/staff/moderation"),
            ("nav-mail", "/staff/mail"),
            ("nav-reports", "/staff/reports"),
            ("nav-account", "/account"),
        ],
    }
}

fn fluent_args(args: Option<&Value>) -> Args {
    let mut out = Args::new();
    if let Some(Value::Object(map)) = args {
        for (key, value) in map {
            out.insert(Cow::Owned(key.clone()), fluent_value(value));
        }
    }
    out
}

/// A JSON value as a Fluent argument: numbers stay numbers (for plurals), the rest is text.
pub fn fluent_value(value: &Value) -> FluentValue<'static> {
    match value {
        Value::Number(n) => n.as_f64().map_or(FluentValue::None, FluentValue::from),
        Value::String(s) => FluentValue::from(s.clone()),
        Value::Null => FluentValue::None,
        other => FluentValue::from(other.to_string()),
    }
}

impl<'r> Responder<'r, 'static> for Page {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let lang = language::of_or(req, self.meant_for.as_deref());
        let viewer = req.local_cache(Viewer::default);
        let mut context = match self.context {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let path = req.uri().path().to_string();
        let back = req.uri().to_string();
        if let Some(state) = req.rocket().state::<AppState>() {
            let texts = &state.texts;
            for key in TRANSLATED {
                if let Some(Value::String(id)) = context.get(key) {
                    let args = fluent_args(context.get(&format!("{key}_args")));
                    if let Some(text) = texts.get(lang, id, Some(&args)) {
                        context.insert(key.to_string(), Value::String(text));
                    }
                }
            }
            let nav: Vec<Value> = navigation(viewer.role.as_deref())
                .iter()
                .map(|(id, href)| {
                    json!({"href": href, "label": texts.text(lang, id), "current": path == *href})
                })
                .collect();
            context.insert("nav".into(), Value::Array(nav));
        }
        let languages: Vec<Value> = LANGUAGES
            .iter()
            .map(|(code, name)| {
                let href = format!(
                    "/language/{code}?back={}",
                    rocket::http::RawStr::new(&back).percent_encode()
                );
                json!({"code": code, "name": name, "current": *code == lang, "href": href})
            })
            .collect();
        context.insert("languages".into(), Value::Array(languages));
        context.insert("lang".into(), Value::String(lang.into()));
        context.insert("signed_in".into(), Value::Bool(viewer.role.is_some()));
        (
            self.status,
            Template::render(self.name, Value::Object(context)),
        )
            .respond_to(req)
    }
}
