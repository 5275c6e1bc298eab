//! `faultlines partition`: a story's events as time-partitioned GeoParquet,
//! one folder per year or month (see [`super::layout`] for which rows go
//! where), and the manifest that says how it was cut.
//!
//! The rows are the core's own Arrow columns (`table::ipc`), so the files
//! read back as the same story in any Arrow tool. DataFusion is built on the
//! Arrow release before the core's, so each batch crosses over as an Arrow
//! IPC buffer (a copy of the column buffers, no parsing), and gains the
//! `continued` column. Rows keep the story's order (by first day), and row
//! groups are kept small so their first- and last-day statistics prune
//! within a partition too.

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use datafusion::arrow::array::{Array, AsArray, BooleanArray, RecordBatch};
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::arrow::ipc::reader::FileReader;
use faultlines_core::model::OPEN_END;
use faultlines_core::table::EventTable;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use super::geoparquet::GeoSummary;
use super::layout::{By, Manifest, MANIFEST};

/// Rows per row group (and per batch crossing over).
const ROW_GROUP: usize = 1 << 16;

/// What [`write`] did.
pub type Written = Manifest;

/// Write `t` under `out` (a new or empty folder) in partitions of `by`.
pub fn write(t: &EventTable, out: &Path, by: By) -> Result<Written, String> {
    let io = |e: std::io::Error| format!("{}: {e}", out.display());
    if out.exists() && std::fs::read_dir(out).map_err(io)?.next().is_some() {
        return Err(format!("{} is not empty", out.display()));
    }
    std::fs::create_dir_all(out).map_err(io)?;
    let (lo, hi) = (t.lo(), t.hi());
    let mut order: Vec<u32> = (0..t.len() as u32).collect();
    if !lo.is_sorted() {
        order.sort_by_key(|&i| lo[i as usize]);
    }
    let start = |i: u32| by.bucket(lo[i as usize]);
    let end = |i: u32| (hi[i as usize] != OPEN_END).then(|| by.bucket(hi[i as usize]));
    let first = order.first().map(|&i| start(i));
    let last = (0..t.len() as u32)
        .map(|i| end(i).unwrap_or(start(i)))
        .max();
    let mut m = Manifest {
        layout: 1,
        by,
        first,
        last,
        events: t.len() as u64,
        rows: 0,
        files: 0,
        bytes: 0,
    };
    let (Some(mut b), Some(last)) = (first, last) else {
        return finish(out, m);
    };
    let mut carried: Vec<u32> = Vec::new();
    let mut next = 0;
    while b <= last {
        let begin = next;
        while next < order.len() && start(order[next]) == b {
            next += 1;
        }
        let starting = &order[begin..next];
        if !carried.is_empty() || !starting.is_empty() {
            let rows = carried.iter().map(|&i| (i, true));
            let rows: Vec<(u32, bool)> = rows.chain(starting.iter().map(|&i| (i, false))).collect();
            m.bytes += write_file(t, &out.join(by.folder(b)), &rows)?;
            m.rows += rows.len() as u64;
            m.files += 1;
        }
        carried.extend_from_slice(starting);
        carried.retain(|&i| end(i).unwrap_or(last).max(start(i)) > b);
        // Skip the buckets no event covers.
        b = match (carried.is_empty(), order.get(next)) {
            (true, Some(&i)) => start(i),
            (true, None) => break,
            (false, _) => b + 1,
        };
    }
    finish(out, m)
}

fn finish(out: &Path, m: Manifest) -> Result<Written, String> {
    let path = out.join(MANIFEST);
    let text = serde_json::to_string_pretty(&m).map_err(|e| e.to_string())?;
    std::fs::write(&path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(m)
}

/// One partition's file; returns its size in bytes.
fn write_file(t: &EventTable, dir: &Path, rows: &[(u32, bool)]) -> Result<u64, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join("part-0.parquet");
    let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(ROW_GROUP))
        .build();
    let mut writer = None;
    let mut geo = GeoSummary::default();
    for chunk in rows.chunks(ROW_GROUP) {
        let batch = cross_over(t, chunk)?;
        let wkb = batch
            .column_by_name("geometry")
            .and_then(|c| c.as_binary_opt::<i32>())
            .ok_or("the core's batch has no WKB geometry column")?;
        (0..wkb.len()).try_for_each(|i| geo.add(wkb.value(i)))?;
        let w = match &mut writer {
            Some(w) => w,
            None => writer.insert(
                ArrowWriter::try_new(
                    file.try_clone().map_err(|e| e.to_string())?,
                    batch.schema(),
                    Some(props.clone()),
                )
                .map_err(|e| e.to_string())?,
            ),
        };
        w.write(&batch).map_err(|e| e.to_string())?;
    }
    let mut w = writer.ok_or("a partition with no rows")?;
    w.append_key_value_metadata(KeyValue::new("geo".to_string(), geo.metadata()));
    w.close().map_err(|e| e.to_string())?;
    std::fs::metadata(&path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The core's batch of `rows`, in DataFusion's Arrow, with `continued`.
fn cross_over(t: &EventTable, rows: &[(u32, bool)]) -> Result<RecordBatch, String> {
    let mut buf = Vec::new();
    faultlines_core::table::ipc::write_rows(t, rows.iter().map(|&(i, _)| i as usize), &mut buf)?;
    let mut reader = FileReader::try_new(Cursor::new(buf), None).map_err(|e| e.to_string())?;
    let batch = reader
        .next()
        .ok_or("the core wrote no batch")?
        .map_err(|e| e.to_string())?;
    let s = batch.schema();
    let mut fields: Vec<Arc<Field>> = s.fields().iter().cloned().collect();
    fields.push(Arc::new(Field::new("continued", DataType::Boolean, false)));
    let schema = Schema::new(fields).with_metadata(s.metadata().clone());
    let mut columns = batch.columns().to_vec();
    columns.push(Arc::new(BooleanArray::from_iter(
        rows.iter().map(|&(_, c)| Some(c)),
    )));
    RecordBatch::try_new(Arc::new(schema), columns).map_err(|e| e.to_string())
}
