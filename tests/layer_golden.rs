//! The map's layers are decoded twice: by the core (`faultlines check`, the
//! map of a date) and by the UI (`ui/src/map/layer.ts`), which draws them.
//! This test encodes a feature of every geometry type the way the map build
//! does, with the core's decoding beside it, into
//! `ui/src/map/layer-golden.json`; the Vitest suite decodes the same file and
//! must find the same features, so the two decoders cannot drift. It fails
//! when the file is stale; run `UPDATE_BINDINGS=1 cargo test --test layer_golden`.

mod common;

use faultlines_core::layer::decode_layer;
use faultlines_core::model::Geometry;
use faultlines_geodata::encode::{encode_layer, LayerFeature};

fn features() -> Vec<LayerFeature> {
    let square =
        |x: f64, y: f64, s: f64| vec![[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
    let f = |id: &str, kind: &str, rank: u8, geometry| LayerFeature {
        id: id.into(),
        kind: kind.into(),
        geometry,
        rank,
    };
    vec![
        f(
            "city-dushanbe",
            "capital",
            0,
            Geometry::Point([68.7739, 38.5598]),
        ),
        f(
            "towns",
            "city",
            1,
            Geometry::MultiPoint(vec![[69.6, 40.28], [70.94, 40.53]]),
        ),
        f(
            "isfara",
            "river",
            2,
            Geometry::LineString(vec![[70.3, 39.6], [70.5, 39.9], [70.6, 40.2]]),
        ),
        f(
            "rivers",
            "river",
            3,
            Geometry::MultiLineString(vec![
                vec![[60.0, 42.0], [61.0, 43.5]],
                vec![[62.0, 40.0], [62.5, 41.0]],
            ]),
        ),
        f(
            "enclave",
            "enclave",
            0,
            Geometry::Polygon(vec![square(70.0, 40.0, 0.5), square(70.2, 40.2, 0.1)]),
        ),
        f(
            "country",
            "country",
            0,
            Geometry::MultiPolygon(vec![
                vec![square(44.0, 39.0, 2.0)],
                vec![square(45.0, 38.0, 0.6)],
            ]),
        ),
    ]
}

fn golden() -> String {
    let feats = features();
    let refs: Vec<&LayerFeature> = feats.iter().collect();
    let bytes = encode_layer("golden", "detail", &refs, 0.002, 0.0005);
    let decoded: Vec<serde_json::Value> = decode_layer(&bytes)
        .unwrap()
        .into_iter()
        .map(|d| serde_json::json!({ "id": d.id, "kind": d.kind, "geometry": d.geometry }))
        .collect();
    let file = String::from_utf8(bytes).unwrap();
    let golden = serde_json::json!({ "file": file, "decoded": decoded });
    serde_json::to_string_pretty(&golden).unwrap() + "\n"
}

#[test]
fn the_ui_decodes_the_layer_format_as_the_core_does() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/map/layer-golden.json");
    common::assert_fresh(
        &path,
        &golden(),
        "UPDATE_BINDINGS=1 cargo test --test layer_golden",
    );
}
