//! Frames into an animated GIF, as they arrive.
//!
//! One palette for the whole animation: NeuQuant (the `color_quant` crate,
//! sampling every 10th pixel) learns it from the first frame, which holds
//! the map, the legend and the titles that every later frame repeats. Each
//! pixel is then mapped to its nearest palette entry through a table of
//! 6-bit-per-channel colours filled as colours are met, so a frame costs a
//! lookup a pixel. Only the box that changed since the previous frame is
//! written (the rest of the picture is kept, `DisposalMethod::Keep`), which
//! makes the LZW work and the file a fraction of full frames. Nothing of a
//! frame is kept but its indices, for the next comparison.

use std::borrow::Cow;

use color_quant::NeuQuant;
use faultlines_core::{ApiError, ErrorCode};
use gif::{DisposalMethod, Encoder, Frame, Repeat};

/// NeuQuant's sampling factor: 1 learns from every pixel, 30 from every 30th.
const SAMPLE: i32 = 10;
const EMPTY: u16 = u16::MAX;

fn gif_error(e: gif::EncodingError) -> ApiError {
    ApiError::new(ErrorCode::Internal, format!("GIF encoding failed: {e}"))
}

pub struct GifSink {
    width: u16,
    height: u16,
    fps: u32,
    frames: u32,
    encoder: Option<Encoder<Vec<u8>>>,
    palette: Vec<[u8; 3]>,
    /// Palette index of each 18-bit colour met so far.
    nearest: Vec<u16>,
    previous: Vec<u8>,
    current: Vec<u8>,
}

impl GifSink {
    pub fn new(width: u32, height: u32, fps: u32) -> Result<Self, ApiError> {
        let side = |v: u32, name: &str| {
            u16::try_from(v).map_err(|_| {
                ApiError::param(
                    ErrorCode::TooLarge,
                    name,
                    v,
                    "a GIF's side is at most 65535",
                )
            })
        };
        Ok(GifSink {
            width: side(width, "width")?,
            height: side(height, "height")?,
            fps,
            frames: 0,
            encoder: None,
            palette: Vec::new(),
            nearest: vec![EMPTY; 1 << 18],
            previous: Vec::new(),
            current: vec![0; width as usize * height as usize],
        })
    }

    /// The delay before frame `i`'s successor, in hundredths of a second,
    /// rounded so that the delays add up to the animation's duration.
    fn delay(&self, i: u32) -> u16 {
        let at = |n: u32| (u64::from(n) * 100 + u64::from(self.fps) / 2) / u64::from(self.fps);
        (at(i + 1) - at(i)).clamp(1, u64::from(u16::MAX)) as u16
    }

    fn learn(&mut self, rgba: &[u8]) -> Result<(), ApiError> {
        let nq = NeuQuant::new(SAMPLE, 256, rgba);
        let map = nq.color_map_rgb();
        self.palette = map.chunks_exact(3).map(|c| [c[0], c[1], c[2]]).collect();
        let mut enc = Encoder::new(Vec::new(), self.width, self.height, &map).map_err(gif_error)?;
        enc.set_repeat(Repeat::Infinite).map_err(gif_error)?;
        self.encoder = Some(enc);
        Ok(())
    }

