//! libFuzzer entry of the `response` target (body: [`sas_fuzz::response`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::response(data));
