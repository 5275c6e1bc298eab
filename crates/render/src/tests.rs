//! The exports as a caller sees them: PNGs of the asked size and colours,
//! GIFs that decode to the frames given, cancel, and every limit refused
//! with its code.

use std::ffi::OsString;

use faultlines_core::ErrorCode;

use crate::params::{MAX_FRAMES, MAX_SIDE};
use crate::{png, AnimationParams, Encoders, ExportFormat, Exports};

/// A 40 × 30 document: a red field with a blue square at `x`, and a label.
fn scene(x: u32) -> Vec<u8> {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30" viewBox="0 0 40 30">
<rect width="40" height="30" fill="#ff0000"/><rect x="{x}" y="5" width="10" height="10" fill="#0000ff"/>
<text x="2" y="28" font-size="6" fill="#000">1990</text></svg>"##
    )
    .into_bytes()
}

fn pixel(png_bytes: &[u8], x: u32, y: u32) -> [u8; 4] {
    let p = tiny_skia::Pixmap::decode_png(png_bytes).expect("a PNG");
    let c = p.pixel(x, y).expect("inside").demultiply();
    [c.red(), c.green(), c.blue(), c.alpha()]
}

fn png_size(png_bytes: &[u8]) -> (u32, u32) {
    let p = tiny_skia::Pixmap::decode_png(png_bytes).expect("a PNG");
    (p.width(), p.height())
}

#[test]
fn a_png_has_the_asked_size_and_the_document_s_colours() {
    let one = png(&scene(20), 40, 30).unwrap();
    assert_eq!(png_size(&one), (40, 30));
    assert_eq!(pixel(&one, 1, 1), [255, 0, 0, 255]);
    assert_eq!(pixel(&one, 25, 10), [0, 0, 255, 255]);
    let two = png(&scene(20), 80, 60).unwrap();
    assert_eq!(png_size(&two), (80, 60));
    assert_eq!(
        pixel(&two, 50, 20),
        [0, 0, 255, 255],
        "2× draws the square at twice the place"
    );
    assert_eq!(png_size(&png(&scene(20), 123, 45).unwrap()), (123, 45));
}

#[test]
fn text_is_drawn_in_the_system_s_fonts() {
    let with = png(&scene(20), 40, 30).unwrap();
    let p = tiny_skia::Pixmap::decode_png(&with).unwrap();
    let dark = (0..20)
        .flat_map(|x| (22..30).map(move |y| (x, y)))
        .filter(|&(x, y)| p.pixel(x, y).unwrap().red() < 100)
        .count();
    assert!(
        dark > 5,
        "the label's glyphs are drawn ({dark} dark pixels)"
    );
}

#[test]
fn a_picture_over_the_limits_or_an_svg_that_does_not_parse_is_refused_with_its_code() {
    let e = png(&scene(0), MAX_SIDE + 1, 10).unwrap_err();
    assert_eq!(e.code, ErrorCode::TooLarge);
    assert!(e.message.contains("width"), "{}", e.message);
    assert_eq!(
        png(&scene(0), 8000, 8000).unwrap_err().code,
        ErrorCode::TooLarge
    );
    assert_eq!(
        png(&scene(0), 0, 10).unwrap_err().code,
        ErrorCode::BadRequest
    );
    let e = png(b"<svg", 10, 10).unwrap_err();
    assert_eq!(e.code, ErrorCode::BadRequest);
    assert!(e.message.contains("SVG"), "{}", e.message);
    let huge = vec![b' '; crate::params::MAX_SVG_BYTES + 1];
    assert_eq!(png(&huge, 10, 10).unwrap_err().code, ErrorCode::TooLarge);
}

fn gif_params(frames: u32) -> AnimationParams {
    AnimationParams {
        format: ExportFormat::Gif,
        width: 40,
        height: 30,
        fps: 10,
        frames,
    }
}

/// Decode a GIF: its size and each frame composed onto the last, as RGBA.
fn decode(bytes: &[u8]) -> (u16, u16, Vec<Vec<u8>>, Vec<u16>) {
    let mut opts = gif::DecodeOptions::new();
    opts.set_color_output(gif::ColorOutput::RGBA);
    let mut d = opts.read_info(bytes).expect("a GIF");
    let (w, h) = (d.width(), d.height());
    let mut canvas = vec![0u8; usize::from(w) * usize::from(h) * 4];
    let (mut frames, mut delays) = (Vec::new(), Vec::new());
    while let Some(f) = d.read_next_frame().expect("a frame") {
        for y in 0..usize::from(f.height) {
            for x in 0..usize::from(f.width) {
                let (src, dst) = (
                    (y * usize::from(f.width) + x) * 4,
                    ((y + usize::from(f.top)) * usize::from(w) + x + usize::from(f.left)) * 4,
                );
                canvas[dst..dst + 4].copy_from_slice(&f.buffer[src..src + 4]);
            }
        }
        frames.push(canvas.clone());
        delays.push(f.delay);
    }
    (w, h, frames, delays)
}

fn rgba_at(frame: &[u8], w: usize, x: usize, y: usize) -> [u8; 3] {
    let i = (y * w + x) * 4;
    [frame[i], frame[i + 1], frame[i + 2]]
}

fn near(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 12)
}

