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

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::encode::{encode_layer, LayerFeature};
use crate::geom::{bbox_of, label_point, round};
use crate::raw_layers::read_source;
use faultlines_core::dataset::{LayerEntry, LayerIndex};
use faultlines_core::model::{Geometry, LonLat, Region, RegionKind};

/// Levels of detail: name, simplification tolerance and quantization step, in degrees.
pub const LODS: [(&str, f64, f64); 2] = [("overview", 0.02, 0.002), ("detail", 0.002, 0.0005)];

#[derive(Deserialize)]
struct Names {
    provinces: BTreeMap<String, NameEn>,
    disputed: BTreeMap<String, Named>,
    enclaves: BTreeMap<String, Named>,
    rivers: BTreeMap<String, River>,
    lines: BTreeMap<String, NameEn>,
    cities: Vec<String>,
    extra_places: Vec<ExtraPlace>,
    /// Where Natural Earth's point for a town is wrong, the position from
    /// the source named beside it.
    #[serde(default)]
    place_positions: BTreeMap<String, Position>,
}
/// A Natural Earth river by its NE name: what we call it, and the countries
/// it flows through (the build checks the line against them, so a river of
/// the same NE name elsewhere is not taken for it).
#[derive(Deserialize)]
struct River {
    id: String,
    en: String,
    ru: String,
    through: Vec<String>,
}
#[derive(Deserialize)]
struct Position {
    lonlat: LonLat,
    country: String,
}
#[derive(Deserialize)]
struct NameEn {
    en: String,
    ru: String,
}
#[derive(Deserialize)]
struct Named {
    id: String,
    en: String,
    ru: String,
}
#[derive(Deserialize)]
struct ExtraPlace {
    id: String,
    en: String,
    ru: String,
    country: String,
    lonlat: LonLat,
}

/// Rivers may run along a border: this far outside the countries they flow
/// through, a vertex still counts as theirs.
const RIVER_MARGIN_KM: f64 = 15.0;

/// The country whose shape (in the countries layer) holds a point.
fn country_of<'a>(g: &Geometry, countries: &'a [Out]) -> Option<&'a str> {
    let Geometry::Point(p) = g else {
        return None;
    };
    countries
        .iter()
        .find(|o| crate::validate_places::distance_km(*p, &o.feature.geometry) == 0.0)
        .map(|o| o.feature.id.as_str())
}

/// Whether a point is in country `c`'s shape or within the border margin of
/// it (or `c` has no shape in the layer).
fn within_margin(g: &Geometry, c: &str, countries: &[Out]) -> bool {
    let Geometry::Point(p) = g else {
        return false;
    };
    let mut shapes = countries.iter().filter(|o| o.feature.id == c).peekable();
    // A country too small for the layer (the Vatican) has nothing to disagree with.
    shapes.peek().is_none()
        || shapes.any(|o| {
            crate::validate_places::distance_km(*p, &o.feature.geometry)
                <= crate::validate_places::BORDER_MARGIN_KM
        })
}

/// A river whose line strays from the countries it is said to flow through,
/// or misses one of them, is another river of the same name.
fn river_problems(ne_name: &str, n: &River, g: &Geometry, countries: &[Out]) -> Vec<String> {
    let shapes: Vec<&Out> = countries
        .iter()
        .filter(|o| n.through.contains(&o.feature.id))
        .collect();
    let mut out = Vec::new();
    for c in &n.through {
        if !shapes.iter().any(|o| &o.feature.id == c) {
            out.push(format!(
                "names.json: river {ne_name}: {c} is not a country of the map"
            ));
        }
    }
    let near = |p: LonLat, o: &Out| {
        crate::validate_places::distance_km(p, &o.feature.geometry) <= RIVER_MARGIN_KM
    };
    if let Some(p) = g.coords().find(|&&p| !shapes.iter().any(|o| near(p, o))) {
        out.push(format!(
            "names.json: river {ne_name} (shown as {}) has a point at [{:.2}, {:.2}], outside {}: it is not the river named",
            n.en,
            p[0],
            p[1],
            n.through.join(", ")
        ));
    }
    for o in &shapes {
        if !g.coords().any(|&p| near(p, o)) {
            out.push(format!(
                "names.json: river {ne_name} (shown as {}) never reaches {}",
                n.en, o.feature.id
            ));
        }
    }
    out
}

fn features(v: &Value) -> impl Iterator<Item = (&Map<String, Value>, Geometry)> {
    v["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| {
            let g: Geometry = serde_json::from_value(f["geometry"].clone()).ok()?;
            Some((f["properties"].as_object()?, g))
        })
}

