//! Mail texts are Handlebars templates in `templates/mail/<language>/<kind>.txt.hbs`. The first
//! line is `Subject: …`, then a blank line, then the plain-text body. A language without its
//! own text of a kind falls back to English. Plain text is not HTML: nothing is escaped.
use super::MailError;
use rocket_dyn_templates::handlebars::{Handlebars, no_escape};
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
        if dir.is_dir() {
            for lang in std::fs::read_dir(dir)? {
                let lang = lang?.path();
                let Some(code) = lang.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                if !lang.is_dir() {
                    continue;
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
        Ok(Self { registry })
    }

    pub fn render(&self, kind: &str, language: &str, data: &Value) -> Result<Rendered, MailError> {
        let own = format!("{language}/{kind}");
        let name = if self.registry.has_template(&own) {
            own
        } else {
            format!("{FALLBACK_LANGUAGE}/{kind}")
        };
        let text = self
            .registry
            .render(&name, data)
            .map_err(|e| MailError::Template(format!("{name}: {e}")))?;
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
