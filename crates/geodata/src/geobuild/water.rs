//! Water that is drawn but not clickable: lakes big enough to matter at the
//! overview (and the Aral Sea's historic shore), and the larger rivers that
//! `names.json` does not name.

use std::collections::BTreeMap;
use std::path::Path;

use super::names::Names;
use super::sources::Water;
use super::Out;
use crate::encode::LayerFeature;
use crate::error::GeodataError;
use crate::raw_layers::read_features;

pub fn water(src: &Path, names: &Names) -> Result<Vec<Out>, GeodataError> {
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut unique = |base: String| {
        let n = ids.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base
        } else {
            format!("{base}-{n}")
        }
    };
    let mut out = Vec::new();
    let mut push = |id: String, kind: &str, w: Water| {
        out.push(Out {
            region: None,
            feature: LayerFeature {
                id,
                kind: kind.into(),
                geometry: w.geometry,
                rank: w.scalerank as u8,
            },
        })
    };
    for w in read_features::<Water>(src, "lakes")? {
        let historic = w.source_layer.contains("historic");
        if w.scalerank <= 4.0 || historic && w.name.contains("Aral") {
            let kind = if historic { "lake-historic" } else { "lake" };
            push(unique(super::slug("lake", &w.name)), kind, w);
        }
    }
    for w in read_features::<Water>(src, "rivers")? {
        if w.scalerank <= 5.0 && !names.rivers.contains_key(&w.name) {
            push(unique(super::slug("river", &w.name)), "river", w);
        }
    }
    Ok(out)
}
