//! A story from anywhere needs land beneath its events: the map ships a
//! `world` layer of Natural Earth's countries, drawn under the regional
//! layers. These tests hold it to what the UI relies on: it is listed first
//! (drawn beneath everything), it covers the globe, it leaves the countries
//! inside the regional frame to the regional layers, and it stays small
//! enough to ship in the binary and to fetch at first paint. The map frames
//! a story on its events' extent and the share of them inside the regional
//! frame, which the core reports with the dataset.

use faultlines_core::layer::decode_layer;
use faultlines_core::Dataset;

/// Most bytes one level of the world layer may have.
const BUDGET: usize = 300_000;

fn world(lod: &str) -> (Vec<u8>, Vec<faultlines_core::layer::Decoded>) {
    let ds = Dataset::embedded().expect("the shipped dataset is valid");
    let bytes = ds
        .layer_bytes("world", lod)
        .unwrap_or_else(|| panic!("the world layer has a {lod} level"));
    let feats = decode_layer(&bytes).expect("the world layer decodes");
    (bytes, feats)
}

#[test]
fn the_world_layer_is_drawn_beneath_every_other_layer() {
    let ds = Dataset::embedded().unwrap();
    assert_eq!(ds.layers.layers[0].name, "world");
}

#[test]
fn the_world_layer_has_the_countries_of_every_continent() {
    for lod in ["overview", "detail"] {
        let (_, feats) = world(lod);
        for id in [
            "world-brazil",
            "world-australia",
            "world-canada",
            "world-united-states-of-america",
            "world-south-africa",
            "world-japan",
            "world-antarctica",
        ] {
            assert!(feats.iter().any(|f| f.id == id), "{lod} lacks {id}");
        }
    }
}

#[test]
fn the_world_layer_spans_the_globe() {
    let (_, feats) = world("overview");
    let b = feats
        .iter()
        .map(|f| faultlines_core::geo::bounds(&f.geometry))
        .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |a, b| {
            [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ]
        });
    assert!(b[0] <= -179.0 && b[2] >= 179.0, "longitudes {b:?}");
    assert!(b[1] <= -80.0 && b[3] >= 80.0, "latitudes {b:?}");
}

#[test]
fn countries_inside_the_regional_frame_are_left_to_the_regional_layers() {
    let (_, feats) = world("overview");
    for id in ["world-armenia", "world-tajikistan", "world-georgia"] {
        assert!(!feats.iter().any(|f| f.id == id), "{id} is drawn twice");
    }
    // Russia and Germany reach past the frame, so the world layer keeps them whole.
    for id in ["world-russia", "world-germany"] {
        assert!(feats.iter().any(|f| f.id == id), "{id} is missing");
    }
}

#[test]
fn every_level_of_the_world_layer_stays_under_its_size_budget() {
    for lod in ["overview", "detail"] {
        let (bytes, _) = world(lod);
        assert!(bytes.len() < BUDGET, "{lod}: {} bytes", bytes.len());
    }
}

#[test]
fn the_built_in_story_s_extent_holds_every_event_from_washington_to_central_asia() {
    let api = faultlines_core::api::Api::new(Dataset::embedded().unwrap());
    let [w, s, e, n] = api.info().extent.expect("the story has events");
    assert!(w < -76.0 && e > 70.0 && s < n, "extent {:?}", [w, s, e, n]);
    for ev in api.all_events() {
        for &[x, y] in ev.geometry.coords() {
            assert!((w..=e).contains(&x) && (s..=n).contains(&y));
        }
    }
}

#[test]
fn the_share_in_the_frame_counts_each_event_s_last_position_inside_the_regional_frame() {
    let api = faultlines_core::api::Api::new(Dataset::embedded().unwrap());
    let [w, s, e, n] = faultlines_core::layer::REGIONAL_FRAME;
    let events = api.all_events();
    let inside = events
        .iter()
        .filter(|ev| {
            let &[x, y] = ev.geometry.coords().last().expect("a position");
            (w..=e).contains(&x) && (s..=n).contains(&y)
        })
        .count();
    let share = api.info().in_frame.expect("the story has events");
    assert_eq!(share, inside as f64 / events.len() as f64);
    assert!(
        inside < events.len(),
        "some events of the built-in story lie abroad"
    );
}
