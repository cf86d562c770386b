//! The mismatch error, and the comparison that collects every differing field.

use std::fmt;

/// One field that differs between what was expected and what arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldMismatch {
    /// The field's wire path in the received document: `amount.total`, `GoodsInfo.ActualPrice`.
    pub field: &'static str,
    /// The value expected.
    pub expected: String,
    /// The value received; `None` when the document does not carry the field.
    pub received: Option<String>,
}

impl fmt::Display for FieldMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.received {
            Some(received) => {
                write!(f, "{} is {received:?}, expected {:?}", self.field, self.expected)
            }
            None => write!(f, "{} is absent, expected {:?}", self.field, self.expected),
        }
    }
}

/// What arrived differs from what the merchant expected, in every field listed.
///
/// The message's signature held, so it comes from whom it claims; a mismatch means the sender
/// reports another order or refund than the one it was checked against: a routing or
/// bookkeeping bug on the sender's side, a notification replayed onto the wrong order, or an
/// expectation looked up for the wrong order on the SDK user's side. Do not fulfil the order.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MismatchError {
    /// A payment (2.2 transaction, 2.3 order) differs from the order placed (the sender's
    /// records, or the SDK user's lookup of the expected order).
    #[error("the payment differs from the order placed: {}", list(.0))]
    Payment(Vec<FieldMismatch>),
    /// A refund (5.1.3 or 5.2.2 result, 5.1.1/5.1.2/5.2.1 response) differs from the refund
    /// requested (the sender's records, or the SDK user's lookup of the expected refund).
    #[error("the refund differs from the refund requested: {}", list(.0))]
    Refund(Vec<FieldMismatch>),
    /// A virtual payment (3.2 or 4.2 payload) differs from the order placed (the sender's
    /// records, or the SDK user's lookup of the expected order).
    #[error("the virtual payment differs from the order placed: {}", list(.0))]
    VirtualPayment(Vec<FieldMismatch>),
}

impl MismatchError {
    /// Every field that differs, in document order.
    #[must_use]
    pub fn fields(&self) -> &[FieldMismatch] {
        match self {
            Self::Payment(fields) | Self::Refund(fields) | Self::VirtualPayment(fields) => fields,
        }
    }
}

fn list(fields: &[FieldMismatch]) -> String {
    fields.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// Collects the fields that differ; an expectation of `None` is not compared.
#[derive(Default)]
pub(super) struct Comparison {
    mismatches: Vec<FieldMismatch>,
}

impl Comparison {
    /// Text compared byte for byte.
    pub(super) fn text(&mut self, field: &'static str, expected: Option<&str>, received: &str) {
        self.text_opt(field, expected, Some(received));
    }

    /// Text the document may lack, compared byte for byte.
    pub(super) fn text_opt(
        &mut self,
        field: &'static str,
        expected: Option<&str>,
        received: Option<&str>,
    ) {
        if let Some(expected) = expected
            && received != Some(expected)
        {
            self.push(field, expected.to_owned(), received.map(str::to_owned));
        }
    }

    /// A currency code, compared ignoring ASCII case (`usd` is `USD`).
    pub(super) fn currency(
        &mut self,
        field: &'static str,
        expected: Option<&str>,
        received: Option<&str>,
    ) {
        if let Some(expected) = expected
            && !received.is_some_and(|received| received.eq_ignore_ascii_case(expected))
        {
            self.push(field, expected.to_owned(), received.map(str::to_owned));
        }
    }

    /// An integer (amounts in cents, quantities), compared exactly.
    pub(super) fn int(
        &mut self,
        field: &'static str,
        expected: Option<i64>,
        received: Option<i64>,
    ) {
        if let Some(expected) = expected
            && received != Some(expected)
        {
            self.push(field, expected.to_string(), received.map(|r| r.to_string()));
        }
    }

    fn push(&mut self, field: &'static str, expected: String, received: Option<String>) {
        self.mismatches.push(FieldMismatch { field, expected, received });
    }

    /// `Ok` when nothing differs, else every mismatch as `error`.
    pub(super) fn finish(
        self,
        error: fn(Vec<FieldMismatch>) -> MismatchError,
    ) -> Result<(), MismatchError> {
        if self.mismatches.is_empty() { Ok(()) } else { Err(error(self.mismatches)) }
    }
}
