sas_derive::api!("spec/toml_syntax_error");

fn main() {}
