//! Animations encoded while their frames arrive: start → frame… → finish,
//! or cancel at any point.
//!
//! Each animation is a pipeline: [`DRAW_THREADS`] threads draw the frames'
//! SVGs (resvg), frame i on thread i mod n, and one thread encodes the
//! pixels in order (GIF here, or `ffmpeg`). Queues of two frames between the
//! caller and each stage bound the memory (a frame waits, it is never piled
//! up) and let the UI compose the next frame while the last ones are drawn
//! and encoded; drawing is the slow stage, so it has both cores. Cancel sets a flag both threads read
//! before each frame, so they stop within one, and a caller still waiting to
//! hand a frame over is told `cancelled`. An animation left unfinished for
//! ten minutes is dropped at the next start.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use faultlines_core::{ApiError, ErrorCode};

use crate::gif_out::GifSink;
use crate::params::{AnimationParams, ExportFormat, ExportFormats, MAX_OUTPUT_BYTES, MAX_SESSIONS};
use crate::raster::Document;
use crate::video::{Encoders, VideoSink};

const IDLE: Duration = Duration::from_secs(600);
/// Threads drawing frames at once, per animation (the machines it is made for have two cores).
pub const DRAW_THREADS: usize = 2;

enum Sink {
    Gif(GifSink),
    Video(VideoSink),
}

impl Sink {
    fn push(&mut self, rgba: &[u8]) -> Result<usize, ApiError> {
        match self {
            Sink::Gif(g) => g.push(rgba).map(|_| g.written()),
            Sink::Video(v) => v.push(rgba).map(|_| 0),
        }
    }

    fn finish(self) -> Result<Vec<u8>, ApiError> {
        match self {
            Sink::Gif(g) => g.finish(),
            Sink::Video(v) => v.finish(),
        }
    }
}

struct Session {
    params: AnimationParams,
    sent: u32,
    /// Each drawing thread's queue: frame i goes to `frames[i % n]`.
    frames: Vec<SyncSender<Vec<u8>>>,
    cancel: Arc<AtomicBool>,
    /// The drawing threads, then the encoding one, which gives the file.
    draw: Vec<JoinHandle<()>>,
    encode: JoinHandle<Result<Vec<u8>, ApiError>>,
    touched: Instant,
}

fn cancelled() -> ApiError {
    ApiError::new(ErrorCode::Cancelled, "the animation's export was cancelled")
}

fn unknown(id: u32) -> ApiError {
    ApiError::param(
        ErrorCode::NotFound,
        "id",
        id,
        format!(
            "no animation export {id} is under way: it finished, was cancelled, or never started"
        ),
    )
}

/// Every animation under way, and the system's encoders.
pub struct Exports {
    encoders: Encoders,
    sessions: Mutex<HashMap<u32, Session>>,
    next: AtomicU32,
}

