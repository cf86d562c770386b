//! libFuzzer entry of the `callback` target (body: [`sas_fuzz::callback`]).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sas_fuzz::callback(data));
