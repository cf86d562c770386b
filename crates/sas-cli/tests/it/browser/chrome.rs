//! Headless Chromium driven through chromedriver on a free loopback port: one fresh profile
//! per browser, both processes ended when the browser is dropped.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::webdriver::Session;

/// The flags Chromium runs with: headless, no first-run or background traffic.
const FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
];

/// A browser session and the chromedriver serving it.
pub(crate) struct Browser {
    pub(crate) client: Session,
    driver: Child,
    profile: PathBuf,
}

fn find(program: &str, package: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|dir| dir.join(program)).find(|path| path.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "`{program}` is not on PATH: the browser tests need Debian's `{package}` package \
             (apt-get install -y chromium chromium-driver; `cargo xtask ci` installs them)"
        )
    })
}

/// Where screenshots go: `<target>/browser-screenshots`.
pub(crate) fn output_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // <target>/debug/deps/it-… → <target>
    let target = exe.ancestors().nth(3).unwrap().to_path_buf();
    let dir = target.join("browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile.
    pub(crate) async fn start() -> Self {
        let chromium = find("chromium", "chromium");
        let chromedriver = find("chromedriver", "chromium-driver");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile =
            std::env::temp_dir().join(format!("sas-browser-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&profile).unwrap();
        let mut args: Vec<String> = FLAGS.iter().map(|f| (*f).to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push("--window-size=1280,900".to_owned());
        let capabilities = serde_json::json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": chromium, "args": args },
        });
        let url = format!("http://127.0.0.1:{port}");
        let mut browser = None;
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                let client = Session::open(&url, capabilities.clone())
                    .await
                    .expect("chromedriver opens a Chromium session");
                browser = Some(client);
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let client = browser.expect("chromedriver listens within 10 s");
        Self { client, driver, profile }
    }

    /// Writes a PNG of the viewport to the output folder; returns its path.
    pub(crate) async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await;
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let path = output_dir().join(name);
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Ends the session, then chromedriver.
    pub(crate) async fn close(mut self) {
        let _ = self.client.close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A failed test ends here without `close`: stop the processes it started.
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
