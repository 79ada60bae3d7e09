//! How a rule is treated: the one scale that profiles, overrides and portfolio floors share.

use crate::diagnostics::Severity;

/// How a rule is treated, mildest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Switched off.
    Allow,
    /// Reported; never stops a build.
    Warning,
    /// Stops a build.
    Error,
}

impl Level {
    /// The level spelled in site.yaml (`allow`, `warning` or `warn`, `error`).
    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "allow" => Some(Level::Allow),
            "warning" | "warn" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }

    /// The severity a diagnostic gets at this level; `None` drops it.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

impl From<Severity> for Level {
    fn from(severity: Severity) -> Level {
        match severity {
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        }
    }
}
