//! The keys of a [`KeysFile`] as sas-core and sas-hyper take them: one function per key, and
//! the signing and verifying rings of each side.

use std::collections::BTreeMap;

use sas_core::crypto::{
    ApiV3Key, AppKey, AuthorizationSigner, Certificate, PublicKeySet, RsaPrivateKey, SecretKey,
};
use sas_hyper::{SigningKeys, VerifyingKeys};

use super::{BadKey, KeysFile};

fn bad(field: &'static str) -> impl FnOnce(sas_core::crypto::KeyError) -> BadKey {
    move |source| BadKey { field, source }
}

impl KeysFile {
    /// The SecretKey.
    ///
    /// Errors: [`BadKey`] when it is not 16, 24 or 32 bytes.
    pub fn secret(&self) -> Result<SecretKey, BadKey> {
        SecretKey::new(&self.secret_key).map_err(bad("secret_key"))
    }

    /// The merchant's APIv3 key.
    ///
    /// Errors: [`BadKey`] when it is not 32 bytes.
    pub fn api_v3(&self) -> Result<ApiV3Key, BadKey> {
        ApiV3Key::new(&self.api_v3_key).map_err(bad("api_v3_key"))
    }

    /// The AppKey of virtual payments.
    ///
    /// Errors: [`BadKey`] when it is empty.
    pub fn app(&self) -> Result<AppKey, BadKey> {
        AppKey::new(&self.app_key).map_err(bad("app_key"))
    }

    /// The merchant's API private key.
    ///
    /// Errors: [`BadKey`] when it is not an RSA private key in PEM.
    pub fn merchant_private_key(&self) -> Result<RsaPrivateKey, BadKey> {
        RsaPrivateKey::from_pem(&self.merchant.private_key_pem)
            .map_err(bad("merchant.private_key_pem"))
    }

    /// The merchant's `Authorization` signer: its private key, `mchid` and serial.
    ///
    /// Errors: as [`merchant_private_key`](Self::merchant_private_key).
    pub fn merchant_signer(&self) -> Result<AuthorizationSigner, BadKey> {
        Ok(AuthorizationSigner::new(
            self.merchant_private_key()?,
            &self.merchant.mchid,
            &self.merchant.serial_no,
        ))
    }

    /// The merchant's public key under its serial: what the superapp checks `Authorization`
    /// and `paySign` with.
    ///
    /// Errors: [`BadKey`] when the public key is not an RSA public key in PEM.
    pub fn merchant_public_keys(&self) -> Result<PublicKeySet, BadKey> {
        let key = sas_core::crypto::RsaPublicKey::from_pem(&self.merchant.public_key_pem)
            .map_err(bad("merchant.public_key_pem"))?;
        Ok(PublicKeySet::new().with_key(&self.merchant.serial_no, key))
    }

    /// The platform's certificate.
    ///
    /// Errors: [`BadKey`] when it is not an X.509 certificate in PEM.
    pub fn platform_certificate(&self) -> Result<Certificate, BadKey> {
        Certificate::from_pem(&self.platform.certificate_pem)
            .map_err(bad("platform.certificate_pem"))
    }

    /// The platform's public keys (its certificate, under its serial): what merchants check
    /// callbacks with.
    ///
    /// Errors: as [`platform_certificate`](Self::platform_certificate).
    pub fn platform_keys(&self) -> Result<PublicKeySet, BadKey> {
        Ok(PublicKeySet::new().with_certificate(self.platform_certificate()?))
    }

    /// The platform's private key, when the file holds it (the sandbox's own configuration).
    ///
    /// Errors: [`BadKey`] when it is present but not an RSA private key in PEM.
    pub fn platform_private_key(&self) -> Result<Option<RsaPrivateKey>, BadKey> {
        self.platform
            .private_key_pem
            .as_deref()
            .map(RsaPrivateKey::from_pem)
            .transpose()
            .map_err(bad("platform.private_key_pem"))
    }

    /// What a counterpart of the superapp signs with: the SecretKey (as SAS), the merchant's
    /// signer and the AppKey (as the merchant).
    ///
    /// Errors: [`BadKey`] for the first key that cannot be read.
    pub fn counterpart_signing(&self) -> Result<SigningKeys, BadKey> {
        Ok(SigningKeys::new()
            .secret_key(self.secret()?)
            .merchant(self.merchant_signer()?)
            .app_key(self.app()?))
    }

    /// What the merchant checks callbacks with: the platform's certificate, the AppKey and the
    /// SecretKey.
    ///
    /// Errors: [`BadKey`] for the first key that cannot be read.
    pub fn merchant_verifying(&self) -> Result<VerifyingKeys, BadKey> {
        Ok(VerifyingKeys::new()
            .secret_key(self.secret()?)
            .platform_keys(self.platform_keys()?)
            .app_keys(self.app()?))
    }

    /// What the superapp checks requests with: the SecretKey, the merchant's public key by
    /// `mchid`, and the AppKey.
    ///
    /// Errors: [`BadKey`] for the first key that cannot be read.
    pub fn superapp_verifying(&self) -> Result<VerifyingKeys, BadKey> {
        let merchants =
            BTreeMap::from([(self.merchant.mchid.clone(), self.merchant_public_keys()?)]);
        Ok(VerifyingKeys::new()
            .secret_key(self.secret()?)
            .merchant_keys(merchants)
            .app_keys(self.app()?))
    }
}
