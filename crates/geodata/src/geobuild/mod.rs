//! `faultlines build-geodata`: turns the raw layers in `geodata/src/` into the
//! map the app ships in `geodata/map/`.
//!
//! Reproducible and auditable: the inputs are the gzipped Natural Earth (and
//! GeoNames) extracts with their `PROVENANCE.md`, plus `names.json`, which
//! holds every hand-made choice: which features become clickable regions, and
//! their English and Russian names where the sources lack them. The output is
//! deterministic (same input, same bytes).
//!
//! Each layer is written at two levels of detail. Rings are simplified with
//! Douglas–Peucker (0.02° for the overview, 0.002° for detail), halving the
//! tolerance for any ring that simplification would make self-crossing, and
//! coordinates are quantized (0.002° and 0.0005°) and delta-encoded, so the
//! first paint stays small. See [`faultlines_core::layer`] for the format.

use std::collections::BTreeMap;
use std::path::Path;

use crate::encode::{encode_layer, LayerFeature};
use crate::error::GeodataError;
use crate::geom::{bbox_of, label_point, round};
use faultlines_core::dataset::{LayerEntry, LayerIndex};
use faultlines_core::model::{Geometry, Region, RegionKind};

mod areas;
mod lines;
mod names;
mod places;
mod sources;
mod water;
mod world;

/// Levels of detail: name, simplification tolerance and quantization step, in degrees.
pub const LODS: [(&str, f64, f64); 2] = [("overview", 0.02, 0.002), ("detail", 0.002, 0.0005)];

/// One output feature before encoding, with its region when it is clickable.
struct Out {
    region: Option<Region>,
    feature: LayerFeature,
}

/// The built map: regions plus encoded layers.
pub struct Built {
    pub regions: Vec<Region>,
    pub index: LayerIndex,
    pub files: Vec<(String, Vec<u8>)>,
    pub report: String,
}

/// A clickable feature of rank 0: its region (named `names`, English and
/// Russian) and its shape in `layer`.
fn feature(
    id: &str,
    kind: RegionKind,
    names: (&str, &str),
    country: Option<&str>,
    layer: &str,
    feature_kind: &str,
    g: Geometry,
) -> Out {
    let region = Region {
        id: id.to_string(),
        kind,
        name_en: names.0.to_string(),
        name_ru: names.1.to_string(),
        country: country.map(str::to_string),
        layer: layer.to_string(),
        anchor: round(label_point(&g)),
        bbox: bbox_of(&g),
        versions: Vec::new(),
    };
    Out {
        region: Some(region),
        feature: LayerFeature {
            id: id.to_string(),
            kind: feature_kind.to_string(),
            geometry: g,
            rank: 0,
        },
    }
}

/// `kind-name-in-words`, e.g. "lake-issyk-kul".
fn slug(kind: &str, name: &str) -> String {
    let words = faultlines_core::search::words(name);
    if words.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}-{}", words.join("-"))
    }
}

/// Build everything from `src` (the `geodata/src` folder).
pub fn build(src: &Path) -> Result<Built, GeodataError> {
    let names = names::Names::read(src)?;
    let mut problems = Vec::new();
    let countries = areas::countries(src)?;
    let (provinces, admin1) = areas::provinces(src, &names, &mut problems)?;
    let (disputed, ne_disputed) = areas::disputed(src, &names)?;
    let lines = lines::lines(src, &names, &countries, &mut problems)?;
    let water = water::water(src, &names)?;
    let world = world::world(src)?;
    let (places, moved) = places::places(src, &names, &countries, &mut problems)?;
    if !problems.is_empty() {
        return Err(GeodataError::Names(problems));
    }
    let mut layers: BTreeMap<&str, Vec<Out>> = BTreeMap::from([
        ("countries", countries),
        ("provinces", provinces),
        ("disputed", disputed),
        ("lines", lines),
        ("water", water),
        ("places", places),
        ("history", Vec::new()),
        ("world", world),
    ]);
    let history_report = versions(src, &mut layers, admin1, ne_disputed)?;
    let (regions, index, files, mut report) = encode_all(layers);
    report += "\n| built shape | area |\n|---|---:|\n";
    for line in history_report {
        report += &line;
        report.push('\n');
    }
    if !moved.is_empty() {
        report += "\n| town | Natural Earth's adm0 | country its point lies in |\n|---|---|---|\n";
        for line in moved {
            report += &line;
            report.push('\n');
        }
    }
    Ok(Built {
        regions,
        index,
        files,
        report,
    })
}

