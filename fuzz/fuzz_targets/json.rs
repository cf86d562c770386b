//! libFuzzer entry of the `json` target (body: [`sas_fuzz::json`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::json(data));
