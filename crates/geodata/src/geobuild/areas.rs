//! The areas of today's map: countries (every admin-0 unit in the frame),
//! the focus countries' provinces, disputed areas and the Fergana enclaves.

use std::collections::HashMap;
use std::path::Path;

use super::names::Names;
use super::sources::{Country, Disputed, Enclave, Province};
use super::{feature, Out};
use crate::error::GeodataError;
use crate::raw_layers::read_features;
use faultlines_core::model::{Geometry, RegionKind};

/// Every country of the source layer, by its ISO code.
pub fn countries(src: &Path) -> Result<Vec<Out>, GeodataError> {
    Ok(read_features::<Country>(src, "countries")?
        .into_iter()
        .map(|c| {
            let iso = c.code().to_string();
            let names = (c.name.as_str(), c.name_ru.as_str());
            feature(
                &iso,
                RegionKind::Country,
                names,
                Some(&iso),
                "countries",
                "country",
                c.geometry,
            )
        })
        .collect())
}

/// The provinces `names.json` names, and every admin-1 unit by its ISO
/// 3166-2 code for the history's recipes; a named province the layer lacks
/// is a problem.
pub fn provinces(
    src: &Path,
    names: &Names,
    problems: &mut Vec<String>,
) -> Result<(Vec<Out>, HashMap<String, Geometry>), GeodataError> {
    let mut admin1 = HashMap::new();
    let mut out = Vec::new();
    for p in read_features::<Province>(src, "admin1")? {
        admin1.insert(p.iso_3166_2.clone(), p.geometry.clone());
        if let Some(n) = names.provinces.get(&p.iso_3166_2) {
            let names = (n.en.as_str(), n.ru.as_str());
            let country = Some(p.adm0_a3.as_str());
            out.push(feature(
                &p.iso_3166_2,
                RegionKind::Province,
                names,
                country,
                "provinces",
                "province",
                p.geometry,
            ));
        }
    }
    for key in names.provinces.keys() {
        if !out.iter().any(|o: &Out| o.feature.id == *key) {
            problems.push(format!("names.json: province {key} is not in admin1"));
        }
    }
    Ok((out, admin1))
}

/// The disputed areas and enclaves `names.json` names, and every Natural
/// Earth disputed area by its `BRK_NAME` for the history's recipes.
pub fn disputed(
    src: &Path,
    names: &Names,
) -> Result<(Vec<Out>, HashMap<String, Geometry>), GeodataError> {
    let mut ne_disputed = HashMap::new();
    let mut out = Vec::new();
    for d in read_features::<Disputed>(src, "disputed")? {
        ne_disputed.insert(d.name.clone(), d.geometry.clone());
        if let Some(n) = names.disputed.get(&d.name) {
            let names = (n.en.as_str(), n.ru.as_str());
            out.push(feature(
                &n.id,
                RegionKind::Disputed,
                names,
                Some(&d.adm0_a3),
                "disputed",
                "disputed",
                d.geometry,
            ));
        }
    }
    for e in read_features::<Enclave>(src, "enclaves")? {
        if let Some(n) = names.enclaves.get(&e.name) {
            let names = (n.en.as_str(), n.ru.as_str());
            out.push(feature(
                &n.id,
                RegionKind::Disputed,
                names,
                Some(&e.adm0_a3),
                "disputed",
                "enclave",
                e.geometry,
            ));
        }
    }
    Ok((out, ne_disputed))
}
