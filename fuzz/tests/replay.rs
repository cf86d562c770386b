//! Every fuzz target over every committed input, `corpus/<target>/` and
//! `regressions/<target>/`: none may panic. This is how CI runs the fuzz targets without
//! libFuzzer.

use std::path::{Path, PathBuf};
use std::time::Instant;

/// The files of `dir`, sorted.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(read) => read.flatten().map(|item| item.path()).filter(|path| path.is_file()).collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

#[test]
fn every_committed_input_runs_without_panicking() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut report = Vec::new();
    for (target, run) in sas_fuzz::TARGETS {
        let started = Instant::now();
        let corpus = inputs(&root.join("corpus").join(target));
        let regressions = inputs(&root.join("regressions").join(target));
        assert!(!corpus.is_empty(), "corpus/{target}/ holds no input");
        for path in corpus.iter().chain(&regressions) {
            let data = std::fs::read(path).unwrap();
            if let Err(panic) = std::panic::catch_unwind(|| run(&data)) {
                std::panic::resume_unwind(Box::new(format!(
                    "{target} panicked on {}: {:?}",
                    path.display(),
                    panic
                        .downcast_ref::<String>()
                        .map(String::as_str)
                        .or(panic.downcast_ref::<&str>().copied())
                )));
            }
        }
        report.push(format!(
            "{target}: {} corpus + {} regression inputs in {:?}",
            corpus.len(),
            regressions.len(),
            started.elapsed()
        ));
    }
    let _ = std::fs::remove_dir_all(sas_fuzz::scratch_dir());
    println!("{}", report.join("\n"));
}

#[test]
fn no_folder_names_a_target_that_is_gone() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["corpus", "regressions", "fuzz_targets"] {
        for path in inputs(&root.join(folder)).into_iter().chain(
            // A folder with nothing in it is not kept by git: missing is empty.
            std::fs::read_dir(root.join(folder))
                .into_iter()
                .flatten()
                .map(|item| item.unwrap().path())
                .filter(|path| path.is_dir()),
        ) {
            let name = path.file_stem().unwrap().to_str().unwrap();
            assert!(
                sas_fuzz::TARGETS.iter().any(|(target, _)| *target == name),
                "{folder}/{name} names no target of sas_fuzz::TARGETS"
            );
        }
    }
}

#[test]
fn the_callback_target_opens_every_callback() {
    let listed: Vec<&str> = sas_fuzz::CALLBACKS.iter().map(|(name, _)| *name).collect();
    let callbacks: Vec<&str> = sas_core::api::callbacks().map(|meta| meta.module).collect();
    assert_eq!(listed, callbacks);
}

#[test]
fn a_written_request_reads_back() {
    let request = http::Request::post("https://superapp.example/sas/a?b=c")
        .header("TC-Timestamp", "1735293931220")
        .header("x-empty", "")
        .body(b"{\"a\":\n\n1}".to_vec())
        .unwrap();
    let read = sas_fuzz::wire::read(&sas_fuzz::wire::write(&request)).unwrap();
    assert_eq!(read.method(), request.method());
    assert_eq!(read.uri(), request.uri());
    assert_eq!(read.headers(), request.headers());
    assert_eq!(read.body(), request.body());
}

#[test]
fn the_seeds_pass_every_check_and_resigning_keeps_them_passing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    type Check = fn(&[u8]) -> bool;
    let checks: [(&str, Check); 3] = [
        ("request", sas_fuzz::request_accepts),
        ("callback", sas_fuzz::callback_opens),
        ("response", sas_fuzz::response_reads),
    ];
    for (target, accepts) in checks {
        for (name, input) in sas_fuzz::seed::seeds(target, &root).unwrap() {
            // The error envelope is read as the `ApiError` it carries.
            assert_eq!(accepts(&input), name != "error", "{target}: the seed {name}");
        }
    }
}
