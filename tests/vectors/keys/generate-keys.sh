#!/usr/bin/env bash
# TEST-ONLY key material for the crypto vectors. Never use these keys for real traffic: the
# private keys are public, committed in this repository.
#
# Keys are random, so re-running this script produces different keys; the committed files are
# what tests/vectors/generate.py and the Rust tests use. Run it only to replace the test keys,
# then re-run generate.py and commit everything together.
set -euo pipefail
cd "$(dirname "$0")"

subject() { printf '/C=SG/O=SAS SDK TEST ONLY/CN=%s' "$1"; }
days=36500

# Superapp payment platform keys (PKCS#8), certificates with the serials SAS would send.
for spec in "platform-2048:2048:0x5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11" \
            "platform-3072:3072:0x9A0B1C2D3E4F5061728394A5B6C7D8E9F0011223"; do
  IFS=: read -r name bits serial <<<"$spec"
  openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$bits" -out "$name.pem"
  openssl req -new -x509 -key "$name.pem" -days "$days" -set_serial "$serial" \
    -subj "$(subject "$name")" -out "$name.crt"
  openssl pkey -in "$name.pem" -pubout -out "$name.pub"
done

# A second certificate for the 2048-bit platform key, whose 20-byte serial starts with a zero
# nibble: openssl prints it as 0A1B…, Java's BigInteger.toString(16) as A1B….
openssl req -new -x509 -key platform-2048.pem -days "$days" \
  -set_serial 0x0A1B2C3D4E5F60718293A4B5C6D7E8F901234567 \
  -subj "$(subject platform-2048-zero-nibble)" -out platform-2048-zero-nibble.crt
# A third, whose serial has its top bit set: DER stores it after a 00 byte, which OpenSSL 3
# drops when printing it and older `openssl x509 -text` printed (00:8a:1b:…).
openssl req -new -x509 -key platform-2048.pem -days "$days" \
  -set_serial 0x8A1B2C3D4E5F60718293A4B5C6D7E8F901234567 \
  -subj "$(subject platform-2048-top-bit)" -out platform-2048-top-bit.crt
# The certificate as `openssl x509 -text` prints it: the text dump, then the PEM block.
openssl x509 -in platform-2048.crt -text -out platform-2048-text.crt

# Merchant API key: PKCS#1 ("RSA PRIVATE KEY"), PKCS#1 public key, certificate with a short
# serial (printed with a leading zero nibble).
openssl genrsa -traditional -out merchant-2048-pkcs1.pem 2048
openssl rsa -in merchant-2048-pkcs1.pem -RSAPublicKey_out -out merchant-2048-pkcs1.pub
openssl req -new -x509 -key merchant-2048-pkcs1.pem -days "$days" -set_serial 0x0A1B \
  -subj "$(subject merchant-2048)" -out merchant-2048.crt

# Keys that must be refused.
openssl pkcs8 -topk8 -in platform-2048.pem -v2 aes-256-cbc -passout pass:test-only \
  -out encrypted-pkcs8.pem
openssl rsa -in merchant-2048-pkcs1.pem -traditional -aes256 -passout pass:test-only \
  -out encrypted-pkcs1.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec-p256.pem
openssl pkey -in ec-p256.pem -pubout -out ec-p256.pub
openssl req -new -x509 -key ec-p256.pem -days "$days" -set_serial 0x0EC1 \
  -subj "$(subject ec-p256)" -out ec-p256.crt
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa-1024.pem
openssl pkey -in rsa-1024.pem -pubout -out rsa-1024.pub

