//! Reading the raw layers of `geodata/src/`: gzipped GeoJSON files from
//! Natural Earth and the other sources listed in its PROVENANCE.md. The map
//! build and the past shapes both read them; neither owns the format.

use std::io::Read;
use std::path::Path;

use serde_json::Value;

/// A source layer of `geodata/src/` (gzipped GeoJSON) by its name.
pub fn read_source(dir: &Path, name: &str) -> Result<Value, String> {
    let path = dir.join(format!("{name}.geojson.gz"));
    let f = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut s = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut s)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&s).map_err(|e| format!("{}: {e}", path.display()))
}
