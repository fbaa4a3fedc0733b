//! Names in every script: egui's own fonts cover Latin, Greek and Cyrillic only, so a Chinese,
//! Japanese, Korean, Hebrew or Arabic name would be drawn as empty boxes. At start the system's
//! fonts are searched (fontdb reads only their name tables) and one face per missing script is
//! added as a fallback after egui's defaults. When none is found, `missing_scripts` names the
//! package that would bring it, for a one-time notice.

use fontdb::{Database, Family, Query};

/// A script egui lacks, a character that proves a font covers it, the families that do (most
/// common first, on Linux, macOS and Windows), and the package that installs one on Debian.
const SCRIPTS: &[(&str, char, &[&str], &str)] = &[
    (
        "Chinese, Japanese and Korean",
        '李',
        &[
            "Noto Sans CJK SC",
            "Noto Sans CJK JP",
            "Noto Sans CJK KR",
            "Source Han Sans SC",
            "WenQuanYi Zen Hei",
            "Droid Sans Fallback",
            "PingFang SC",
            "Hiragino Sans",
            "Microsoft YaHei",
            "Malgun Gothic",
        ],
        "fonts-noto-cjk",
    ),
    ("Hebrew", 'ש', &["Noto Sans Hebrew", "DejaVu Sans", "Arial", "Segoe UI"], "fonts-noto-core"),
    ("Arabic", 'م', &["Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", "Arial", "Segoe UI"], "fonts-noto-core"),
];

/// Fonts found for the scripts egui lacks, and the scripts no font was found for.
#[derive(Clone, Default)]
pub struct SystemFonts {
    pub found: Vec<(String, egui::FontData)>,
    /// (script, Debian package) for each script without a font.
    pub missing: Vec<(&'static str, &'static str)>,
}

/// The system's fonts for each script, searched once per process (the font data is shared).
#[must_use]
pub fn system_fonts() -> SystemFonts {
    static FOUND: std::sync::OnceLock<SystemFonts> = std::sync::OnceLock::new();
    FOUND.get_or_init(search_system_fonts).clone()
}

fn search_system_fonts() -> SystemFonts {
    let mut db = Database::new();
    db.load_system_fonts();
    let mut fonts = SystemFonts::default();
    for &(script, probe, families, package) in SCRIPTS {
        let face = families.iter().find_map(|&family| {
            let id = db.query(&Query { families: &[Family::Name(family)], ..Query::default() })?;
            db.with_face_data(id, |data, index| {
                let covers = ttf_parser_covers(data, index, probe);
                covers.then(|| (family.to_owned(), data.to_vec(), index))
            })
            .flatten()
        });
        match face {
            Some((family, data, index)) => {
                let mut font = egui::FontData::from_owned(data);
                font.index = index;
                fonts.found.push((format!("system: {family}"), font));
            }
            None => fonts.missing.push((script, package)),
        }
    }
    fonts
}

/// Whether a face maps `c` to a glyph (a family name alone does not prove coverage: `DejaVu` Sans has
/// Hebrew but not Arabic in some builds).
fn ttf_parser_covers(data: &[u8], index: u32, c: char) -> bool {
    ttf_parser::Face::parse(data, index).ok().is_some_and(|face| face.glyph_index(c).is_some())
}