#[test]
fn a_gif_decodes_to_every_frame_given_at_its_size_and_rate() {
    let ex = Exports::new(Encoders::default());
    let id = ex.start(gif_params(5)).unwrap();
    for i in 0..5 {
        assert_eq!(ex.add_frame(id, scene(i * 6)).unwrap(), i + 1);
    }
    let bytes = ex.finish(id).unwrap();
    let (w, h, frames, delays) = decode(&bytes);
    assert_eq!((w, h), (40, 30));
    assert_eq!(frames.len(), 5);
    assert_eq!(delays, vec![10; 5], "10 fps: a tenth of a second each");
    for (i, f) in frames.iter().enumerate() {
        let x = i * 6 + 5;
        assert!(
            near(rgba_at(f, 40, x, 10), [0, 0, 255]),
            "frame {i}: the square at x = {x}"
        );
        assert!(
            near(rgba_at(f, 40, 39, 29), [255, 0, 0]),
            "frame {i}: the red field"
        );
    }
    assert!(
        near(rgba_at(&frames[4], 40, 2, 10), [255, 0, 0]),
        "the square's old place is red again"
    );
    assert_eq!(
        ex.finish(id).unwrap_err().code,
        ErrorCode::NotFound,
        "a finished export is gone"
    );
}

#[test]
fn frames_beyond_the_count_or_a_bad_frame_are_refused() {
    let ex = Exports::new(Encoders::default());
    let id = ex.start(gif_params(1)).unwrap();
    ex.add_frame(id, scene(0)).unwrap();
    assert_eq!(
        ex.add_frame(id, scene(0)).unwrap_err().code,
        ErrorCode::BadRequest
    );
    assert!(ex.finish(id).is_ok());
    let id = ex.start(gif_params(3)).unwrap();
    let first = ex.add_frame(id, b"not svg".to_vec());
    let e = first
        .and_then(|_| ex.add_frame(id, scene(0)))
        .and_then(|_| ex.add_frame(id, scene(0)))
        .map(|_| ())
        .and_then(|_| ex.finish(id).map(|_| ()))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadRequest, "{}", e.message);
    assert!(e.message.contains("SVG"), "{}", e.message);
}

#[test]
fn cancel_stops_an_export_and_later_calls_are_told_so() {
    let ex = Exports::new(Encoders::default());
    let id = ex.start(gif_params(100)).unwrap();
    for i in 0..3 {
        ex.add_frame(id, scene(i)).unwrap();
    }
    let t = std::time::Instant::now();
    ex.cancel(id).unwrap();
    assert!(
        t.elapsed().as_secs_f64() < 2.0,
        "cancel returns within a frame or two"
    );
    assert_eq!(
        ex.add_frame(id, scene(0)).unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(ex.finish(id).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(ex.cancel(id).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn animations_over_the_limits_are_refused_before_they_start() {
    let ex = Exports::new(Encoders::default());
    let too = |p: AnimationParams| ex.start(p).unwrap_err().code;
    assert_eq!(
        too(AnimationParams {
            width: 5000,
            ..gif_params(2)
        }),
        ErrorCode::TooLarge
    );
    assert_eq!(
        too(AnimationParams {
            frames: MAX_FRAMES + 1,
            ..gif_params(2)
        }),
        ErrorCode::TooLarge
    );
    assert_eq!(
        too(AnimationParams {
            fps: 0,
            ..gif_params(2)
        }),
        ErrorCode::BadRequest
    );
    assert_eq!(
        too(AnimationParams {
            fps: 61,
            ..gif_params(2)
        }),
        ErrorCode::TooLarge
    );
    let ids: Vec<u32> = (0..4).map(|_| ex.start(gif_params(2)).unwrap()).collect();
    assert_eq!(
        too(gif_params(2)),
        ErrorCode::TooLarge,
        "at most four at once"
    );
    for id in ids {
        ex.cancel(id).unwrap();
    }
    assert!(ex.start(gif_params(2)).is_ok());
}

#[test]
fn video_formats_are_offered_only_where_ffmpeg_is_found() {
    let empty = tempfile::tempdir().unwrap();
    let none = Encoders::detect(Some(&OsString::from(empty.path())));
    let ex = Exports::new(none);
    assert_eq!(ex.formats().animation, vec![ExportFormat::Gif]);
    let e = ex
        .start(AnimationParams {
            format: ExportFormat::Webm,
            ..gif_params(2)
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadRequest);
    assert!(e.message.contains("ffmpeg"), "{}", e.message);
    assert_eq!(Encoders::detect(None).formats(), &[] as &[ExportFormat]);
}

/// Where the system has ffmpeg (`scripts/setup.sh test` installs it), both
/// video formats encode; where it has not, neither is offered.
#[test]
fn webm_and_mp4_encode_through_the_system_s_ffmpeg_where_it_is() {
    let ex = Exports::new(Encoders::from_env());
    let offered = ex.formats().animation;
    if crate::video::find_program("ffmpeg", std::env::var_os("PATH").as_deref()).is_none() {
        assert_eq!(offered, vec![ExportFormat::Gif]);
        return;
    }
    for (format, magic) in [
        (ExportFormat::Webm, &[0x1a, 0x45, 0xdf, 0xa3][..]),
        (ExportFormat::Mp4, b"ftyp"),
    ] {
        assert!(
            offered.contains(&format),
            "{format:?} offered with ffmpeg on the PATH: {offered:?}"
        );
        let id = ex
            .start(AnimationParams {
                format,
                width: 41,
                ..gif_params(3)
            })
            .unwrap();
        for i in 0..3 {
            ex.add_frame(id, scene(i * 6)).unwrap();
        }
        let bytes = ex.finish(id).unwrap();
        let at = if format == ExportFormat::Mp4 { 4 } else { 0 };
        assert_eq!(&bytes[at..at + magic.len()], magic, "{format:?} file");
    }
}
