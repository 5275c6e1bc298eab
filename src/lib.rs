//! The `faultlines` command line and its HTTP mode, over the core's one
//! [`faultlines_core::Api`]. The HTTP mode is behind the `http` feature (on
//! by default), so nothing else links axum or tokio.
#![forbid(unsafe_code)]

#[cfg(feature = "http")]
mod export_routes;
#[cfg(feature = "http")]
pub mod http;
#[cfg(feature = "scale")]
pub mod scale;