fn s<'a>(p: &'a Map<String, Value>, k: &str) -> &'a str {
    p.get(k).and_then(Value::as_str).unwrap_or("")
}

/// One output feature before encoding.
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

fn region(
    id: &str,
    kind: RegionKind,
    en: &str,
    ru: &str,
    country: Option<&str>,
    layer: &str,
    g: &Geometry,
) -> Region {
    Region {
        id: id.to_string(),
        kind,
        name_en: en.to_string(),
        name_ru: ru.to_string(),
        country: country.map(str::to_string),
        layer: layer.to_string(),
        anchor: round(label_point(g)),
        bbox: bbox_of(g),
        versions: Vec::new(),
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

fn merge_lines(parts: Vec<Geometry>) -> Geometry {
    let mut lines = Vec::new();
    for g in parts {
        match g {
            Geometry::LineString(l) => lines.push(l),
            Geometry::MultiLineString(ls) => lines.extend(ls),
            _ => {}
        }
    }
    Geometry::MultiLineString(lines)
}

/// Build everything from `src` (the `geodata/src` folder).
pub fn build(src: &Path) -> Result<Built, String> {
    let names: Names = serde_json::from_slice(
        &std::fs::read(src.join("names.json")).map_err(|e| format!("names.json: {e}"))?,
    )
    .map_err(|e| format!("names.json: {e}"))?;
    let mut layers: BTreeMap<&str, Vec<Out>> = BTreeMap::new();
    let mut problems = Vec::new();

    // Countries: every admin-0 unit in the frame.
    for (p, g) in features(&read_source(src, "countries")?) {
        let iso = match s(p, "ISO_A3") {
            "-99" | "" => s(p, "ADM0_A3"),
            x => x,
        };
        let (en, ru) = (s(p, "NAME"), s(p, "NAME_RU"));
        layers.entry("countries").or_default().push(Out {
            region: Some(region(
                iso,
                RegionKind::Country,
                en,
                ru,
                Some(iso),
                "countries",
                &g,
            )),
            feature: LayerFeature {
                id: iso.to_string(),
                kind: "country".into(),
                geometry: g,
                rank: 0,
            },
        });
    }

    // Provinces: the focus countries, named from names.json. Every unit is
    // kept for the history's recipes.
    let mut admin1 = std::collections::HashMap::new();
    for (p, g) in features(&read_source(src, "admin1")?) {
        let iso = s(p, "iso_3166_2");
        admin1.insert(iso.to_string(), g.clone());
        let Some(n) = names.provinces.get(iso) else {
            continue;
        };
        let country = s(p, "adm0_a3");
        layers.entry("provinces").or_default().push(Out {
            region: Some(region(
                iso,
                RegionKind::Province,
                &n.en,
                &n.ru,
                Some(country),
                "provinces",
                &g,
            )),
            feature: LayerFeature {
                id: iso.to_string(),
                kind: "province".into(),
                geometry: g,
                rank: 0,
            },
        });
    }
    for key in names.provinces.keys() {
        if !layers["provinces"].iter().any(|o| o.feature.id == *key) {
            problems.push(format!("names.json: province {key} is not in admin1"));
        }
    }

    // Disputed areas and Fergana enclaves.
    let mut ne_disputed = std::collections::HashMap::new();
    for (p, g) in features(&read_source(src, "disputed")?) {
        ne_disputed.insert(s(p, "BRK_NAME").to_string(), g.clone());
        let Some(n) = names.disputed.get(s(p, "BRK_NAME")) else {
            continue;
        };
        let admin = s(p, "ADM0_A3");
        layers.entry("disputed").or_default().push(Out {
            region: Some(region(
                &n.id,
                RegionKind::Disputed,
                &n.en,
                &n.ru,
                Some(admin),
                "disputed",
                &g,
            )),
            feature: LayerFeature {
                id: n.id.clone(),
                kind: "disputed".into(),
                geometry: g,
                rank: 0,
            },
        });
    }
    for (p, g) in features(&read_source(src, "enclaves")?) {
        let Some(n) = names.enclaves.get(s(p, "name")) else {
            continue;
        };
        layers.entry("disputed").or_default().push(Out {
            region: Some(region(
                &n.id,
                RegionKind::Disputed,
                &n.en,
                &n.ru,
                Some(s(p, "ADM0_A3")),
                "disputed",
                &g,
            )),
            feature: LayerFeature {
                id: n.id.clone(),
                kind: "enclave".into(),
                geometry: g,
                rank: 0,
            },
        });
    }

    // Lines: named rivers (parts merged per name), the Isfara and the Lachin corridor.
    let mut rivers: BTreeMap<String, (Vec<Geometry>, f64)> = BTreeMap::new();
    for (p, g) in features(&read_source(src, "rivers")?) {
        let name = s(p, "name");
        if names.rivers.contains_key(name) {
            let e = rivers.entry(name.to_string()).or_insert((Vec::new(), 10.0));
            e.0.push(g);
            e.1 =
                e.1.min(p.get("scalerank").and_then(Value::as_f64).unwrap_or(10.0));
        }
    }
    for (name, (parts, rank)) in rivers {
        let n = &names.rivers[&name];
        let g = merge_lines(parts);
        problems.extend(river_problems(&name, n, &g, &layers["countries"]));
        layers.entry("lines").or_default().push(Out {
            region: Some(region(
                &n.id,
                RegionKind::Line,
                &n.en,
                &n.ru,
                None,
                "lines",
                &g,
            )),
            feature: LayerFeature {
                id: n.id.clone(),
                kind: "river".into(),
                geometry: g,
                rank: rank as u8,
            },
        });
    }
    for (id, file, kind) in [
        ("isfara", "isfara_river", "river"),
        ("lachin-corridor", "lachin_corridor", "corridor"),
    ] {
        let mut parts: Vec<Geometry> = features(&read_source(src, file)?)
            .map(|(_, g)| g)
            .filter(|g| matches!(g, Geometry::LineString(_)))
            .collect();
        if id == "lachin-corridor" {
            // Today's feature is the bypass road; the road before 26 Aug
            // 2022 is an earlier version (history.json).
            parts.drain(..parts.len() - 1);
        }
        let g = merge_lines(parts);
        let n = &names.lines[id];
        let country = if id == "isfara" { "TJK" } else { "AZE" };
        layers.entry("lines").or_default().push(Out {
            region: Some(region(
                id,
                RegionKind::Line,
                &n.en,
                &n.ru,
                Some(country),
                "lines",
                &g,
            )),
            feature: LayerFeature {
                id: id.into(),
                kind: kind.into(),
                geometry: g,
                rank: 0,
            },
        });
    }

    // Water (not clickable): lakes big enough to matter at the overview.
    let mut water: Vec<Out> = Vec::new();
    let mut water_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut unique = |base: String| {
        let n = water_ids.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}-{n}")
        }
    };
    for (p, g) in features(&read_source(src, "lakes")?) {
        let rank = p.get("scalerank").and_then(Value::as_f64).unwrap_or(10.0);
        let historic = s(p, "source_layer").contains("historic");
        if rank <= 4.0 || historic && s(p, "name").contains("Aral") {
            let kind = if historic { "lake-historic" } else { "lake" };
            let id = unique(slug("lake", s(p, "name")));
            water.push(Out {
                region: None,
                feature: LayerFeature {
                    id,
                    kind: kind.into(),
                    geometry: g,
                    rank: rank as u8,
                },
            });
        }
    }
    for (p, g) in features(&read_source(src, "rivers")?) {
        let rank = p.get("scalerank").and_then(Value::as_f64).unwrap_or(10.0);
        if rank <= 5.0 && !names.rivers.contains_key(s(p, "name")) {
            let id = unique(slug("river", s(p, "name")));
            water.push(Out {
                region: None,
                feature: LayerFeature {
                    id,
                    kind: "river".into(),
                    geometry: g,
                    rank: rank as u8,
                },
            });
        }
    }

    layers.insert("water", water);

    // Places: capitals in the frame, every city the story names, and hand additions.
    let mut moved: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (p, g) in features(&read_source(src, "places")?) {
        let en = if s(p, "name_en").is_empty() {
            s(p, "name")
        } else {
            s(p, "name_en")
        };
        let named = names
            .cities
            .iter()
            .any(|c| c == en || c == s(p, "name") || c == s(p, "name_ascii"));
        let capital = s(p, "featurecla") == "Admin-0 capital";
        if !(named || capital) {
            continue;
        }
        let en = match en {
            "Kiev" => "Kyiv",
            "Samarqand" => "Samarkand",
            "Chisinau" | "Chișinău" => "Chișinău",
            x => x,
        };
        let id = format!("city-{}", faultlines_core::search::words(en).join("-"));
        if !seen.insert(id.clone()) {
            continue;
        }
        let fix = names.place_positions.get(en);
        let g = fix.map_or(g, |f| Geometry::Point(f.lonlat));
        // Natural Earth's adm0 field stands where its own borders agree, up
        // to the border margin (the Vatican, Nicosia by the buffer zone);
        // a town further inside another country is filed under that one, and
        // a reviewed fix in names.json decides over both.
        let ne_country = s(p, "adm0_a3");
        let country = match (fix, country_of(&g, &layers["countries"])) {
            (Some(f), _) => f.country.clone(),
            (None, Some(c))
                if c != ne_country && !within_margin(&g, ne_country, &layers["countries"]) =>
            {
                moved.push(format!("| {en} | {ne_country} | {c} |"));
                c.to_string()
            }
            _ => ne_country.to_string(),
        };
        let ru = if s(p, "name_ru").is_empty() {
            en
        } else {
            s(p, "name_ru")
        };
        let rank = if capital { 0 } else { 1 };
        layers.entry("places").or_default().push(Out {
            region: Some(region(
                &id,
                RegionKind::Place,
                en,
                ru,
                Some(&country),
                "places",
                &g,
            )),
            feature: LayerFeature {
                id,
                kind: if capital {
                    "capital".into()
                } else {
                    "city".into()
                },
                geometry: g,
                rank,
            },
        });
    }
    for x in &names.extra_places {
        let g = Geometry::Point(x.lonlat);
        layers.entry("places").or_default().push(Out {
            region: Some(region(
                &x.id,
                RegionKind::Place,
                &x.en,
                &x.ru,
                Some(&x.country),
                "places",
                &g,
            )),
            feature: LayerFeature {
                id: x.id.clone(),
                kind: "city".into(),
                geometry: g,
                rank: 1,
            },
        });
    }
    for c in &names.cities {
        let id = format!("city-{}", faultlines_core::search::words(c).join("-"));
        let found = |o: &Out| {
            o.feature.id == id
                || o.region.as_ref().is_some_and(|r| {
                    r.name_en == *c
                        || (c == "Kiev" && r.name_en == "Kyiv")
                        || (c == "Chisinau" && r.name_en == "Chișinău")
                })
        };
        if !layers["places"].iter().any(found) {
            problems.push(format!("names.json: city {c} is not in places"));
        }
    }
    // A city named like a country ("San Marino") is told apart in its name.
    let country_names: std::collections::HashSet<String> = layers["countries"]
        .iter()
        .filter_map(|o| o.region.as_ref().map(|r| r.name_en.clone()))
        .collect();
    for o in layers.get_mut("places").into_iter().flatten() {
        if let Some(r) = o
            .region
            .as_mut()
            .filter(|r| country_names.contains(&r.name_en))
        {
            r.name_en += " (city)";
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }

    // Versions through time, and the shapes no longer in force.
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
    layers.entry("history").or_default();
    for (layer, feature) in applied.features {
        let out = Out {
            region: None,
            feature,
        };
        let name = faultlines_core::layer::LAYERS
            .iter()
            .copied()
            .find(|n| *n == layer)
            .unwrap_or("history");
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
    let history_report = applied.report;

    // Encode each layer at each level of detail.
    let mut regions = Vec::new();
    let mut index = LayerIndex::default();
    let mut files = Vec::new();
    let mut report = String::from(
        "| layer | features | overview bytes | detail bytes |\n|---|---:|---:|---:|\n",
    );
    for name in faultlines_core::layer::LAYERS {
        let outs = layers.remove(name).unwrap_or_default();
        let mut entry = LayerEntry {
            name: name.to_string(),
            files: BTreeMap::new(),
            bytes: BTreeMap::new(),
        };
        let feats: Vec<&LayerFeature> = outs.iter().map(|o| &o.feature).collect();
        let mut sizes = Vec::new();
        for (lod, tol, q) in LODS {
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

/// Build from `src` and write `regions.json`, `layers.json` and `layers/` under `out`.
pub fn write(src: &Path, out: &Path) -> Result<String, String> {
    let b = build(src)?;
    let layers_dir = out.join("layers");
    std::fs::create_dir_all(&layers_dir).map_err(|e| e.to_string())?;
    let pretty = |v: &dyn erased::Ser| v.to_pretty();
    std::fs::write(out.join("regions.json"), pretty(&b.regions)).map_err(|e| e.to_string())?;
    std::fs::write(out.join("layers.json"), pretty(&b.index)).map_err(|e| e.to_string())?;
    for (file, bytes) in &b.files {
        std::fs::write(layers_dir.join(file), bytes).map_err(|e| e.to_string())?;
    }
    Ok(format!("{} regions\n{}", b.regions.len(), b.report))
}

mod erased {
    pub trait Ser {
        fn to_pretty(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_pretty(&self) -> String {
            let mut s = serde_json::to_string_pretty(self).expect("serializable");
            s.push('\n');
            s
        }
    }
}
