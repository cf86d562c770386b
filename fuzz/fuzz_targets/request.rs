//! libFuzzer entry of the `request` target (body: [`sas_fuzz::request`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::request(data));
