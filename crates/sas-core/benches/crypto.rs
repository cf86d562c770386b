//! Cost of the crypto module next to the bare primitives it is built on, printed as ratios.
//!
//! Run with `cargo bench -p sas-core --bench crypto`. Each figure is the best of several runs
//! of many iterations (`std::time::Instant`, `std::hint::black_box`); no harness is needed.
//! Both sides do the same work from the same prepared state: a key is prepared once outside
//! the loop on both sides (`SecretKey::new` expands the AES key schedule once, so the baseline
//! expands it once too), and the baseline is the bare primitives called directly, on the stack.
//! Targets: TC-Signature sign ≤ 1.3× AES-ECB + hex encoding; verify (with the timestamp parse
//! and freshness check) ≤ 1.3× hex decoding + AES-ECB + constant-time compare; sign + verify
//! ≤ 1.3× the two baselines; opening a payment callback (RSA verify + GCM open + JSON parse)
//! ≤ 1.2× the sum of the three primitives.

use std::error::Error;
use std::hint::black_box;
use std::time::{Duration, Instant};

use aes::Aes256;
use aes::cipher::block_padding::Pkcs7;
use aes::cipher::common::InnerInit as _;
use aes::cipher::{Array, BlockModeEncrypt, KeyInit};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use ring::signature::{KeyPair as _, RSA_PKCS1_2048_8192_SHA256, RsaKeyPair, UnparsedPublicKey};
use sas_core::crypto::{
    ApiV3Key, CallbackSignature, Certificate, PublicKeySet, RsaPrivateKey, SecretKey,
    TcSignatureVerifier, callback_signature, open_resource, seal_resource, tc_signature,
};
use sas_core::time::UnixTime;
use subtle::ConstantTimeEq as _;

/// Runs per measurement; the fastest is kept.
const RUNS: usize = 9;
/// Wall time aimed at for one run.
const RUN_TIME: Duration = Duration::from_millis(100);

/// Iterations of `f` that take about a quarter of `RUN_TIME`.
fn calibrate(f: &mut dyn FnMut()) -> u32 {
    let mut iterations: u32 = 1;
    loop {
        let start = Instant::now();
        for _ in 0..iterations {
            f();
        }
        if start.elapsed() >= RUN_TIME / 4 || iterations >= 1 << 24 {
            return iterations * 4;
        }
        iterations *= 2;
    }
}

/// The best time per iteration of each closure over `RUNS` runs. The runs are interleaved, so
/// a change of load on the machine hits an operation and its primitives alike.
fn measure(closures: &mut [&mut dyn FnMut()]) -> Vec<Duration> {
    let iterations: Vec<u32> = closures.iter_mut().map(|f| calibrate(*f)).collect();
    let mut best = vec![Duration::MAX; closures.len()];
    for _ in 0..RUNS {
        for ((f, &n), best) in closures.iter_mut().zip(&iterations).zip(&mut best) {
            let start = Instant::now();
            for _ in 0..n {
                f();
            }
            *best = (*best).min(start.elapsed() / n);
        }
    }
    best
}

fn report(name: &str, operation: Duration, baseline: Duration, target: f64) {
    let ratio = operation.as_secs_f64() / baseline.as_secs_f64();
    let verdict = if ratio <= target { "ok" } else { "OVER TARGET" };
    println!(
        "{name:<44} {:>10.0} ns  vs primitives {:>10.0} ns  ratio {ratio:.3} (target ≤ {target}) {verdict}",
        operation.as_secs_f64() * 1e9,
        baseline.as_secs_f64() * 1e9,
    );
}

