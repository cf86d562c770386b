//! libFuzzer entry of the `vendor` target (body: [`sas_fuzz::vendor`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::vendor(data));
