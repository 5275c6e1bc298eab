//! Search over event titles, excerpt text and place names, in English and
//! in Russian (regions' Russian names of every date, events' Russian titles
//! and descriptions).
//!
//! Text is folded before indexing and querying: Unicode NFD, combining marks
//! dropped, lowercased, split on anything that is not a letter or digit. So
//! "Rahmon" finds "Rahmon", "Chișinău" is found by "chisinau", "ёлкино" and
//! "ЕЛКИНО" fold alike (ё is е with a diaeresis), and each query
//! word matches as a *prefix* ("kaz" finds "Kazakhstan"). Every query word
//! must match somewhere in a document; the score sums, per query word, the
//! weight of the best field it hit (a name or title counts more than body
//! text, and a whole-word hit more than a prefix). Ties go to regions, then
//! events, then excerpts, then by title.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::dataset::Dataset;
use crate::model::IdOrder;
use crate::table::EventFields;

/// What a search hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Region,
    Event,
    Excerpt,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct SearchHit {
    pub kind: HitKind,
    pub id: String,
    /// What to show: the region's name, the event's title or the excerpt's text.
    pub title: String,
    /// An event's title (and description) in other languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<crate::model::Translations<crate::model::EventText>>,
    /// Day number to move the slider to, for events and dated excerpts.
    pub day: Option<i32>,
    /// Region to select, for regions and events/excerpts tied to one.
    pub region: Option<String>,
    pub score: f64,
}

/// A searchable record, by reference into the dataset (no copies of its text).
#[derive(Clone, Copy)]
struct Doc {
    kind: HitKind,
    /// Position in the dataset's regions, events or excerpts.
    index: u32,
    day: Option<i32>,
    /// Position of the region to select, if any.
    region: Option<u32>,
}

/// Inverted index: folded term → (doc, weight).
pub struct SearchIndex {
    docs: Vec<Doc>,
    terms: BTreeMap<String, Vec<(u32, f32)>>,
}

