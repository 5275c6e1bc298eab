//! # Faultlines geodata
//!
//! The build-time work on the map, beside the runtime core: building
//! `geodata/map/` from the raw layers of `geodata/src/` ([`geobuild`], with
//! the past shapes of [`history`] cut by the boolean operations of [`shape`]),
//! encoding layers ([`encode`]), the slower checks of `faultlines check` over
//! the drawn map ([`check`]), the audit reports ([`report`]) and synthetic
//! datasets for benchmarks and stress tests ([`generate`]). The `geo` crate
//! lives here, so the app never links it.
#![forbid(unsafe_code)]

pub mod banded;
pub mod check;
pub mod encode;
pub mod error;
pub mod generate;
pub mod geobuild;
pub mod geom;
pub mod history;
pub mod raw_layers;
pub mod report;
pub mod shape;
pub mod validate_places;
mod validate_shapes;
