//! `badge.svg`: a shields-style completeness badge, drawn here so no outside service is needed.

/// The badge for `score` (0–100).
pub fn svg(score: u32) -> String {
    let label = "governance";
    let value = format!("{score}%");
    let color = match score {
        90.. => "#2e7d32",
        75..=89 => "#558b2f",
        50..=74 => "#f9a825",
        _ => "#c62828",
    };
    // Verdana 11px averages ~6.5px per character; shields.io pads each side by 6px.
    let label_w = text_width(label) + 12;
    let value_w = text_width(&value) + 12;
    let total = label_w + value_w;
    let label_x = label_w * 5;
    let value_x = label_w * 10 + value_w * 5;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{label}: {value}"><title>{label}: {value}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="{label_w}" height="20" fill="#555"/><rect x="{label_w}" width="{value_w}" height="20" fill="{color}"/><rect width="{total}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="110"><text x="{label_x}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">{label}</text><text x="{label_x}" y="140" transform="scale(.1)">{label}</text><text x="{value_x}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">{value}</text><text x="{value_x}" y="140" transform="scale(.1)">{value}</text></g></svg>
"##
    )
}

fn text_width(text: &str) -> u32 {
    (text.chars().count() as u32 * 13).div_ceil(2)
}

#[cfg(test)]
mod tests {
    #[test]
    fn badge_shows_the_score() {
        let svg = super::svg(87);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("aria-label=\"governance: 87%\""));
        assert!(svg.contains("#558b2f"));
    }
}
