//! Files → model: reads a site folder into a [`Site`], with a diagnostic for every file
//! that is missing, does not parse or does not fit the format.

mod content;
mod input;
mod yaml;

pub use content::{parse_page, KeptPages};
pub use input::{site_file, Input, PORTFOLIO_FILE, SITE_FILES};
pub use yaml::parse;

use crate::boundary::{Boundary, Found};
use crate::diagnostics::Diagnostic;
use crate::model::{Doc, Document, DocumentData, DocumentSource, Pos, Site, SiteConfig};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// What loading produced: the site (as far as it could be read) and every problem found.
#[derive(Debug)]
pub struct Loaded {
    /// The site; documents that failed to load are `None`.
    pub site: Site,
    /// Problems found while loading.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether site.yaml was read. When it was not, the site stands on a default
    /// configuration, and checking the model would only report what the broken file hides.
    pub config_read: bool,
}

/// Why a folder could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The folder has no site.yaml.
    #[error("{0} has no site.yaml, so it is not a govsite site\n  = help: run `govsite init {0}` to create one, or pass the folder that holds site.yaml")]
    NotASite(String),
    /// The folder does not exist.
    #[error("{0} does not exist\n  = help: pass the folder that holds site.yaml (or portfolio.yaml), or create one with `govsite init {0}`")]
    Missing(String),
    /// A file was given where a folder was expected (often site.yaml itself).
    #[error("{path} is a file, not a site folder\n  = help: pass the folder that holds it: {folder}")]
    NotAFolder {
        /// The file given.
        path: String,
        /// The folder that holds it.
        folder: String,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Loads the site in `root`, reading nothing outside it.
pub fn load_site(root: &Path) -> Result<Loaded, LoadError> {
    Input::find(root)?;
    let boundary = Boundary::new(root).ok_or_else(|| LoadError::Missing(root.display().to_string()))?;
    load(root, None, &boundary, None)
}

/// [`load_site`] again (for `serve`): a Markdown page whose file has the same text as when
/// `kept` last saw it is not parsed again.
pub fn load_site_kept(root: &Path, kept: &mut KeptPages) -> Result<Loaded, LoadError> {
    Input::find(root)?;
    let boundary = Boundary::new(root).ok_or_else(|| LoadError::Missing(root.display().to_string()))?;
    load(root, None, &boundary, Some(kept))
}

/// Loads the site in `root`; a governance document it lacks is read from `defaults` (a
/// folder given relative to `root`, as a portfolio's inherited documents are). Nothing
/// outside `boundary` (the site's folder, or its portfolio's) is read.
pub fn load_site_inheriting(root: &Path, defaults: Option<&Path>, boundary: &Boundary) -> Result<Loaded, LoadError> {
    load(root, defaults, boundary, None)
}

fn load(
    root: &Path,
    defaults: Option<&Path>,
    boundary: &Boundary,
    kept: Option<&mut KeptPages>,
) -> Result<Loaded, LoadError> {
    let mut diagnostics = Vec::new();
    Input::find(root)?;
    let site_file = site_file(root).ok_or_else(|| LoadError::NotASite(root.display().to_string()))?;
    let reader = Reader { root, boundary };
    let (site, config_read): (Doc<SiteConfig>, bool) = match reader.read_doc(&site_file, true, &mut diagnostics)? {
        Some(doc) => (doc, true),
        None => (
            Doc { data: SiteConfig::default(), file: site_file, source: Default::default(), text: String::new() },
            false,
        ),
    };

    let mut site = Site::new(root.to_path_buf(), site);
    let mut loader = DocumentLoader { reader, defaults, diagnostics };
    site.load_documents(&mut loader)?;
    let mut diagnostics = loader.diagnostics;
    (site.pages, site.content_files) = content::load_pages(&reader, &mut diagnostics, kept)?;
    site.static_files = static_files(&reader, &mut diagnostics);
    if site.site.is_multilingual() {
        let languages: Vec<String> = site.site.languages().into_iter().map(String::from).collect();
        let languages: Vec<&str> = languages.iter().map(String::as_str).collect();
        content::assign_languages(&mut site.pages, &languages);
        site.settle_language();
    }
    site.locales = locale_files(&reader, &mut diagnostics);
    Ok(Loaded { site, diagnostics, config_read })
}

/// Reads files of one site, inside its boundary.
#[derive(Clone, Copy)]
struct Reader<'a> {
    root: &'a Path,
    boundary: &'a Boundary,
}

