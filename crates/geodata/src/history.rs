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

use crate::encode::LayerFeature;
use crate::error::{GeodataError, RecipeError};
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
    shape: Option<Recipe>,
    #[serde(default)]
    approximate: bool,
    sovereign: Option<String>,
    controller: Option<String>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    change: Option<String>,
    /// `note` and `change` in Russian.
    note_ru: Option<String>,
    change_ru: Option<String>,
}

/// How to draw a shape that is not today's.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
enum Recipe {
    /// `KIND:ID`: a feature of the source layers (`admin1`, `country`,
    /// `disputed`, `ne-disputed`) or a hand-drawn `cut`.
    Feature(String),
    /// `{"line": "FILE:N"}`: the N-th line of a source file.
    Line { line: String },
    /// `{"outline": [...]}`: the outline of the union of the parts, as lines.
    Outline { outline: Vec<Recipe> },
    /// The union of `union`, within `intersect`, less `minus`.
    Area {
        #[serde(default)]
        union: Vec<Recipe>,
        #[serde(default)]
        intersect: Vec<Recipe>,
        #[serde(default)]
        minus: Vec<Recipe>,
    },
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
    fn areas(
        &self,
        terms: &[Recipe],
        cuts: &BTreeMap<String, Cut>,
    ) -> Result<Vec<MultiPolygon<f64>>, RecipeError> {
        terms
            .iter()
            .map(|t| match self.eval(t, cuts)? {
                Built::Area(a) => Ok(a),
                Built::Lines(_) => Err(RecipeError::LineInArea(format!("{t:?}"))),
            })
            .collect()
    }

    fn eval(&self, term: &Recipe, cuts: &BTreeMap<String, Cut>) -> Result<Built, RecipeError> {
        match term {
            Recipe::Feature(s) => self.feature(s, cuts).map(Built::Area),
            Recipe::Line { line } => self.line(line).map(Built::Lines),
            Recipe::Outline { outline } => {
                let parts = self.areas(outline, cuts)?;
                Ok(Built::Lines(shape::outline(&shape::union_all(&parts))))
            }
            Recipe::Area {
                union,
                intersect,
                minus,
            } => {
                let mut a = shape::union_all(&self.areas(union, cuts)?);
                let with = self.areas(intersect, cuts)?;
                if !with.is_empty() {
                    a = shape::intersection(&a, &shape::union_all(&with));
                }
                let without = self.areas(minus, cuts)?;
                if !without.is_empty() {
                    a = shape::difference(&a, &shape::union_all(&without));
                }
                Ok(Built::Area(shape::drop_slivers(a, SLIVER_KM)))
            }
        }
    }

    /// `KIND:ID` as an area.
    fn feature(
        &self,
        s: &str,
        cuts: &BTreeMap<String, Cut>,
    ) -> Result<MultiPolygon<f64>, RecipeError> {
        let (kind, id) = s
            .split_once(':')
            .ok_or_else(|| RecipeError::BadReference(s.into()))?;
        let g = match kind {
            "admin1" => self.admin1.get(id).cloned(),
            "country" | "disputed" => self.base.get(id).cloned(),
            "ne-disputed" => self.ne_disputed.get(id).cloned(),
            "cut" => cuts
                .get(id)
                .map(|c| Geometry::Polygon(vec![c.polygon.clone()])),
            _ => {
                return Err(RecipeError::UnknownKind {
                    reference: s.into(),
                    kind: kind.into(),
                })
            }
        }
        .ok_or_else(|| RecipeError::Missing(s.into()))?;
        shape::to_geo(&g).ok_or_else(|| RecipeError::NotAPolygon(s.into()))
    }

