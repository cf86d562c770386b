//! libFuzzer entry of the `spec` target (body: [`sas_fuzz::spec`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::spec(data));
