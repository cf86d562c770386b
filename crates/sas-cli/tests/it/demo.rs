//! The demo, the README's main job: every step verifies, in-process and as the binary.

#[tokio::test]
async fn the_demo_walks_every_step_and_verifies_each() {
    let report = sas_cli::demo::walk(true).await;
    assert!(report.ok, "{:?}", report.failure);
    assert_eq!(report.steps.len(), 23);
    let calls: Vec<&str> = report.steps.iter().map(|s| s.call.as_str()).collect();
    for section in [
        "(1.1)", "(1.7)", "(2.1)", "(2.2)", "(2.3)", "(2.4)", "(3.2)", "(4.2)", "(5.1.3)",
        "(5.2.2)",
    ] {
        assert!(calls.iter().any(|c| c.contains(section)), "{section} missing from {calls:?}");
    }
    assert!(report.steps.iter().all(|s| !s.facts.is_empty()));
    let record = serde_json::to_value(&report).unwrap();
    assert_eq!(record["ok"], true, "what --json prints");
    assert_eq!(record["steps"][0]["call"], "POST /user/checkUser (1.1)");
}

#[test]
fn sas_demo_exits_0_and_prints_each_step() {
    let output =
        std::process::Command::new(env!("CARGO_BIN_EXE_sas")).arg("demo").output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(text.contains("Sandbox superapp at http://127.0.0.1:"), "{text}");
    assert!(text.contains("23. "), "{text}");
    assert!(text.contains("All 23 steps verified"), "{text}");
}
