//! # Faultlines core
//!
//! Everything about the atlas that can be decided without a window lives here:
//! the data model, imprecise dates, loading and validating a dataset (files
//! are read by [`load`], checked by `validate` and become a [`Dataset`], one
//! way), the time indexes, the queries the UI asks and excerpt linking.
//!
//! This crate is what the app needs at run time and nothing more: no build
//! tools, no geometry engine, no transport. The desktop shell (`src-tauri/`),
//! the HTTP mode and the CLI (the `faultlines` package) are three thin
//! transports over one [`Api`]; the build-time map work is
//! `faultlines-geodata`. Keeping the engine UI-independent means every answer
//! the app shows can be checked from a test or a terminal, and that the
//! browser build and the desktop build can never disagree.
#![forbid(unsafe_code)]

pub mod api;
pub mod cite;
pub mod dataset;
pub mod date;
pub mod error;
pub mod geo;
pub mod index;
pub mod layer;
pub mod link;
pub mod load;
pub mod map;
pub mod model;
pub mod relevance;
pub mod search;
pub mod source;
pub mod table;
mod validate;
mod validate_time;
pub mod view_link;

pub use api::Api;
pub use dataset::Dataset;
pub use date::{Date, Precision};
pub use error::{ApiError, ErrorCode};
pub use validate::event_problems;
