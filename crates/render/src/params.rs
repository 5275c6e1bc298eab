//! What an export may ask for, and the limits it is held to.
//!
//! The limits keep one request from taking the machine: a picture's side and
//! area bound its pixel buffer (4 bytes a pixel), an SVG's length bounds the
//! parse, and an animation's frame count and side bound the time and memory
//! of its encoding. Every refusal is a coded [`ApiError`] naming the value
//! and its limit, `too_large` when it is over one, `bad_request` otherwise.

use faultlines_core::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// Longest SVG document accepted, in bytes (a detailed map at 2× is a few MB).
pub const MAX_SVG_BYTES: usize = 64 * 1024 * 1024;
/// Longest side of a picture, in pixels.
pub const MAX_SIDE: u32 = 8192;
/// Most pixels in a picture (160 MB of RGBA).
pub const MAX_PIXELS: u64 = 40_000_000;
/// Longest side of an animation's frame, in pixels.
pub const MAX_FRAME_SIDE: u32 = 3840;
/// Most frames in one animation.
pub const MAX_FRAMES: u32 = 3600;
/// Most frames a second.
pub const MAX_FPS: u32 = 60;
/// Most animations being encoded at once.
pub const MAX_SESSIONS: usize = 4;
/// Largest encoded animation kept in memory, in bytes.
pub const MAX_OUTPUT_BYTES: usize = 512 * 1024 * 1024;

/// An animation's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Always available: encoded in the app.
    Gif,
    /// VP8 in WebM, through the system's `ffmpeg` when it has libvpx.
    Webm,
    /// H.264 in MP4, through the system's `ffmpeg` when it has libx264.
    Mp4,
}

impl ExportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Gif => "gif",
            ExportFormat::Webm => "webm",
            ExportFormat::Mp4 => "mp4",
        }
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Gif => "image/gif",
            ExportFormat::Webm => "video/webm",
            ExportFormat::Mp4 => "video/mp4",
        }
    }
}

/// What this machine can export, and the limits (`GET /api/export/formats`).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ExportFormats {
    /// The animation formats available here: GIF always, WebM and MP4 only
    /// where a system `ffmpeg` with their encoder is on the PATH.
    pub animation: Vec<ExportFormat>,
    pub max_side: u32,
    pub max_pixels: u64,
    pub max_frame_side: u32,
    pub max_frames: u32,
    pub max_fps: u32,
    pub max_svg_bytes: u64,
}

impl ExportFormats {
    pub fn with(animation: Vec<ExportFormat>) -> Self {
        ExportFormats {
            animation,
            max_side: MAX_SIDE,
            max_pixels: MAX_PIXELS,
            max_frame_side: MAX_FRAME_SIDE,
            max_frames: MAX_FRAMES,
            max_fps: MAX_FPS,
            max_svg_bytes: MAX_SVG_BYTES as u64,
        }
    }
}

/// An animation to encode: its format, frame size, rate and number of frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AnimationParams {
    pub format: ExportFormat,
    pub width: u32,
    pub height: u32,
    pub fps: u32,
    /// How many frames will be sent; more are refused.
    pub frames: u32,
}

/// A started animation, named by the id its frames are sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AnimationStarted {
    pub id: u32,
}

/// How many frames an animation has been given so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FrameAdded {
    pub frames: u32,
}

fn over(param: &str, value: impl ToString, max: impl ToString, what: &str) -> ApiError {
    let (value, max) = (value.to_string(), max.to_string());
    ApiError::new(
        ErrorCode::TooLarge,
        format!("{param} {value} is over the limit of {max} {what}"),
    )
    .with_details(serde_json::json!({ "param": param, "value": value, "max": max }))
}

fn zero(param: &str) -> ApiError {
    ApiError::param(
        ErrorCode::BadRequest,
        param,
        0,
        format!("{param} must be at least 1"),
    )
}

/// A picture of `width` × `height` within [`MAX_SIDE`] and [`MAX_PIXELS`].
pub fn check_picture(width: u32, height: u32) -> Result<(), ApiError> {
    check_size(width, height, MAX_SIDE)?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(over("width × height", pixels, MAX_PIXELS, "pixels"));
    }
    Ok(())
}

fn check_size(width: u32, height: u32, max: u32) -> Result<(), ApiError> {
    for (name, v) in [("width", width), ("height", height)] {
        if v == 0 {
            return Err(zero(name));
        }
        if v > max {
            return Err(over(name, v, max, "pixels"));
        }
    }
    Ok(())
}

/// An SVG document no longer than [`MAX_SVG_BYTES`].
pub fn check_svg(len: usize) -> Result<(), ApiError> {
    if len > MAX_SVG_BYTES {
        return Err(over("the SVG's length", len, MAX_SVG_BYTES, "bytes"));
    }
    Ok(())
}

impl AnimationParams {
    /// The parameters within the limits, or the first that is not.
    pub fn check(&self) -> Result<(), ApiError> {
        check_size(self.width, self.height, MAX_FRAME_SIDE)?;
        if self.fps == 0 {
            return Err(zero("fps"));
        }
        if self.fps > MAX_FPS {
            return Err(over("fps", self.fps, MAX_FPS, "frames a second"));
        }
        if self.frames == 0 {
            return Err(zero("frames"));
        }
        if self.frames > MAX_FRAMES {
            return Err(over("frames", self.frames, MAX_FRAMES, "frames"));
        }
        Ok(())
    }
}
