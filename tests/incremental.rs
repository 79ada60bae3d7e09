//! `serve`'s incremental rebuild gives exactly the bytes and diagnostics of a full build, for
//! an edit of every kind of file, applied one after another to the same running cache.

mod common;

use common::copy_dir;
use govsite::render::{Content, Portal};
use govsite::SiteCache;
use govsite::{BuildOptions, Outcome};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What `serve` renders with.
fn options() -> BuildOptions {
    BuildOptions { drafts: true, origin: Some("http://127.0.0.1:1111".into()), ..BuildOptions::default() }
}

/// Every output file by path, with the bytes it would have, and the diagnostics (or the
/// failure) rendered as text.
type Result = std::result::Result<(String, BTreeMap<String, Vec<u8>>), String>;

fn files(portal: &Portal) -> BTreeMap<String, Vec<u8>> {
    portal
        .files
        .iter()
        .map(|f| {
            let bytes = match &f.content {
                Content::Bytes(b) => b.clone(),
                Content::Bundled(b) => b.to_vec(),
                Content::Copy(p) => std::fs::read(p).unwrap(),
                Content::Written => panic!("serve never streams its pages"),
            };
            (f.path.display().to_string(), bytes)
        })
        .collect()
}

fn outcome(result: std::result::Result<(Outcome, Portal), govsite::Error>) -> Result {
    match result {
        Ok((outcome, portal)) => Ok((format!("{:?} {}", outcome.diagnostics, outcome.score), files(&portal))),
        Err(govsite::Error::Invalid(found)) => Err(format!("{found:?}")),
        Err(other) => Err(other.to_string()),
    }
}

/// The rebuild with `cache` against a fresh full render, and the diagnostics against a full
/// `check`; returns how many pages the cache gave.
fn same_as_full(root: &Path, cache: &mut SiteCache, what: &str) -> usize {
    let incremental = outcome(govsite::render_site_cached(root, &options(), cache));
    let full = outcome(govsite::render_site(root, &options()));
    match (&incremental, &full) {
        (Ok((a, files_a)), Ok((b, files_b))) => {
            assert_eq!(a, b, "{what}: diagnostics differ");
            assert_eq!(files_a.keys().collect::<Vec<_>>(), files_b.keys().collect::<Vec<_>>(), "{what}: file list");
            for (path, bytes) in files_a {
                assert!(bytes == &files_b[path], "{what}: {path} differs from a full build's");
            }
            let check = govsite::check(root, &Default::default()).unwrap();
            assert_eq!(*a, format!("{:?} {}", check.diagnostics, check.score), "{what}: check differs");
        }
        (a, b) => assert_eq!(a, b, "{what}"),
    }
    cache.reused()
}

/// Replaces `old` (which must be there) by `new` in the site's file `file`.
fn edit(root: &Path, file: &str, old: &str, new: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(old), "{file} no longer has {old:?}; pick another edit");
    std::fs::write(path, text.replacen(old, new, 1)).unwrap();
}

fn example_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site"), &root);
    (dir, root)
}

