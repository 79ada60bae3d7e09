//! The `govsite` command line: parses arguments, runs a command, maps the outcome to an
//! exit code (0 success, 1 the site has errors, 2 usage or I/O failure) in one place.

use clap::{Parser, Subcommand};
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
    /// Check the site, then build the portal into the output folder.
    Build {
        /// The site folder (holding site.yaml).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write the portal [default: DIR/public].
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Publish under this URL instead of site.yaml's base_url.
        #[arg(long)]
        base_url: Option<String>,
        /// Include draft pages.
        #[arg(long)]
        drafts: bool,
    },
}

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

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Build { dir, output, base_url, drafts } => {
            let options = govsite::BuildOptions { output, base_url, drafts };
            let started = std::time::Instant::now();
            match govsite::build(&dir, &options) {
                Ok(report) => {
                    print_diagnostics(&report.diagnostics, &dir);
                    eprintln!(
                        "Built {} files into {} in {} ms",
                        report.files,
                        report.output.display(),
                        started.elapsed().as_millis()
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(govsite::Error::Invalid(found)) => {
                    print_diagnostics(&found, &dir);
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
    }
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

fn print_diagnostics(found: &[Diagnostic], root: &Path) {
    let color = use_color();
    for d in found {
        eprint!("{}", diagnostics::render_human(d, root, color));
    }
}
