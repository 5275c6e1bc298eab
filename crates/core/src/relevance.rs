//! Why a sentence is linked to a region, and how much it is about it.
//!
//! A reader who clicks Kazakhstan wants the sentences about Kazakhstan
//! first, not a general sentence about Yeltsin's treaty that reaches it
//! through "the former USSR republics". So every link carries its reason,
//! and the reasons rank: a sentence that *names* the region (its name, a
//! city, a leader, a demonym) comes before one the editors linked by hand,
//! which comes before one that reaches it through a historical state it was
//! part of or succeeded ("Czechoslovakia" for Slovakia), which comes before
//! one that reaches it only through a group ("CSTO countries"). Within a
//! rank, more mentions come first, then article order.
//!
//! Historical states reach their heirs without a hand-kept table: a region
//! is an heir of a state that ended if one of its versions was part of it
//! (its sovereign, as the Kazakh SSR's is the Soviet Union) or if one of its
//! versions began the day the state ended, on the state's ground (the Czech
//! Republic and Slovakia on 1 January 1993).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::link::Gazetteer;
use crate::model::{Region, RegionKind, OPEN_END};

/// How a sentence reaches a region, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LinkReason {
    /// The sentence names it (or its capital, leader, demonym).
    Names,
    /// An editor linked it by hand (`add_regions` in `excerpts.json`).
    Curated,
    /// It names a historical state the region was part of or succeeded.
    Through,
    /// It names a group the region belongs to.
    Group,
}

/// One region an excerpt links to, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExcerptLink {
    pub region: String,
    pub reason: LinkReason,
    /// The words of the sentence that reach it, as written, in text order
    /// ("Tajik", "Dushanbe"); the group's or the state's name for the
    /// weaker reasons; empty for a curated link.
    pub names: Vec<String>,
    /// The historical state it is reached through (`through` only).
    pub via: Option<String>,
    /// How many times the sentence reaches it this way.
    pub mentions: u32,
}

impl ExcerptLink {
    /// The sort key of an excerpt in a region's list: lower is more relevant.
    pub fn rank(&self) -> (LinkReason, std::cmp::Reverse<u32>) {
        (self.reason, std::cmp::Reverse(self.mentions))
    }
}

/// Historical state id → the regions that were part of it or succeeded it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heirs(BTreeMap<String, BTreeSet<String>>);

impl Heirs {
    pub fn new(regions: &[Region]) -> Heirs {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let parts = crate::model::parts_by_sovereign(regions);
        let ended: Vec<&Region> = regions
            .iter()
            .filter(|r| {
                matches!(r.kind, RegionKind::Country | RegionKind::Union)
                    && r.versions.last().is_some_and(|v| v.hi != OPEN_END)
            })
            .collect();
        for state in ended {
            let last = state.versions.last().expect("filtered on a last version");
            let part_of: &[&Region] = parts.get(state.id.as_str()).map_or(&[], Vec::as_slice);
            for r in regions.iter().filter(|r| r.id != state.id) {
                let part = part_of.iter().any(|p| p.id == r.id);
                let successor = matches!(r.kind, RegionKind::Country | RegionKind::Union)
                    && r.versions
                        .iter()
                        .any(|v| (v.lo - last.hi).abs() <= 1 && contains(&last.bbox, v.anchor));
                if part || successor {
                    out.entry(state.id.clone())
                        .or_default()
                        .insert(r.id.clone());
                }
            }
        }
        Heirs(out)
    }

    /// The heirs of `state` (empty when it has none).
    pub fn of(&self, state: &str) -> impl Iterator<Item = &str> {
        self.0.get(state).into_iter().flatten().map(String::as_str)
    }
}

fn contains(b: &[f64; 4], p: [f64; 2]) -> bool {
    b[0] <= p[0] && p[0] <= b[2] && b[1] <= p[1] && p[1] <= b[3]
}