#[test]
fn every_kind_of_edit_rebuilds_to_the_bytes_of_a_full_build() {
    let (_dir, root) = example_site();
    let mut cache = SiteCache::default();
    assert_eq!(same_as_full(&root, &mut cache, "first render"), 0);
    let pages = govsite::render_site(&root, &options()).unwrap().1.pages.len();

    // A page's text: that page alone is rendered again.
    edit(&root, "content/faq.md", "No. The maintainers", "No, never. The maintainers");
    assert_eq!(same_as_full(&root, &mut cache, "content page text"), pages - 1);
    // Its title: the pages that list it too.
    edit(&root, "content/faq.md", "title: Frequently asked questions", "title: Questions, answered");
    assert!(same_as_full(&root, &mut cache, "content page title") < pages - 1);

    let governance = [
        ("charter.yaml", "name: { en: Transparency,", "name: { en: Transparency and trust,"),
        ("code-of-conduct.yaml", "en: Contributor Covenant,", "en: Contributor Covenant (adapted),"),
        ("decisions.yaml", "en: Charter the Security Response Team", "en: Charter the security team"),
        ("groups.yaml", "zh-CN: 安全问题研判会", "zh-CN: 安全问题研判例会"),
        ("ladder.yaml", "name: { en: Contributor,", "name: { en: Contributor (first level),"),
        ("people.yaml", "name: Mira Okafor", "name: Mira A. Okafor"),
        ("roles.yaml", "zh-CN: 成员 }", "zh-CN: 项目成员 }"),
        ("security.yaml", "disclosure_days: 90", "disclosure_days: 60"),
    ];
    for (file, old, new) in governance {
        let file = format!("governance/{file}");
        edit(&root, &file, old, new);
        let reused = same_as_full(&root, &mut cache, &file);
        // The Markdown pages' template shows no governance document.
        assert!(reused > 0, "{file}: every page was rendered again");
    }
    // And back: a page rendered from an older state must not come back stale.
    edit(&root, "governance/people.yaml", "name: Mira A. Okafor", "name: Mira Okafor");
    same_as_full(&root, &mut cache, "people.yaml undone");

    edit(&root, "site.yaml", "en: Lumen Community", "en: Lumen Commons");
    same_as_full(&root, &mut cache, "site.yaml");

    // The site's own interface strings: a metric's name, and a string every page shows.
    edit(&root, "i18n/zh-CN.yaml", "months_active: 活跃月数", "months_active: 活跃的月数");
    same_as_full(&root, &mut cache, "i18n/zh-CN.yaml");
    std::fs::write(root.join("i18n/en.yaml"), "nav:\n  skip: Skip to the text\n").unwrap();
    same_as_full(&root, &mut cache, "a new i18n/en.yaml");

    let theme_page = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html");
    let template = std::fs::read_to_string(theme_page).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(root.join("templates/page.html"), template.replace("<article", "<article data-edited")).unwrap();
    same_as_full(&root, &mut cache, "a template");

    edit(&root, "static/logo.svg", "<svg", "<svg data-edited=\"1\"");
    std::fs::write(root.join("static/notes.txt"), "new static file\n").unwrap();
    same_as_full(&root, &mut cache, "a static file");

    std::fs::write(root.join("content/new.md"), "---\ntitle: New page\n---\n\nSee the [charter](/charter/).\n")
        .unwrap();
    same_as_full(&root, &mut cache, "a new page");

    std::fs::remove_file(root.join("content/new.md")).unwrap();
    same_as_full(&root, &mut cache, "a deleted page");
    // A deleted translation: the Chinese page falls back to the English text.
    std::fs::remove_file(root.join("content/faq.zh-CN.md")).unwrap();
    same_as_full(&root, &mut cache, "a deleted translation");

    // A page others link to: the rebuild fails with the same broken links, then recovers.
    let meetings = std::fs::read_to_string(root.join("content/meetings.md")).unwrap();
    std::fs::remove_file(root.join("content/meetings.md")).unwrap();
    same_as_full(&root, &mut cache, "a deleted page that is linked");
    std::fs::write(root.join("content/meetings.md"), meetings).unwrap();
    same_as_full(&root, &mut cache, "the linked page restored");
}

#[test]
fn a_code_block_edit_rebuilds_to_the_bytes_of_a_full_build() {
    let (_dir, root) = example_site();
    let mut cache = SiteCache::default();
    let page = "---\ntitle: Code\n---\n\n```rust\nfn main() {}\n```\n\n```yaml\na: 1\n```\n";
    std::fs::write(root.join("content/code.md"), page).unwrap();
    same_as_full(&root, &mut cache, "a page with code");
    std::fs::write(root.join("content/code.md"), page.replace("a: 1", "a: 2")).unwrap();
    same_as_full(&root, &mut cache, "a code block edited");
    std::fs::write(root.join("content/code.md"), page).unwrap();
    same_as_full(&root, &mut cache, "the code block back (from the highlight cache)");
}

