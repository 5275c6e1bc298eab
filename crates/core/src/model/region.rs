//! Regions of the map and their versions through time: one shape, name and
//! sovereign per half-open interval, as the geodata build writes them.

use super::*;

/// What sort of map feature a region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    Country,
    Province,
    Disputed,
    Line,
    Place,
    /// A state drawn as the outline of its parts (the USSR, Yugoslavia).
    Union,
}

/// A clickable feature of the map (`regions.json`, written by the geodata build).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Region {
    pub id: String,
    pub kind: RegionKind,
    pub name_en: String,
    pub name_ru: String,
    /// The country it lies in (ISO alpha-3), for provinces and places.
    pub country: Option<String>,
    /// Layer holding its geometry.
    pub layer: String,
    /// Label anchor [lon, lat].
    pub anchor: LonLat,
    /// [west, south, east, north]
    pub bbox: [f64; 4],
    /// The region through time, in time order (see `docs/borders.md`). The
    /// fields above are those of the last version.
    #[serde(default)]
    pub versions: Vec<RegionVersion>,
}

impl Region {
    /// The version in force on day `t`, if any.
    pub fn version_at(&self, t: DayNum) -> Option<&RegionVersion> {
        self.version_index_at(t).map(|i| &self.versions[i])
    }

    /// The index in `versions` of the version in force on day `t`, if any.
    pub fn version_index_at(&self, t: DayNum) -> Option<usize> {
        // Versions are few and sorted; the last one starting by `t` is the
        // only candidate.
        let i = self.versions.partition_point(|v| v.lo <= t);
        i.checked_sub(1).filter(|&i| t < self.versions[i].hi)
    }

    /// Whether some version is in force on day `t`.
    pub fn in_force(&self, t: DayNum) -> bool {
        self.version_at(t).is_some()
    }

    /// First day of the first version and first day after the last one.
    pub fn span(&self) -> (DayNum, DayNum) {
        match (self.versions.first(), self.versions.last()) {
            (Some(a), Some(b)) => (a.lo, b.hi),
            _ => (FOREVER_BEFORE, OPEN_END),
        }
    }
}

/// Each code that is some version's sovereign → the regions with such a
/// version (the union republics under `SUN`), each once, in `regions` order.
pub fn parts_by_sovereign(regions: &[Region]) -> std::collections::HashMap<&str, Vec<&Region>> {
    let mut out: std::collections::HashMap<&str, Vec<&Region>> = Default::default();
    for r in regions {
        let mut codes: Vec<&str> = r
            .versions
            .iter()
            .filter_map(|v| v.sovereign.as_deref())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        for c in codes {
            out.entry(c).or_default().push(r);
        }
    }
    out
}

/// The day number used for "since before the record".
pub const FOREVER_BEFORE: DayNum = -2_932_896;

/// One shape and name of a region over a span of time: the half-open
/// interval `[valid_from, valid_to)`, as day numbers `[lo, hi)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegionVersion {
    /// The feature that draws it, in `layer`.
    pub feature: String,
    pub layer: String,
    /// First day in force; `None`: since before the record.
    pub valid_from: Option<Date>,
    /// First day no longer in force; `None`: still in force.
    pub valid_to: Option<Date>,
    /// `valid_from` as a day number ([`FOREVER_BEFORE`] when `None`).
    pub lo: DayNum,
    /// `valid_to` as a day number ([`OPEN_END`] when `None`).
    pub hi: DayNum,
    pub name_en: String,
    pub name_ru: String,
    /// The state it belongs to de jure, when not itself.
    pub sovereign: Option<String>,
    /// Who holds it de facto, where that differs from the sovereign.
    pub controller: Option<String>,
    /// The shape is an estimate (see `geodata/src/PROVENANCE.md`).
    pub approximate: bool,
    pub anchor: LonLat,
    pub bbox: [f64; 4],
    pub sources: Vec<String>,
    /// A sourced remark about this version.
    pub note: Option<String>,
    /// What happened when it came into force, for the live region.
    pub change: Option<String>,
    /// `note` in Russian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note_ru: Option<String>,
    /// `change` in Russian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub change_ru: Option<String>,
}

impl RegionVersion {
    /// The day numbers of a half-open span of imprecise dates.
    pub fn days(from: Option<Date>, to: Option<Date>) -> (DayNum, DayNum) {
        (
            from.map_or(FOREVER_BEFORE, |d| d.nominal_first()),
            to.map_or(OPEN_END, |d| d.nominal_first()),
        )
    }
}