fn tc_signature_bench() -> Result<(), Box<dyn Error>> {
    let secret = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";
    let key = SecretKey::new(secret)?;
    let raw_key: [u8; 32] = secret.as_bytes().try_into()?;
    let cipher = Aes256::new(&Array::from(raw_key));
    let timestamp = "1735293931220";
    let now = UnixTime::from_millis(1_735_293_931_500);
    let verifier = TcSignatureVerifier::new();
    let signature = tc_signature(&key, timestamp);

    // The bare primitives: AES-ECB of the padded timestamp (one block), hex both ways.
    let ecb = |timestamp: &str| -> Option<[u8; 16]> {
        let mut block = [0; 16];
        ecb::Encryptor::<&Aes256>::inner_init(&cipher)
            .encrypt_padded_b2b::<Pkcs7>(timestamp.as_bytes(), &mut block)
            .ok()?;
        Some(block)
    };
    let raw_sign = |timestamp: &str| -> Option<String> {
        let mut hex = [0; 32];
        hex::encode_to_slice(ecb(timestamp)?, &mut hex).ok()?;
        Some(std::str::from_utf8(&hex).ok()?.to_owned())
    };
    let raw_verify = |timestamp: &str, signature: &str| -> Option<bool> {
        let mut received = [0; 16];
        hex::decode_to_slice(signature, &mut received).ok()?;
        Some(bool::from(ecb(timestamp)?.ct_eq(&received)))
    };
    if raw_sign(timestamp).as_deref() != Some(signature.as_str())
        || raw_verify(timestamp, &signature) != Some(true)
    {
        return Err("the baseline does not compute TC-Signature".into());
    }
    let mut sign_primitives = || {
        black_box(raw_sign(black_box(timestamp)));
    };
    let mut verify_primitives = || {
        black_box(raw_verify(black_box(timestamp), black_box(&signature)));
    };
    let mut sign = || {
        black_box(tc_signature(black_box(&key), black_box(timestamp)));
    };
    let mut verify = || {
        let verified = verifier.verify(black_box(&key), black_box(timestamp), &signature, now);
        black_box(verified.is_ok());
    };
    let mut both = || {
        let signature = tc_signature(black_box(&key), black_box(timestamp));
        black_box(verifier.verify(&key, timestamp, &signature, now).is_ok());
    };
    if verifier.verify(&key, timestamp, &signature, now).is_err() {
        return Err("TC-Signature did not verify".into());
    }
    let times = measure(&mut [
        &mut sign_primitives,
        &mut verify_primitives,
        &mut sign,
        &mut verify,
        &mut both,
    ]);
    let (sign_base, verify_base, sign, verify, both) =
        (times[0], times[1], times[2], times[3], times[4]);
    report("TC-Signature sign", sign, sign_base, 1.3);
    report("TC-Signature verify (with freshness)", verify, verify_base, 1.3);
    report("TC-Signature sign + verify", both, sign_base + verify_base, 1.3);
    Ok(())
}

