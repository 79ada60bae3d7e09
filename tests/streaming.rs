//! `build` writes pages to a staging folder as they are rendered: a build that fails after
//! that (a broken link is found only once every page is rendered) leaves the previous output
//! exactly as it was, and no staging folder behind.

mod common;

use common::copy_dir;
use govsite::BuildOptions;
use std::collections::BTreeMap;
use std::path::Path;

fn contents(dir: &Path, prefix: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            contents(&path, prefix, out);
        } else {
            out.insert(path.strip_prefix(prefix).unwrap().display().to_string(), std::fs::read(&path).unwrap());
        }
    }
}

#[test]
fn a_build_failing_after_pages_were_streamed_leaves_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site"), &root);
    let output = dir.path().join("out");
    let options = BuildOptions { output: Some(output.clone()), ..BuildOptions::default() };
    let report = govsite::build(&root, &options).unwrap();
    let mut before = BTreeMap::new();
    contents(&output, &output, &mut before);
    assert_eq!(before.len(), report.files + 1, "every file and the marker");
    assert!(before.contains_key("faq/index.html"));

    std::fs::write(root.join("content/broken.md"), "---\ntitle: Broken\n---\n\nSee [nowhere](/nowhere/).\n").unwrap();
    let Err(govsite::Error::Invalid(found)) = govsite::build(&root, &options) else { panic!("the build must fail") };
    let errors: Vec<_> = found.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].rule, "links/broken");
    assert_eq!((errors[0].file.as_path(), errors[0].line, errors[0].column), (Path::new("content/broken.md"), 5, 15));

    let mut after = BTreeMap::new();
    contents(&output, &output, &mut after);
    assert!(after == before, "the previous output changed");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("govsite-new"))
        .collect();
    assert!(left.is_empty(), "staging folder left behind: {left:?}");
}
