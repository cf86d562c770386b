//! Every signature and cipher of SAS, as pure functions: no I/O, no clock, no randomness.
