//! The marks the interface draws (arrows, flags, bars, ticks, bullets) are real glyphs on any
//! machine: each is in egui's own proportional fonts or in the symbols font Ladderboard ships
//! (`assets/fonts`), never left to whatever fonts the system happens to have. (Scripts for
//! people's names are the system's: `ui/fonts.rs`.)

use std::path::Path;

/// Every character outside ASCII in the interface's source, but the script probes of `fonts.rs`
/// and unit tests.
fn marks_in_the_interface() -> Vec<(char, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut folders = vec![root.join("ui"), root.join("app"), root.join("view")];
    let mut files = vec![root.join("command.rs")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("ui/fonts.rs") {
                files.push(path);
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        // A file's unit tests are not drawn: their sample names (Hebrew, say) are the system's fonts'.
        let drawn = text.lines().take_while(|l| l.trim() != "#[cfg(test)]");
        for line in drawn.filter(|l| !l.trim_start().starts_with("//")) {
            for c in line.chars().filter(|c| !c.is_ascii()) {
                if !found.iter().any(|(f, _)| *f == c) {
                    found.push((c, file.display().to_string()));
                }
            }
        }
    }
    found
}

#[test]
fn every_mark_the_interface_draws_ships_with_the_app() {
    let symbols = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts/DejaVuSans-symbols.ttf"))
        .expect("the symbols font");
    let defaults = egui::FontDefinitions::default();
    let proportional = &defaults.families[&egui::FontFamily::Proportional];
    let mut faces: Vec<ttf_parser::Face<'_>> = proportional
        .iter()
        .map(|name| ttf_parser::Face::parse((*defaults.font_data[name].font).as_ref(), 0).expect("an egui font"))
        .collect();
    faces.push(ttf_parser::Face::parse(&symbols, 0).expect("the symbols font parses"));
    let marks = marks_in_the_interface();
    assert!(marks.iter().any(|(c, _)| *c == '⚑'), "the scan finds the flag");
    let missing: Vec<String> = marks
        .iter()
        .filter(|(c, _)| !faces.iter().any(|face| face.glyph_index(*c).is_some()))
        .map(|(c, file)| format!("{c} (U+{:04X}, in {file})", u32::from(*c)))
        .collect();
    assert!(missing.is_empty(), "add these to assets/fonts/DejaVuSans-symbols.ttf: {missing:?}");
}
