//! govsite: governance as data, checked like code, published as a static portal.
//!
//! The pipeline, one stage per module, data flowing one way (each module imports only the
//! stages to its left, and [`model`] imports nothing but itself):
//!
//! ```text
//! load ──▶ model ──▶ rules ──▶ markdown/render ──▶ links ──▶ output
//!   files    plain data  diagnostics,   pages in memory      broken links   atomic write
//!                        score, policy                                      (or serve)
//! ```
//!
//! [`pipeline`] runs the stages for a site or a portfolio; `check`, `build`, `serve` and
//! `export` all enter through it. See docs/architecture.md.

#![deny(missing_docs)]

pub mod activity;
pub mod boundary;
pub mod diagnostics;
pub mod diff;
pub mod export;
pub mod formats;
pub mod i18n;
pub mod import;
pub mod init;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod paths;
pub mod pipeline;
pub mod render;
pub mod rules;
pub mod schema;
pub mod serve;
pub mod suggest;
pub mod today;
pub mod wording;
pub mod zones;

pub use pipeline::{
    build, check, render_site, render_site_cached, BuildOptions, BuildReport, CheckOptions, Error, Outcome, SiteCache,
    Verdict,
};
pub use rules::Checked;
