//! A BibTeX entry (read as well by biblatex), escaped for LaTeX.

use crate::model::ArticleMeta;

use super::name_parts;

const MONTH_MACROS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Text as LaTeX reads it back: its special characters escaped, and the
/// pairs LaTeX would join into one sign (`--`, ``` `` ```, `''`, `<<`, `>>`,
/// `?``, `!``) kept apart. Non-ASCII text stays as it is: biblatex and any
/// LaTeX of this century read UTF-8.
pub fn tex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        // Two signs LaTeX would make a ligature of are parted by an empty group.
        if let Some(p) = prev {
            if matches!(
                (p, c),
                ('-', '-')
                    | ('`', '`')
                    | ('\'', '\'')
                    | ('<', '<')
                    | ('>', '>')
                    | ('?', '`')
                    | ('!', '`')
            ) {
                out.push_str("{}");
            }
        }
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            // Kept from babel's shorthands and from closing a quoted value.
            '"' => out.push_str("{\"}"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
        prev = Some(c);
    }
    out
}

/// An address as biblatex reads its verbatim `url` field: as written, but
/// for the braces, backslashes and spaces that would end or break the
/// field, which become their %-escapes (the same address to a browser).
fn url_escape(u: &str) -> String {
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

/// `@misc{key, …}`: `@misc` is the type every BibTeX style and biblatex know.
pub(super) fn entry(meta: &ArticleMeta, key: &str, quote: &str) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !meta.author.trim().is_empty() {
        let (family, given) = name_parts(&meta.author);
        let name = if given.is_empty() {
            family
        } else {
            format!("{family}, {given}")
        };
        fields.push(("author", format!("{{{}}}", tex_escape(&name))));
    }
    // Double braces keep the title's capitals ("USSR") as written.
    fields.push((
        "title",
        format!("{{{{{}}}}}", tex_escape(meta.title.trim())),
    ));
    if let Some(p) = meta.publisher.as_deref().filter(|p| !p.trim().is_empty()) {
        fields.push(("howpublished", format!("{{{}}}", tex_escape(p.trim()))));
    }
    fields.push(("year", format!("{{{}}}", meta.date.year_value())));
    if let Some(m) = meta.date.month() {
        fields.push((
            "month",
            MONTH_MACROS[usize::from(m.clamp(1, 12)) - 1].to_string(),
        ));
    }
    if let Some(u) = meta.url.as_deref().filter(|u| !u.trim().is_empty()) {
        fields.push(("url", format!("{{{}}}", url_escape(u.trim()))));
    }
    fields.push((
        "note",
        format!("{{Quoted: “{}”}}", tex_escape(quote.trim())),
    ));
    let mut out = format!("@misc{{{key},\n");
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {value},\n"));
    }
    out.push_str("}\n");
    out
}
