//! Transport benchmark: sas-hyper against bare hyper on loopback.

fn main() {}