    fn index_of(&mut self, r: u8, g: u8, b: u8) -> u8 {
        let key = (usize::from(r >> 2) << 12) | (usize::from(g >> 2) << 6) | usize::from(b >> 2);
        let hit = self.nearest[key];
        if hit != EMPTY {
            return hit as u8;
        }
        let mut best = (u32::MAX, 0usize);
        for (i, p) in self.palette.iter().enumerate() {
            let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2) as u32;
            let dist = d(p[0], r) + d(p[1], g) + d(p[2], b);
            if dist < best.0 {
                best = (dist, i);
            }
        }
        self.nearest[key] = best.1 as u16;
        best.1 as u8
    }

    /// Add one frame of opaque RGBA pixels (premultiplied alpha is the same).
    pub fn push(&mut self, rgba: &[u8]) -> Result<(), ApiError> {
        let (w, h) = (usize::from(self.width), usize::from(self.height));
        if rgba.len() != w * h * 4 {
            return Err(ApiError::new(
                ErrorCode::Internal,
                format!("a frame of {} bytes for {w} × {h} pixels", rgba.len()),
            ));
        }
        if self.encoder.is_none() {
            self.learn(rgba)?;
        }
        let mut current = std::mem::take(&mut self.current);
        for (px, out) in rgba.chunks_exact(4).zip(current.iter_mut()) {
            *out = self.index_of(px[0], px[1], px[2]);
        }
        let (left, top, fw, fh) = changed_box(&self.previous, &current, w, h);
        let mut buffer = Vec::with_capacity(fw * fh);
        for row in top..top + fh {
            buffer.extend_from_slice(&current[row * w + left..row * w + left + fw]);
        }
        let frame = Frame {
            delay: self.delay(self.frames),
            dispose: DisposalMethod::Keep,
            left: left as u16,
            top: top as u16,
            width: fw as u16,
            height: fh as u16,
            buffer: Cow::Owned(buffer),
            ..Frame::default()
        };
        let enc = self
            .encoder
            .as_mut()
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "no GIF encoder"))?;
        enc.write_frame(&frame).map_err(gif_error)?;
        self.frames += 1;
        self.current = std::mem::replace(&mut self.previous, current);
        if self.current.len() != w * h {
            self.current = vec![0; w * h];
        }
        Ok(())
    }

    /// Bytes written so far (the output is bounded by the caller).
    pub fn written(&mut self) -> usize {
        self.encoder.as_mut().map_or(0, |e| e.get_mut().len())
    }

    /// The finished file.
    pub fn finish(self) -> Result<Vec<u8>, ApiError> {
        match self.encoder {
            Some(enc) => enc.into_inner().map_err(gif_error),
            None => Err(ApiError::new(
                ErrorCode::BadRequest,
                "an animation needs at least one frame",
            )),
        }
    }
}

/// The box (left, top, width, height) where `now` differs from `before`:
/// the whole picture for the first frame, one pixel when nothing changed
/// (a GIF frame cannot be empty, and every frame is kept for its delay).
fn changed_box(before: &[u8], now: &[u8], w: usize, h: usize) -> (usize, usize, usize, usize) {
    if before.len() != now.len() {
        return (0, 0, w, h);
    }
    let differs = |r: usize| before[r * w..(r + 1) * w] != now[r * w..(r + 1) * w];
    let Some(top) = (0..h).find(|&r| differs(r)) else {
        return (0, 0, 1, 1);
    };
    let bottom = (top..h).rev().find(|&r| differs(r)).unwrap_or(top);
    let (mut left, mut right) = (w, 0);
    for r in top..=bottom {
        let (a, b) = (&before[r * w..(r + 1) * w], &now[r * w..(r + 1) * w]);
        if let Some(l) = (0..left).find(|&x| a[x] != b[x]) {
            left = l;
        }
        if let Some(x) = (right..w).rev().find(|&x| a[x] != b[x]) {
            right = right.max(x);
        }
    }
    (left, top, right + 1 - left, bottom + 1 - top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changed_box_is_the_smallest_around_every_change() {
        let before = vec![0u8; 5 * 4];
        let mut now = before.clone();
        now[5 + 3] = 1;
        now[2 * 5 + 1] = 1;
        assert_eq!(changed_box(&before, &now, 5, 4), (1, 1, 3, 2));
        assert_eq!(changed_box(&before, &before, 5, 4), (0, 0, 1, 1));
        assert_eq!(changed_box(&[], &now, 5, 4), (0, 0, 5, 4));
    }

    #[test]
    fn delays_add_up_to_the_duration() {
        let sink = GifSink::new(2, 2, 12).unwrap();
        let total: u32 = (0..12).map(|i| u32::from(sink.delay(i))).sum();
        assert_eq!(total, 100);
    }
}
