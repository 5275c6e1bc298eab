//! How events are laid out in partitions, shared by the writer and the
//! queries so that both agree on which folder holds which days.
//!
//! A partition is a year (`year=2022/`) or a month (`year=2022/month=3/`),
//! numbered as a bucket (the year, or year × 12 + month − 1). An event is
//! written to every bucket its days cover (from its first day's bucket to
//! its last day's, or to the last bucket for one still going), with
//! `continued` true in every copy but the first. So the events on at a day
//! are all in that day's one bucket, and a window counts each event once by
//! keeping the copy in the window's first bucket and the first copies after.

use std::path::Path;

use faultlines_core::date::{civil_from_days, DayNum};
use serde::{Deserialize, Serialize};

/// The file at the root of a partitioned story that says how it is cut.
pub const MANIFEST: &str = "faultlines-scale.json";

/// The width of a partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Year,
    Month,
}

impl By {
    /// The bucket holding day `d`.
    pub fn bucket(self, d: DayNum) -> i32 {
        let (y, m, _) = civil_from_days(d);
        match self {
            By::Year => y,
            By::Month => y * 12 + i32::from(m) - 1,
        }
    }

    /// The folder of bucket `b`, relative to the root (Hive style).
    pub fn folder(self, b: i32) -> String {
        match self {
            By::Year => format!("year={b}"),
            By::Month => format!("year={}/month={}", b.div_euclid(12), b.rem_euclid(12) + 1),
        }
    }

    /// The partition columns the folder names give the table.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            By::Year => &["year"],
            By::Month => &["year", "month"],
        }
    }

    /// The bucket as SQL over the partition columns (what pruning reads).
    pub fn key(self) -> &'static str {
        match self {
            By::Year => "year",
            By::Month => "(year * 12 + month - 1)",
        }
    }
}

/// What [`MANIFEST`] holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always 1 for this layout.
    pub layout: u32,
    pub by: By,
    /// The first and last buckets written (none when the story is empty).
    pub first: Option<i32>,
    pub last: Option<i32>,
    /// Distinct events, and rows written (an event spanning buckets is one
    /// row per bucket).
    pub events: u64,
    pub rows: u64,
    pub files: u64,
    pub bytes: u64,
}

impl Manifest {
    pub fn read(dir: &Path) -> Result<Manifest, String> {
        let path = dir.join(MANIFEST);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let m: Manifest = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a partition manifest: {e}", path.display()))?;
        if m.layout != 1 {
            return Err(format!("{}: unknown layout {}", path.display(), m.layout));
        }
        Ok(m)
    }
}