impl Reader<'_> {
    /// Parses `file` (relative to the site); `None` when it does not parse or leads outside
    /// the boundary (reported; a `required` file that leads outside is also missing).
    fn read_doc<T: DeserializeOwned + Default>(
        &self,
        file: &Path,
        required: bool,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<Option<Doc<T>>, LoadError> {
        let path = self.root.join(file);
        if self.boundary.leaves(&path) {
            report_outside_link(self.root, &path, diagnostics);
            if required {
                diagnostics.push(
                    Diagnostic::error(
                        "files/missing",
                        file,
                        Pos::START,
                        format!("{} cannot be read: it leads outside the site folder", file.display()),
                    )
                    .with_help(format!(
                        "replace the link with the file itself: govsite reads nothing outside {}",
                        self.boundary.root().display()
                    )),
                );
            }
            return Ok(None);
        }
        let text = read(&path)?;
        match yaml::parse(file, &text) {
            Ok(doc) => Ok(Some(doc)),
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                Ok(None)
            }
        }
    }

    /// Every file under `folder` (relative to the site) that is inside the boundary;
    /// links out, loops and unreadable entries are reported.
    fn walk(&self, folder: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<walkdir::DirEntry> {
        let mut files = Vec::new();
        for found in self.boundary.walk(&self.root.join(folder)) {
            match found {
                Found::File(entry) => files.push(entry),
                Found::OutsideLink(path) => report_outside_link(self.root, &path, diagnostics),
                Found::Error(e) => report_walk_error(self.root, &e, diagnostics),
            }
        }
        files
    }
}

struct DocumentLoader<'a> {
    reader: Reader<'a>,
    defaults: Option<&'a Path>,
    diagnostics: Vec<Diagnostic>,
}

impl DocumentSource for DocumentLoader<'_> {
    type Error = LoadError;

    fn load<T: DocumentData>(&mut self, document: &'static Document) -> Result<Option<Doc<T>>, LoadError> {
        let stem = document.key;
        let own = Path::new("governance");
        let inherited = self.defaults.map(|d| d.join("governance"));
        let found = std::iter::once(own.to_path_buf())
            .chain(inherited)
            .find_map(|folder| find_yaml(&self.reader.root.join(&folder), stem).map(|file| folder.join(file)));
        match found {
            Some(file) => self.reader.read_doc(&file, document.required, &mut self.diagnostics),
            None => {
                if document.required {
                    self.diagnostics.push(
                        Diagnostic::error("files/missing", "site.yaml", Pos::START, format!("required document governance/{stem}.yaml is missing"))
                            .with_help(format!("create governance/{stem}.yaml (see docs/format.md), or run `govsite init` in an empty folder for a template")),
                    );
                }
                Ok(None)
            }
        }
    }
}

/// `name.yaml` or `name.yml` in `folder` (the file name only).
fn find_yaml(folder: &Path, stem: &str) -> Option<PathBuf> {
    ["yaml", "yml"].iter().map(|ext| PathBuf::from(format!("{stem}.{ext}"))).find(|name| folder.join(name).is_file())
}

fn read(path: &Path) -> Result<String, LoadError> {
    read_text(path).map_err(|source| LoadError::Io { path: path.display().to_string(), source })
}

