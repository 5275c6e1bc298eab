//! The story's geometries: the GeoJSON types it uses, in longitude and
//! latitude, and their conversion from the `geojson` crate's.

use super::*;

/// A longitude/latitude pair in degrees (WGS84), as in GeoJSON.
pub type LonLat = [f64; 2];

/// The GeoJSON geometries the story uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "coordinates")]
pub enum Geometry {
    Point(LonLat),
    MultiPoint(Vec<LonLat>),
    LineString(Vec<LonLat>),
    MultiLineString(Vec<Vec<LonLat>>),
    Polygon(Vec<Vec<LonLat>>),
    MultiPolygon(Vec<Vec<Vec<LonLat>>>),
}

impl Geometry {
    /// Every coordinate, in order.
    pub fn coords(&self) -> Box<dyn Iterator<Item = &LonLat> + '_> {
        match self {
            Geometry::Point(p) => Box::new(std::iter::once(p)),
            Geometry::MultiPoint(v) | Geometry::LineString(v) => Box::new(v.iter()),
            Geometry::MultiLineString(v) | Geometry::Polygon(v) => Box::new(v.iter().flatten()),
            Geometry::MultiPolygon(v) => Box::new(v.iter().flatten().flatten()),
        }
    }
}

/// Why a GeoJSON geometry is not one the story can hold.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeometryError {
    #[error("a GeometryCollection is not supported; use one geometry per feature")]
    Collection,
    #[error("a position has {0} numbers; it needs longitude and latitude")]
    Position(usize),
}

fn lonlat(p: &geojson::Position) -> Result<LonLat, GeometryError> {
    match p.as_slice() {
        [lon, lat, ..] => Ok([*lon, *lat]),
        other => Err(GeometryError::Position(other.len())),
    }
}

fn run(ps: &[geojson::Position]) -> Result<Vec<LonLat>, GeometryError> {
    ps.iter().map(lonlat).collect()
}

fn runs(rs: &[Vec<geojson::Position>]) -> Result<Vec<Vec<LonLat>>, GeometryError> {
    rs.iter().map(|r| run(r)).collect()
}

/// From the `geojson` crate's geometry, so that typed features can be read
/// with `geojson::de::deserialize_geometry`. Heights (a third number) are
/// dropped: the map is flat.
impl TryFrom<geojson::Geometry> for Geometry {
    type Error = GeometryError;
    fn try_from(g: geojson::Geometry) -> Result<Geometry, GeometryError> {
        use geojson::GeometryValue as V;
        Ok(match &g.value {
            V::Point { coordinates } => Geometry::Point(lonlat(coordinates)?),
            V::MultiPoint { coordinates } => Geometry::MultiPoint(run(coordinates)?),
            V::LineString { coordinates } => Geometry::LineString(run(coordinates)?),
            V::MultiLineString { coordinates } => Geometry::MultiLineString(runs(coordinates)?),
            V::Polygon { coordinates } => Geometry::Polygon(runs(coordinates)?),
            V::MultiPolygon { coordinates } => Geometry::MultiPolygon(
                coordinates
                    .iter()
                    .map(|p| runs(p))
                    .collect::<Result<_, _>>()?,
            ),
            V::GeometryCollection { .. } => return Err(GeometryError::Collection),
        })
    }
}
