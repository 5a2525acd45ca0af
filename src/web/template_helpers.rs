//! Helpers of the page templates, in the language of the page (`lang` in the page's data):
//! `{{t "id" name=value}}` a message (`{{t "status" status}}` the message `status-<value>`), `{{date value}}` a date or time, `{{money cents
//! currency}}` an amount.
use crate::i18n::{self, Args, Texts};
use crate::web::page::fluent_value;
use rocket_dyn_templates::handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};
use serde_json::Value;
use std::borrow::Cow;
use std::sync::Arc;

pub fn register(handlebars: &mut Handlebars<'static>, texts: Arc<Texts>) {
    handlebars.register_helper("t", Box::new(Text(texts)));
    handlebars.register_helper("date", Box::new(DateHelper));
    handlebars.register_helper("money", Box::new(MoneyHelper));
}

fn lang_of(ctx: &Context) -> &str {
    ctx.data()
        .get("lang")
        .and_then(Value::as_str)
        .unwrap_or(i18n::DEFAULT_LANGUAGE)
}

struct Text(Arc<Texts>);

impl HelperDef for Text {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let first = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        // `{{t "status" status}}`: a message per value of a field, here `status-invited`.
        let id = match h.param(1).map(|p| p.value()) {
            Some(Value::String(key)) => format!("{first}-{key}"),
            Some(Value::Bool(key)) => format!("{first}-{key}"),
            Some(Value::Number(key)) => format!("{first}-{key}"),
            _ => first.to_string(),
        };
        let id = id.as_str();
        let args: Args = h
            .hash()
            .iter()
            .map(|(k, v)| (Cow::Owned(k.to_string()), fluent_value(v.value())))
            .collect();
        // A missing message is an error, so a page that asks for one fails its tests.
        let text = self
            .0
            .get(lang_of(ctx), id, Some(&args))
            .ok_or_else(|| RenderErrorReason::Other(format!("no message {id:?}")))?;
        Ok(ScopedJson::Derived(Value::String(text)))
    }
}

struct DateHelper;

impl HelperDef for DateHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let value = h.param(0).map(|p| p.value().clone()).unwrap_or(Value::Null);
        let lang = lang_of(ctx);
        let text = match value.as_str() {
            Some(s) => {
                if let Ok(at) = chrono::DateTime::parse_from_rfc3339(s) {
                    i18n::long_date_time(at.with_timezone(&chrono::Utc), lang)
                } else if let Ok(day) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                    i18n::long_date(day, lang)
                } else {
                    s.to_string()
                }
            }
            None => String::new(),
        };
        Ok(ScopedJson::Derived(Value::String(text)))
    }
}

struct MoneyHelper;

impl HelperDef for MoneyHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let cents = h
            .param(0)
            .and_then(|p| p.value().as_i64())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("money", 0))?;
        let currency = h.param(1).and_then(|p| p.value().as_str()).unwrap_or("EUR");
        let text = crate::domain::money::format_amount_in(cents, currency, lang_of(ctx));
        Ok(ScopedJson::Derived(Value::String(text)))
    }
}