    /// `FILE:N`: the N-th line of a source file.
    fn line(&self, spec: &str) -> Result<Geometry, RecipeError> {
        let (file, n) = spec
            .split_once(':')
            .ok_or_else(|| RecipeError::BadLine(spec.into()))?;
        let n: usize = n.parse().map_err(|_| RecipeError::BadLine(spec.into()))?;
        let shapes = crate::raw_layers::read_features::<crate::raw_layers::Shape>(self.src, file)
            .map_err(|e| RecipeError::Source(Box::new(e)))?;
        shapes
            .into_iter()
            .map(|s| s.geometry)
            .filter(|g| matches!(g, Geometry::LineString(_)))
            .nth(n)
            .ok_or_else(|| RecipeError::NoSuchLine(spec.into()))
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
pub fn apply(inputs: &Inputs, regions: &mut [&mut Region]) -> Result<Applied, GeodataError> {
    let path = inputs.src.join("history.json");
    let bytes = std::fs::read(&path).map_err(GeodataError::io(&path))?;
    let spec: Spec = serde_json::from_slice(&bytes).map_err(|source| GeodataError::Json {
        file: "history.json".into(),
        source,
    })?;
    let by_id: HashMap<String, usize> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    let mut out = Applied {
        new_regions: Vec::new(),
        features: Vec::new(),
        report: Vec::new(),
    };
    for rs in &spec.regions {
        let today = by_id.get(&rs.id).map(|&i| &*regions[i]);
        let kind = rs
            .kind
            .or(today.map(|r| r.kind))
            .ok_or_else(|| GeodataError::Region {
                region: rs.id.clone(),
                problem: "not in today's layers, so it needs a kind".into(),
            })?;
        let versions = region_versions(inputs, &spec.cuts, rs, kind, today, &mut out)?;
        let last = versions.last().ok_or_else(|| GeodataError::Region {
            region: rs.id.clone(),
            problem: "no versions".into(),
        })?;
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

/// The versions of one region of `history.json`, building the shapes its
/// recipes draw into `out`.
fn region_versions(
    inputs: &Inputs,
    cuts: &BTreeMap<String, Cut>,
    rs: &RegionSpec,
    kind: RegionKind,
    today: Option<&Region>,
    out: &mut Applied,
) -> Result<Vec<RegionVersion>, GeodataError> {
    let mut versions: Vec<RegionVersion> = Vec::new();
    // Each recipe is built once; a later version with the same recipe
    // shares the feature.
    let mut built: Vec<(&Recipe, String)> = Vec::new();
    for vs in &rs.versions {
        let ctx = |problem: RecipeError| GeodataError::Version {
            region: rs.id.clone(),
            from: vs.from.map_or("the start".into(), |d| d.to_string()),
            problem,
        };
        let (feature, layer, geometry) = match &vs.shape {
            Some(recipe) => match built.iter().find(|(r, _)| *r == recipe) {
                Some((_, f)) => (f.clone(), "history".to_string(), None),
                None => {
                    let (id, g) =
                        build_shape(inputs, cuts, rs, vs, kind, recipe, out).map_err(ctx)?;
                    built.push((recipe, id.clone()));
                    (id, "history".to_string(), Some(g))
                }
            },
            None => match (today, versions.last()) {
                (Some(r), _) => (r.id.clone(), r.layer.clone(), None),
                (None, Some(prev)) => (prev.feature.clone(), prev.layer.clone(), None),
                (None, None) => return Err(ctx(RecipeError::NoFirstShape)),
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
                    .ok_or_else(|| ctx(RecipeError::NoShape))?;
                (
                    geom::round(geom::label_point(&f.geometry)),
                    geom::bbox_of(&f.geometry),
                )
            }
        };
        versions.push(version(vs, feature, layer, anchor, bbox));
    }
    // A built shape still in force today lives in the layer of its kind.
    let base = base_layer(kind);
    for (_, id) in &built {
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
    Ok(versions)
}

/// Draw one recipe into the `history` layer of `out`: its feature id
/// (`REGION@FROM`) and shape.
fn build_shape(
    inputs: &Inputs,
    cuts: &BTreeMap<String, Cut>,
    rs: &RegionSpec,
    vs: &VersionSpec,
    kind: RegionKind,
    recipe: &Recipe,
    out: &mut Applied,
) -> Result<(String, Geometry), RecipeError> {
    let built = inputs.eval(recipe, cuts)?;
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
    Ok((id, g))
}

fn version(
    vs: &VersionSpec,
    feature: String,
    layer: String,
    anchor: LonLat,
    bbox: [f64; 4],
) -> RegionVersion {
    let (lo, hi) = RegionVersion::days(vs.from, vs.to);
    RegionVersion {
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
        note_ru: vs.note_ru.clone(),
        change_ru: vs.change_ru.clone(),
    }
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
        note_ru: None,
        change_ru: None,
    }
}
