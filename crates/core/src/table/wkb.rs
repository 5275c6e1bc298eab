//! Geometries as OGC Well-Known Binary (little-endian, 2D), the encoding
//! GeoArrow (`geoarrow.wkb`) and GeoParquet give a geometry column, so
//! that GDAL, DuckDB, GeoPandas and QGIS read the events' places from
//! `events.arrow` as they are.

use crate::model::{Geometry, LonLat};

const POINT: u32 = 1;
const LINESTRING: u32 = 2;
const POLYGON: u32 = 3;
const MULTIPOINT: u32 = 4;
const MULTILINESTRING: u32 = 5;
const MULTIPOLYGON: u32 = 6;

/// `g` as WKB, appended to `out`.
pub fn write(g: &Geometry, out: &mut Vec<u8>) {
    let head = |out: &mut Vec<u8>, kind: u32| {
        out.push(1);
        out.extend_from_slice(&kind.to_le_bytes());
    };
    let count = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
    let pos = |out: &mut Vec<u8>, p: &LonLat| {
        out.extend_from_slice(&p[0].to_le_bytes());
        out.extend_from_slice(&p[1].to_le_bytes());
    };
    let line = |out: &mut Vec<u8>, v: &[LonLat]| {
        count(out, v.len());
        v.iter().for_each(|p| pos(out, p));
    };
    let rings = |out: &mut Vec<u8>, v: &[Vec<LonLat>]| {
        count(out, v.len());
        v.iter().for_each(|r| line(out, r));
    };
    match g {
        Geometry::Point(p) => {
            head(out, POINT);
            pos(out, p);
        }
        Geometry::LineString(v) => {
            head(out, LINESTRING);
            line(out, v);
        }
        Geometry::Polygon(v) => {
            head(out, POLYGON);
            rings(out, v);
        }
        Geometry::MultiPoint(v) => {
            head(out, MULTIPOINT);
            count(out, v.len());
            for p in v {
                head(out, POINT);
                pos(out, p);
            }
        }
        Geometry::MultiLineString(v) => {
            head(out, MULTILINESTRING);
            count(out, v.len());
            for l in v {
                head(out, LINESTRING);
                line(out, l);
            }
        }
        Geometry::MultiPolygon(v) => {
            head(out, MULTIPOLYGON);
            count(out, v.len());
            for p in v {
                head(out, POLYGON);
                rings(out, p);
            }
        }
    }
}

/// A geometry from WKB, or what is wrong with the bytes.
pub fn read(bytes: &[u8]) -> Result<Geometry, String> {
    let mut r = Reader { b: bytes, at: 0 };
    let g = r.geometry(0)?;
    if r.at != bytes.len() {
        return Err(format!("{} bytes after the geometry", bytes.len() - r.at));
    }
    Ok(g)
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let s = self
            .b
            .get(self.at..self.at + N)
            .ok_or("the geometry ends too soon")?;
        self.at += N;
        Ok(s.try_into().unwrap_or([0; N]))
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take()?))
    }
    fn count(&mut self) -> Result<usize, String> {
        let n = self.u32()? as usize;
        // Every item takes at least 16 bytes: a count past the end is junk.
        if n > self.b.len().saturating_sub(self.at) {
            return Err(format!("a count of {n} runs past the geometry's end"));
        }
        Ok(n)
    }
    fn head(&mut self) -> Result<u32, String> {
        match self.take::<1>()? {
            [1] => self.u32(),
            [b] => Err(format!(
                "byte order {b} is not supported (only little-endian, 1)"
            )),
        }
    }
    fn pos(&mut self) -> Result<LonLat, String> {
        Ok([
            f64::from_le_bytes(self.take()?),
            f64::from_le_bytes(self.take()?),
        ])
    }
    fn line(&mut self) -> Result<Vec<LonLat>, String> {
        (0..self.count()?).map(|_| self.pos()).collect()
    }
    fn rings(&mut self) -> Result<Vec<Vec<LonLat>>, String> {
        (0..self.count()?).map(|_| self.line()).collect()
    }
    fn part(&mut self, want: u32) -> Result<Geometry, String> {
        let g = self.geometry(1)?;
        match (want, &g) {
            (POINT, Geometry::Point(_))
            | (LINESTRING, Geometry::LineString(_))
            | (POLYGON, Geometry::Polygon(_)) => Ok(g),
            _ => Err("a multi-geometry holds a part of another type".into()),
        }
    }
    fn geometry(&mut self, depth: u8) -> Result<Geometry, String> {
        let kind = self.head()?;
        if depth > 0 && kind > POLYGON {
            return Err("a multi-geometry inside another".into());
        }
        Ok(match kind {
            POINT => Geometry::Point(self.pos()?),
            LINESTRING => Geometry::LineString(self.line()?),
            POLYGON => Geometry::Polygon(self.rings()?),
            MULTIPOINT => Geometry::MultiPoint(
                (0..self.count()?)
                    .map(|_| match self.part(POINT)? {
                        Geometry::Point(p) => Ok(p),
                        _ => unreachable!("part checks the type"),
                    })
                    .collect::<Result<_, String>>()?,
            ),
            MULTILINESTRING => Geometry::MultiLineString(
                (0..self.count()?)
                    .map(|_| match self.part(LINESTRING)? {
                        Geometry::LineString(l) => Ok(l),
                        _ => unreachable!("part checks the type"),
                    })
                    .collect::<Result<_, String>>()?,
            ),
            MULTIPOLYGON => Geometry::MultiPolygon(
                (0..self.count()?)
                    .map(|_| match self.part(POLYGON)? {
                        Geometry::Polygon(p) => Ok(p),
                        _ => unreachable!("part checks the type"),
                    })
                    .collect::<Result<_, String>>()?,
            ),
            k => {
                return Err(format!(
                    "geometry type {k} is not supported (2D, types 1 to 6)"
                ))
            }
        })
    }
}
