//! Region versions from `geodata/src/history.json`, at geodata build time.
//!
//! The file says, for every region whose shape, name or sovereign changed,
//! what it was between which dates, and how to draw each shape that is not
//! today's: a recipe over the source layers (admin-1 units, countries,
//! disputed areas, hand-drawn cuts documented in `PROVENANCE.md`) that
//! [`crate::shape`] evaluates with boolean operations. Keeping the recipes
//! as data, next to their sources, lets a reviewer check each border against
//! the fact sheet without reading code, and makes the build reproducible.
//!
//! Shapes that no longer exist go to the `history` layer, so the first paint
//! (today's map) stays small and the UI loads them when the slider needs them.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use geo::MultiPolygon;
use serde::Deserialize;
use serde_json::Value;

use crate::encode::LayerFeature;
use crate::{geom, shape};
use faultlines_core::date::Date;
use faultlines_core::model::{Geometry, LonLat, Region, RegionKind, RegionVersion};

#[derive(Deserialize)]
struct Spec {
    cuts: BTreeMap<String, Cut>,
    regions: Vec<RegionSpec>,
}

#[derive(Deserialize)]
struct Cut {
    polygon: Vec<LonLat>,
}

#[derive(Deserialize)]
struct RegionSpec {
    id: String,
    /// For regions that are not in today's layers.
    kind: Option<RegionKind>,
    country: Option<String>,
    versions: Vec<VersionSpec>,
}

#[derive(Deserialize)]
struct VersionSpec {
    from: Option<Date>,
    to: Option<Date>,
    en: String,
    ru: String,
    /// A recipe; without one the version is drawn by today's feature of the
    /// region, or else by the previous version's.
    shape: Option<Value>,
    #[serde(default)]
    approximate: bool,
    sovereign: Option<String>,
    controller: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    change: Option<String>,
}

/// What recipes are made of.
pub struct Inputs<'a> {
    pub src: &'a Path,
    /// Every admin-1 unit by its ISO 3166-2 code.
    pub admin1: HashMap<String, Geometry>,
    /// Today's features by region id: countries, disputed areas, lines.
    pub base: HashMap<String, Geometry>,
    /// Every Natural Earth disputed area by its `BRK_NAME`.
    pub ne_disputed: HashMap<String, Geometry>,
}

/// Parts and holes narrower than this on average are slivers between
/// sources, not territory (see [`shape::drop_slivers`]).
const SLIVER_KM: f64 = 0.5;

enum Built {
    Area(MultiPolygon<f64>),
    Lines(Geometry),
}

impl Inputs<'_> {
    fn area_of(
        &self,
        term: &Value,
        cuts: &BTreeMap<String, Cut>,
    ) -> Result<MultiPolygon<f64>, String> {
        match self.eval(term, cuts)? {
            Built::Area(a) => Ok(a),
            Built::Lines(_) => Err(format!("{term}: a line cannot take part in an area")),
        }
    }

    fn areas(
        &self,
        v: Option<&Value>,
        cuts: &BTreeMap<String, Cut>,
    ) -> Result<Vec<MultiPolygon<f64>>, String> {
        v.and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|t| self.area_of(t, cuts))
            .collect()
    }

    fn eval(&self, term: &Value, cuts: &BTreeMap<String, Cut>) -> Result<Built, String> {
        if let Some(s) = term.as_str() {
            let (kind, id) = s
                .split_once(':')
                .ok_or_else(|| format!("{s}: expected KIND:ID"))?;
            let g = match kind {
                "admin1" => self.admin1.get(id).cloned(),
                "country" | "disputed" => self.base.get(id).cloned(),
                "ne-disputed" => self.ne_disputed.get(id).cloned(),
                "cut" => cuts
                    .get(id)
                    .map(|c| Geometry::Polygon(vec![c.polygon.clone()])),
                _ => return Err(format!("{s}: unknown kind {kind:?}")),
            }
            .ok_or_else(|| format!("{s}: not in the source layers"))?;
            return shape::to_geo(&g)
                .map(Built::Area)
                .ok_or_else(|| format!("{s}: not a polygon"));
        }
        let o = term
            .as_object()
            .ok_or_else(|| format!("{term}: not a recipe"))?;
        if let Some(l) = o.get("line").and_then(Value::as_str) {
            return self.line(l).map(Built::Lines);
        }
        if let Some(parts) = o.get("outline") {
            let parts = self.areas(Some(parts), cuts)?;
            return Ok(Built::Lines(shape::outline(&shape::union_all(&parts))));
        }
        let mut a = shape::union_all(&self.areas(o.get("union"), cuts)?);
        let with = self.areas(o.get("intersect"), cuts)?;
        if !with.is_empty() {
            a = shape::intersection(&a, &shape::union_all(&with));
        }
        let without = self.areas(o.get("minus"), cuts)?;
        if !without.is_empty() {
            a = shape::difference(&a, &shape::union_all(&without));
        }
        Ok(Built::Area(shape::drop_slivers(a, SLIVER_KM)))
    }

    /// `FILE:N`: the N-th line of a source file.
    fn line(&self, spec: &str) -> Result<Geometry, String> {
        let (file, n) = spec
            .split_once(':')
            .ok_or_else(|| format!("{spec}: expected FILE:N"))?;
        let n: usize = n.parse().map_err(|_| format!("{spec}: bad index"))?;
        let v = crate::raw_layers::read_source(self.src, file)?;
        v["features"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["geometry"]["type"] == "LineString")
            .nth(n)
            .and_then(|f| serde_json::from_value(f["geometry"].clone()).ok())
            .ok_or_else(|| format!("{spec}: no such line"))
    }
}

