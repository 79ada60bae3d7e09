//! Embeds the bundled themes (`themes/*`) in the binary, so an installed govsite needs no
//! files beside it. A site may still ship its own `themes/<name>/`, which wins.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=themes");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("themes");
    let mut found = Vec::new();
    files(&root, &mut found);
    let mut code = String::from("/// Bundled theme files: (theme, path inside the theme, contents).\npub static BUILTIN_THEME_FILES: &[(&str, &str, &[u8])] = &[\n");
    for path in found {
        let Ok(rel) = path.strip_prefix(&root) else { continue };
        let mut parts = rel.iter().map(|p| p.to_string_lossy().into_owned());
        let Some(theme) = parts.next() else { continue };
        let inner: Vec<String> = parts.collect();
        if inner.is_empty() {
            continue;
        }
        let _ =
            writeln!(code, "    ({theme:?}, {:?}, include_bytes!({:?})),", inner.join("/"), path.display().to_string());
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("themes.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}
