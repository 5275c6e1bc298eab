//! The GeoParquet 1.1 `geo` metadata of a partition file, so that GDAL,
//! GeoPandas, DuckDB spatial and other GeoParquet readers know the
//! `geometry` column is WKB in longitude and latitude (OGC:CRS84, the
//! default when `crs` is absent), which geometry types it holds, and its
//! bounding box (what a reader prunes whole files by).

use std::collections::BTreeSet;

use faultlines_core::model::Geometry;
use serde_json::json;

/// The geometry types and bounding box of the rows written so far.
#[derive(Debug, Default)]
pub struct GeoSummary {
    types: BTreeSet<&'static str>,
    bbox: Option<[f64; 4]>,
}

impl GeoSummary {
    /// Add one row's WKB geometry.
    pub fn add(&mut self, wkb: &[u8]) -> Result<(), String> {
        let g = faultlines_core::table::wkb::read(wkb)?;
        self.types.insert(match g {
            Geometry::Point(_) => "Point",
            Geometry::MultiPoint(_) => "MultiPoint",
            Geometry::LineString(_) => "LineString",
            Geometry::MultiLineString(_) => "MultiLineString",
            Geometry::Polygon(_) => "Polygon",
            Geometry::MultiPolygon(_) => "MultiPolygon",
        });
        for &[x, y] in g.coords() {
            let b = self.bbox.get_or_insert([x, y, x, y]);
            *b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
        Ok(())
    }

    /// The value of the file's `geo` key.
    pub fn metadata(&self) -> String {
        let mut column = json!({
            "encoding": "WKB",
            "geometry_types": self.types.iter().collect::<Vec<_>>(),
        });
        if let Some(b) = self.bbox {
            column["bbox"] = json!(b);
        }
        json!({
            "version": "1.1.0",
            "primary_column": "geometry",
            "columns": { "geometry": column },
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_metadata_names_the_types_and_the_box_of_the_rows() {
        let mut s = GeoSummary::default();
        for g in [
            Geometry::Point([10.0, 50.0]),
            Geometry::LineString(vec![[-5.0, 40.0], [20.0, 60.0]]),
        ] {
            let mut wkb = Vec::new();
            faultlines_core::table::wkb::write(&g, &mut wkb);
            s.add(&wkb).unwrap();
        }
        let m: serde_json::Value = serde_json::from_str(&s.metadata()).unwrap();
        assert_eq!(m["version"], "1.1.0");
        let c = &m["columns"]["geometry"];
        assert_eq!(c["encoding"], "WKB");
        assert_eq!(c["geometry_types"], json!(["LineString", "Point"]));
        assert_eq!(c["bbox"], json!([-5.0, 40.0, 20.0, 60.0]));
    }
}
