//! The demo's record of its steps: printed as it goes (a numbered block per step, an arrow for
//! who calls whom, the essential fields, a `✓` line per check), or collected as JSON.

use std::io::Write;

use serde::Serialize;

/// One step of the walk.
#[derive(Clone, Debug, Serialize)]
#[non_exhaustive]
pub struct Step {
    /// Its number, from 1.
    pub number: usize,
    /// Who calls.
    pub from: String,
    /// Who answers.
    pub to: String,
    /// What is called (`POST /user/checkUser (1.1)`).
    pub call: String,
    /// The essential fields, as `name: value` lines.
    pub facts: Vec<String>,
    /// What was checked, one line each.
    pub verified: Vec<String>,
}

/// The record of a walk.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The sandbox's base URL.
    pub base_url: String,
    /// The merchant's callback server's base URL.
    pub merchant_url: String,
    /// The steps so far.
    pub steps: Vec<Step>,
    /// Whether every step verified.
    pub ok: bool,
    /// Why the walk stopped, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    /// The walk's wall time in milliseconds (the sandbox's start included).
    pub millis: u64,
    #[serde(skip)]
    print: bool,
}

impl Report {
    /// A record that prints each step as it is added unless `json`.
    pub fn new(json: bool) -> Self {
        Self {
            base_url: String::new(),
            merchant_url: String::new(),
            steps: Vec::new(),
            ok: false,
            failure: None,
            millis: 0,
            print: !json,
        }
    }

    /// Prints a line of text (not in JSON mode).
    pub fn say(&self, line: &str) {
        if self.print {
            print_line(line);
        }
    }

    /// Starts the next step.
    pub fn step(&mut self, from: &str, to: &str, call: impl Into<String>) -> &mut Step {
        let number = self.steps.len() + 1;
        self.steps.push(Step {
            number,
            from: from.to_owned(),
            to: to.to_owned(),
            call: call.into(),
            facts: Vec::new(),
            verified: Vec::new(),
        });
        let last = self.steps.len() - 1;
        &mut self.steps[last]
    }

    /// Prints the last step (not in JSON mode).
    pub fn done(&self) {
        if !self.print {
            return;
        }
        let Some(step) = self.steps.last() else { return };
        let mut text = format!("{:>2}. {} → {}   {}\n", step.number, step.from, step.to, step.call);
        for fact in &step.facts {
            text.push_str(&format!("      {fact}\n"));
        }
        for check in &step.verified {
            text.push_str(&format!("      ✓ {check}\n"));
        }
        print_line(text.trim_end());
    }
}

impl Step {
    /// Adds a fact.
    pub fn fact(&mut self, fact: impl Into<String>) -> &mut Self {
        self.facts.push(fact.into());
        self
    }

    /// Adds a check that held.
    pub fn verified(&mut self, check: impl Into<String>) -> &mut Self {
        self.verified.push(check.into());
        self
    }
}

/// Prints a line, ignoring a closed pipe (`sas demo | head`).
fn print_line(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
}
