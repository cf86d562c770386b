//! TLS configuration from PEM: client roots (webpki's plus extra certificates) and a server's
//! certificate chain and key, both with ALPN for HTTP/2 and HTTP/1.1.

use std::sync::Arc;

#[cfg(feature = "client")]
use rustls::RootCertStore;
use rustls::crypto::CryptoProvider;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

/// A TLS configuration could not be built: unreadable PEM or a key that does not fit.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TlsError {
    /// The PEM holds no certificate, or one that cannot be read.
    #[error("cannot read the certificate PEM: {0}")]
    Certificate(String),
    /// The PEM holds no private key, or one that cannot be read.
    #[error("cannot read the private key PEM: {0}")]
    PrivateKey(String),
    /// rustls refused the configuration.
    #[error("TLS configuration refused: {0}")]
    Rustls(#[from] rustls::Error),
}

pub(crate) fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Every certificate in `pem`.
pub(crate) fn certificates(pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let certificates = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| TlsError::Certificate(error.to_string()))?;
    if certificates.is_empty() {
        return Err(TlsError::Certificate("no CERTIFICATE block".to_owned()));
    }
    Ok(certificates)
}

/// A client configuration trusting webpki's roots (when `webpki` is set) and `extra` (the
/// connector offers HTTP/2, with the `http2` feature, and HTTP/1.1 by ALPN).
#[cfg(feature = "client")]
pub(crate) fn client_config(
    webpki: bool,
    extra: &[CertificateDer<'static>],
) -> Result<rustls::ClientConfig, TlsError> {
    let mut roots = RootCertStore::empty();
    if webpki {
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    }
    for certificate in extra {
        roots.add(certificate.clone())?;
    }
    let config = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}

/// A server configuration from a PEM certificate chain and a PEM private key (PKCS#8, PKCS#1
/// or SEC1), offering HTTP/2 and HTTP/1.1 by ALPN (the server speaks both).
///
/// # Errors
///
/// [`TlsError`] for unreadable PEM or a key that does not match the certificate.
pub fn server_config(
    certificate_pem: &[u8],
    key_pem: &[u8],
) -> Result<Arc<rustls::ServerConfig>, TlsError> {
    let chain = certificates(certificate_pem)?;
    let key = PrivateKeyDer::from_pem_slice(key_pem)
        .map_err(|error| TlsError::PrivateKey(error.to_string()))?;
    let mut config = rustls::ServerConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(chain, key)?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}
