//! libFuzzer entry of the `frontend` target (body: [`sas_fuzz::frontend`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::frontend(data));
