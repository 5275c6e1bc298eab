//! The partitioned story as a DataFusion table, and the two questions the
//! timeline asks of it as SQL: what is on at a day, and how many events
//! each bin of a window holds.
//!
//! The folders are a listing table whose partition columns (`year`, and
//! `month` when cut by month) come from the folder names, so a predicate on
//! them drops whole files before any is opened; the row predicates on
//! `first_day` and `last_day` are pushed into the Parquet scan, which skips
//! row groups by their statistics and decodes the other columns only for
//! the rows that pass. The answers are the in-memory core's, exactly
//! (`tests/scale.rs` compares them).

use std::path::Path;
use std::sync::Arc;

use datafusion::arrow::array::{Array, AsArray};
use datafusion::arrow::datatypes::{DataType, Date32Type, Int64Type};
use datafusion::common::ScalarValue;
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::ListingOptions;
use datafusion::prelude::{SessionConfig, SessionContext};
use faultlines_core::api::{Histogram, HistogramMode};
use faultlines_core::date::DayNum;
use serde::Serialize;

use super::bins;
use super::layout::Manifest;
use super::page::{page_rows, ScaleEvent};
use super::plan::run;

/// A partitioned story, open for queries.
pub struct Scale {
    ctx: SessionContext,
    manifest: Manifest,
}

/// `GET /api/scale/state`: how many events are on at `day`, a page of them
/// in story order, and the files read to answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleState {
    pub day: DayNum,
    pub count: u64,
    pub offset: usize,
    pub events: Vec<ScaleEvent>,
    pub files_scanned: usize,
    pub files: u64,
}

/// `GET /api/scale/histogram`: the core's histogram, and the files read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleHistogram {
    #[serde(flatten)]
    pub histogram: Histogram,
    pub files_scanned: usize,
    pub files: u64,
}

fn day(d: DayNum) -> ScalarValue {
    ScalarValue::Date32(Some(d))
}

impl Scale {
    /// Open the folder `faultlines partition` wrote.
    pub async fn open(dir: &Path) -> Result<Scale, String> {
        let manifest = Manifest::read(dir)?;
        let mut config = SessionConfig::new();
        let parquet = &mut config.options_mut().execution.parquet;
        parquet.pushdown_filters = true;
        parquet.reorder_filters = true;
        let ctx = SessionContext::new_with_config(config);
        let columns = manifest.by.columns().iter();
        let options = ListingOptions::new(Arc::new(ParquetFormat::default()))
            .with_file_extension(".parquet")
            .with_table_partition_cols(columns.map(|c| (c.to_string(), DataType::Int32)).collect());
        let root = std::path::absolute(dir).map_err(|e| e.to_string())?;
        let url = format!("{}/", root.to_string_lossy().trim_end_matches('/'));
        ctx.register_listing_table("events", url, options, None, None)
            .await
            .map_err(|e| e.to_string())?;
        Ok(Scale { ctx, manifest })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The bucket to read for `d`: its own, or the last one written for a
    /// day after it (where only the events still going are on).
    fn bucket(&self, d: DayNum) -> i32 {
        let b = self.manifest.by.bucket(d);
        self.manifest.last.map_or(b, |last| b.min(last))
    }

    /// The events on at day `t`: their count, and `limit` of them from `offset`.
    pub async fn state(
        &self,
        t: DayNum,
        offset: usize,
        limit: usize,
    ) -> Result<ScaleState, String> {
        let on = format!(
            "{} = {} AND first_day <= $1 AND (last_day IS NULL OR last_day >= $1)",
            self.manifest.by.key(),
            self.bucket(t)
        );
        let count = format!("SELECT count(*) AS n FROM events WHERE {on}");
        let page = format!(
            "SELECT id, title, kind, start, \"end\", first_day, last_day, geometry FROM events \
             WHERE {on} ORDER BY first_day, last_day NULLS LAST, id LIMIT {limit} OFFSET {offset}"
        );
        let (count, page) = tokio::try_join!(
            run(&self.ctx, &count, vec![day(t)]),
            run(&self.ctx, &page, vec![day(t)])
        )?;
        let n = count.batches.iter().find(|b| b.num_rows() > 0);
        let n = n.map_or(0, |b| b.column(0).as_primitive::<Int64Type>().value(0));
        let mut events = Vec::new();
        for b in &page.batches {
            events.extend(page_rows(b)?);
        }
        Ok(ScaleState {
            day: t,
            count: n as u64,
            offset,
            events,
            files_scanned: count.files.max(page.files),
            files: self.manifest.files,
        })
    }

    /// The core's [`Histogram`] of `[a, b]` in `bins` bins.
    pub async fn histogram(
        &self,
        (a, b): (DayNum, DayNum),
        bins: usize,
        mode: HistogramMode,
    ) -> Result<ScaleHistogram, String> {
        let key = self.manifest.by.key();
        let (ka, kb) = (self.bucket(a), self.bucket(b));
        // Each event once: its copy in the window's first bucket, or its first copy.
        let sql = match mode {
            HistogramMode::Overlap => format!(
                "WITH w AS (SELECT greatest(first_day, $1) AS lo, \
                 least(coalesce(last_day, $2), $2) AS hi FROM events \
                 WHERE {key} BETWEEN {ka} AND {kb} AND ({key} = {ka} OR NOT continued) \
                 AND first_day <= $2 AND (last_day IS NULL OR last_day >= $1)) \
                 SELECT lo, hi, count(*) AS n FROM w GROUP BY GROUPING SETS ((lo), (hi))"
            ),
            HistogramMode::Starts => format!(
                "SELECT first_day AS lo, first_day AS hi, count(*) AS n FROM events \
                 WHERE {key} BETWEEN {ka} AND {kb} AND NOT continued \
                 AND first_day BETWEEN $1 AND $2 GROUP BY first_day"
            ),
        };
        let ran = run(&self.ctx, &sql, vec![day(a), day(b)]).await?;
        let mut tally = bins::Tally::default();
        for batch in &ran.batches {
            let (lo, hi) = (batch.column(0), batch.column(1));
            let (lo, hi) = (
                lo.as_primitive::<Date32Type>(),
                hi.as_primitive::<Date32Type>(),
            );
            let n = batch.column(2).as_primitive::<Int64Type>();
            for i in 0..batch.num_rows() {
                let n = n.value(i) as u64;
                if lo.is_valid(i) {
                    tally.starts.push((lo.value(i), n));
                }
                if hi.is_valid(i) {
                    tally.ends.push((hi.value(i), n));
                }
            }
        }
        Ok(ScaleHistogram {
            histogram: tally.histogram(a, b, bins),
            files_scanned: ran.files,
            files: self.manifest.files,
        })
    }
}
