//! The timeline picture as a PNG: the standalone SVG (`timeline_svg`) rasterised by resvg at
//! twice its size, so text stays crisp on a slide or a high-density screen. The text is set in
//! the system's fonts (DejaVu Sans on Debian, `fonts-dejavu-core`); they are read once per
//! process, since loading them costs more than drawing a picture.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{fontdb, Options, Tree};

use crate::error::{CoreError, CoreResult};

/// Pixels per SVG unit: a 1,200-unit picture becomes 2,400 pixels wide.
pub const SCALE: f32 = 2.0;
/// The tallest picture drawn, in pixels (the SVG caps its rows, so this only guards memory).
const MAX_HEIGHT_PX: u32 = 8_000;

fn fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut database = fontdb::Database::new();
            database.load_system_fonts();
            database.set_sans_serif_family("DejaVu Sans");
            if database.is_empty() {
                tracing::warn!("no system font found: the PNG's text will be missing");
            }
            Arc::new(database)
        })
        .clone()
}

fn refused(what: &str, error: impl std::fmt::Display) -> CoreError {
    tracing::error!(%error, "the timeline picture could not be made: {what}");
    CoreError::invalid("format", "The timeline picture could not be made.")
}

/// The SVG document `svg` as PNG bytes.
pub fn render(svg: &str) -> CoreResult<Vec<u8>> {
    let options = Options {
        fontdb: fonts(),
        font_family: "DejaVu Sans".to_string(),
        ..Options::default()
    };
    let tree = Tree::from_str(svg, &options).map_err(|error| refused("parse", error))?;
    let size = tree.size();
    let width = (size.width() * SCALE).ceil() as u32;
    let height = ((size.height() * SCALE).ceil() as u32).min(MAX_HEIGHT_PX);
    let mut pixmap =
        Pixmap::new(width, height).ok_or_else(|| refused("size", format!("{width}×{height}")))?;
    resvg::render(
        &tree,
        Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|error| refused("encode", error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::CalendarDay;
    use crate::stakeholder::{gather, timeline_picture};

    fn demo_picture() -> (String, Vec<u8>) {
        let store = crate::Store::open_in_memory().unwrap();
        let product = store.read(crate::demo::seed_demo_product).unwrap();
        let today = CalendarDay::from_ymd(2026, 11, 30).unwrap();
        let report = store.read(|c| gather(c, &product, today)).unwrap();
        let svg = timeline_picture(&report);
        let png = render(&svg).unwrap();
        (svg, png)
    }

    fn is_background(pixel: resvg::tiny_skia::PremultipliedColorU8) -> bool {
        pixel.red() > 245 && pixel.green() > 245 && pixel.blue() > 245
    }

    #[test]
    fn the_demo_timeline_becomes_a_png_twice_the_pictures_size_with_bars_and_text() {
        let (svg, png) = demo_picture();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let image = Pixmap::decode_png(&png).unwrap();
        let tree = Tree::from_str(&svg, &Options::default()).unwrap();
        assert_eq!(image.width(), 2400);
        assert_eq!(image.height(), (tree.size().height() * SCALE).ceil() as u32);
        assert!(image.height() < MAX_HEIGHT_PX);
        let inked = |x0: u32, x1: u32| {
            (0..image.height())
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| image.pixel(x, y).is_some_and(|p| !is_background(p)))
                .count()
        };
        // The bars fill part of the chart; the titles' text inks the left column.
        assert!(inked(520, 2372) > 20_000, "no bars drawn");
        assert!(
            inked(28, 480) > 2_000,
            "no titles drawn: is a system font installed?"
        );
        assert_eq!(png, render(&svg).unwrap(), "the same picture twice");
    }

    #[test]
    fn a_document_that_is_not_svg_is_refused_with_a_message() {
        let error = render("<html>").unwrap_err();
        assert!(error.to_string().contains("timeline picture"), "{error}");
    }
}
