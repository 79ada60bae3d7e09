//! The `govsite` command line: parses arguments, runs a command, and maps the outcome to an
//! exit code in one place: 0 success, 1 the site has errors (or scores too low), 2 usage or
//! I/O failure.

use clap::{Parser, Subcommand, ValueEnum};
use govsite::diagnostics::{self, Diagnostic};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Governance as data, checked like code, published as a static portal.
#[derive(Parser)]
#[command(name = "govsite", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scaffold a new site: governance files, pages, a GitHub Pages workflow and a
    /// pull-request workflow.
    Init {
        /// The folder to create the site in (created if missing; nothing in it is overwritten).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The governance to start from.
        #[arg(long, value_enum, default_value_t = govsite::init::Template::Minimal)]
        template: govsite::init::Template,
        /// The language of the site: its scaffold text and portal (en or zh-CN).
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// Check the governance for completeness and consistency.
    Check {
        /// The site folder (holding site.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// How to print the result.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail when the completeness score is below this (overrides site.yaml's min_score).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
        min_score: Option<u32>,
        /// Check against a rule profile (overrides site.yaml's check.profile).
        #[arg(long, value_name = "P")]
        profile: Option<String>,
        /// Explain a rule (`roles/org-diversity`, or just `org-diversity`): what it checks, why
        /// it matters, how to fix it. Without RULE, list every rule.
        #[arg(long, value_name = "RULE", exclusive = true, num_args = 0..=1, default_missing_value = "")]
        explain: Option<String>,
    },
    /// Preview the portal with live reload while you edit.
    Serve {
        /// The site folder (holding site.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Port to listen on; 0 picks any free port.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Interface to listen on. Anything but 127.0.0.1 exposes the preview to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the portal in the default browser.
        #[arg(long)]
        open: bool,
        /// Poll for changes (for file systems without change events: WSL, network mounts).
        #[arg(long)]
        poll: bool,
    },
    /// Check the site, then build the portal into the output folder.
    Build {
        /// The site folder (holding site.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write the portal [default: DIR/public].
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Publish under this URL instead of site.yaml's base_url.
        #[arg(long, value_parser = base_url_arg)]
        base_url: Option<String>,
        /// Include draft pages.
        #[arg(long)]
        drafts: bool,
    },
    /// Write the repository's community health files (GOVERNANCE.md, MAINTAINERS.md …) from
    /// the governance data, or check that they are current.
    Export {
        /// The site folder (holding site.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write the files: usually the repository root (created if missing).
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
        /// Write nothing; name each file that differs and exit 1 if any does (for CI).
        #[arg(long)]
        check: bool,
        /// Only these files (e.g. `CODEOWNERS .project/project.yaml`); all by default.
        #[arg(long, value_name = "NAME", num_args = 1..)]
        only: Vec<String>,
    },
    /// Write a new site from the governance files a repository already has (GOVERNANCE.md,
    /// MAINTAINERS.md, CODEOWNERS, OWNERS, CODE_OF_CONDUCT.md …), with TODO markers for what is
    /// missing.
    Import {
        /// The repository's folder.
        #[arg(default_value = ".")]
        repo: PathBuf,
        /// Where to write the site (absent or empty) [default: REPO/community].
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// Who is active, from the repository's history: last activity and recent commits of
    /// everyone with a role; `--write` records `last_active` in people.yaml.
    Activity {
        /// The site folder (holding site.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The git repository whose history to read (its HEAD).
        #[arg(long = "git", value_name = "REPO")]
        repo: PathBuf,
        /// Record each newer `last_active` in governance/people.yaml, keeping its layout.
        #[arg(long)]
        write: bool,
        /// How to print the result.
        #[arg(long, value_enum, default_value_t = ActivityFormat::Human)]
        format: ActivityFormat,
    },
    /// Compare two checkouts of a site: people, seats, the deciding body, policies, rules and
    /// the score before and after a change.
    Diff {
        /// The site before the change (e.g. the pull request's base, checked out).
        base: PathBuf,
        /// The site after the change.
        head: PathBuf,
        /// How to print the comparison.
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
    },
    /// Print the JSON Schema of a YAML document, for editor completion and validation.
    Schema {
        /// site, portfolio, charter, people, roles, ladder, code-of-conduct, security, groups,
        /// decisions or front-matter; without it, the list and how to use them in an editor.
        document: Option<String>,
    },
}

/// Output formats of `check`.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Cargo-style diagnostics with the source line.
    Human,
    /// One JSON object.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands, annotating pull requests.
    Github,
}

