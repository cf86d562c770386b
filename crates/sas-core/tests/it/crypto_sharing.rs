//! Keys and key sets are cheap to share: `Clone`, `Send + Sync`, and one pointer wide, so a
//! clone shares the prepared key instead of copying key material or parsing it again; clones
//! still print `<redacted>` and work like the original.

use std::mem::size_of;

use sas_core::crypto::{
    ApiV3Key, AppKey, AuthorizationSigner, Certificate, PublicKeySet, RequestParts, RsaPrivateKey,
    RsaPublicKey, SecretKey, SessionKey, open_resource, seal_resource, tc_signature,
};

use crate::crypto_support::{key_file, private_key};

/// `T` is a shared handle: cloneable, usable from any thread, and no wider than one pointer.
fn assert_shared_handle<T: Clone + Send + Sync + 'static>(name: &str) {
    assert_eq!(size_of::<T>(), size_of::<usize>(), "{name} is not a single shared pointer");
}

#[test]
fn keys_and_key_sets_are_shared_handles() {
    assert_shared_handle::<SecretKey>("SecretKey");
    assert_shared_handle::<ApiV3Key>("ApiV3Key");
    assert_shared_handle::<AppKey>("AppKey");
    assert_shared_handle::<SessionKey>("SessionKey");
    assert_shared_handle::<RsaPrivateKey>("RsaPrivateKey");
    assert_shared_handle::<RsaPublicKey>("RsaPublicKey");
    assert_shared_handle::<PublicKeySet>("PublicKeySet");
}

#[test]
fn clones_work_like_the_original_and_stay_redacted() {
    let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev").unwrap();
    let copy = secret.clone();
    assert_eq!(tc_signature(&copy, "1735293931220"), tc_signature(&secret, "1735293931220"));
    assert_eq!(format!("{copy:?}"), "<redacted>");

    let api_v3 = ApiV3Key::new("0123456789ABCDEFabcdefghij012345").unwrap();
    let sealed = seal_resource(&api_v3, "n0nce1234567", "", b"{}").unwrap();
    assert_eq!(open_resource(&api_v3.clone(), "n0nce1234567", "", &sealed).unwrap(), b"{}");
    assert_eq!(format!("{:?}", api_v3.clone()), "<redacted>");
    assert_eq!(format!("{:?}", AppKey::new("k").unwrap().clone()), "<redacted>");
    assert_eq!(format!("{:?}", SessionKey::new("k").unwrap().clone()), "<redacted>");

    let key = private_key("merchant-2048-pkcs1.pem");
    let copy = key.clone();
    assert_eq!(format!("{copy:?}"), "<redacted>");
    assert_eq!(copy.sign(b"m").unwrap(), key.sign(b"m").unwrap());

    // A signer per request: clone one configured signer.
    let signer = AuthorizationSigner::new(key, "1900009191", "MERCHANT-SERIAL-1");
    let per_request = signer.clone();
    let printed = format!("{per_request:?}");
    assert!(printed.contains("<redacted>") && !printed.contains("MII"), "{printed}");
    let request = RequestParts { method: "GET", canonical_url: "/v3/certificates", body: b"" };
    let header = per_request.sign(&request, "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242");
    let keys = PublicKeySet::new().with_key("MERCHANT-SERIAL-1", copy.public_key());
    keys.clone().verify_authorization(&header.unwrap().to_string(), &request).unwrap();
}

#[test]
fn changing_a_clone_of_a_key_set_leaves_the_original() {
    let cert = Certificate::from_pem(&key_file("platform-2048.crt")).unwrap();
    let original = PublicKeySet::new().with_certificate(cert);
    let mut changed = original.clone();
    changed.insert("PUB_KEY_ID_1", private_key("platform-3072.pem").public_key());
    assert!(changed.remove("5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11").is_some());
    assert_eq!(original.ids().collect::<Vec<_>>(), ["5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11"]);
    assert_eq!(changed.ids().collect::<Vec<_>>(), ["PUB_KEY_ID_1"]);
}
