//! WebM and MP4 through the system's `ffmpeg`, where there is one.
//!
//! The app never fetches an encoder: it looks for an executable `ffmpeg` on
//! the PATH (as `which` does), asks it once which encoders it has, and
//! offers WebM (VP8, libvpx) and MP4 (H.264, libx264) only if it has them.
//! Frames are piped to it as raw RGBA; it writes a file in the temporary
//! folder, read back whole at the end and removed.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

use faultlines_core::{ApiError, ErrorCode};

use crate::params::ExportFormat;

/// An executable file named `name` in one of the folders of `path` (a PATH value).
pub fn find_program(name: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    let path = path?;
    std::env::split_paths(path)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.with_extension("exe").is_file() || p.is_file()
}

/// The system's video encoder: the `ffmpeg` found, and the formats it can write.
#[derive(Debug, Clone, Default)]
pub struct Encoders {
    ffmpeg: Option<PathBuf>,
    formats: Vec<ExportFormat>,
}

impl Encoders {
    /// Look for `ffmpeg` on `path` (the process's PATH when `None` is given
    /// by [`Encoders::from_env`]) and ask it for its encoders.
    pub fn detect(path: Option<&OsStr>) -> Self {
        let Some(ffmpeg) = find_program("ffmpeg", path) else {
            return Encoders::default();
        };
        let listed = Command::new(&ffmpeg)
            .args(["-hide_banner", "-encoders"])
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let has = |name: &str| listed.split_whitespace().any(|w| w == name);
        let mut formats = Vec::new();
        if has("libvpx") {
            formats.push(ExportFormat::Webm);
        }
        if has("libx264") {
            formats.push(ExportFormat::Mp4);
        }
        Encoders {
            ffmpeg: Some(ffmpeg),
            formats,
        }
    }

    /// [`Encoders::detect`] on the process's PATH.
    pub fn from_env() -> Self {
        Encoders::detect(std::env::var_os("PATH").as_deref())
    }

    /// The video formats this machine can write.
    pub fn formats(&self) -> &[ExportFormat] {
        &self.formats
    }

    /// Start `ffmpeg` for `format`, or refuse a format it cannot write.
    pub fn start(
        &self,
        format: ExportFormat,
        width: u32,
        height: u32,
        fps: u32,
    ) -> Result<VideoSink, ApiError> {
        let ffmpeg = match &self.ffmpeg {
            Some(f) if self.formats.contains(&format) => f,
            _ => return Err(unavailable(format)),
        };
        VideoSink::start(ffmpeg, format, width, height, fps)
    }
}

fn unavailable(format: ExportFormat) -> ApiError {
    ApiError::param(
        ErrorCode::BadRequest,
        "format",
        format.as_str(),
        format!(
            "{} is not available here: it needs ffmpeg with its encoder on the PATH; GIF always is",
            format.as_str()
        ),
    )
}

fn io(what: &str, e: std::io::Error) -> ApiError {
    ApiError::new(ErrorCode::Internal, format!("{what}: {e}"))
}

/// A running `ffmpeg` fed raw frames.
pub struct VideoSink {
    child: Child,
    stdin: Option<ChildStdin>,
    out: PathBuf,
    stderr: std::thread::JoinHandle<String>,
}

impl VideoSink {
    fn start(
        ffmpeg: &Path,
        format: ExportFormat,
        width: u32,
        height: u32,
        fps: u32,
    ) -> Result<Self, ApiError> {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let out = std::env::temp_dir().join(format!(
            "faultlines-export-{}-{n}.{}",
            std::process::id(),
            format.as_str()
        ));
        let size = format!("{width}x{height}");
        let rate = fps.to_string();
        let mut cmd = Command::new(ffmpeg);
        cmd.args(["-hide_banner", "-loglevel", "error", "-nostdin", "-y"])
            .args([
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgba",
                "-s",
                &size,
                "-framerate",
                &rate,
                "-i",
                "pipe:0",
            ]);
        match format {
            ExportFormat::Webm => cmd.args([
                "-c:v",
                "libvpx",
                "-deadline",
                "realtime",
                "-cpu-used",
                "8",
                "-b:v",
                "4M",
                "-pix_fmt",
                "yuv420p",
            ]),
            // H.264 in 4:2:0 needs even sides: an odd one gets a pixel more.
            _ => cmd.args([
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "20",
                "-pix_fmt",
                "yuv420p",
                "-vf",
                "pad=ceil(iw/2)*2:ceil(ih/2)*2",
                "-movflags",
                "+faststart",
            ]),
        };
        let mut child = cmd
            .arg(&out)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| io("ffmpeg did not start", e))?;
        let stdin = child.stdin.take();
        let mut err = child.stderr.take();
        let stderr = std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(e) = err.as_mut() {
                let _ = e.read_to_string(&mut s);
            }
            s
        });
        Ok(VideoSink {
            child,
            stdin,
            out,
            stderr,
        })
    }

    /// Add one frame of RGBA pixels.
    pub fn push(&mut self, rgba: &[u8]) -> Result<(), ApiError> {
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "ffmpeg's input is closed"))?;
        stdin
            .write_all(rgba)
            .map_err(|e| io("ffmpeg stopped reading frames", e))
    }

    /// Wait for `ffmpeg` to finish the file, and read it.
    pub fn finish(mut self) -> Result<Vec<u8>, ApiError> {
        drop(self.stdin.take());
        let status = self.child.wait().map_err(|e| io("ffmpeg", e))?;
        let stderr = std::mem::replace(&mut self.stderr, std::thread::spawn(String::new));
        let said = stderr.join().unwrap_or_default();
        if !status.success() {
            return Err(ApiError::new(
                ErrorCode::Internal,
                format!("ffmpeg failed ({status}): {}", said.trim()),
            ));
        }
        std::fs::read(&self.out).map_err(|e| io("ffmpeg's file could not be read", e))
    }
}

impl Drop for VideoSink {
    /// A cancelled or failed export leaves no process and no file behind.
    fn drop(&mut self) {
        drop(self.stdin.take());
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        let _ = std::fs::remove_file(&self.out);
    }
}