/// (rule, line, column) of each diagnostic `check` reports in `file` (but `i18n/missing`:
/// the example site is bilingual, and a new page has no translation).
fn found_in(root: &Path, file: &str) -> Vec<(&'static str, usize, usize)> {
    let verdict = govsite::check(root, &Default::default()).unwrap();
    let found = verdict.diagnostics.iter().filter(|d| d.file == Path::new(file) && d.rule != "i18n/missing");
    found.map(|d| (d.rule, d.line, d.column)).collect()
}

#[test]
fn edits_seen_only_by_a_page_reading_rebuild_to_the_bytes_of_a_full_build() {
    let (_dir, root) = example_site();
    let mut cache = SiteCache::default();
    let page = "---\ntitle: Notes\n---\n\nSee the [agenda](meetings.md#time-zones).\n";
    std::fs::write(root.join("content/notes.md"), page).unwrap();
    same_as_full(&root, &mut cache, "a new page");
    assert_eq!(found_in(&root, "content/notes.md"), []);

    // A placeholder: found in the page's new text, at its line.
    edit(&root, "content/notes.md", "See the", "TODO: see the");
    same_as_full(&root, &mut cache, "a placeholder");
    assert_eq!(found_in(&root, "content/notes.md"), [("text/placeholder", 5, 1)]);
    // The same text one line lower (a front matter line more): the position follows.
    edit(&root, "content/notes.md", "title: Notes\n", "title: Notes\nweight: 3\n");
    same_as_full(&root, &mut cache, "the body moved down");
    assert_eq!(found_in(&root, "content/notes.md"), [("text/placeholder", 6, 1)]);
    // A draft keeps its notes to itself.
    edit(&root, "content/notes.md", "weight: 3\n", "draft: true\n");
    same_as_full(&root, &mut cache, "the page a draft");
    assert_eq!(found_in(&root, "content/notes.md"), []);
    edit(&root, "content/notes.md", "draft: true\n", "weight: 3\n");
    same_as_full(&root, &mut cache, "the draft published");

    // The link's target disappears from the other page, then comes back: the unchanged
    // page's links are checked against what is there now.
    edit(&root, "content/meetings.md", "## Time zones", "## Time");
    same_as_full(&root, &mut cache, "a link's anchor gone");
    assert_eq!(found_in(&root, "content/notes.md"), [("text/placeholder", 6, 1), ("links/broken", 6, 24)]);
    edit(&root, "content/meetings.md", "## Time\n", "## Time zones\n");
    same_as_full(&root, &mut cache, "the anchor back");

    // The page becomes unsafe (an error: nothing renders), then safe again.
    edit(&root, "content/notes.md", "TODO: see", "[Run](javascript:go()). See");
    same_as_full(&root, &mut cache, "an unsafe link");
    assert_eq!(found_in(&root, "content/notes.md"), [("content/unsafe-link", 6, 7)]);
    edit(&root, "content/notes.md", "[Run](javascript:go()). See", "See");
    same_as_full(&root, &mut cache, "the unsafe link removed");
    assert_eq!(found_in(&root, "content/notes.md"), []);

    // Front matter that does not parse, kept as it was by the next rebuild, then fixed.
    edit(
        &root,
        "content/notes.md",
        "weight: 3
",
        "weight: three
",
    );
    same_as_full(&root, &mut cache, "bad front matter");
    assert_eq!(found_in(&root, "content/notes.md"), [("content/front-matter", 3, 9)]);
    edit(&root, "content/faq.md", "No. The maintainers", "No, never. The maintainers");
    same_as_full(&root, &mut cache, "another page edited, the bad front matter unchanged");
    assert_eq!(found_in(&root, "content/notes.md"), [("content/front-matter", 3, 9)]);
    edit(
        &root,
        "content/notes.md",
        "weight: three
",
        "weight: 3
",
    );
    same_as_full(&root, &mut cache, "the front matter fixed");
    assert_eq!(found_in(&root, "content/notes.md"), []);
}
