//! libFuzzer entry of the `keys` target (body: [`sas_fuzz::keys`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::keys(data));
