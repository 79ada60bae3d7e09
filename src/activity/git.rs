//! Reading a repository's history with the `git` binary.
//!
//! Why the binary and not `gix`: on this code base's 2-core CI machines `gix` (with the
//! features a log walk needs) added about a hundred crates and minutes to a clean build, for
//! a walk that `git log` does in about a second on a 100,000-commit history (measurements in
//! docs/activity.md). Every machine that has a repository to read has `git`; `git log` also
//! honours `.mailmap` and parses trailers exactly as git itself does.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};

/// Why the history could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// `git` is not installed or cannot be started.
    #[error("cannot run `git` ({0}); install git, or run where it is on the PATH")]
    Spawn(std::io::Error),
    /// `git log` failed: not a repository, no commits…
    #[error("`git log` failed in `{}`: {message}", repo.display())]
    Log {
        /// The repository given.
        repo: std::path::PathBuf,
        /// git's own words.
        message: String,
    },
    /// Reading git's output failed.
    #[error("cannot read the output of `git log`: {0}")]
    Read(std::io::Error),
}

/// One identity that took part in a commit, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Involvement<'a> {
    /// The address, as written (matching is case-insensitive).
    pub email: &'a str,
    /// When, as a Unix timestamp: the author date for the author, the commit date for the
    /// committer and for trailers (a review counts when it lands).
    pub time: i64,
}

/// Fields are separated by US and commits end with RS: neither occurs in names, addresses
/// or trailers, and NUL cannot be used inside a `--format` string's output with `-z` framing.
const FORMAT: &str = "--format=%at%x1f%aE%x1f%ct%x1f%cE%x1f%(trailers:key=Co-authored-by,key=Reviewed-by,key=Signed-off-by,valueonly,separator=%x1f)%x1e";

/// Calls `each` with the identities of every commit reachable from HEAD, newest first.
/// Returns how many commits were read.
pub fn for_each_commit(repo: &Path, mut each: impl FnMut(&[Involvement])) -> Result<usize, GitError> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["--no-pager", "-c", "log.showSignature=false", "log", "--use-mailmap", FORMAT, "HEAD"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(GitError::Spawn)?;
    let mut count = 0;
    let mut read_result = Ok(());
    if let Some(stdout) = child.stdout.take() {
        let mut reader = BufReader::with_capacity(1 << 16, stdout);
        let mut record = Vec::new();
        loop {
            record.clear();
            match reader.read_until(0x1e, &mut record) {
                Ok(0) => break,
                Ok(_) => {
                    let text = String::from_utf8_lossy(&record);
                    let involved = parse(text.trim_matches(|c| c == '\n' || c == '\u{1e}'));
                    if !involved.is_empty() {
                        count += 1;
                        each(&involved);
                    }
                }
                Err(e) => {
                    read_result = Err(GitError::Read(e));
                    break;
                }
            }
        }
    }
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    let status = child.wait().map_err(GitError::Read)?;
    read_result?;
    if !status.success() {
        let message = stderr.lines().next().unwrap_or("no reason given").trim().to_string();
        return Err(GitError::Log { repo: repo.to_path_buf(), message });
    }
    Ok(count)
}

/// One record: author time, author e-mail, commit time, committer e-mail, then trailers
/// (`Name <address>`); a trailer without an address is ignored.
fn parse(record: &str) -> Vec<Involvement<'_>> {
    let mut fields = record.split('\u{1f}');
    let (Some(at), Some(ae), Some(ct), Some(ce)) = (fields.next(), fields.next(), fields.next(), fields.next()) else {
        return Vec::new();
    };
    let (Ok(at), Ok(ct)) = (at.trim().parse::<i64>(), ct.trim().parse::<i64>()) else { return Vec::new() };
    let mut out = vec![Involvement { email: ae.trim(), time: at }, Involvement { email: ce.trim(), time: ct }];
    for trailer in fields {
        if let Some(email) = trailer.rsplit_once('<').and_then(|(_, rest)| rest.split_once('>')).map(|(e, _)| e.trim())
        {
            out.push(Involvement { email, time: ct });
        }
    }
    out.retain(|i| !i.email.is_empty());
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_a_record_with_trailers() {
        let record = "100\u{1f}a@x.org\u{1f}200\u{1f}c@x.org\u{1f}Bo Li <bo@x.org>\u{1f}No Address";
        let got = super::parse(record);
        let emails: Vec<_> = got.iter().map(|i| (i.email, i.time)).collect();
        assert_eq!(emails, [("a@x.org", 100), ("c@x.org", 200), ("bo@x.org", 200)]);
        assert!(super::parse("garbage").is_empty());
    }
}
