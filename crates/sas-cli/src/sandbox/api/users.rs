//! 1.1–1.7: users, temporary codes, e-mail and phone (AES-CBC under the SecretKey, by
//! sas-core), nickname, avatar, and subscription messages.

use sas_core::api::message::send_message;
use sas_core::api::user::get_user_info_temporary_code::{InfoType, UserInfoTemporaryCode};
use sas_core::api::user::{
    check_user, get_user_avatar, get_user_email, get_user_info_temporary_code, get_user_nick,
    get_user_phone_number,
};
use sas_core::crypto::encrypt_user_info;

use crate::sandbox::core::{CODE_TTL, Core};
use crate::sandbox::error::SandboxError;
use crate::sandbox::model::{InfoKind, Message, TemporaryCode, UserProfile};
use crate::sandbox::users::{mask_email, mask_phone};

impl Core {
    async fn profile(&self, user_id: &str) -> Result<UserProfile, SandboxError> {
        self.store
            .user(user_id)
            .await?
            .ok_or_else(|| SandboxError::UserNotFound(user_id.to_owned()))
    }

    pub(crate) async fn check_user(
        &self,
        request: check_user::Request,
    ) -> Result<check_user::Response, SandboxError> {
        Ok(check_user::Response::new(self.store.user(&request.user_id).await?.is_some()))
    }

    pub(crate) async fn temporary_code(
        &self,
        request: get_user_info_temporary_code::Request,
    ) -> Result<get_user_info_temporary_code::Response, SandboxError> {
        let user = self.profile(&request.user_id).await?;
        let (kind, masked) = match request.info_type {
            InfoType::Email => (InfoKind::Email, mask_email(&user.email)),
            InfoType::Phone => (InfoKind::Phone, mask_phone(&user.phone)),
            _ => return Err(SandboxError::Invalid("type is `email` or `phone`".to_owned())),
        };
        let code = crate::keygen::random_alphanumeric(32)
            .map_err(|e| SandboxError::Internal(e.to_string()))?;
        let ttl = u64::try_from(CODE_TTL.as_millis()).unwrap_or(u64::MAX);
        let expires_at =
            sas_core::time::UnixTime::from_millis(self.now().as_millis().saturating_add(ttl));
        self.store
            .insert_code(TemporaryCode {
                code: code.clone(),
                user_id: user.user_id,
                kind,
                expires_at,
            })
            .await?;
        Ok(get_user_info_temporary_code::Response::new(UserInfoTemporaryCode::new(masked, code)))
    }

    /// Takes `code` and returns the user it unlocks `kind` of.
    async fn redeem(
        &self,
        code: &str,
        user_id: &str,
        kind: InfoKind,
    ) -> Result<UserProfile, SandboxError> {
        let taken = self.store.take_code(code).await?.ok_or(SandboxError::BadCode)?;
        if taken.user_id != user_id || taken.kind != kind || taken.expires_at <= self.now() {
            return Err(SandboxError::BadCode);
        }
        self.profile(user_id).await
    }

    pub(crate) async fn user_email(
        &self,
        request: get_user_email::Request,
    ) -> Result<get_user_email::Response, SandboxError> {
        let user = self.redeem(&request.temporary_code, &request.user_id, InfoKind::Email).await?;
        Ok(get_user_email::Response::new(encrypt_user_info(&self.secret, &user.email)))
    }

    pub(crate) async fn user_phone(
        &self,
        request: get_user_phone_number::Request,
    ) -> Result<get_user_phone_number::Response, SandboxError> {
        let user = self.redeem(&request.temporary_code, &request.user_id, InfoKind::Phone).await?;
        Ok(get_user_phone_number::Response::new(encrypt_user_info(&self.secret, &user.phone)))
    }

    pub(crate) async fn user_nick(
        &self,
        request: get_user_nick::Request,
    ) -> Result<get_user_nick::Response, SandboxError> {
        Ok(get_user_nick::Response::new(self.profile(&request.user_id).await?.nickname))
    }

    pub(crate) async fn user_avatar(
        &self,
        request: get_user_avatar::Request,
    ) -> Result<get_user_avatar::Response, SandboxError> {
        Ok(get_user_avatar::Response::new(self.profile(&request.user_id).await?.avatar))
    }

    /// Keeps the message (listed at `GET /sandbox/messages`); accepted when its user exists.
    pub(crate) async fn send_message(
        &self,
        request: send_message::Request,
    ) -> Result<send_message::Response, SandboxError> {
        let accepted = self.store.user(&request.account_id).await?.is_some();
        if accepted {
            let message = serde_json::to_value(&request)
                .map_err(|e| SandboxError::Internal(e.to_string()))?;
            self.store
                .push_message(Message { received_at: self.now().as_millis(), message })
                .await?;
        }
        Ok(send_message::Response::new(accepted))
    }
}