impl Exports {
    pub fn new(encoders: Encoders) -> Self {
        Exports {
            encoders,
            sessions: Mutex::default(),
            next: AtomicU32::new(1),
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<u32, Session>> {
        self.sessions.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The formats this machine can write, and the limits.
    pub fn formats(&self) -> ExportFormats {
        let mut animation = vec![ExportFormat::Gif];
        animation.extend_from_slice(self.encoders.formats());
        ExportFormats::with(animation)
    }

    /// Start an animation: its id, to send its frames to.
    pub fn start(&self, params: AnimationParams) -> Result<u32, ApiError> {
        params.check()?;
        let stale: Vec<u32> = self
            .lock()
            .iter()
            .filter(|(_, s)| s.touched.elapsed() > IDLE)
            .map(|(id, _)| *id)
            .collect();
        for id in stale {
            let _ = self.cancel(id);
        }
        if self.lock().len() >= MAX_SESSIONS {
            return Err(ApiError::new(ErrorCode::TooLarge, format!("{MAX_SESSIONS} animations are being exported already; finish or cancel one first")));
        }
        let sink = match params.format {
            ExportFormat::Gif => Sink::Gif(GifSink::new(params.width, params.height, params.fps)?),
            f => Sink::Video(
                self.encoders
                    .start(f, params.width, params.height, params.fps)?,
            ),
        };
        let cancel = Arc::new(AtomicBool::new(false));
        let (w, h) = (params.width, params.height);
        let (mut frames, mut draw, mut drawn) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..DRAW_THREADS {
            let (to_draw, svgs) = sync_channel::<Vec<u8>>(2);
            let (pixels_in, pixels) = sync_channel::<Result<Vec<u8>, ApiError>>(2);
            let stop = cancel.clone();
            let thread = std::thread::Builder::new()
                .name("export-draw".into())
                .spawn(move || draw_frames(svgs, pixels_in, &stop, w, h))
                .map_err(|e| {
                    ApiError::new(
                        ErrorCode::Internal,
                        format!("no thread to draw frames: {e}"),
                    )
                })?;
            frames.push(to_draw);
            draw.push(thread);
            drawn.push(pixels);
        }
        let stop = cancel.clone();
        let encode = std::thread::Builder::new()
            .name("export-encode".into())
            .spawn(move || encode_frames(drawn, sink, &stop))
            .map_err(|e| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!("no thread to encode frames: {e}"),
                )
            })?;
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let session = Session {
            params,
            sent: 0,
            frames,
            cancel,
            draw,
            encode,
            touched: Instant::now(),
        };
        self.lock().insert(id, session);
        Ok(id)
    }

    /// Hand over the next frame (an SVG document of the view); waits while
    /// two frames are already waiting. Returns how many frames were given.
    pub fn add_frame(&self, id: u32, svg: Vec<u8>) -> Result<u32, ApiError> {
        crate::params::check_svg(svg.len())?;
        let (sender, sent) = {
            let mut all = self.lock();
            let s = all.get_mut(&id).ok_or_else(|| unknown(id))?;
            if s.sent >= s.params.frames {
                return Err(ApiError::param(
                    ErrorCode::BadRequest,
                    "frames",
                    s.sent + 1,
                    format!(
                        "the animation was started for {} frames, and all were given",
                        s.params.frames
                    ),
                ));
            }
            s.sent += 1;
            s.touched = Instant::now();
            (
                s.frames[(s.sent as usize - 1) % s.frames.len()].clone(),
                s.sent,
            )
        };
        sender.send(svg).map_err(|_| self.failure(id))?;
        Ok(sent)
    }

    /// Why a session's pipeline stopped taking frames: the error it met
    /// (the session is then over), or a cancel.
    fn failure(&self, id: u32) -> ApiError {
        match self.lock().remove(&id) {
            Some(s) if !s.cancel.load(Ordering::Relaxed) => {
                drop(s.frames);
                s.draw.into_iter().for_each(|t| drop(t.join()));
                match s.encode.join() {
                    Ok(Err(e)) => e,
                    _ => ApiError::new(ErrorCode::Internal, "the animation's encoder stopped"),
                }
            }
            _ => cancelled(),
        }
    }

    /// The finished file, once every frame given is encoded.
    pub fn finish(&self, id: u32) -> Result<Vec<u8>, ApiError> {
        let s = self.lock().remove(&id).ok_or_else(|| unknown(id))?;
        drop(s.frames);
        s.draw.into_iter().for_each(|t| drop(t.join()));
        let out = s.encode.join().map_err(|_| {
            ApiError::new(ErrorCode::Internal, "the animation's encoder panicked")
        })??;
        if s.sent == 0 {
            return Err(ApiError::new(
                ErrorCode::BadRequest,
                "an animation needs at least one frame",
            ));
        }
        Ok(out)
    }

    /// Stop an animation and drop what it made; its threads end within a frame.
    pub fn cancel(&self, id: u32) -> Result<(), ApiError> {
        let s = self.lock().remove(&id).ok_or_else(|| unknown(id))?;
        s.cancel.store(true, Ordering::Relaxed);
        drop(s.frames);
        s.draw.into_iter().for_each(|t| drop(t.join()));
        let _ = s.encode.join();
        Ok(())
    }

    /// The format of animation `id`, while it is under way.
    pub fn format_of(&self, id: u32) -> Option<ExportFormat> {
        self.lock().get(&id).map(|s| s.params.format)
    }
}

fn draw_frames(
    svgs: Receiver<Vec<u8>>,
    out: SyncSender<Result<Vec<u8>, ApiError>>,
    stop: &AtomicBool,
    w: u32,
    h: u32,
) {
    for svg in svgs {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let pixels = Document::parse(&svg)
            .and_then(|d| d.draw(w, h))
            .map(|p| p.take());
        let failed = pixels.is_err();
        if out.send(pixels).is_err() || failed {
            return;
        }
    }
}

/// Encode the frames in order, frame i from drawing thread i mod n, until
/// the thread whose turn it is has no more (every frame given is then done).
fn encode_frames(
    drawn: Vec<Receiver<Result<Vec<u8>, ApiError>>>,
    mut sink: Sink,
    stop: &AtomicBool,
) -> Result<Vec<u8>, ApiError> {
    for frame in (0..).map_while(|i| drawn[i % drawn.len()].recv().ok()) {
        if stop.load(Ordering::Relaxed) {
            return Err(cancelled());
        }
        let written = sink.push(&frame?)?;
        if written > MAX_OUTPUT_BYTES {
            return Err(ApiError::new(
                ErrorCode::TooLarge,
                format!(
                    "the animation is over {MAX_OUTPUT_BYTES} bytes; make it shorter or smaller"
                ),
            ));
        }
    }
    if stop.load(Ordering::Relaxed) {
        return Err(cancelled());
    }
    sink.finish()
}
