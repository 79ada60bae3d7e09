//! The template side of locales: `t(key=…, …)`, `| local_date` and `| local_number`.

use super::{Arg, Locale, Locales};
use std::sync::Arc;
use tera::{Kwargs, State, Tera, TeraResult, Value};

/// Registers `t`, `local_date` and `local_number` in `tera`; each uses the locale named by
/// the context's `locale` (a tag), or `locales`' default.
pub fn register(tera: &mut Tera, locales: Arc<Locales>) {
    let for_t = Arc::clone(&locales);
    tera.register_function("t", move |kwargs: Kwargs, state: &State| -> TeraResult<Value> {
        let locale = current(&for_t, state)?;
        let key: String = kwargs.must_get("key")?;
        // HTML templates escape the message; text outputs (the exported Markdown) do not.
        let escape: &dyn Fn(&str) -> String = if state.autoescaping_enabled() { &escape } else { &|s| s.to_string() };
        // `default`: what a key the locale lacks shows (an enumeration's value as written).
        if !locale.has(&key) {
            if let Some(default) = kwargs.get::<Value>("default").ok().flatten() {
                return Ok(match default.as_str() {
                    Some(text) if !default.is_safe() => Value::safe_string(&escape(text)),
                    _ => default,
                });
            }
        }
        let html = locale
            .write(&key, |name| kwargs.get::<Value>(name).ok().flatten().and_then(|v| arg(&v)), escape)
            .map_err(|e| tera::Error::message(e.to_string()))?;
        Ok(Value::safe_string(&html))
    });
    let for_date = Arc::clone(&locales);
    tera.register_filter("local_date", move |value: Value, _: Kwargs, state: &State| -> TeraResult<Value> {
        let locale = current(&for_date, state)?;
        Ok(match value.as_str() {
            Some(text) => Value::from(locale.date(text)),
            None => value,
        })
    });
    tera.register_filter("local_number", move |value: Value, _: Kwargs, state: &State| -> TeraResult<Value> {
        let locale = current(&locales, state)?;
        Ok(match value.as_i64() {
            Some(n) => Value::from(locale.number(n)),
            None => value,
        })
    });
}

fn current<'a>(locales: &'a Locales, state: &State) -> TeraResult<&'a Arc<Locale>> {
    let tag: Option<String> = state.get("locale").ok().flatten();
    locales
        .get(tag.as_deref())
        .ok_or_else(|| tera::Error::message(format!("no locale `{}` in this render", tag.unwrap_or_default())))
}

fn arg(value: &Value) -> Option<Arg> {
    if value.is_none() || value.is_undefined() {
        return None;
    }
    if let Some(n) = value.as_i64() {
        return Some(Arg::Number(n));
    }
    if value.is_safe() {
        return value.as_str().map(|s| Arg::Safe(s.to_string()));
    }
    Some(Arg::Text(value.as_str().map_or_else(|| value.to_string(), str::to_string)))
}

/// HTML-escapes text exactly as Tera's autoescape does, so a translated page differs from
/// a hand-written one only in its words.
fn escape(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(text, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
