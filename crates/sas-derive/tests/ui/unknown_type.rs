sas_derive::api!("spec/unknown_type");

fn main() {}
