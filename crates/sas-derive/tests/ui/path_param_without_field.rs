sas_derive::api!("spec/path_param_without_field");

fn main() {}
