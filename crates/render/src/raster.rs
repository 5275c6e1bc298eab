//! An SVG document of a view drawn into pixels with resvg.
//!
//! The document is the UI's own picture of the view (`ui/src/export/`), so
//! the pixels are the screen's: this module adds nothing but the scale. Text
//! is drawn in the system's fonts, loaded once; the UI's family, DejaVu Sans
//! (installed with the app's system packages), is the default, so a label
//! has the same shape in the export as on screen.

use std::sync::{Arc, OnceLock};

use faultlines_core::{ApiError, ErrorCode};
use resvg::usvg;
use tiny_skia::{Color, Pixmap, Transform};

use crate::params::{check_picture, check_svg};

/// The UI's font family (`--font` in `ui/src/styles.css`).
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// The system's fonts, read once for every export of the process.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            db.set_sans_serif_family(FONT_FAMILY);
            Arc::new(db)
        })
        .clone()
}

/// A parsed SVG document, ready to draw at any size.
pub struct Document {
    tree: usvg::Tree,
}

impl Document {
    /// Parse `svg` (UTF-8 text), refusing one over the length limit or one that does not parse.
    pub fn parse(svg: &[u8]) -> Result<Self, ApiError> {
        check_svg(svg.len())?;
        let opt = usvg::Options {
            font_family: FONT_FAMILY.to_string(),
            fontdb: fonts(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_data(svg, &opt).map_err(|e| {
            ApiError::new(
                ErrorCode::BadRequest,
                format!("the SVG document does not parse: {e}"),
            )
            .with_details(serde_json::json!({ "param": "svg" }))
        })?;
        Ok(Document { tree })
    }

    /// The document's own size, in CSS px.
    pub fn size(&self) -> (f32, f32) {
        let s = self.tree.size();
        (s.width(), s.height())
    }

    /// The document drawn over `width` × `height` pixels (scaled on each
    /// axis to fill them), on white where it leaves anything transparent.
    pub fn draw(&self, width: u32, height: u32) -> Result<Pixmap, ApiError> {
        check_picture(width, height)?;
        let mut pixmap = Pixmap::new(width, height).ok_or_else(|| {
            ApiError::new(
                ErrorCode::Internal,
                format!("no pixel buffer of {width} × {height}"),
            )
        })?;
        pixmap.fill(Color::WHITE);
        let (w, h) = self.size();
        let ts = Transform::from_scale(width as f32 / w, height as f32 / h);
        resvg::render(&self.tree, ts, &mut pixmap.as_mut());
        Ok(pixmap)
    }
}

/// `svg` as a PNG of `width` × `height` pixels.
pub fn png(svg: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ApiError> {
    check_picture(width, height)?;
    let pixmap = Document::parse(svg)?.draw(width, height)?;
    pixmap
        .encode_png()
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("PNG encoding failed: {e}")))
}

/// Load the fonts now (they take a moment the first time), e.g. when the server starts.
pub fn warm_up() {
    let _ = fonts();
}
