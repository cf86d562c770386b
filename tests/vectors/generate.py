#!/usr/bin/env python3
"""Known-answer vectors for sas-core's crypto module, computed independently of the Rust code.

Every value is computed here with Python `cryptography` (AES-ECB/CBC/GCM, RSA PKCS#1 v1.5),
the standard library (HMAC-SHA256, hex, Base64) and the `openssl` command (certificate serials),
from the byte rules of PROTOCOL.md §3. Inputs come from seeded PRNGs, one per file, so running

    python3 tests/vectors/generate.py

reproduces every JSON file byte for byte. The RSA keys are the committed TEST-ONLY keys under
keys/ (see keys/README.md); PKCS#1 v1.5 signatures are deterministic, AES-GCM is deterministic
for a given nonce, so nothing here depends on randomness.
"""

import base64
import hashlib
import hmac
import json
import random
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import padding as asym_padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography import x509

HERE = Path(__file__).resolve().parent
KEYS = HERE / "keys"

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
UPPER_HEX = "0123456789ABCDEF"
# Text pieces mixing ASCII, JSON punctuation, spaces and 2-, 3- and 4-byte UTF-8.
PIECES = ["a", "Z", "0", "9", " ", "_", "-", ".", "@", "+", "/", "=", '"', ":", ",", "{", "}",
          "\\", "\n", "é", "ß", "Ω", "中", "文", "腾", "讯", "😀", "🚀"]
# Plaintext lengths in bytes that every text family must cover.
EDGE_LENGTHS = [0, 1, 15, 16, 17, 31, 32, 33]


# ---------------------------------------------------------------------------------------------
# Independent primitives.

