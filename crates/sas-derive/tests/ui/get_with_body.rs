sas_derive::api!("spec/get_with_body");

fn main() {}