# The WeChat Pay public test key (PROTOCOL.md Appendix A), PKCS#1, and its SPKI public key.
# It is not generated: it is written out from the Base64 below.
{
  echo "-----BEGIN RSA PRIVATE KEY-----"
  fold -w 64 <<'B64'
MIIEogIBAAKCAQEAptpm+qvIDCh/9wjU26SQCK26ogYkBhDrYxnAaw2JbbBsp1oDbHKk+1r381NeBUG2HEFAuU+Fr72u5ot3yKdzoF/FajAzQNKnm569/D3upKoi8mYBaST15Uig8j8qoUW1U217LL0jEHlSnHV3lcaDTXqDpTRR4Bfz9IqOgJgFZ8/oTfEomSrjrLYef81Eyxr7ZIMQXEKKEK7V4UXKS0+/fDsiG/cXidhzt8UbTL9vqXqxM2+IDImyO+FAc/tkBG55LmzxPto1Nq0WbnZzRM/wTzrd0I/8NlevxtFbphg4evlHjFNI7+GrqR87ViEwuAJJ9Je5QQjct5YJfFRWiZ5CMQIDAQABAoIBAGBi/GhEgezcHIg1ltlHaFlLGuxsRbUnYwM9phVxnXk7GJlYe2/TjpERjPkIqOC6hBwwadZjJORP3FCcMtc8PKRhjuZ377O7vU0915x2nnyLOGL1IE2AJ3iLi0ZFzTea0FPgg+5lWHM00s9FYI6qPcGtS41M+xtMWwZiYE3TBBRibHiY8ugGyaNAhiMKehyW05uApjlIF55wwCGxBkyESJpGRR/6853iHke6Ge+xVcMa9QmQdoH0QqL/8kT28PL568mJJr0Ow/83t4+dPe70YPzKAxgUnaDsHJqO+b8qH69AEs8rTI5h2Mon6pH+bJT66KUoiXhn+Kf+4LSshenRP10CgYEA1QJSfuFOWVRjrg3N/rAIc/Ak84BTZavbyrkqBSuoTs9i/nMI/hOzVxpDntg7Bx2Tctl6sZO3GioTxKdc/YYaTKci1TKBbeginpsqEQVgwkMCy8HpvUmRfyAMqLwZC4h9+j+NiZtuoFJDTCgv+WYbasX+kWYEUM21bnSYuO7yEQsCgYEAyIdPr9uzqPgzN34Tmx+CNTa16VjhBh+zkBtXRLDLhWBeIYxoYNJARD98Pb1XZdvpkZZWSk7MfaKo2/DomzyyyB/MbHWwAdFi3yb4y7uMJfyC1MzdUSNN3Vp579hJxHkJ+nN4Ys76yfcEeVOLnvUT1Z0KKCdIWRdT1Lgi+X1itzMCgYBJUXlPzwGG4fNFj97d0X23Wmt9nSgXkOYgi0eZbAOMzPmIF9R6kBFk49dur4Lx2g5Ms+r1gKC/0sfnIqxxX11iEQ1+UNoYGJUB/uql3TIG68XkmKR50P7RwRhaZBRC0gJ6xrFTMjsL2ATuC88niyvYvrn3FiRaI9RVZrDCxwxvLQKBgEXW4okEAqGBuAzGqztmkOnJoTehDdYdKmOxMgapcGiGdKJIjX3THDDoz3ONQyglnEZpTqpYoV3MTfU0BT8zt6x9bqwDnQY1D7NalmIWcqw0Mri8lQQSQKcsQLWo5aA466G/n5kCL1Qx5OwAjesRvhOyuvvbGpZ0ymyWqQ+tfLkDAoGATcul1L8y5D/wNVP1GXbXMZfBsFP3bbqy8c+Ashm6g8OLm2mGNntd5Z6h1KkID7Yksh+dZ6t7XaPBtGACXX5Eryr537JVvdX8hAVCp5HVtaN/9VBVP8Ka2e4sVS/xeNgOMQ7uzhRPBJ8HiTmdI1nHhDnYQpGiBgQn0Z5RAkSvFMk=
B64
  echo "-----END RSA PRIVATE KEY-----"
} >wechatpay-test-pkcs1.pem
openssl pkey -in wechatpay-test-pkcs1.pem -pubout -out wechatpay-test.pub
