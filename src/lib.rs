//! # Faultlines core
//!
//! Everything about the atlas that can be decided without a window lives here:
//! the data model, imprecise dates, loading and validating a dataset (files
//! are read by [`load`], checked by `validate` and become a [`Dataset`], one
//! way), the time indexes, the queries the UI asks, excerpt linking, and the HTTP mode.
//!
//! The desktop shell (`src-tauri/`), the HTTP server ([`http`]) and the CLI
//! (`src/main.rs`) are three thin transports over one [`Api`]. Keeping the
//! engine UI-independent means every answer the app shows can be checked from
//! a test or a terminal, and that the browser build and the desktop build can
//! never disagree.
#![forbid(unsafe_code)]

pub mod api;
pub mod check;
pub mod dataset;
pub mod date;
pub mod error;
pub mod generate;
pub mod geo;
pub mod geobuild;
pub mod history;
pub mod http;
pub mod index;
pub mod layer;
pub mod link;
pub mod load;
pub mod map;
pub mod model;
pub mod raw_layers;
pub mod relevance;
pub mod report;
pub mod search;
pub mod shape;
pub mod source;
mod validate;
pub mod validate_places;
mod validate_shapes;
mod validate_time;

pub use api::Api;
pub use dataset::Dataset;
pub use date::{Date, Precision};
pub use error::{ApiError, ErrorCode};