/// Output formats of `activity`.
#[derive(Clone, Copy, ValueEnum)]
enum ActivityFormat {
    /// A table.
    Human,
    /// One JSON object (spec v2 §6).
    Json,
}

/// Output formats of `diff`.
#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    /// A plain summary.
    Human,
    /// A pull-request comment.
    Markdown,
    /// One JSON object (spec v2 §6).
    Json,
    /// GitHub Actions workflow commands on the head's lines.
    Github,
}

// The system allocator is kept on purpose. The allocator is 11–17% of a build's samples, so
// mimalloc 0.1.52 was measured (1,000-page corpus, clean build, 3 runs each): user time
// 1.60 s → 1.57 s, within the noise, while peak memory rose from 74 MiB to 125 MiB. Reading
// each page once (render/scan.rs) had already removed most of the allocations it would save.
// Measured again on the 10,000-page corpus after the quick HTML reading (3 paired builds,
// with a highlighting line memo since removed): user 5.6 s → 5.7 s, sys no better, peak
// 208 → 252 MiB.
fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// `--base-url` must be what site.yaml's `base_url` must be (`schema/url`); clap makes a
/// refusal a usage error (exit code 2).
fn base_url_arg(value: &str) -> Result<String, String> {
    govsite::model::url::check_base_url(value).map(|()| value.to_string()).map_err(|problem| {
        format!("it cannot be the portal's address: {problem}; give the absolute address, e.g. https://acme.github.io/acme/")
    })
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Init { dir, template, language } => init(&dir, template, &language),
        Command::Check { explain: Some(rule), .. } => explain(&rule),
        Command::Check { dir, format, min_score, profile, explain: None } => check(&dir, format, min_score, profile),
        Command::Serve { dir, port, bind, open, poll } => {
            serve(&dir, govsite::serve::ServeOptions { bind, port, poll, ..Default::default() }, open)
        }
        Command::Build { dir, output, base_url, drafts } => {
            let options = govsite::BuildOptions { output, base_url, drafts, ..Default::default() };
            build(&dir, &options)
        }
        Command::Export { dir, to, check, only } => export(&dir, &to, check, only),
        Command::Schema { document } => schema(document.as_deref()),
        Command::Diff { base, head, format } => diff(&base, &head, format),
        Command::Activity { dir, repo, write, format } => activity(&dir, &repo, write, format),
        Command::Import { repo, to } => import(&repo, &to.unwrap_or_else(|| repo.join("community"))),
    }
}