/// Versions through time (`history.json`), and the shapes no longer in
/// force; returns the report lines of the built shapes.
fn versions(
    src: &Path,
    layers: &mut BTreeMap<&str, Vec<Out>>,
    admin1: std::collections::HashMap<String, Geometry>,
    ne_disputed: std::collections::HashMap<String, Geometry>,
) -> Result<Vec<String>, GeodataError> {
    let base = layers
        .iter()
        .filter(|(name, _)| matches!(**name, "countries" | "disputed" | "lines"))
        .flat_map(|(_, outs)| outs.iter())
        .map(|o| (o.feature.id.clone(), o.feature.geometry.clone()))
        .collect();
    let inputs = crate::history::Inputs {
        src,
        admin1,
        base,
        ne_disputed,
    };
    let mut today: Vec<&mut Region> = layers
        .values_mut()
        .flatten()
        .filter_map(|o| o.region.as_mut())
        .collect();
    let applied = crate::history::apply(&inputs, &mut today)?;
    for (layer, feature) in applied.features {
        let name = faultlines_core::layer::LAYERS
            .iter()
            .copied()
            .find(|n| *n == layer)
            .unwrap_or("history");
        let out = Out {
            region: None,
            feature,
        };
        layers.entry(name).or_default().push(out);
    }
    for r in applied.new_regions {
        let first = r.versions[0].feature.clone();
        if let Some(o) = layers
            .values_mut()
            .flatten()
            .find(|o| o.region.is_none() && o.feature.id == first)
        {
            o.region = Some(r);
        }
    }
    Ok(applied.report)
}

type Encoded = (Vec<Region>, LayerIndex, Vec<(String, Vec<u8>)>, String);

/// The layers in drawing order (bottom first): the world beneath the core's
/// regional layers.
fn drawing_order() -> impl Iterator<Item = &'static str> {
    std::iter::once("world").chain(faultlines_core::layer::LAYERS)
}

/// Encode each layer at each level of detail, in drawing order; the report
/// starts with each layer's size.
fn encode_all(mut layers: BTreeMap<&str, Vec<Out>>) -> Encoded {
    let mut regions = Vec::new();
    let mut index = LayerIndex::default();
    let mut files = Vec::new();
    let mut report = String::from(
        "| layer | features | overview bytes | detail bytes |\n|---|---:|---:|---:|\n",
    );
    for name in drawing_order() {
        let outs = layers.remove(name).unwrap_or_default();
        let mut entry = LayerEntry {
            name: name.to_string(),
            files: BTreeMap::new(),
            bytes: BTreeMap::new(),
        };
        let feats: Vec<&LayerFeature> = outs.iter().map(|o| &o.feature).collect();
        let mut sizes = Vec::new();
        let lods = if name == "world" {
            world::WORLD_LODS
        } else {
            LODS
        };
        for (lod, tol, q) in lods {
            let bytes = encode_layer(name, lod, &feats, tol, q);
            let file = format!("{name}.{lod}.json");
            entry.files.insert(lod.to_string(), file.clone());
            entry.bytes.insert(lod.to_string(), bytes.len() as u64);
            sizes.push(bytes.len());
            files.push((file, bytes));
        }
        report += &format!(
            "| {name} | {} | {} | {} |\n",
            outs.len(),
            sizes[0],
            sizes[1]
        );
        index.layers.push(entry);
        regions.extend(outs.into_iter().filter_map(|o| o.region));
    }
    (regions, index, files, report)
}

/// Build from `src` and write `regions.json`, `layers.json` and `layers/` under `out`.
pub fn write(src: &Path, out: &Path) -> Result<String, GeodataError> {
    let b = build(src)?;
    let layers_dir = out.join("layers");
    std::fs::create_dir_all(&layers_dir).map_err(GeodataError::io(&layers_dir))?;
    let put = |path: std::path::PathBuf, bytes: &[u8]| {
        std::fs::write(&path, bytes).map_err(GeodataError::io(path))
    };
    put(out.join("regions.json"), pretty(&b.regions).as_bytes())?;
    put(out.join("layers.json"), pretty(&b.index).as_bytes())?;
    for (file, bytes) in &b.files {
        put(layers_dir.join(file), bytes)?;
    }
    Ok(format!("{} regions\n{}", b.regions.len(), b.report))
}

fn pretty<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("serializable");
    s.push('\n');
    s
}
