//! Mail texts are Handlebars templates in `templates/mail/<language>/<kind>.txt.hbs`. The first
//! line is `Subject: …`, then a blank line, then the plain-text body. A language without its
//! own text of a kind falls back to English. Plain text is not HTML: nothing is escaped.
//!
//! `notices.toml` beside them holds the headline and sentence of each step a `case_update`
//! mail tells of, keyed by notice; a mail whose data names a `notice` gets them rendered in
//! its reader's language. `{{money cents currency language}}` writes an amount the way that
//! language does.
use super::MailError;
use rocket_dyn_templates::handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason, no_escape,
};
use serde_json::Value;
use std::path::Path;

pub struct MailTemplates {
    registry: Handlebars<'static>,
}

pub struct Rendered {
    pub subject: String,
    pub body: String,
}

const FALLBACK_LANGUAGE: &str = "en";

impl MailTemplates {
    /// Loads every template under `dir`; a template that does not parse stops start-up.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(no_escape);
        registry.register_helper("money", Box::new(money));
        let mut terms = Terms::default();
        if dir.is_dir() {
            for lang in std::fs::read_dir(dir)? {
                let lang = lang?.path();
                let Some(code) = lang.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                if !lang.is_dir() {
                    continue;
                }
                let notices = lang.join("notices.toml");
                if notices.is_file() {
                    register_notices(&mut registry, code, &notices)?;
                }
                let words = lang.join("terms.toml");
                if words.is_file() {
                    terms.load(code, &words)?;
                }
                for file in std::fs::read_dir(&lang)? {
                    let file = file?.path();
                    let Some(kind) = file
                        .file_name()
                        .and_then(|n| n.to_str())
                        .and_then(|n| n.strip_suffix(".txt.hbs"))
                    else {
                        continue;
                    };
                    let text = std::fs::read_to_string(&file)?;
                    registry
                        .register_template_string(&format!("{code}/{kind}"), text)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
                }
            }
        }
        registry.register_helper("term", Box::new(terms));
        Ok(Self { registry })
    }

    /// The template `name` in `language`, or in English when that language has none.
    fn in_language(&self, language: &str, name: &str) -> String {
        let own = format!("{language}/{name}");
        if self.registry.has_template(&own) {
            own
        } else {
            format!("{FALLBACK_LANGUAGE}/{name}")
        }
    }

    fn render_named(&self, name: &str, data: &Value) -> Result<String, MailError> {
        self.registry
            .render(name, data)
            .map_err(|e| MailError::Template(format!("{name}: {e}")))
    }

    pub fn render(&self, kind: &str, language: &str, data: &Value) -> Result<Rendered, MailError> {
        let mut data = data.clone();
        if let Some(map) = data.as_object_mut() {
            map.insert("language".into(), Value::String(language.to_string()));
        }
        if let Some(key) = data["notice"].as_str().map(str::to_string) {
            for part in ["headline", "details"] {
                let name = self.in_language(language, &format!("notice/{key}/{part}"));
                let text = self.render_named(&name, &data)?;
                if let Some(map) = data.as_object_mut() {
                    map.insert(part.into(), Value::String(text));
                }
            }
        }
        let name = self.in_language(language, kind);
        let text = self.render_named(&name, &data)?;
        let (first, body) = text.split_once('\n').unwrap_or((text.as_str(), ""));
        let subject = first
            .strip_prefix("Subject:")
            .ok_or_else(|| {
                MailError::Template(format!("{name}: the first line must be 'Subject: …'"))
            })?
            .trim()
            .to_string();
        Ok(Rendered {
            subject,
            body: body.trim_start_matches('\n').to_string(),
        })
    }
}

/// The `[key] headline = …, details = …` tables of one language's `notices.toml`.
fn register_notices(
    registry: &mut Handlebars<'static>,
    language: &str,
    file: &Path,
) -> anyhow::Result<()> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Notice {
        headline: String,
        details: String,
    }
    let text = std::fs::read_to_string(file)?;
    let notices: std::collections::BTreeMap<String, Notice> =
        toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    for (key, notice) in notices {
        for (part, template) in [("headline", notice.headline), ("details", notice.details)] {
            registry
                .register_template_string(&format!("{language}/notice/{key}/{part}"), template)
                .map_err(|e| anyhow::anyhow!("{} [{key}] {part}: {e}", file.display()))?;
        }
    }
    Ok(())
}

/// The words of `terms.toml`, by language, group and key: `{{term "ground" key language}}`
/// writes one, in English where the language lacks it, or the key itself.
#[derive(Default)]
struct Terms(std::collections::HashMap<String, String>);

impl Terms {
    fn load(&mut self, language: &str, file: &Path) -> anyhow::Result<()> {
        let text = std::fs::read_to_string(file)?;
        let groups: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
            toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        for (group, words) in groups {
            for (key, word) in words {
                self.0.insert(format!("{language}/{group}/{key}"), word);
            }
        }
        Ok(())
    }
}

impl rocket_dyn_templates::handlebars::HelperDef for Terms {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let param = |i: usize| {
            h.param(i)
                .and_then(|p| p.value().as_str().map(str::to_string))
                .unwrap_or_default()
        };
        let (group, key, language) = (param(0), param(1), param(2));
        let word = self
            .0
            .get(&format!("{language}/{group}/{key}"))
            .or_else(|| self.0.get(&format!("{FALLBACK_LANGUAGE}/{group}/{key}")))
            .cloned()
            .unwrap_or_else(|| key.replace('_', " "));
        out.write(&word)?;
        Ok(())
    }
}

/// `{{money amount_cents currency language}}`: "€ 1.234,56" in Dutch, "€1,234.56" in English.
fn money(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let param = |i: usize| h.param(i).map(|p| p.value().clone());
    let cents = param(0)
        .and_then(|v| v.as_i64())
        .ok_or(RenderErrorReason::InvalidParamType(
            "money: amount in cents",
        ))?;
    let currency = param(1)
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "EUR".into());
    let language = param(2)
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| FALLBACK_LANGUAGE.into());
    out.write(&crate::domain::money::format_amount_in(
        cents, &currency, &language,
    ))?;
    Ok(())
}
