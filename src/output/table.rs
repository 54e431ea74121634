//! Tables for people: no borders, numbers right-aligned, fitted to the terminal's width (long
//! cells cut with an ellipsis, one line per row), no trailing spaces. The full data is in
//! `-o json`.

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

/// A table with these column headers.
pub fn new(headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_header(headers.to_vec())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_truncation_indicator("…");
    t
}

/// Right-align these columns (numbers).
pub fn right_align(t: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// The table as text: one line per row, trailing spaces trimmed, no final newline.
pub fn render(t: &mut Table) -> String {
    for row in t.row_iter_mut() {
        row.max_height(1);
    }
    t.lines()
        .map(|l| l.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_the_width_with_an_ellipsis_and_no_trailing_spaces() {
        let mut t = new(&["NAME", "COUNT"]);
        t.add_row(vec!["x".repeat(200), "7".to_string()]);
        t.add_row(vec!["short", "12345"]);
        right_align(&mut t, &[1]);
        t.set_width(40);
        let out = render(&mut t);
        for l in out.lines() {
            assert!(l.chars().count() <= 40, "{l:?}");
            assert_eq!(l, l.trim_end());
        }
        assert!(out.contains('…'), "{out}");
        assert!(out.lines().nth(2).unwrap().ends_with("12345"), "{out}");
        assert!(
            out.lines().nth(1).unwrap().ends_with("    7"),
            "right-aligned: {out}"
        );
    }
}
