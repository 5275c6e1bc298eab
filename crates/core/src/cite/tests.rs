//! Citations: read back by a BibTeX parser (the `biblatex` crate) and held to
//! the CSL-JSON schema's rules for the fields they use.

use biblatex::{Bibliography, ChunksExt};
use proptest::prelude::*;
use serde_json::Value;

use super::*;

fn meta(publisher: Option<&str>, url: Option<&str>, date: &str) -> ArticleMeta {
    ArticleMeta {
        title: "Putin’s USSR 2.0 project to be undermined by his satellites".into(),
        author: "Vitaly Charushin".into(),
        date: date.parse().unwrap(),
        publisher: publisher.map(String::from),
        url: url.map(String::from),
        linking_note: String::new(),
    }
}

/// The one entry of `bib`, read by the `biblatex` crate, as field → text.
fn read_bibtex(bib: &str) -> (String, std::collections::BTreeMap<String, String>) {
    let parsed = Bibliography::parse(bib).unwrap_or_else(|e| panic!("{e:?} in\n{bib}"));
    assert_eq!(parsed.len(), 1, "{bib}");
    let entry = parsed.iter().next().unwrap();
    let fields = entry
        .fields
        .iter()
        .map(|(k, v)| (k.clone(), v.format_verbatim()))
        .collect();
    (entry.key.clone(), fields)
}

const SENTENCE: &str = "While NATO guarantees … “freedom” & 100% {security}, since 1949 — $5 #1 under_score; Ukraine’s \"victory\".";

#[test]
fn the_shipped_article_is_cited_with_its_author_title_date_and_the_sentence() {
    let c = cite(&meta(None, None, "2023-01"), "s07", SENTENCE);
    assert_eq!(c.key, "charushin2023-s07");
    assert_eq!(
        c.plain,
        format!("Vitaly Charushin, “Putin’s USSR 2.0 project to be undermined by his satellites”, January 2023. Quoted: “{SENTENCE}”")
    );
    let (key, f) = read_bibtex(&c.bibtex);
    assert_eq!(key, "charushin2023-s07");
    assert!(
        c.bibtex.starts_with("@misc{charushin2023-s07,"),
        "{}",
        c.bibtex
    );
    assert_eq!(f["author"], "Charushin, Vitaly");
    assert_eq!(
        f["title"],
        "Putin’s USSR 2.0 project to be undermined by his satellites"
    );
    assert_eq!(f["year"], "2023");
    assert!(f.contains_key("month"), "{f:?}");
    assert_eq!(f["note"], format!("Quoted: “{SENTENCE}”"), "{}", c.bibtex);
    assert!(
        !f.contains_key("url") && !f.contains_key("howpublished"),
        "nothing invented"
    );
    // The special characters are escaped for LaTeX, not only for the parser.
    for escaped in [
        "\\&",
        "100\\%",
        "\\{security\\}",
        "\\$5",
        "\\#1",
        "under\\_score",
        "{\"}victory{\"}",
    ] {
        assert!(c.bibtex.contains(escaped), "{escaped} in {}", c.bibtex);
    }
}

#[test]
fn a_publication_and_an_address_are_cited_when_the_story_has_them() {
    let c = cite(
        &meta(
            Some("Example Review"),
            Some("https://example.org/a?b=1&c=50%#x"),
            "2023-01-20",
        ),
        "s01",
        "Text.",
    );
    assert_eq!(
        c.plain,
        "Vitaly Charushin, “Putin’s USSR 2.0 project to be undermined by his satellites”, Example Review, 20 January 2023, https://example.org/a?b=1&c=50%#x. Quoted: “Text.”"
    );
    let (_, f) = read_bibtex(&c.bibtex);
    assert_eq!(f["howpublished"], "Example Review");
    assert_eq!(
        f["url"], "https://example.org/a?b=1&c=50%#x",
        "a verbatim field"
    );
    let odd = cite(
        &meta(None, Some("https://x.org/{a} b\\c"), "2023"),
        "s01",
        "T.",
    );
    assert_eq!(
        read_bibtex(&odd.bibtex).1["url"],
        "https://x.org/%7Ba%7D%20b%5Cc"
    );
    let csl: Value = serde_json::from_str(&c.csl_json).unwrap();
    assert_eq!(csl[0]["container-title"], "Example Review");
    assert_eq!(csl[0]["URL"], "https://example.org/a?b=1&c=50%#x");
    assert_eq!(
        csl[0]["issued"]["date-parts"],
        serde_json::json!([[2023, 1, 20]])
    );
}

