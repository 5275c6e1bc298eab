//! Pictures of the atlas's views, beside the core and free of it: the core
//! answers questions about the story; this crate turns the UI's own picture
//! of a view (an SVG document the UI composes from what it draws, see
//! `ui/src/export/`) into a PNG, or a run of them, one a date, into an
//! animation. Both transports (the desktop app's commands and `faultlines
//! serve`) call the same functions, so a picture has the same pixels in both.
//!
//! - [`raster`]: an SVG drawn with resvg in the system's fonts, and as PNG;
//! - [`session`]: animations encoded while their frames arrive, cancellable;
//! - [`gif_out`]: the GIF encoder (one palette, only what changed a frame);
//! - [`video`]: WebM and MP4 through a system `ffmpeg`, when there is one;
//! - [`params`]: the formats, the parameters and their limits.
#![forbid(unsafe_code)]

pub mod gif_out;
pub mod params;
pub mod raster;
pub mod session;
pub mod video;

pub use params::{AnimationParams, AnimationStarted, ExportFormat, ExportFormats, FrameAdded};
pub use raster::png;
pub use session::Exports;
pub use video::Encoders;

#[cfg(test)]
mod tests;