/// Reads a text file of the site (YAML, Markdown, a template): the one place files are read
/// as text. A leading UTF-8 byte-order mark, which some Windows editors write, is dropped, so
/// it is never parsed as part of the first key and positions count from the first character.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    let mut text = std::fs::read_to_string(path)?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Every file under `static/`, relative to it; links followed while they stay inside the
/// site, so a build never publishes a file from elsewhere. Dotfiles are published (a
/// `.well-known/` folder must be), but not the litter that only keeps a folder in git or
/// that a desktop leaves behind.
fn static_files(reader: &Reader, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    const LITTER: [&str; 4] = [".gitkeep", ".keep", ".DS_Store", "Thumbs.db"];
    let folder = reader.root.join("static");
    reader
        .walk("static", diagnostics)
        .into_iter()
        .filter(|e| !LITTER.iter().any(|name| e.file_name() == *name))
        .filter_map(|e| e.path().strip_prefix(&folder).ok().map(Path::to_path_buf))
        .collect()
}

/// The site's `i18n/<tag>.yaml` files (interface strings over govsite's own), by tag; one
/// that does not parse is reported and left out.
fn locale_files(reader: &Reader, diagnostics: &mut Vec<Diagnostic>) -> Vec<crate::model::locale::LocaleFile> {
    let mut out = Vec::new();
    for entry in reader.walk("i18n", diagnostics) {
        let Ok(rel) = entry.path().strip_prefix(reader.root) else { continue };
        let Some(tag) = rel.strip_prefix("i18n").ok().and_then(|r| r.to_str()).and_then(|r| {
            r.strip_suffix(".yaml").or_else(|| r.strip_suffix(".yml")).filter(|t| !t.contains(['/', '\\']))
        }) else {
            continue;
        };
        let text = match read_text(entry.path()) {
            Ok(text) => text,
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(
                        "files/unreadable",
                        rel,
                        Pos::START,
                        format!("cannot read {}: {e}", rel.display()),
                    )
                    .with_help("check the file's permissions, or remove it"),
                );
                continue;
            }
        };
        match yaml::parse::<crate::model::locale::LocaleTree>(rel, &text) {
            Ok(doc) => out.push(crate::model::locale::LocaleFile {
                tag: tag.to_string(),
                file: rel.to_path_buf(),
                strings: doc.data.flatten(),
            }),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    out.sort_by(|a, b| a.tag.cmp(&b.tag));
    out
}

/// A file or folder that is (or lies behind) a symbolic link to somewhere outside the site;
/// the message names the link only, never anything of its target.
fn report_outside_link(root: &Path, path: &Path, diagnostics: &mut Vec<Diagnostic>) {
    let rel = path.strip_prefix(root).unwrap_or(path);
    diagnostics.push(
        Diagnostic::warning(
            "files/outside-link",
            rel,
            Pos::START,
            format!(
                "{} is a symbolic link that leads outside the site folder; it is not read or published",
                rel.display()
            ),
        )
        .with_help("copy what it points at into the site folder if it should be published, or remove the link"),
    );
}

/// A symlink loop or unreadable entry met while walking a folder.
fn report_walk_error(root: &Path, error: &walkdir::Error, diagnostics: &mut Vec<Diagnostic>) {
    let path = error.path().map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf()).unwrap_or_default();
    if error.loop_ancestor().is_some() {
        diagnostics.push(
            Diagnostic::warning(
                "files/symlink-loop",
                &path,
                Pos::START,
                format!("{} is a symbolic link to a folder that contains it; it was not followed", path.display()),
            )
            .with_help("remove the link, or point it at a folder outside its own parents"),
        );
    } else if error.io_error().is_some_and(|e| e.kind() != std::io::ErrorKind::NotFound) {
        diagnostics.push(
            Diagnostic::error(
                "files/unreadable",
                &path,
                Pos::START,
                format!("cannot read {}: {error}", path.display()),
            )
            .with_help("check the file's permissions, or remove it"),
        );
    }
}
