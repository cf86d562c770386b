//! Which callback a verified delivery is (2.2, 3.2, 4.2, 5.1.3, 5.2.2), told from its scheme and
//! body, and the answer that acknowledges it, built by sas-core's typed responses.

use sas_core::api::payment::payment_notification;
use sas_core::api::refund::{refund_notification, virtual_refund_notification};
use sas_core::api::virtual_payment::{
    mini_game_payment_notification, mini_program_payment_notification,
};
use sas_core::endpoint::Metadata;
use sas_core::response::OutgoingResponse;

use crate::tools::capture::Captured;
use crate::tools::explain::Scheme;

/// The callbacks a merchant receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallbackEntry {
    /// 2.2.
    Payment,
    /// 5.1.3.
    Refund,
    /// 3.2.
    MiniGamePayment,
    /// 4.2.
    MiniProgramPayment,
    /// 5.2.2.
    VirtualRefund,
}

impl CallbackEntry {
    /// The entry of a delivery checked as `scheme`, from its body.
    pub fn of(scheme: Scheme, captured: &Captured) -> Option<Self> {
        let body = captured.json_body().unwrap_or_default();
        let text = |name: &str| body.get(name).and_then(|v| v.as_str()).unwrap_or_default();
        match scheme {
            Scheme::Callback => {
                let original_type = body
                    .get("resource")
                    .and_then(|r| r.get("original_type"))
                    .and_then(|v| v.as_str())
                    .unwrap_or_default();
                if original_type == "refund" || text("event_type").starts_with("REFUND.") {
                    Some(Self::Refund)
                } else {
                    Some(Self::Payment)
                }
            }
            Scheme::EventSig
                if body.contains_key("eventType") || body.contains_key("payEventSig") =>
            {
                Some(Self::VirtualRefund)
            }
            Scheme::EventSig if text("Event") == "minigame_game_pay_goods_deliver_notify" => {
                Some(Self::MiniGamePayment)
            }
            Scheme::EventSig => Some(Self::MiniProgramPayment),
            _ => None,
        }
    }

    /// The spec's metadata of the entry.
    pub fn metadata(self) -> &'static Metadata {
        match self {
            Self::Payment => &payment_notification::METADATA,
            Self::Refund => &refund_notification::METADATA,
            Self::MiniGamePayment => &mini_game_payment_notification::METADATA,
            Self::MiniProgramPayment => &mini_program_payment_notification::METADATA,
            Self::VirtualRefund => &virtual_refund_notification::METADATA,
        }
    }

    /// `2.2 payment notification`-style name.
    pub fn name(self) -> String {
        let meta = self.metadata();
        format!("{} {}", meta.section, meta.title)
    }

    /// The acknowledging answer: `data` `true` for 2.2, `"OK"` for the others.
    ///
    /// # Errors
    ///
    /// If sas-core cannot write the envelope.
    pub fn acknowledgement(
        self,
        request_id: &str,
    ) -> Result<http::Response<Vec<u8>>, sas_core::error::IntoHttpError> {
        let ok = || "OK".to_owned();
        match self {
            Self::Payment => {
                payment_notification::Response::new(true).try_into_http_response(request_id)
            }
            Self::Refund => {
                refund_notification::Response::new(ok()).try_into_http_response(request_id)
            }
            Self::MiniGamePayment => mini_game_payment_notification::Response::new(ok())
                .try_into_http_response(request_id),
            Self::MiniProgramPayment => mini_program_payment_notification::Response::new(ok())
                .try_into_http_response(request_id),
            Self::VirtualRefund => {
                virtual_refund_notification::Response::new(ok()).try_into_http_response(request_id)
            }
        }
    }
}
