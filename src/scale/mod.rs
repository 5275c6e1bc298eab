//! A story too large for one machine's memory: its events as time-partitioned
//! GeoParquet files that Apache DataFusion queries (`docs/scale.md`).
//!
//! The in-memory core answers a million events at frame rate; beyond tens of
//! millions the events belong in files an existing engine reads, not in a
//! home-made one. [`write`] cuts a story into one folder per year (or month),
//! [`Scale`] answers the state at a day and the histogram as SQL over those
//! folders, reading only the partitions the question can touch, and
//! [`routes`] serves both under `/api/scale/`. The same SQL plan runs
//! distributed on Ballista (DataFusion's scheduler and executors).

mod bins;
mod geoparquet;
mod layout;
mod page;
mod plan;
mod query;
pub mod routes;
mod write;

pub use layout::{By, Manifest, MANIFEST};
pub use page::ScaleEvent;
pub use query::{Scale, ScaleHistogram, ScaleState};
pub use write::{write, Written};