/// The CSL-JSON schema's (`csl-data.json`) rules for the variables a
/// citation uses: each item an object with a `type` from its list and an
/// `id`; strings where it wants strings; names as name objects; dates as
/// `date-parts` of one to three numbers (plus `circa`); nothing else.
fn assert_csl_item(item: &Value) {
    let obj = item.as_object().expect("an item is an object");
    assert!(obj["id"].is_string(), "required: id");
    let types = [
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "post",
        "post-weblog",
        "webpage",
    ];
    assert!(
        types.contains(&obj["type"].as_str().unwrap()),
        "required: type from the schema's list"
    );
    for (k, v) in obj {
        match k.as_str() {
            "id" | "type" => {}
            "title" | "container-title" | "URL" | "note" | "publisher" => {
                assert!(v.is_string(), "{k}")
            }
            "author" => {
                for name in v.as_array().expect("author is an array") {
                    for (nk, nv) in name.as_object().expect("a name is an object") {
                        assert!(
                            ["family", "given", "literal"].contains(&nk.as_str()),
                            "{nk}"
                        );
                        assert!(nv.is_string(), "{nk}");
                    }
                }
            }
            "issued" => {
                for (dk, dv) in v.as_object().expect("a date is an object") {
                    match dk.as_str() {
                        "circa" => assert!(dv.is_boolean()),
                        "date-parts" => {
                            let parts = dv.as_array().unwrap();
                            assert!((1..=2).contains(&parts.len()));
                            for p in parts {
                                let p = p.as_array().unwrap();
                                assert!((1..=3).contains(&p.len()));
                                assert!(p.iter().all(Value::is_number));
                            }
                        }
                        other => panic!("{other} is not a date field"),
                    }
                }
            }
            other => panic!("{other} is not a CSL variable a citation should use"),
        }
    }
}

#[test]
fn the_csl_json_is_an_array_of_one_item_the_schema_accepts() {
    for m in [
        meta(None, None, "2023-01"),
        meta(Some("P"), Some("https://x.org"), "~2023"),
        ArticleMeta {
            author: "Plato".into(),
            ..meta(None, None, "2023")
        },
    ] {
        let c = cite(&m, "s01", SENTENCE);
        let csl: Value = serde_json::from_str(&c.csl_json).unwrap();
        let items = csl.as_array().expect("CSL-JSON is an array");
        assert_eq!(items.len(), 1);
        assert_csl_item(&items[0]);
        assert_eq!(items[0]["id"], c.key.as_str());
        assert_eq!(items[0]["note"], format!("Quoted: “{SENTENCE}”"));
    }
    let c = cite(&meta(None, None, "2023-01"), "s01", "x");
    let csl: Value = serde_json::from_str(&c.csl_json).unwrap();
    assert_eq!(
        csl[0]["author"],
        serde_json::json!([{ "family": "Charushin", "given": "Vitaly" }])
    );
    assert_eq!(
        csl[0]["issued"],
        serde_json::json!({ "date-parts": [[2023, 1]] })
    );
    let approx = cite(&meta(None, None, "~2023"), "s01", "x");
    assert!(approx.plain.contains("c. 2023"), "{}", approx.plain);
    assert_eq!(
        serde_json::from_str::<Value>(&approx.csl_json).unwrap()[0]["issued"]["circa"],
        true
    );
}

#[test]
fn a_story_without_an_author_is_cited_by_its_title() {
    let m = ArticleMeta {
        author: " ".into(),
        ..meta(None, None, "2021")
    };
    let c = cite(&m, "x 1/2", "Text.");
    assert_eq!(c.key, "article2021-x-1-2");
    assert!(c.plain.starts_with("“Putin’s"), "{}", c.plain);
    let (_, f) = read_bibtex(&c.bibtex);
    assert!(!f.contains_key("author"));
    assert!(!f.contains_key("month"));
}

proptest! {
    /// Whatever a sentence holds, the BibTeX parser reads back exactly it.
    #[test]
    fn any_sentence_reads_back_from_the_bibtex_unchanged(
        quote in "[a-zA-Zа-яё0-9 .,;:!?()\\[\\]{}%&$#_~^\\\\\"'`<>@=*+/|“”‘’—–-]{1,80}"
    ) {
        // Runs of spaces are one space to TeX; the sentence's own are single.
        let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assume!(!quote.is_empty());
        let c = cite(&meta(None, None, "2023-01"), "s01", &quote);
        let (_, f) = read_bibtex(&c.bibtex);
        prop_assert_eq!(&f["note"], &format!("Quoted: “{quote}”"), "{}", c.bibtex);
    }
}
