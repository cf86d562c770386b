sas_derive::api!("spec/duplicate_field");

fn main() {}
