sas_derive::api!("spec/unknown_auth_scheme");

fn main() {}
