//! Custom blocks: text between `<!-- BEGIN CUSTOM -->` and `<!-- END CUSTOM -->` in an
//! exported file belongs to the project and survives every export.
//!
//! The markers are found anywhere in a line, so a YAML file carries them in comments
//! (`# <!-- BEGIN CUSTOM -->`). The generated file's blocks are filled, in order, with the
//! existing file's; text of surplus existing blocks goes into the last block, so no custom
//! text is ever dropped.

use crate::model::Pos;

/// Opens a custom block.
pub const BEGIN: &str = "<!-- BEGIN CUSTOM -->";
/// Closes a custom block.
pub const END: &str = "<!-- END CUSTOM -->";

/// Why the custom blocks of a file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerError(pub String);

/// The byte ranges of the text inside each block (between the end of BEGIN and the start of END).
fn blocks(text: &str) -> Result<Vec<std::ops::Range<usize>>, MarkerError> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        let begin = text[at..].find(BEGIN).map(|i| at + i);
        let end = text[at..].find(END).map(|i| at + i);
        let b = match (begin, end) {
            (None, None) => return Ok(out),
            (None, Some(e)) => return Err(unopened(text, e)),
            (Some(b), Some(e)) if e < b => return Err(unopened(text, e)),
            (Some(b), _) => b,
        };
        let inner = b + BEGIN.len();
        let Some(e) = text[inner..].find(END).map(|i| inner + i) else {
            return Err(MarkerError(format!("line {}: `{BEGIN}` is never closed by `{END}`", line_of(text, b))));
        };
        if let Some(nested) = text[inner..e].find(BEGIN) {
            let line = line_of(text, inner + nested);
            return Err(MarkerError(format!("line {line}: `{BEGIN}` inside a custom block (blocks do not nest)")));
        }
        out.push(inner..e);
        at = e + END.len();
    }
}

fn unopened(text: &str, at: usize) -> MarkerError {
    MarkerError(format!("line {}: `{END}` without `{BEGIN}`", line_of(text, at)))
}

fn line_of(text: &str, offset: usize) -> usize {
    Pos::at_offset(text, offset).line
}

/// `generated` with its custom blocks filled from `existing` (the file as it is now, if any).
///
/// Fails when `existing` has unbalanced markers: its custom text could not be told apart, and
/// overwriting it would lose it.
pub fn merge(generated: &str, existing: Option<&str>) -> Result<String, MarkerError> {
    let Some(existing) = existing else { return Ok(generated.to_string()) };
    let kept = blocks(existing)?;
    if kept.is_empty() {
        return Ok(generated.to_string());
    }
    let slots = blocks(generated).map_err(|e| MarkerError(format!("generated text: {}", e.0)))?;
    if slots.is_empty() {
        return Ok(generated.to_string());
    }
    let mut texts: Vec<String> = kept.iter().map(|r| existing[r.clone()].to_string()).collect();
    if texts.len() > slots.len() {
        let surplus = texts.split_off(slots.len());
        let last = texts.last_mut().expect("at least one slot");
        for extra in surplus {
            let extra = extra.trim_matches('\n');
            if !extra.trim().is_empty() {
                let body = last.trim_end_matches('\n').to_string();
                *last = format!("{body}\n\n{extra}\n");
            }
        }
    }
    let mut out = String::with_capacity(generated.len() + texts.iter().map(String::len).sum::<usize>());
    let mut at = 0;
    for (slot, text) in slots.iter().zip(&texts) {
        out.push_str(&generated[at..slot.start]);
        out.push_str(text);
        at = slot.end;
    }
    out.push_str(&generated[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GENERATED: &str = "# New\n\n<!-- BEGIN CUSTOM -->\n<!-- END CUSTOM -->\n";

    #[test]
    fn custom_text_is_kept() {
        let old = "# Old\n\n<!-- BEGIN CUSTOM -->\nOur own words.\n<!-- END CUSTOM -->\n";
        assert_eq!(
            merge(GENERATED, Some(old)).unwrap(),
            "# New\n\n<!-- BEGIN CUSTOM -->\nOur own words.\n<!-- END CUSTOM -->\n"
        );
    }

    #[test]
    fn without_blocks_the_generated_text_wins() {
        assert_eq!(merge(GENERATED, Some("hand written")).unwrap(), GENERATED);
        assert_eq!(merge(GENERATED, None).unwrap(), GENERATED);
    }

    #[test]
    fn surplus_blocks_go_into_the_last_one() {
        let old = "<!-- BEGIN CUSTOM -->\nA\n<!-- END CUSTOM -->\nx\n<!-- BEGIN CUSTOM -->\nB\n<!-- END CUSTOM -->\n";
        assert_eq!(
            merge(GENERATED, Some(old)).unwrap(),
            "# New\n\n<!-- BEGIN CUSTOM -->\nA\n\nB\n<!-- END CUSTOM -->\n"
        );
    }

    #[test]
    fn yaml_comments_carry_markers() {
        let generated = "a: 1\n# <!-- BEGIN CUSTOM -->\n# <!-- END CUSTOM -->\n";
        let old = "a: 0\n# <!-- BEGIN CUSTOM -->\nrepository:\n  status: active\n# <!-- END CUSTOM -->\n";
        assert_eq!(
            merge(generated, Some(old)).unwrap(),
            "a: 1\n# <!-- BEGIN CUSTOM -->\nrepository:\n  status: active\n# <!-- END CUSTOM -->\n"
        );
    }

    #[test]
    fn unbalanced_markers_are_refused() {
        for bad in [
            "<!-- BEGIN CUSTOM -->\nmine\n",
            "<!-- END CUSTOM -->\n",
            "<!-- BEGIN CUSTOM -->\n<!-- BEGIN CUSTOM -->\n<!-- END CUSTOM -->\n",
        ] {
            assert!(merge(GENERATED, Some(bad)).is_err(), "{bad}");
        }
    }
}