/// `govsite import`: what was understood, then the new site's check summary; exit 0 when
/// the site was written (its TODO markers are warnings), 2 when it could not be.
fn import(repo: &Path, to: &Path) -> Result<ExitCode, String> {
    let report = govsite::import::import(repo, to).map_err(|e| e.to_string())?;
    for note in &report.notes {
        eprintln!("read {note}");
    }
    eprintln!("wrote {} files to {}", report.files.len(), to.display());
    let verdict = govsite::check(to, &govsite::CheckOptions::default()).map_err(|e| e.to_string())?;
    let summary = if verdict.diagnostics.is_empty() {
        "no problems".to_string()
    } else {
        diagnostics::summary(&verdict.diagnostics)
    };
    eprintln!(
        "{summary}; completeness score {}/100; run `govsite check {}` for the remaining work",
        verdict.score,
        to.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `govsite activity`: exit 0 (inactivity is `check`'s to judge), 2 when the site or the
/// history cannot be read or people.yaml cannot be edited safely.
fn activity(dir: &Path, repo: &Path, write: bool, format: ActivityFormat) -> Result<ExitCode, String> {
    use govsite::activity;
    let as_of = govsite::today::today();
    let (site, found) = activity::activity(dir, repo, as_of).map_err(|e| e.to_string())?;
    match format {
        ActivityFormat::Human => print!("{}", activity::human(&found)),
        ActivityFormat::Json => print!("{}", activity::json(&found)),
    }
    eprintln!(
        "{} read; inactive after {} months without activity, as of {}",
        govsite::wording::count(found.commits as u64, "commit"),
        found.inactivity_months,
        found.as_of
    );
    if !write {
        return Ok(ExitCode::SUCCESS);
    }
    let updates: Vec<(String, String)> =
        found.people.iter().filter_map(|p| p.newer.clone().map(|date| (p.id.clone(), date))).collect();
    let Some(people) = &site.people else { return Ok(ExitCode::SUCCESS) };
    if updates.is_empty() {
        eprintln!("{} is current", people.file.display());
        return Ok(ExitCode::SUCCESS);
    }
    let path = dir.join(&people.file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let edited = activity::write::set_last_active(people, &text, &updates).map_err(|e| e.to_string())?;
    std::fs::write(&path, edited).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let who = if updates.len() == 1 { "person" } else { "people" };
    eprintln!("last_active recorded for {} {who} in {}", updates.len(), people.file.display());
    Ok(ExitCode::SUCCESS)
}

/// `govsite diff`: reports, never judges — exit 0 whatever the change does (`check` is what
/// fails a pull request), 2 when a side cannot be read.
fn diff(base: &Path, head: &Path, format: DiffFormat) -> Result<ExitCode, String> {
    let change = govsite::diff::diff(base, head).map_err(|e| e.to_string())?;
    let text = match format {
        DiffFormat::Human => govsite::diff::report::human(&change),
        DiffFormat::Markdown => govsite::diff::report::markdown(&change),
        DiffFormat::Json => govsite::diff::report::json(&change),
        DiffFormat::Github => govsite::diff::report::github(&change, head),
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

/// `govsite schema [DOCUMENT]`.
fn schema(document: Option<&str>) -> Result<ExitCode, String> {
    let Some(name) = document else {
        // Prose on stdout would end up in `govsite schema > roles.json`: it is usage, so it
        // goes where usage goes, with the usage exit code.
        eprint!("{}", govsite::schema::usage());
        return Ok(ExitCode::from(2));
    };
    let Some(document) = govsite::schema::find(name) else {
        let names = govsite::schema::names();
        let hint = govsite::suggest::did_you_mean(name, names.iter().copied())
            .map_or(String::new(), |question| format!("; {question}"));
        return Err(format!("no document is called `{name}`{hint} (documents: {})", names.join(", ")));
    };
    let text = serde_json::to_string_pretty(&document.schema()).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}

/// `govsite export`: exit 1 when the site has errors or, with `--check`, a file differs.
fn export(dir: &Path, to: &Path, check: bool, only: Vec<String>) -> Result<ExitCode, String> {
    use govsite::export::{Change, ExportError, ExportOptions};
    let report = match govsite::export::export(dir, to, &ExportOptions { check, only }) {
        Ok(report) => report,
        Err(ExportError::Site(govsite::Error::Invalid(found))) => {
            print_diagnostics(&found, dir);
            eprintln!("error: the site has {}; nothing was written", diagnostics::summary(&found));
            return Ok(ExitCode::from(1));
        }
        Err(e) if e.is_site_error() => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.to_string()),
    };
    print_diagnostics(&report.diagnostics, dir);
    for (name, reason) in &report.skipped {
        eprintln!("note: {name} is not managed: {reason}");
    }
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    let changed: Vec<_> = report.changed().collect();
    for file in &changed {
        let what = match (check, file.change) {
            (true, Change::Created) => "is missing",
            (true, _) => "is out of date",
            (false, Change::Created) => "created",
            (false, _) => "updated",
        };
        println!("{} {what}", file.path.display());
    }
    let current = report.files.len() - changed.len();
    if check && !changed.is_empty() {
        eprintln!(
            "error: {} of {} files differ from what `govsite export` would write; run it without --check",
            changed.len(),
            report.files.len()
        );
        return Ok(ExitCode::from(1));
    }
    if check {
        eprintln!("all {current} files in {} are current", to.display());
    } else {
        eprintln!("{} files written, {current} already current, in {}", changed.len(), to.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `govsite init`: refuses (exit 2) to overwrite anything.
fn init(dir: &Path, template: govsite::init::Template, language: &str) -> Result<ExitCode, String> {
    let scaffold = govsite::init::init_in(dir, template, language).map_err(|e| e.to_string())?;
    print!("{}", scaffold.report());
    Ok(ExitCode::SUCCESS)
}

/// `govsite check --explain [RULE]`.
fn explain(rule: &str) -> Result<ExitCode, String> {
    if rule.is_empty() {
        print!("{}", govsite::rules::explain::index());
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(text) = govsite::rules::explain::text(rule) {
        print!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    let ids = govsite::rules::RULES.iter().map(|r| r.id);
    Err(match govsite::suggest::did_you_mean(rule, ids) {
        Some(question) => format!("no rule is called `{rule}`; {question}"),
        None => format!("no rule is called `{rule}`; the rules are listed in docs/checks.md"),
    })
}

/// `govsite check`.
fn check(dir: &Path, format: Format, min_score: Option<u32>, profile: Option<String>) -> Result<ExitCode, String> {
    if let Some(p) = &profile {
        if govsite::rules::profiles::find(p).is_none() {
            let names: Vec<_> = govsite::rules::profiles::names().collect();
            let hint = govsite::suggest::did_you_mean(p, names.iter().copied())
                .map_or(String::new(), |question| format!("; {question}"));
            return Err(format!("`{p}` is not a profile{hint} (profiles: {})", names.join(", ")));
        }
    }
    let started = std::time::Instant::now();
    let options = govsite::CheckOptions { profile };
    let verdict = govsite::check(dir, &options).map_err(|e| e.to_string())?;
    let found = &verdict.diagnostics;
    match format {
        Format::Human => {
            print_diagnostics(found, dir);
            for (name, score) in &verdict.projects {
                eprintln!("project {name}: completeness score {score}/100");
            }
            let summary = if found.is_empty() { "no problems".to_string() } else { diagnostics::summary(found) };
            eprintln!(
                "{summary}; completeness score {}/100 (profile {}), checked in {} ms",
                verdict.score,
                verdict.profile,
                started.elapsed().as_millis()
            );
        }
        Format::Json => print!("{}", govsite::formats::json(found, verdict.score)),
        Format::Sarif => print!("{}", govsite::formats::sarif(found, verdict.score, dir)),
        Format::Github => print!("{}", govsite::formats::github(found, verdict.score, dir)),
    }
    if found.iter().any(Diagnostic::is_error) {
        return Ok(ExitCode::from(1));
    }
    if let Some(min) = min_score.or(verdict.min_score) {
        if verdict.score < min {
            eprintln!("error: completeness score {} is below the minimum of {min}", verdict.score);
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `govsite serve`: runs until Ctrl-C.
fn serve(dir: &Path, options: govsite::serve::ServeOptions, open: bool) -> Result<ExitCode, String> {
    govsite::load::Input::find(dir).map_err(|e| e.to_string())?;
    let (stop_tx, stop_rx) = std::sync::mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })
    .map_err(|e| format!("cannot handle Ctrl-C: {e}"))?;
    let preview = govsite::serve::start(dir, &options).map_err(|e| e.to_string())?;
    let url = preview.url();
    eprintln!("Serving {} at {url} (Ctrl-C to stop)", dir.display());
    if open {
        open_browser(&url);
    }
    let _ = stop_rx.recv();
    eprintln!("Stopping.");
    preview.stop();
    Ok(ExitCode::SUCCESS)
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("warning: cannot open a browser ({opener}: {e}); open {url} yourself");
    }
}

/// `govsite build`.
fn build(dir: &Path, options: &govsite::BuildOptions) -> Result<ExitCode, String> {
    let started = std::time::Instant::now();
    match govsite::build(dir, options) {
        Ok(report) => {
            print_diagnostics(&report.diagnostics, dir);
            eprintln!(
                "Built {} files into {} in {} ms (completeness score {}/100)",
                report.files,
                report.output.display(),
                started.elapsed().as_millis(),
                report.score
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(govsite::Error::Invalid(found)) => {
            print_diagnostics(&found, dir);
            eprintln!("error: the site has {}; nothing was written", diagnostics::summary(&found));
            Ok(ExitCode::from(1))
        }
        Err(e) if e.is_site_error() => {
            eprintln!("error: {e}");
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e.to_string()),
    }
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

fn print_diagnostics(found: &[Diagnostic], root: &Path) {
    eprint!("{}", diagnostics::render_all(found, root, use_color()));
}
