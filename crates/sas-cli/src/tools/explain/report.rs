//! The steps of an explanation as they are taken, and the [`Report`] that collects them with
//! the causes found.

use super::{Cause, Explanation, Scheme, Verdict};

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Status {
    /// Done (a reading or building step).
    Done,
    /// A check that held.
    Passed,
    /// A check that failed.
    Failed,
    /// A check not made (a key or a value was missing).
    Skipped,
}

/// One line of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detail {
    /// A sentence.
    Text(String),
    /// Exact bytes (a signed message), shown escaped with their count.
    Bytes {
        /// What they are.
        label: String,
        /// The bytes.
        bytes: Vec<u8>,
    },
}

/// One step: what was done and how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Step {
    /// What the step does.
    pub title: String,
    /// How it ended.
    pub status: Status,
    /// What it found.
    pub details: Vec<Detail>,
}

impl Step {
    /// Adds a sentence.
    pub fn text(&mut self, text: impl Into<String>) -> &mut Self {
        self.details.push(Detail::Text(text.into()));
        self
    }

    /// Adds exact bytes.
    pub fn bytes(&mut self, label: impl Into<String>, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.details.push(Detail::Bytes { label: label.into(), bytes: bytes.into() });
        self
    }
}

/// What a verified callback carried: the decrypted resource or the signed payload.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Document {
    /// What it is (`resource (transaction), decrypted`).
    pub what: String,
    /// The JSON text.
    pub text: String,
    /// The identifiers found in it and in the body (`out_trade_no`, `transaction_id`, …).
    pub ids: Vec<(String, String)>,
}

/// The explanation being built.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) steps: Vec<Step>,
    pub(crate) causes: Vec<Cause>,
    pub(crate) failed: bool,
    pub(crate) missing: Option<String>,
    pub(crate) document: Option<Document>,
}

impl Report {
    /// Starts a step.
    pub(crate) fn step(&mut self, title: impl Into<String>, status: Status) -> &mut Step {
        if status == Status::Failed {
            self.failed = true;
        }
        self.steps.push(Step { title: title.into(), status, details: Vec::new() });
        let last = self.steps.len() - 1;
        &mut self.steps[last]
    }

    /// Records a cause (once).
    pub(crate) fn cause(&mut self, cause: Cause) {
        if !self.causes.contains(&cause) {
            self.causes.push(cause);
        }
    }

    /// Records a cause that fails the check on its own.
    pub(crate) fn fail(&mut self, cause: Cause) {
        self.failed = true;
        self.cause(cause);
    }

    /// Records a key the check needs and does not have.
    pub(crate) fn missing(&mut self, what: impl Into<String>) {
        let what = what.into();
        self.step(format!("No {what} given: the check is skipped"), Status::Skipped)
            .text("give it with --keys FILE or its own flag (see --help)");
        self.missing.get_or_insert(what);
    }

    pub(crate) fn finish(self, scheme: Scheme, request: String) -> Explanation {
        let verdict = if self.failed {
            Verdict::Failed
        } else if let Some(missing) = self.missing {
            Verdict::Unchecked { missing }
        } else {
            Verdict::Verified
        };
        let mut likely_causes = self.causes;
        if verdict == Verdict::Failed && likely_causes.iter().all(Cause::is_warning) {
            likely_causes.push(Cause::Unexplained);
        }
        Explanation {
            scheme,
            request,
            steps: self.steps,
            verdict,
            likely_causes,
            document: self.document,
        }
    }
}
