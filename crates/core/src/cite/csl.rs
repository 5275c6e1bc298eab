//! A CSL-JSON item (the Citation Style Language's data schema, `csl-data.json`).

use serde_json::{json, Map, Value};

use crate::model::ArticleMeta;

use super::name_parts;

pub(super) fn item(meta: &ArticleMeta, key: &str, quote: &str) -> String {
    let mut item = Map::new();
    item.insert("id".into(), json!(key));
    item.insert("type".into(), json!("article"));
    item.insert("title".into(), json!(meta.title.trim()));
    if !meta.author.trim().is_empty() {
        let (family, given) = name_parts(&meta.author);
        let name = if given.is_empty() {
            json!({ "literal": family })
        } else {
            json!({ "family": family, "given": given })
        };
        item.insert("author".into(), json!([name]));
    }
    if let Some(p) = meta.publisher.as_deref().filter(|p| !p.trim().is_empty()) {
        item.insert("container-title".into(), json!(p.trim()));
    }
    let d = &meta.date;
    let mut parts = vec![json!(d.year_value())];
    parts.extend(d.month().map(|m| json!(m)));
    parts.extend(d.day().map(|x| json!(x)));
    let mut issued = json!({ "date-parts": [parts] });
    if d.is_approx() {
        issued["circa"] = json!(true);
    }
    item.insert("issued".into(), issued);
    if let Some(u) = meta.url.as_deref().filter(|u| !u.trim().is_empty()) {
        item.insert("URL".into(), json!(u.trim()));
    }
    item.insert("note".into(), json!(format!("Quoted: “{}”", quote.trim())));
    serde_json::to_string_pretty(&Value::Array(vec![Value::Object(item)])).unwrap_or_default()
}
