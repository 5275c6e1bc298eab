//! Citing an excerpt: the article it is quoted from (its author, title,
//! publication, date and address, as `dataset.json` gives them) and the
//! sentence itself, verbatim, in three forms: a plain reference to paste in
//! a text, a BibTeX entry and CSL-JSON (what Zotero, Pandoc and most
//! reference managers read). What the story does not know (a publication or
//! an address) is left out, never invented.
//!
//! The BibTeX is written here rather than by the `biblatex` crate, whose
//! writer escapes `\`, `~` and `^` as `\\`, `\~` and `\^`: a line break and
//! two accents in LaTeX. The tests read every entry back with that crate's
//! parser and find the same fields.

use serde::Serialize;
use ts_rs::TS;

use crate::date::{Date, Precision};
use crate::model::ArticleMeta;

mod bibtex;
mod csl;
#[cfg(test)]
mod tests;

pub use bibtex::tex_escape;

/// An excerpt's citation in every form the UI offers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Citation {
    /// The excerpt cited.
    pub excerpt: String,
    /// The entry's key in BibTeX and id in CSL-JSON, also the stem of a saved file's name.
    pub key: String,
    /// Author, title, publication, date, address, then the sentence quoted.
    pub plain: String,
    pub bibtex: String,
    /// A CSL-JSON array of one item.
    pub csl_json: String,
}

const MONTHS: [&str; 12] = [
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
];

/// The author's name split into family and given names: the last word is
/// the family name ("Vitaly Charushin"), unless written "Family, Given".
pub(crate) fn name_parts(author: &str) -> (String, String) {
    let author = author.trim();
    if let Some((family, given)) = author.split_once(',') {
        return (family.trim().to_string(), given.trim().to_string());
    }
    match author.rsplit_once(char::is_whitespace) {
        Some((given, family)) => (family.to_string(), given.trim().to_string()),
        None => (author.to_string(), String::new()),
    }
}

/// A date in words: "2023", "January 2023", "18 January 2023", "c. 2023".
fn date_words(d: &Date) -> String {
    let month = |m: u8| MONTHS[usize::from(m.clamp(1, 12)) - 1];
    let words = match (d.precision(), d.month(), d.day()) {
        (Precision::Day, Some(m), Some(day)) => format!("{day} {} {}", month(m), d.year_value()),
        (Precision::Month, Some(m), _) => format!("{} {}", month(m), d.year_value()),
        _ => d.year_value().to_string(),
    };
    if d.is_approx() {
        format!("c. {words}")
    } else {
        words
    }
}

/// `charushin2023-s01`: the family name's letters and digits (ASCII, lower
/// case; `article` without any), the year, the excerpt's id.
fn key_of(meta: &ArticleMeta, excerpt: &str) -> String {
    let (family, _) = name_parts(&meta.author);
    let mut stem: String = family
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if stem.is_empty() {
        stem = "article".into();
    }
    let id: String = excerpt
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{stem}{}-{id}", meta.date.year_value())
}

fn plain(meta: &ArticleMeta, quote: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !meta.author.trim().is_empty() {
        parts.push(meta.author.trim().to_string());
    }
    parts.push(format!("“{}”", meta.title.trim()));
    if let Some(p) = meta.publisher.as_deref().filter(|p| !p.trim().is_empty()) {
        parts.push(p.trim().to_string());
    }
    parts.push(date_words(&meta.date));
    if let Some(u) = meta.url.as_deref().filter(|u| !u.trim().is_empty()) {
        parts.push(u.trim().to_string());
    }
    format!("{}. Quoted: “{}”", parts.join(", "), quote.trim())
}

/// The citation of the excerpt `id`, whose exact text is `quote`, in the article `meta`.
pub fn cite(meta: &ArticleMeta, id: &str, quote: &str) -> Citation {
    let key = key_of(meta, id);
    Citation {
        excerpt: id.to_string(),
        plain: plain(meta, quote),
        bibtex: bibtex::entry(meta, &key, quote),
        csl_json: csl::item(meta, &key, quote),
        key,
    }
}