def aes_ecb(key: bytes, plaintext: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def aes_cbc(key: bytes, plaintext: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hmac_hex(key: bytes, message: bytes) -> str:
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def load_private(name: str):
    return serialization.load_pem_private_key((KEYS / name).read_bytes(), password=None)


def rsa_sign(private_key, message: bytes) -> str:
    return b64(private_key.sign(message, asym_padding.PKCS1v15(), hashes.SHA256()))


def openssl_serial(cert_file: str) -> str:
    out = subprocess.run(["openssl", "x509", "-in", str(KEYS / cert_file), "-noout", "-serial"],
                         check=True, capture_output=True, text=True).stdout.strip()
    assert out.startswith("serial="), out
    return out[len("serial="):]


# ---------------------------------------------------------------------------------------------
# Deterministic inputs.

def rng_for(name: str) -> random.Random:
    return random.Random("sas-core crypto vectors/" + name)


def text_of_bytes(rng: random.Random, n: int) -> str:
    """A string of exactly n UTF-8 bytes, multibyte where it fits."""
    out, size = [], 0
    while size < n:
        piece = rng.choice(PIECES)
        if size + len(piece.encode()) > n:
            piece = rng.choice(ALNUM)
        out.append(piece)
        size += len(piece.encode())
    return "".join(out)


def texts(rng: random.Random, count: int, max_len: int = 120) -> list:
    """EDGE_LENGTHS first, then random lengths."""
    lengths = EDGE_LENGTHS + [rng.randint(0, max_len) for _ in range(count - len(EDGE_LENGTHS))]
    return [text_of_bytes(rng, n) for n in lengths]


def alnum(rng: random.Random, n: int, alphabet: str = ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def aes_key(rng: random.Random, i: int) -> str:
    return alnum(rng, (16, 24, 32)[i % 3])


def timestamp(rng: random.Random, i: int) -> str:
    """13-digit milliseconds or 10-digit seconds, alternating."""
    ms = rng.randint(1_500_000_000_000, 2_100_000_000_000)
    return str(ms) if i % 2 == 0 else str(ms // 1000)


def json_body(rng: random.Random, i: int) -> str:
    """A JSON-looking body; every fifth one has multibyte text, some are empty."""
    if i % 11 == 3:
        return ""
    fields = {
        "out_trade_no": alnum(rng, rng.randint(6, 32)),
        "amount": {"total": rng.randint(1, 100000), "currency": rng.choice(["SGD", "USD", "CNY"])},
        "description": text_of_bytes(rng, rng.randint(0, 40)) if i % 5 == 0 else alnum(rng, 12),
    }
    separators = (",", ":") if i % 2 else (", ", ": ")
    return json.dumps(fields, ensure_ascii=bool(i % 3), separators=separators)


# ---------------------------------------------------------------------------------------------
# Files.

def write(name: str, algorithm: str, rule: str, cases: list) -> None:
    document = {"algorithm": algorithm, "rule": rule, "generator": "tests/vectors/generate.py",
                "cases": cases}
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    (HERE / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(cases)} cases")


def tc_signature(mode: str) -> None:
    rng = rng_for("tc_signature_" + mode)
    cipher = aes_ecb if mode == "ecb" else aes_cbc
    cases = []
    for i in range(60):
        key = aes_key(rng, i)
        if i < 48:
            ts = timestamp(rng, i)
        else:  # other lengths: the cipher signs any string
            ts = alnum(rng, [0, 1, 9, 11, 12, 14, 15, 16, 17, 31, 32, 33][i - 48], "0123456789")
        cases.append({"key": key, "timestamp": ts,
                      "signature": cipher(key.encode(), ts.encode()).hex()})
    rule = ("hex(AES-ECB(key, PKCS7(timestamp)))" if mode == "ecb"
            else "hex(AES-CBC(key, iv = key[:16], PKCS7(timestamp)))")
    write(f"tc_signature_{mode}.json", f"TC-Signature ({mode.upper()})", rule, cases)


def header_value() -> None:
    rng = rng_for("header_value")
    cases = []
    for i, plaintext in enumerate(texts(rng, 60, 64)):
        key = aes_key(rng, i)
        cases.append({"key": key, "plaintext": plaintext,
                      "ciphertext": aes_ecb(key.encode(), plaintext.encode()).hex()})
    write("header_value.json", "TC-OpenId / TC-MiniAppID header cipher",
          "hex(AES-ECB(key, PKCS7(utf8(plaintext))))", cases)


def user_info() -> None:
    rng = rng_for("user_info")
    plaintexts = texts(rng, 40, 80)
    for _ in range(10):
        plaintexts.append(alnum(rng, rng.randint(1, 20)).lower() + "@" + alnum(rng, 8).lower() + ".com")
    for _ in range(10):
        plaintexts.append("+" + alnum(rng, rng.randint(8, 14), "0123456789"))
    cases = []
    for i, plaintext in enumerate(plaintexts):
        key = aes_key(rng, i)
        cases.append({"key": key, "plaintext": plaintext,
                      "data": b64(aes_cbc(key.encode(), plaintext.encode()))})
    write("user_info_cbc.json", "e-mail / phone field cipher (API 1.3, 1.4)",
          "base64(AES-CBC(key, iv = key[:16], PKCS7(utf8(plaintext))))", cases)


def resource_gcm() -> None:
    rng = rng_for("resource_gcm")
    cases = []
    nonces_multibyte = ["中文abcdef", "nonc😀1234", "éé12345678"]
    for i, plaintext in enumerate(texts(rng, 60, 300)):
        key = alnum(rng, 32)
        nonce = nonces_multibyte[i % 3] if i % 10 == 9 else alnum(rng, 12)
        assert len(nonce.encode()) == 12
        aad = ["", "transaction", "refund", "certificate"][i % 4] if i % 7 else text_of_bytes(rng, 12)
        sealed = AESGCM(key.encode()).encrypt(nonce.encode(), plaintext.encode(), aad.encode())
        cases.append({"key": key, "nonce": nonce, "associated_data": aad, "plaintext": plaintext,
                      "ciphertext": b64(sealed)})
    write("resource_gcm.json", "AEAD_AES_256_GCM callback resource",
          "base64(AES-256-GCM(key, nonce = utf8(nonce), aad = utf8(associated_data), "
          "utf8(plaintext)) || tag16)", cases)


def resource_gcm_nonce_readings() -> None:
    """Nonces that are not 12 UTF-8 bytes, sealed with one of the readings a sender may use.

    `iv` names the IV the sender used: "utf8" (the nonce's UTF-8 bytes, WeChat's rule, so a
    16-character nonce is a 16-byte IV), "base64" (the nonce's Base64 decoding, as the known SAS
    sender does with Base64 of 12 random bytes), or "hex" (its hex decoding).
    """
    rng = rng_for("resource_gcm_nonce_readings")

    def random_bytes(n: int) -> bytes:
        return bytes(rng.randrange(256) for _ in range(n))

    # (how the nonce text is made, the IV reading used to seal) — each kind several times.
    kinds = [
        ("base64_12", "utf8"), ("base64_12", "base64"),            # the SAS sender's 16 chars
        ("base64_16", "utf8"), ("base64_16", "base64"),            # 24 chars, "=="-padded
        ("base64url_12", "utf8"), ("base64url_12", "base64"),      # URL-safe alphabet
        ("base64_9", "base64"),                                    # Base64 of 9 bytes, 12 chars
        ("hex_12", "hex"), ("hex_16", "hex"), ("hex_16", "utf8"),  # 24 and 32 hex characters
        ("alnum_8", "utf8"), ("alnum_16", "utf8"), ("alnum_32", "utf8"), ("uuid", "utf8"),
        ("alnum_64", "utf8"),
    ]
    cases = []
    plaintexts = texts(rng, 4 * len(kinds), 200)
    for i, plaintext in enumerate(plaintexts):
        made, reading = kinds[i % len(kinds)]
        if made == "base64_12":
            raw = random_bytes(12)
            nonce = b64(raw)
        elif made == "base64_16":
            raw = random_bytes(16)
            nonce = b64(raw)
        elif made == "base64url_12":
            raw = random_bytes(12)
            while b"-" not in base64.urlsafe_b64encode(raw) and b"_" not in base64.urlsafe_b64encode(raw):
                raw = random_bytes(12)
            nonce = base64.urlsafe_b64encode(raw).decode("ascii")
        elif made == "base64_9":
            raw = random_bytes(9)
            nonce = b64(raw)
        elif made == "hex_12":
            raw = random_bytes(12)
            nonce = raw.hex().upper() if i % 2 else raw.hex()
        elif made == "hex_16":
            raw = random_bytes(16)
            nonce = raw.hex()
        elif made == "uuid":
            raw = random_bytes(16)
            h = raw.hex()
            nonce = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        else:
            nonce = alnum(rng, int(made.split("_")[1]))
            raw = None
        iv = nonce.encode() if reading == "utf8" else raw
        assert iv is not None and (reading != "utf8" or len(iv) != 12)
        key = alnum(rng, 32)
        aad = ["", "transaction", "refund"][i % 3]
        sealed = AESGCM(key.encode()).encrypt(iv, plaintext.encode(), aad.encode())
        cases.append({"key": key, "nonce": nonce, "iv": reading, "iv_hex": iv.hex(),
                      "associated_data": aad, "plaintext": plaintext, "ciphertext": b64(sealed)})
    write("resource_gcm_nonce_readings.json", "AEAD_AES_256_GCM callback resource, other nonces",
          "base64(AES-256-GCM(key, iv = utf8(nonce) | base64decode(nonce) | hexdecode(nonce), "
          "aad = utf8(associated_data), utf8(plaintext)) || tag16)", cases)


def hmac_files() -> None:
    def app_key(rng, i):
        return text_of_bytes(rng, rng.randint(1, 40)) if i % 6 == 0 else alnum(rng, rng.randint(5, 32))

    rng = rng_for("hmac_pay_sig")
    methods = ["requestVirtualPayment", "requestMidasPaymentGameItem"]
    cases = []
    for i, data in enumerate(texts(rng, 60, 200)):
        key, method = app_key(rng, i), methods[i % 2]
        cases.append({"key": key, "method": method, "sign_data": data,
                      "signature": hmac_hex(key.encode(), (method + "&" + data).encode())})
    write("hmac_pay_sig.json", "paySig (HMAC-SHA256)",
          "hex(HMAC-SHA256(utf8(key), utf8(method + '&' + sign_data)))", cases)

    rng = rng_for("hmac_pay_event_sig")
    events = ["xpay_goods_deliver_notify", "minigame_game_pay_goods_deliver_notify",
              "REFUND.SUCCESS", "REFUND.CLOSED"]
    cases = []
    for i, payload in enumerate(texts(rng, 60, 200)):
        key, event = app_key(rng, i), events[i % 4]
        cases.append({"key": key, "event": event, "payload": payload,
                      "signature": hmac_hex(key.encode(), (event + "&" + payload).encode())})
    write("hmac_pay_event_sig.json", "PayEventSig (HMAC-SHA256)",
          "hex(HMAC-SHA256(utf8(key), utf8(event + '&' + payload)))", cases)

    rng = rng_for("hmac_refund_pay_sig")
    cases = []
    for i in range(60):
        key = app_key(rng, i)
        uri = "/vpay/refund/refunds" if i % 5 else "/prefix/vpay/refund/refunds"
        body = json_body(rng, i) if i >= len(EDGE_LENGTHS) else text_of_bytes(rng, EDGE_LENGTHS[i])
        cases.append({"key": key, "uri": uri, "body": body,
                      "signature": hmac_hex(key.encode(), uri.encode() + b"&" + body.encode())})
    write("hmac_refund_pay_sig.json", "virtual refund pay_sig (HMAC-SHA256)",
          "hex(HMAC-SHA256(utf8(key), utf8(uri) + '&' + body))", cases)

    rng = rng_for("hmac_user_signature")
    cases = []
    for i, data in enumerate(texts(rng, 60, 200)):
        key = b64(rng.randbytes(16)) if i % 4 else alnum(rng, rng.randint(1, 30))
        cases.append({"key": key, "sign_data": data,
                      "signature": hmac_hex(key.encode(), data.encode())})
    write("hmac_user_signature.json", "user-mode signature (HMAC-SHA256 with session_key)",
          "hex(HMAC-SHA256(utf8(session_key), utf8(sign_data)))", cases)


# RSA key pairs: private key file, public key file (SPKI, PKCS#1 or certificate), key ID.
RSA_KEYS = [
    ("platform-2048.pem", "platform-2048.crt", None),
    ("platform-3072.pem", "platform-3072.crt", None),
    ("merchant-2048-pkcs1.pem", "merchant-2048-pkcs1.pub", "526807E51G82219FOC2D5D3E6AB8ED1S8SDS8787AS"),
    ("wechatpay-test-pkcs1.pem", "wechatpay-test.pub", "PUB_KEY_ID_0114232134912410000000000000"),
]


def rsa_key(i: int):
    private_file, public_file, key_id = RSA_KEYS[i % len(RSA_KEYS)]
    if key_id is None:
        key_id = openssl_serial(public_file)
    return private_file, public_file, key_id


def rsa_authorization() -> None:
    rng = rng_for("rsa_authorization")
    paths = ["/v3/pay/transactions/jsapi", "/spay/refund/refunds",
             "/v3/pay/transactions/out-trade-no/{}?mchid={}",
             "/v3/pay/transactions/out-trade-no/{}/close", "/spay/refund/refunds/{}"]
    cases = []
    for i in range(60):
        private_file, public_file, serial = rsa_key(i)
        mchid = alnum(rng, 10, "0123456789")
        path = paths[i % len(paths)].format(alnum(rng, 16), mchid)
        method = "GET" if "?" in path or path.startswith("/spay/refund/refunds/") else "POST"
        body = "" if method == "GET" else json_body(rng, i)
        ts = str(rng.randint(1_500_000_000, 2_100_000_000))
        nonce = alnum(rng, 32, UPPER_HEX)
        message = f"{method}\n{path}\n{ts}\n{nonce}\n{body}\n".encode()
        signature = rsa_sign(load_private(private_file), message)
        header = (f'WECHATPAY2-SHA256-RSA2048 mchid="{mchid}",nonce_str="{nonce}",'
                  f'signature="{signature}",timestamp="{ts}",serial_no="{serial}"')
        cases.append({"private_key": private_file, "public_key": public_file, "serial_no": serial,
                      "mchid": mchid, "method": method, "canonical_url": path, "timestamp": ts,
                      "nonce": nonce, "body": body, "signature": signature, "header": header})
    write("rsa_authorization.json", "Authorization header (RSA-SHA256, PKCS#1 v1.5)",
          "base64(RSASSA-PKCS1-v1_5-SHA256(key, METHOD\\nURL\\nTIMESTAMP\\nNONCE\\nBODY\\n))", cases)


def rsa_callback() -> None:
    rng = rng_for("rsa_callback")
    cases = []
    for i in range(60):
        private_file, public_file, serial = rsa_key(i)
        ts = str(rng.randint(1_500_000_000, 2_100_000_000))
        nonce = alnum(rng, 32)
        body = json_body(rng, i) if i >= len(EDGE_LENGTHS) else text_of_bytes(rng, EDGE_LENGTHS[i])
        message = f"{ts}\n{nonce}\n{body}\n".encode()
        cases.append({"private_key": private_file, "public_key": public_file, "serial": serial,
                      "timestamp": ts, "nonce": nonce, "body": body,
                      "signature": rsa_sign(load_private(private_file), message)})
    write("rsa_callback.json", "callback / response signature (RSA-SHA256, PKCS#1 v1.5)",
          "base64(RSASSA-PKCS1-v1_5-SHA256(key, TIMESTAMP\\nNONCE\\nBODY\\n))", cases)


def rsa_pay_sign() -> None:
    rng = rng_for("rsa_pay_sign")
    cases = []
    for i in range(60):
        private_file, public_file, _ = rsa_key(i)
        app_id = "wx" + alnum(rng, 16, "0123456789abcdef")
        ts = str(rng.randint(1_500_000_000, 2_100_000_000))
        nonce = alnum(rng, rng.randint(1, 32))
        package = "prepay_id=wx" + alnum(rng, 34, "0123456789abcdef")
        message = f"{app_id}\n{ts}\n{nonce}\n{package}\n".encode()
        cases.append({"private_key": private_file, "public_key": public_file, "app_id": app_id,
                      "time_stamp": ts, "nonce_str": nonce, "package": package,
                      "pay_sign": rsa_sign(load_private(private_file), message)})
    write("rsa_pay_sign.json", "wx.requestPayment paySign (RSA-SHA256, PKCS#1 v1.5)",
          "base64(RSASSA-PKCS1-v1_5-SHA256(key, appId\\ntimeStamp\\nnonceStr\\npackage\\n))", cases)


def certificates() -> None:
    cases = []
    for cert_file, public_file in [("platform-2048.crt", "platform-2048.pub"),
                                   ("platform-2048-zero-nibble.crt", "platform-2048.pub"),
                                   ("platform-3072.crt", "platform-3072.pub"),
                                   ("merchant-2048.crt", "merchant-2048-pkcs1.pub")]:
        cert = x509.load_pem_x509_certificate((KEYS / cert_file).read_bytes())
        cases.append({"certificate": cert_file, "public_key": public_file,
                      "serial": openssl_serial(cert_file),
                      "not_before": int(cert.not_valid_before_utc.timestamp()),
                      "not_after": int(cert.not_valid_after_utc.timestamp()),
                      "bits": cert.public_key().key_size})
    write("certificates.json", "X.509 certificate fields",
          "serial as printed by openssl x509 -serial; validity in Unix seconds", cases)


# PEM shapes: how people paste keys and certificates. `expect` is sas-core's policy: load every
# shape OpenSSL 3 or pyca/cryptography loads, except the shapes that lost their line structure
# (the whole PEM on one line, an indented block), which get a named error instead, like the
# shapes both refuse (literal "\\n" escapes, no armour). `openssl` and `pyca` record what those
# two did with the same text when this file was made.
PEM_FILES = [("private", "platform-2048.pem"), ("private", "merchant-2048-pkcs1.pem"),
             ("public", "platform-2048.pub"), ("public", "merchant-2048-pkcs1.pub"),
             ("certificate", "platform-2048.crt")]


def pem_shapes_of(text: str, other: str) -> list:
    """The shapes of `text`; `other` is a block of another kind that shares a file with it."""
    lines = text.strip().split("\n")
    head, body, foot = lines[0], lines[1:-1], lines[-1]
    b = "".join(body)
    wrap = lambda width: [b[i:i + width] for i in range(0, len(b), width)]
    load = "load"
    return [
        ("as_written", text, load),
        ("base64_on_one_line", f"{head}\n{b}\n{foot}\n", load),
        ("base64_76_columns", "\n".join([head, *wrap(76), foot]) + "\n", load),
        ("base64_40_columns", "\n".join([head, *wrap(40), foot]) + "\n", load),
        ("trailing_spaces", "\n".join(l + "   " for l in lines) + "\n", load),
        ("trailing_tabs", "\n".join(l + "\t" for l in lines) + "\n", load),
        ("trailing_mixed_whitespace_crlf", "\r\n".join(l + " \t " for l in lines) + "\r\n", load),
        ("blank_lines_between", "\n\n".join(lines) + "\n", load),
        ("blank_line_after_begin", "\n".join([head, "", *body, foot]) + "\n", load),
        ("whitespace_around_text", "\n  \n\t" + text + "\n\n  \t\n", load),
        ("spaces_before_begin", "   " + text, load),
        ("crlf", text.replace("\n", "\r\n"), load),
        ("cr", text.replace("\n", "\r"), load),
        ("no_final_newline", text.rstrip("\n"), load),
        ("space_inside_base64", "\n".join([head, *(l[:10] + " " + l[10:] for l in body), foot]) + "\n",
         load),
        ("indented_base64_lines", "\n".join([head, *("    " + l for l in body), foot]) + "\n", load),
        ("whole_pem_on_one_line", " ".join(lines), "whole_on_one_line"),
        ("whole_pem_on_one_line_no_spaces", "".join(lines), "whole_on_one_line"),
        ("literal_backslash_n", "\\n".join(lines) + "\\n", "literal_newline_escapes"),
        ("literal_backslash_r_n", "\\r\\n".join(lines) + "\\r\\n", "literal_newline_escapes"),
        ("indented_block", "\n".join("    " + l for l in lines) + "\n", "indented"),
        ("indented_block_tabs", "\n".join("\t" + l for l in lines) + "\n", "indented"),
        ("bare_base64", "\n".join(body) + "\n", "no_armour"),
        ("bare_base64_one_line", b, "no_armour"),
        # Files of several blocks: each loader takes the first block of its kind.
        ("after_another_block", other + text, load),
        ("before_another_block", text + other, load),
        ("after_text_like_x509_text", "Certificate:\n    Data:\n        Version: 3 (0x2)\n"
         "        Serial Number:\n            51:57:f0:9e\n" + text, load),
    ]


def pyca_loads(kind: str, data: bytes) -> bool:
    try:
        if kind == "private":
            serialization.load_pem_private_key(data, password=None)
        elif kind == "public":
            serialization.load_pem_public_key(data)
        else:
            x509.load_pem_x509_certificate(data)
        return True
    except Exception:  # noqa: BLE001 - any refusal counts
        return False


def openssl_loads(kind: str, data: bytes) -> bool:
    command = {"private": ["openssl", "pkey", "-noout"],
               "public": ["openssl", "pkey", "-pubin", "-noout"],
               "certificate": ["openssl", "x509", "-noout"]}[kind]
    if kind == "public" and data.lstrip().startswith(b"-----BEGIN RSA PUBLIC KEY"):
        command = ["openssl", "rsa", "-RSAPublicKey_in", "-noout"]
    return subprocess.run(command, input=data, capture_output=True).returncode == 0


def pem_shapes() -> None:
    cases = []
    for kind, file in PEM_FILES:
        text = (KEYS / file).read_text()
        other = (KEYS / ("platform-2048.crt" if kind == "private" else "platform-2048.pem")).read_text()
        for shape, shaped, expect in pem_shapes_of(text, other):
            data = shaped.encode()
            cases.append({"file": file, "kind": kind, "shape": shape, "text": shaped,
                          "openssl": openssl_loads(kind, data), "pyca": pyca_loads(kind, data),
                          "expect": expect})
    for case in cases:
        # The policy loads everything OpenSSL loads.
        assert case["expect"] == "load" or not case["openssl"], case["shape"]
    write("pem_shapes.json", "PEM keys and certificates as people paste them",
          "expect: load, or the named layout problem; openssl / pyca: whether they loaded it",
          cases)


def main() -> None:
    tc_signature("ecb")
    tc_signature("cbc")
    header_value()
    user_info()
    resource_gcm()
    resource_gcm_nonce_readings()
    hmac_files()
    rsa_authorization()
    rsa_callback()
    rsa_pay_sign()
    certificates()
    pem_shapes()


if __name__ == "__main__":
    main()
