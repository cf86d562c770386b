//! libFuzzer entry of the `ciphers` target (body: [`sas_fuzz::ciphers`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::ciphers(data));
