//! The link's text: %-escapes both ways, and the canonical writer.

use super::ViewLink;
use crate::date::Date;

/// `%XX` for every byte but the unreserved ones (RFC 3986: letters, digits,
/// `-`, `.`, `_`, `~`), so a value never breaks the query around it.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `%XX` escapes decoded and `+` read as a space (as browsers write forms);
/// `None` for a broken escape or bytes that are not UTF-8.
pub fn decode_component(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A number as its shortest text that reads back to the same number.
fn num(x: f64) -> String {
    format!("{x}")
}

pub(super) fn write(v: &ViewLink) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut put = |key: &str, value: String| parts.push(format!("{key}={value}"));
    let date = |d| Date::from_daynum(d).to_string();
    if let Some(d) = v.at {
        put("at", date(d));
    }
    if let Some(r) = &v.region {
        put("region", encode_component(r));
    }
    if let Some([a, b]) = v.window {
        put("from", date(a));
        put("to", date(b));
    }
    if let Some(z) = v.zoom {
        put("zoom", num(z));
    }
    if let Some([lon, lat]) = v.center {
        put("center", format!("{},{}", num(lon), num(lat)));
    }
    if let Some(kinds) = &v.kinds {
        let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        put("kinds", names.join(","));
    }
    if let Some(a) = &v.actor {
        put("actor", encode_component(a));
    }
    if let Some(o) = &v.org {
        put("org", encode_component(o));
    }
    if let Some(x) = &v.excerpt {
        put("excerpt", encode_component(x));
    }
    parts.join("&")
}
