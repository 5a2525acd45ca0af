//! The portal's words in English, Dutch, French and German, from Fluent files in
//! `locales/<language>/*.ftl`, with the dates and amounts of each language. Pages ask for a
//! message by its id (`{{t "nav-cases"}}` in a template); the language is the reader's
//! (see `web::language`).
use chrono::{Datelike, NaiveDate};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{ArcLoader, LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

/// The languages of the portal, each with its own name for the language switcher.
pub const LANGUAGES: [(&str, &str); 4] = [
    ("en", "English"),
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("de", "Deutsch"),
];

/// The language used when nothing says which.
pub const DEFAULT_LANGUAGE: &str = "en";

/// A supported language code for `code` (`nl-BE` → `nl`), if there is one.
pub fn supported(code: &str) -> Option<&'static str> {
    let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    LANGUAGES.iter().map(|(c, _)| *c).find(|c| *c == primary)
}

/// The message files, loaded once.
pub struct Texts {
    loader: ArcLoader,
    languages: HashMap<&'static str, LanguageIdentifier>,
}

pub type Args = HashMap<Cow<'static, str>, FluentValue<'static>>;

impl Texts {
    /// Reads every `.ftl` file under `dir/<language>/`. A syntax error stops here.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let english: LanguageIdentifier = DEFAULT_LANGUAGE.parse()?;
        let loader = ArcLoader::builder(dir, english)
            // Unicode isolation marks around arguments would show up in form values and tests;
            // the pages set `dir` themselves.
            .customize(|bundle| bundle.set_use_isolating(false))
            .build()
            .map_err(|e| anyhow::anyhow!("reading the message files in {}: {e}", dir.display()))?;
        let mut languages = HashMap::new();
        for (code, _) in LANGUAGES {
            languages.insert(code, code.parse()?);
        }
        Ok(Self { loader, languages })
    }

    /// The message `id` in `lang` (English when that language lacks it), or None when no
    /// language has it.
    pub fn get(&self, lang: &str, id: &str, args: Option<&Args>) -> Option<String> {
        let lang = self
            .languages
            .get(supported(lang).unwrap_or(DEFAULT_LANGUAGE))?;
        self.loader.try_lookup_complete(lang, id, args)
    }

    /// The message `id`, or the id itself when it is missing everywhere (never on a page that
    /// the tests render: the `t` helper refuses missing ids).
    pub fn text(&self, lang: &str, id: &str) -> String {
        self.get(lang, id, None).unwrap_or_else(|| id.to_string())
    }
}

const MONTHS: [[&str; 12]; 4] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
];

/// A date as the language writes it: 2 March 2026, 2 maart 2026, 2 mars 2026, 2. März 2026.
pub fn long_date(date: NaiveDate, lang: &str) -> String {
    let index = LANGUAGES
        .iter()
        .position(|(c, _)| Some(*c) == supported(lang))
        .unwrap_or(0);
    let month = MONTHS[index][date.month0() as usize];
    match index {
        3 => format!("{}. {month} {}", date.day(), date.year()),
        _ => format!("{} {month} {}", date.day(), date.year()),
    }
}

/// A date and time (in UTC) as the language writes it.
pub fn long_date_time(at: chrono::DateTime<chrono::Utc>, lang: &str) -> String {
    let date = long_date(at.date_naive(), lang);
    let time = at.format("%H:%M");
    match supported(lang) {
        Some("nl") => format!("{date} om {time} UTC"),
        Some("fr") => format!("{date} à {time} UTC"),
        Some("de") => format!("{date} um {time} UTC"),
        _ => format!("{date} at {time} UTC"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    /// The message ids a language's files define.
    fn ids_of(lang: &str) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        let dir = root().join("locales").join(lang);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ftl") {
                let text = std::fs::read_to_string(&path).unwrap();
                let resource = fluent_templates::fluent_bundle::FluentResource::try_new(text)
                    .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        assert!(
                            ids.insert(m.id.name.to_string()),
                            "{} defines {} twice",
                            lang,
                            m.id.name
                        );
                    }
                }
            }
        }
        ids
    }

    #[test]
    fn every_language_has_every_message() {
        let english = ids_of("en");
        assert!(english.len() > 50, "the English messages are read");
        for (lang, _) in &LANGUAGES[1..] {
            let other = ids_of(lang);
            let missing: Vec<_> = english.difference(&other).collect();
            let extra: Vec<_> = other.difference(&english).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
        }
    }

    /// Every `{{t "id"}}` of the page templates names a message (`{{t "prefix" value}}` is
    /// checked when the page is rendered).
    #[test]
    fn every_message_a_template_asks_for_exists() {
        let english = ids_of("en");
        let pattern = regex::Regex::new(r#"\bt "([a-z0-9-]+)"(?:\}\}|\)|\s+[a-z_]+=)"#).unwrap();
        let mut checked = 0;
        for entry in std::fs::read_dir(root().join("templates")).unwrap() {
            let path = entry.unwrap().path();
            if !path.to_string_lossy().ends_with(".html.hbs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for found in pattern.captures_iter(&text) {
                assert!(
                    english.contains(&found[1]),
                    "{} asks for {}, which locales/en lacks",
                    path.display(),
                    &found[1]
                );
                checked += 1;
            }
        }
        assert!(checked > 50, "the templates ask for messages: {checked}");
    }

    #[test]
    fn the_files_load_and_fall_back_to_english() {
        let texts = Texts::load(&root().join("locales")).unwrap();
        assert_eq!(texts.text("nl", "nav-cases"), "Zaken");
        assert_eq!(texts.text("xx", "nav-cases"), "Cases");
        assert!(texts.get("de", "no-such-message", None).is_none());
    }

    #[test]
    fn dates_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(long_date(d, "en"), "2 March 2026");
        assert_eq!(long_date(d, "nl"), "2 maart 2026");
        assert_eq!(long_date(d, "fr"), "2 mars 2026");
        assert_eq!(long_date(d, "de"), "2. März 2026");
        assert_eq!(supported("nl-BE"), Some("nl"));
        assert_eq!(supported("es"), None);
    }
}