/// Every region `text` links to with its strongest reason, after the
/// editors' additions and removals, in region-id order.
pub fn links(
    gaz: &Gazetteer,
    heirs: &Heirs,
    text: &str,
    add: &[String],
    remove: &[String],
) -> Vec<ExcerptLink> {
    let mut found: BTreeMap<String, ExcerptLink> = BTreeMap::new();
    let mut offer = |region: &str, reason: LinkReason, name: &str, via: Option<&str>| {
        let fresh = || ExcerptLink {
            region: region.to_string(),
            reason,
            names: vec![],
            via: via.map(str::to_string),
            mentions: 0,
        };
        let l = found.entry(region.to_string()).or_insert_with(fresh);
        // A stronger reason replaces a weaker one; the same reason counts.
        if reason < l.reason {
            *l = fresh();
        }
        if reason == l.reason {
            l.mentions += 1;
            if !name.is_empty() && !l.names.iter().any(|n| n == name) {
                l.names.push(name.to_string());
            }
        }
    };
    for m in gaz.mentions(text) {
        let reason = if m.group {
            LinkReason::Group
        } else {
            LinkReason::Names
        };
        for r in &m.regions {
            offer(r, reason, &m.name, None);
            if reason == LinkReason::Names {
                for heir in heirs.of(r) {
                    offer(heir, LinkReason::Through, &m.name, Some(r));
                }
            }
        }
    }
    for r in add {
        offer(r, LinkReason::Curated, "", None);
    }
    for r in remove {
        found.remove(r);
    }
    found.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{GazetteerSpec, RegionVersion};

    fn region(
        id: &str,
        kind: RegionKind,
        versions: &[(i32, i32, Option<&str>, [f64; 2])],
    ) -> Region {
        Region {
            id: id.into(),
            kind,
            name_en: id.into(),
            name_ru: id.into(),
            country: None,
            layer: "countries".into(),
            anchor: [0.0, 0.0],
            bbox: [-10.0, -10.0, 10.0, 10.0],
            versions: versions
                .iter()
                .map(|&(lo, hi, sovereign, anchor)| RegionVersion {
                    feature: id.into(),
                    layer: "countries".into(),
                    valid_from: None,
                    valid_to: None,
                    lo,
                    hi,
                    name_en: id.into(),
                    name_ru: id.into(),
                    sovereign: sovereign.map(str::to_string),
                    controller: None,
                    approximate: false,
                    anchor,
                    bbox: [-10.0, -10.0, 10.0, 10.0],
                    sources: vec![],
                    note: None,
                    change: None,
                    note_ru: None,
                    change_ru: None,
                })
                .collect(),
        }
    }

    fn world() -> Vec<Region> {
        use RegionKind::*;
        vec![
            region("CSK", Country, &[(-100, 1000, None, [0.0, 0.0])]),
            region("SVK", Country, &[(1000, OPEN_END, None, [1.0, 1.0])]),
            // Begins the same day, but far away: not an heir.
            region("FAR", Country, &[(1000, OPEN_END, None, [50.0, 50.0])]),
            region("SUN", Union, &[(-500, 900, None, [0.0, 0.0])]),
            region(
                "KAZ",
                Country,
                &[
                    (-500, 890, Some("SUN"), [2.0, 2.0]),
                    (890, OPEN_END, None, [2.0, 2.0]),
                ],
            ),
            region("TUR", Country, &[(-500, OPEN_END, None, [3.0, 3.0])]),
        ]
    }

    #[test]
    fn a_state_that_ended_reaches_its_parts_and_successors_only() {
        let h = Heirs::new(&world());
        assert_eq!(h.of("CSK").collect::<Vec<_>>(), ["SVK"]);
        assert_eq!(h.of("SUN").collect::<Vec<_>>(), ["KAZ"]);
        assert_eq!(
            h.of("TUR").count(),
            0,
            "a state still in force has no heirs"
        );
    }

    #[test]
    fn naming_beats_every_weaker_reason_and_counts_its_words() {
        let mut spec = GazetteerSpec::default();
        spec.names
            .insert("KAZ".into(), vec!["Kazakhstan".into(), "Tokayev".into()]);
        spec.names.insert("SUN".into(), vec!["USSR".into()]);
        spec.names
            .insert("CSK".into(), vec!["Czechoslovakia".into()]);
        spec.groups
            .insert("Central Asia".into(), vec!["KAZ".into()]);
        let g = Gazetteer::new(&spec, &[]);
        let h = Heirs::new(&world());
        let l = links(
            &g,
            &h,
            "Central Asia, the USSR, Kazakhstan and Tokayev; Czechoslovakia",
            &["TUR".into()],
            &[],
        );
        let by: BTreeMap<_, _> = l.iter().map(|l| (l.region.as_str(), l)).collect();
        assert_eq!(by["KAZ"].reason, LinkReason::Names);
        assert_eq!(by["KAZ"].names, ["Kazakhstan", "Tokayev"]);
        assert_eq!(by["KAZ"].mentions, 2);
        assert_eq!(by["SVK"].reason, LinkReason::Through);
        assert_eq!(by["SVK"].via.as_deref(), Some("CSK"));
        assert_eq!(by["TUR"].reason, LinkReason::Curated);
        let group_only = links(&g, &h, "all of Central Asia", &[], &[]);
        assert_eq!(group_only[0].reason, LinkReason::Group);
        assert_eq!(group_only[0].names, ["Central Asia"]);
    }

    #[test]
    fn an_editors_removal_wins_over_every_reason() {
        let mut spec = GazetteerSpec::default();
        spec.names.insert("TUR".into(), vec!["Turkey".into()]);
        let g = Gazetteer::new(&spec, &[]);
        assert!(links(&g, &Heirs::default(), "Turkey", &[], &["TUR".into()]).is_empty());
    }
}