/// Fold text for matching: NFD, drop combining marks, lowercase.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Folded words of a text.
pub fn words(s: &str) -> Vec<String> {
    // Most titles and notes are ASCII: lowercasing them is all folding does,
    // at a tenth of the cost of decomposing them.
    if s.is_ascii() {
        return s
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
    }
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl SearchIndex {
    /// `region_pos`: each region's position in `ds.regions`, by id (the API's own table).
    pub fn new(ds: &Dataset, region_pos: &HashMap<String, usize>, by_id: &IdOrder) -> Self {
        let mut idx = SearchIndex {
            docs: Vec::new(),
            terms: BTreeMap::new(),
        };
        let pos = |id: &str| region_pos.get(id).map(|&i| i as u32);
        for (i, r) in ds.regions.iter().enumerate() {
            let d = idx.add_doc(Doc {
                kind: HitKind::Region,
                index: i as u32,
                day: None,
                region: Some(i as u32),
            });
            idx.add_text(d, &r.name_en, 3.0);
            idx.add_text(d, &r.name_ru, 3.0);
            // Names of other dates find the region too ("Kazakh SSR", "ГДР").
            let mut past: Vec<&str> = r
                .versions
                .iter()
                .flat_map(|v| [v.name_en.as_str(), v.name_ru.as_str()])
                .filter(|n| *n != r.name_en && *n != r.name_ru)
                .collect();
            past.sort_unstable();
            past.dedup();
            for n in past {
                idx.add_text(d, n, 2.5);
            }
            for alias in ds.gazetteer.names.get(&r.id).into_iter().flatten() {
                idx.add_text(d, alias, 2.0);
            }
        }
        for (i, e) in ds.events.rows().enumerate() {
            let region = e.regions().first().and_then(|r| pos(r));
            let d = idx.add_doc(Doc {
                kind: HitKind::Event,
                index: i as u32,
                day: Some(e.lo()),
                region,
            });
            idx.add_text(d, e.title(), 2.0);
            idx.add_text(d, e.description(), 1.0);
            for t in e.i18n().into_iter().flat_map(|t| t.values()) {
                idx.add_text(d, &t.title, 2.0);
                idx.add_text(d, &t.description, 1.0);
            }
            for p in e.places() {
                idx.add_text(d, p, 1.5);
            }
        }
        let event_day = |id: &str| by_id.find(&ds.events, id).map(|i| ds.events.lo()[i]);
        for (i, x) in ds.excerpts.iter().enumerate() {
            let day = x.events.iter().filter_map(|e| event_day(e)).min();
            // The region the sentence is most about, ranked at load.
            let region = x
                .links
                .iter()
                .min_by_key(|l| l.rank())
                .and_then(|l| pos(&l.region));
            let d = idx.add_doc(Doc {
                kind: HitKind::Excerpt,
                index: i as u32,
                day,
                region,
            });
            idx.add_text(d, &x.text, 1.0);
        }
        for postings in idx.terms.values_mut() {
            postings.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            postings.dedup_by_key(|p| p.0);
            postings.shrink_to_fit();
        }
        idx
    }

    fn add_doc(&mut self, d: Doc) -> u32 {
        self.docs.push(d);
        (self.docs.len() - 1) as u32
    }

    fn add_text(&mut self, doc: u32, text: &str, weight: f32) {
        for w in words(text) {
            self.terms.entry(w).or_default().push((doc, weight));
        }
    }

    fn id_and_title<'a>(ds: &'a Dataset, d: &Doc) -> (&'a str, &'a str) {
        let i = d.index as usize;
        match d.kind {
            HitKind::Region => (&ds.regions[i].id, &ds.regions[i].name_en),
            HitKind::Event => (ds.events.id(i), ds.events.title(i)),
            HitKind::Excerpt => (&ds.excerpts[i].id, &ds.excerpts[i].text),
        }
    }

    /// The best `limit` documents matching every word of `query` as a prefix.
    pub fn search(&self, ds: &Dataset, query: &str, limit: usize) -> Vec<SearchHit> {
        let q = words(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut scores: HashMap<u32, f64> = HashMap::new();
        for (n, qw) in q.iter().enumerate() {
            let mut best: HashMap<u32, f64> = HashMap::new();
            for (term, postings) in self.terms.range(qw.clone()..) {
                if !term.starts_with(qw.as_str()) {
                    break;
                }
                let exact = if term == qw { 1.0 } else { 0.6 };
                for &(doc, w) in postings {
                    let s = w as f64 * exact;
                    let e = best.entry(doc).or_insert(0.0);
                    if s > *e {
                        *e = s;
                    }
                }
            }
            if n == 0 {
                scores = best;
            } else {
                scores.retain(|doc, s| match best.get(doc) {
                    Some(b) => {
                        *s += b;
                        true
                    }
                    None => false,
                });
            }
            if scores.is_empty() {
                break;
            }
        }
        let mut hits: Vec<(u32, f64)> = scores.into_iter().collect();
        hits.sort_by(|a, b| {
            let (da, db) = (&self.docs[a.0 as usize], &self.docs[b.0 as usize]);
            b.1.total_cmp(&a.1)
                .then(da.kind.cmp(&db.kind))
                .then_with(|| {
                    Self::id_and_title(ds, da)
                        .1
                        .cmp(Self::id_and_title(ds, db).1)
                })
                // Same score and title (generated or repeated events): in
                // story order, not in the hash map's, which differs per run.
                .then(a.0.cmp(&b.0))
        });
        hits.truncate(limit);
        hits.into_iter()
            .map(|(i, score)| {
                let d = &self.docs[i as usize];
                let (id, title) = Self::id_and_title(ds, d);
                let i18n = match d.kind {
                    HitKind::Event => ds.events.row(d.index as usize).i18n().cloned(),
                    _ => None,
                };
                SearchHit {
                    kind: d.kind,
                    id: id.to_string(),
                    title: title.to_string(),
                    i18n,
                    day: d.day,
                    region: d.region.map(|r| ds.regions[r as usize].id.clone()),
                    score,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// ASCII text takes a shortcut; it must fold to the same words.
        #[test]
        fn ascii_words_are_the_words_of_the_full_folding(s in "[ -~]{0,40}") {
            let slow: Vec<String> = fold(&s)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            proptest::prop_assert_eq!(words(&s), slow);
        }
    }

    #[test]
    fn folding_drops_case_and_diacritics() {
        assert_eq!(fold("Chișinău"), "chisinau");
        assert_eq!(
            words("Xankəndi / Stepanakert!"),
            ["xankəndi", "stepanakert"]
        );
        assert_eq!(fold("ÉCHELON"), "echelon");
    }
}
