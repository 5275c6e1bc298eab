//! # Faultlines import
//!
//! Makes a story folder out of the reader's own data: an ACLED export, a
//! UCDP GED file, any CSV with dates and places, a GeoJSON FeatureCollection
//! of events, and optionally an article (plain text or Markdown) whose
//! sentences become excerpts. The app's File → Open and `faultlines import`
//! both call [`import`], so the two can never disagree about a row.
//!
//! The pipeline is one way: [`sniff`] decides what a file is from its bytes
//! (never its name), a reader per format ([`acled`], [`ucdp`], [`table`] for
//! other CSV, [`features`] for GeoJSON) turns rows into events and
//! [`RowProblem`]s (`FILE:LINE: field: what`), [`story`] assembles a dataset
//! and validates it with the core's own checks, and writes it atomically.
//! A bad row is left out and reported; a file that cannot be read at all is
//! an [`ImportError`] naming it; `strict` refuses everything on the first
//! problem. Nothing here knows about windows or sockets.
#![forbid(unsafe_code)]

pub mod acled;
pub mod columns;
pub mod edtf;
pub mod features;
pub mod library;
pub mod problem;
pub mod reason;
pub mod row;
pub mod sea;
pub mod sink;
pub mod sniff;
pub mod story;
pub mod table;
pub mod text;
pub mod ucdp;

pub use problem::{ImportError, ImportWarning, RowProblem};
pub use sniff::Format;
pub use story::{import, parse_source, ImportReport, Options, Parsed};
