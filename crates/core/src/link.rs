//! Linking the article's text to map regions through a gazetteer.
//!
//! The gazetteer lists, for each region, the names a text may call it by:
//! its own names and the article's spellings ("Kyrgystan"), demonyms
//! ("Tajik"), capitals and metonyms ("the Kremlin"), historical names
//! ("Czechoslovakia"). Groups ("Central Asian republics", "the Stans") expand
//! to their members. A name matches only as a whole word (the characters
//! around it are not letters or digits), case-sensitively, because "Armenian"
//! should link to Armenia but "turf" must not link to Turkey.
//!
//! The matcher only *proposes* links. Curated additions and removals in
//! `excerpts.json` sit on top of it, and `faultlines links` prints every
//! paragraph's links so a reader can audit them.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{GazetteerSpec, Region};

/// A place name found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Mention {
    /// Character offsets (Unicode scalar values) within the text searched.
    pub start: usize,
    pub end: usize,
    /// The name as written.
    pub name: String,
    /// Regions it stands for (several for a group).
    pub regions: Vec<String>,
    /// Set when the name is a group's ("Central Asian republics"): the
    /// text reaches its members through the group rather than naming them.
    pub group: bool,
}

/// A compiled gazetteer: every name with the regions it stands for, longest first.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    name: Vec<char>,
    regions: Vec<String>,
    group: bool,
}

impl Gazetteer {
    /// The gazetteer of `spec` plus every name each of `regions` has had
    /// ("Slovakia", "Yerevan", "Kazakh SSR"): no region the text names is
    /// left without its sentences because nobody listed the obvious.
    pub fn new(spec: &GazetteerSpec, regions: &[Region]) -> Self {
        // One entry per name: a name listed for several regions ("Yerevan"
        // for Armenia and for the city) links every one of them, not only
        // the first that lists it.
        let mut by_name: BTreeMap<Vec<char>, (BTreeSet<String>, bool)> = BTreeMap::new();
        // Russian names too, so a Russian text (an imported story's) finds
        // its places; in English text they never match.
        let own = regions.iter().flat_map(|r| {
            [&r.name_en, &r.name_ru]
                .into_iter()
                .chain(r.versions.iter().flat_map(|v| [&v.name_en, &v.name_ru]))
                .filter(|n| !n.trim().is_empty())
                .map(move |n| (&r.id, n))
        });
        let listed = spec
            .names
            .iter()
            .flat_map(|(region, names)| names.iter().map(move |n| (region, n)));
        for (region, n) in listed.chain(own) {
            by_name
                .entry(n.chars().collect())
                .or_default()
                .0
                .insert(region.clone());
        }
        for (group, members) in &spec.groups {
            let e = by_name.entry(group.chars().collect()).or_insert_with(|| {
                // A group's members are reached through it, unless the same
                // words also name a region directly.
                (BTreeSet::new(), true)
            });
            e.0.extend(members.iter().cloned());
        }
        let mut entries: Vec<Entry> = by_name
            .into_iter()
            .map(|(name, (regions, group))| Entry {
                name,
                regions: regions.into_iter().collect(),
                group,
            })
            .collect();
        // Longest first, so "South Ossetia" wins over "Ossetia" at the same place.
        entries.sort_by(|a, b| {
            b.name
                .len()
                .cmp(&a.name.len())
                .then_with(|| a.name.cmp(&b.name))
        });
        Gazetteer { entries }
    }

    /// Every non-overlapping mention in `text`, in text order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let chars: Vec<char> = text.chars().collect();
        let mut taken = vec![false; chars.len()];
        let mut found = Vec::new();
        for Entry {
            name,
            regions,
            group,
        } in &self.entries
        {
            let n = name.len();
            if n == 0 || n > chars.len() {
                continue;
            }
            let mut i = 0;
            while i + n <= chars.len() {
                if chars[i..i + n] == name[..]
                    && (i == 0 || !chars[i - 1].is_alphanumeric())
                    && (i + n == chars.len() || !chars[i + n].is_alphanumeric())
                    && !taken[i..i + n].iter().any(|t| *t)
                {
                    taken[i..i + n].iter_mut().for_each(|t| *t = true);
                    found.push(Mention {
                        start: i,
                        end: i + n,
                        name: name.iter().collect(),
                        regions: regions.clone(),
                        group: *group,
                    });
                    i += n;
                } else {
                    i += 1;
                }
            }
        }
        found.sort_by_key(|m| m.start);
        found
    }

    /// The set of regions a text mentions.
    pub fn regions(&self, text: &str) -> BTreeSet<String> {
        self.mentions(text)
            .into_iter()
            .flat_map(|m| m.regions)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        let mut spec = GazetteerSpec::default();
        spec.names.insert(
            "ARM".into(),
            vec!["Armenia".into(), "Armenian".into(), "Yerevan".into()],
        );
        spec.names
            .insert("KGZ".into(), vec!["Kyrgyzstan".into(), "Kyrgystan".into()]);
        spec.names.insert("TUR".into(), vec!["Turkey".into()]);
        spec.groups.insert(
            "Central Asian republics".into(),
            vec!["KGZ".into(), "TJK".into()],
        );
        Gazetteer::new(&spec, &[])
    }

    #[test]
    fn whole_words_only_and_article_spellings() {
        let g = gaz();
        let m = g.mentions("Armenian troops; Kyrgystan drags; Armenias; turf");
        let names: Vec<_> = m.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Armenian", "Kyrgystan"]);
        assert_eq!(m[1].start, 17);
    }

    #[test]
    fn groups_expand_and_longest_wins() {
        let g = gaz();
        let r = g.regions("not to treat the Central Asian republics as vassals");
        assert_eq!(r.into_iter().collect::<Vec<_>>(), ["KGZ", "TJK"]);
    }

    #[test]
    fn a_name_listed_for_two_regions_links_both() {
        let mut spec = GazetteerSpec::default();
        spec.names.insert("ARM".into(), vec!["Yerevan".into()]);
        spec.names.insert("yerevan".into(), vec!["Yerevan".into()]);
        spec.names
            .insert("CSK".into(), vec!["Czechoslovakia".into()]);
        spec.names
            .insert("SVK".into(), vec!["Czechoslovakia".into()]);
        let g = Gazetteer::new(&spec, &[]);
        let r: Vec<_> = g
            .regions("Yerevan and Czechoslovakia")
            .into_iter()
            .collect();
        assert_eq!(r, ["ARM", "CSK", "SVK", "yerevan"]);
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let g = gaz();
        let m = g.mentions("“Yerevan” summit");
        assert_eq!((m[0].start, m[0].end), (1, 8));
    }
}
