//! The state's page of events: DataFusion's rows (text columns may come
//! back as views, the geometry as WKB) as the JSON the route answers.

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Date32Type};
use faultlines_core::date::DayNum;
use serde::Serialize;

/// One event on at a day, as the state's page lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleEvent {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub start: String,
    pub end: Option<String>,
    pub first_day: DayNum,
    pub last_day: Option<DayNum>,
    /// The event's last position (longitude, latitude).
    pub point: Option<[f64; 2]>,
}

/// The page's rows as events.
pub fn page_rows(b: &RecordBatch) -> Result<Vec<ScaleEvent>, String> {
    let text = |i: usize| cast(b.column(i), &DataType::Utf8).map_err(|e| e.to_string());
    let t: Vec<_> = (0..5).map(text).collect::<Result<_, _>>()?;
    let t: Vec<_> = t.iter().map(|c| c.as_string::<i32>()).collect();
    let first = b.column(5).as_primitive::<Date32Type>();
    let last = b.column(6).as_primitive::<Date32Type>();
    let wkb = cast(b.column(7), &DataType::Binary).map_err(|e| e.to_string())?;
    let wkb = wkb.as_binary::<i32>();
    (0..b.num_rows())
        .map(|i| {
            let g = faultlines_core::table::wkb::read(wkb.value(i))?;
            Ok(ScaleEvent {
                id: t[0].value(i).to_string(),
                title: t[1].value(i).to_string(),
                kind: t[2].value(i).to_string(),
                start: t[3].value(i).to_string(),
                end: t[4].is_valid(i).then(|| t[4].value(i).to_string()),
                first_day: first.value(i),
                last_day: last.is_valid(i).then(|| last.value(i)),
                point: g.coords().last().copied(),
            })
        })
        .collect()
}
