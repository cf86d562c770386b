//! libFuzzer entry of the `authorization` target (body: [`sas_fuzz::authorization`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::authorization(data));
