//! Sans-IO core of the SAS SDK: signatures, ciphers, and the typed requests, responses and
//! callbacks of Tencent Cloud Super App as a Service, over the `http` crate's types.

pub mod crypto;
