//! `sas load` as the binary, briefly: every endpoint called, no error, no callback lost or
//! duplicated, the memory figures printed; and with a history smaller than its orders (raised
//! to the least per worker, saying so). A duration of 0 is refused, saying why.

#[test]
fn sas_load_runs_every_endpoint_without_an_error_or_a_lost_callback() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sas"))
        .args(["load", "--duration", "2", "--concurrency", "8", "--drain", "30"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}\n{errors}");
    assert!(text.contains("endpoints exercised: 15 of 15"), "{text}");
    assert!(text.lines().any(|line| line == "errors: 0"), "{text}");
    let callbacks = text.lines().find(|line| line.starts_with("callbacks: ")).unwrap_or_default();
    let figure = |name: &str| -> u64 {
        let after = callbacks.split(&format!("{name} ")).nth(1).unwrap_or_default();
        after.split(|c: char| !c.is_ascii_digit()).next().unwrap_or_default().parse().unwrap()
    };
    assert!(figure("expected") > 0, "{callbacks}");
    assert_eq!(figure("received"), figure("expected"), "{callbacks}");
    assert_eq!(
        (figure("lost"), figure("duplicated"), figure("unexpected")),
        (0, 0, 0),
        "{callbacks}"
    );
    assert!(text.contains("memory (RSS): start "), "{text}");
    for section in
        ["1.1 ", "1.7 ", "2.1 ", "2.4 ", "3.1 ", "4.1 ", "5.1.2 ", "5.2.1 ", "all SAS endpoints"]
    {
        assert!(text.lines().any(|line| line.starts_with(section)), "{section}: {text}");
    }
}

#[test]
fn sas_load_with_a_history_smaller_than_its_orders_has_no_error() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sas"))
        .args(["load", "--duration", "3", "--concurrency", "1", "--drain", "30", "--history"])
        .arg("4")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}\n{errors}");
    assert!(text.lines().any(|line| line == "errors: 0"), "{text}");
    assert!(
        text.lines().any(|line| line.starts_with("sas load: --history 4 raised to 8 ")),
        "the raised history is said: {text}"
    );
    let journeys = text.lines().find(|line| line.contains(" journeys in ")).unwrap_or_default();
    let done: u64 = journeys.split(' ').next().unwrap_or_default().parse().unwrap_or(0);
    // A history of 8 (one worker's least); four journeys in five place an order, so 15
    // journeys finish more orders than that.
    assert!(done >= 15, "the history was not exceeded: {journeys}");
}

#[test]
fn sas_load_refuses_a_duration_of_0_saying_why() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sas"))
        .args(["load", "--duration", "0"])
        .output()
        .unwrap();
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(errors.contains("the duration must be at least 1 second"), "{errors}");
    assert!(!errors.contains("18446744073709551615"), "{errors}");
}