fn callback_bench() -> Result<(), Box<dyn Error>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
    let private_pem = std::fs::read_to_string(format!("{dir}/platform-2048.pem"))?;
    let private_key = RsaPrivateKey::from_pem(&private_pem)?;
    let certificate =
        Certificate::from_pem(&std::fs::read_to_string(format!("{dir}/platform-2048.crt"))?)?;
    let serial = certificate.serial_number().to_owned();
    let keys = PublicKeySet::new().with_certificate(certificate);
    let api_v3_text = "0123456789ABCDEFabcdefghij012345";
    let api_v3 = ApiV3Key::new(api_v3_text)?;
    let (nonce, aad) = ("n0nce1234567", "transaction");

    let transaction = br#"{"transaction_id":"4200000000000000001","mch_id":"1900009191","out_trade_no":"ORDER123456","appid":"mpvc3tdaldpq7zpu","trade_state":"SUCCESS","trade_state_desc":"Payment successful","trade_type":"JSAPI","bank_type":"OTHERS","success_time":"2026-01-16T10:34:56+08:00","payer":"o1_user_openid_0000000000","attach":"","amount":{"total":"100","payer_total":"100","currency":"SGD","payer_currency":"SGD"}}"#;
    let ciphertext = seal_resource(&api_v3, nonce, aad, transaction)?;
    let body = format!(
        r#"{{"id":"EV-2026","create_time":"2026-01-16T10:34:57+08:00","event_type":"TRANSACTION.SUCCESS","resource_type":"encrypt-resource","summary":"Payment successful","resource":{{"algorithm":"AEAD_AES_256_GCM","ciphertext":"{ciphertext}","associated_data":"{aad}","original_type":"transaction","nonce":"{nonce}"}}}}"#
    );
    let (timestamp, callback_nonce) = ("1735293931", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");
    let signature = callback_signature(&private_key, timestamp, callback_nonce, body.as_bytes())?;
    let received = CallbackSignature {
        serial: &serial,
        timestamp,
        nonce: callback_nonce,
        signature: &signature,
    };

    // The SDK: look the key up, verify, open, parse.
    let open_callback = || -> Result<serde_json::Value, Box<dyn Error>> {
        keys.verify_callback(black_box(&received), black_box(body.as_bytes()))?;
        let plaintext = open_resource(&api_v3, nonce, aad, black_box(&ciphertext))?;
        Ok(serde_json::from_slice(&plaintext)?)
    };
    if open_callback()?["out_trade_no"] != "ORDER123456" {
        return Err("callback did not open".into());
    }

    // The bare primitives, inputs prepared outside the loop.
    let message = format!("{timestamp}\n{callback_nonce}\n{body}\n").into_bytes();
    let raw_signature = STANDARD.decode(&signature)?;
    let ring_public =
        UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, ring_public_key(&private_pem)?);
    let sealed = STANDARD.decode(&ciphertext)?;
    let ring_key =
        LessSafeKey::new(UnboundKey::new(&AES_256_GCM, api_v3_text.as_bytes()).map_err(|_| "key")?);

    let mut rsa = || {
        black_box(ring_public.verify(black_box(&message), black_box(&raw_signature)).is_ok());
    };
    let mut gcm = || {
        let mut in_out = black_box(&sealed).clone();
        let nonce = Nonce::try_assume_unique_for_key(nonce.as_bytes()).ok();
        if let Some(nonce) = nonce {
            black_box(
                ring_key.open_in_place(nonce, Aad::from(aad.as_bytes()), &mut in_out).is_ok(),
            );
        }
    };
    let mut json = || {
        let parsed: Result<serde_json::Value, _> = serde_json::from_slice(black_box(transaction));
        black_box(parsed.is_ok());
    };
    let mut sdk = || {
        black_box(open_callback().is_ok());
    };
    let times = measure(&mut [&mut rsa, &mut gcm, &mut json, &mut sdk]);
    let (rsa, gcm, json, sdk) = (times[0], times[1], times[2], times[3]);
    println!(
        "  primitives: RSA-2048 verify {:.0} ns, AES-256-GCM open {:.0} ns, JSON parse {:.0} ns",
        rsa.as_secs_f64() * 1e9,
        gcm.as_secs_f64() * 1e9,
        json.as_secs_f64() * 1e9
    );
    report("payment callback: verify + open + parse", sdk, rsa + gcm + json, 1.2);
    Ok(())
}

/// The PKCS#1 `RSAPublicKey` DER `ring` verifies with, read from the PKCS#8 PEM with `ring`
/// alone so the baseline uses no SDK code.
fn ring_public_key(pem: &str) -> Result<Vec<u8>, Box<dyn Error>> {
    let body: String = pem.lines().filter(|line| !line.starts_with("-----")).collect();
    let key_pair = RsaKeyPair::from_pkcs8(&STANDARD.decode(body)?).map_err(|e| e.to_string())?;
    Ok(key_pair.public_key().as_ref().to_vec())
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("sas-core crypto benchmark (best of {RUNS} runs per figure)");
    tc_signature_bench()?;
    callback_bench()?;
    Ok(())
}