/// The versions of the regions, and the features of the `history` layer.
pub struct Applied {
    /// New regions (not in today's layers), in the file's order.
    pub new_regions: Vec<Region>,
    /// Built shapes with the layer each goes to: the base layer of its
    /// region's kind when a version still in force uses it (so today's map
    /// needs no past shapes), else `history`.
    pub features: Vec<(String, LayerFeature)>,
    /// One line per built shape: its id and area, for the build report.
    pub report: Vec<String>,
}

/// The layer that draws today's shapes of a kind.
fn base_layer(kind: RegionKind) -> &'static str {
    match kind {
        RegionKind::Country => "countries",
        RegionKind::Province => "provinces",
        RegionKind::Disputed => "disputed",
        RegionKind::Line => "lines",
        RegionKind::Place => "places",
        RegionKind::Union => "history",
    }
}

fn feature_kind(kind: RegionKind, built: &Built) -> &'static str {
    match (built, kind) {
        (Built::Lines(_), RegionKind::Union) => "union",
        (Built::Lines(_), _) => "corridor",
        (Built::Area(_), RegionKind::Country) => "country",
        (Built::Area(_), RegionKind::Province) => "autonomy",
        (Built::Area(_), _) => "disputed",
    }
}

/// Read `history.json` under `inputs.src`, build its shapes and set the
/// versions of `regions` (today's, by id); regions it does not name get one
/// version that is always in force.
pub fn apply(inputs: &Inputs, regions: &mut [&mut Region]) -> Result<Applied, String> {
    let path = inputs.src.join("history.json");
    let spec: Spec = serde_json::from_slice(
        &std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?,
    )
    .map_err(|e| format!("history.json: {e}"))?;
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, r) in regions.iter().enumerate() {
        by_id.insert(r.id.clone(), i);
    }
    let mut out = Applied {
        new_regions: Vec::new(),
        features: Vec::new(),
        report: Vec::new(),
    };
    for rs in &spec.regions {
        let today = by_id.get(&rs.id).map(|&i| &*regions[i]);
        let kind = rs.kind.or(today.map(|r| r.kind)).ok_or_else(|| {
            format!(
                "history.json: {}: not in today's layers, so it needs a kind",
                rs.id
            )
        })?;
        let mut versions = Vec::new();
        let mut built_shapes: Vec<(&Value, String, String)> = Vec::new();
        for vs in &rs.versions {
            let ctx = |e: String| {
                format!(
                    "history.json: {} from {:?}: {e}",
                    rs.id,
                    vs.from.map(|d| d.to_string())
                )
            };
            let (feature, layer, geometry) = match &vs.shape {
                Some(recipe) => {
                    if let Some((_, f, _)) = built_shapes.iter().find(|(r, _, _)| *r == recipe) {
                        (f.clone(), "history".to_string(), None)
                    } else {
                        let built = inputs.eval(recipe, &spec.cuts).map_err(ctx)?;
                        let id = format!(
                            "{}@{}",
                            rs.id,
                            vs.from.map_or("start".to_string(), |d| d.to_string())
                        );
                        let g = match &built {
                            Built::Area(a) => {
                                out.report
                                    .push(format!("| {id} | {:.0} km² |", shape::area_km2(a)));
                                shape::from_geo(a)
                            }
                            Built::Lines(l) => l.clone(),
                        };
                        out.features.push((
                            "history".into(),
                            LayerFeature {
                                id: id.clone(),
                                kind: feature_kind(kind, &built).into(),
                                geometry: g.clone(),
                                rank: 0,
                            },
                        ));
                        built_shapes.push((recipe, id.clone(), "history".into()));
                        (id, "history".to_string(), Some(g))
                    }
                }
                None => match (today, versions.last()) {
                    (Some(r), _) => (r.id.clone(), r.layer.clone(), None),
                    (None, Some(prev)) => {
                        let prev: &RegionVersion = prev;
                        (prev.feature.clone(), prev.layer.clone(), None)
                    }
                    (None, None) => {
                        return Err(ctx("the first version of a new region needs a shape".into()))
                    }
                },
            };
            let (anchor, bbox) = match (&geometry, today, versions.last()) {
                (Some(g), _, _) => (geom::round(geom::label_point(g)), geom::bbox_of(g)),
                (None, _, Some(prev)) if prev.feature == feature => (prev.anchor, prev.bbox),
                (None, Some(r), _) if r.id == feature => (r.anchor, r.bbox),
                (None, _, _) => {
                    let f = out
                        .features
                        .iter()
                        .map(|(_, f)| f)
                        .find(|f| f.id == feature)
                        .ok_or_else(|| ctx("no shape".into()))?;
                    (
                        geom::round(geom::label_point(&f.geometry)),
                        geom::bbox_of(&f.geometry),
                    )
                }
            };
            let (lo, hi) = RegionVersion::days(vs.from, vs.to);
            versions.push(RegionVersion {
                feature,
                layer,
                valid_from: vs.from,
                valid_to: vs.to,
                lo,
                hi,
                name_en: vs.en.clone(),
                name_ru: vs.ru.clone(),
                sovereign: vs.sovereign.clone(),
                controller: vs.controller.clone(),
                approximate: vs.approximate,
                anchor,
                bbox,
                sources: vs.sources.clone(),
                note: vs.note.clone(),
                change: vs.change.clone(),
            });
        }
        // A built shape still in force today lives in the layer of its kind.
        let base = base_layer(kind);
        for (_, id, _) in &built_shapes {
            if versions
                .iter()
                .any(|v| &v.feature == id && v.valid_to.is_none())
            {
                for v in versions.iter_mut().filter(|v| &v.feature == id) {
                    v.layer = base.into();
                }
                if let Some((layer, _)) = out.features.iter_mut().find(|(_, f)| &f.id == id) {
                    *layer = base.into();
                }
            }
        }
        let last = versions
            .last()
            .ok_or_else(|| format!("history.json: {}: no versions", rs.id))?
            .clone();
        match by_id.get(&rs.id) {
            Some(&i) => {
                let r = &mut regions[i];
                r.name_en = last.name_en.clone();
                r.name_ru = last.name_ru.clone();
                r.versions = versions;
            }
            None => out.new_regions.push(Region {
                id: rs.id.clone(),
                kind,
                name_en: last.name_en.clone(),
                name_ru: last.name_ru.clone(),
                country: rs.country.clone(),
                layer: last.layer.clone(),
                anchor: last.anchor,
                bbox: last.bbox,
                versions,
            }),
        }
    }
    for r in regions.iter_mut() {
        if r.versions.is_empty() {
            r.versions.push(always(r));
        }
    }
    Ok(out)
}

/// The one version of a region that never changed.
pub fn always(r: &Region) -> RegionVersion {
    let (lo, hi) = RegionVersion::days(None, None);
    RegionVersion {
        feature: r.id.clone(),
        layer: r.layer.clone(),
        valid_from: None,
        valid_to: None,
        lo,
        hi,
        name_en: r.name_en.clone(),
        name_ru: r.name_ru.clone(),
        sovereign: None,
        controller: None,
        approximate: false,
        anchor: r.anchor,
        bbox: r.bbox,
        sources: Vec::new(),
        note: None,
        change: None,
    }
}
