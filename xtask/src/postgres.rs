//! The PostgreSQL the store tests need: `SAS_TEST_DATABASE_URL` when set, else the server at
//! 127.0.0.1:5432 when it answers, else a throwaway cluster started here from Debian's
//! `postgresql` binaries (`initdb`, `pg_ctl`) in a temporary folder, on a free port, with trust
//! auth, stopped and removed when CI ends. `cargo xtask ci` installs the package first when neither
//! a server nor `initdb` is there ([`crate::debian`]).
//!
//! `initdb` refuses to run as root; as root, the cluster is made and run as the `postgres`
//! user the Debian package creates (or `nobody` without it), through `runuser`.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, bail};

/// The variable the store tests read.
pub(crate) const URL_VAR: &str = "SAS_TEST_DATABASE_URL";

/// Where the project's machines run PostgreSQL.
const DEFAULT_ADDR: &str = "127.0.0.1:5432";
const DEFAULT_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A database for the tests, and the cluster started for it, if any (stopped on drop).
#[derive(Debug)]
pub(crate) struct Database {
    /// The URL the tests connect to.
    pub(crate) url: String,
    cluster: Option<Cluster>,
}

impl Database {
    /// What the cargo commands get: the URL, in [`URL_VAR`].
    pub(crate) fn env(&self) -> [(&'static str, String); 1] {
        [(URL_VAR, self.url.clone())]
    }

    /// Whether a throwaway cluster was started.
    pub(crate) fn is_throwaway(&self) -> bool {
        self.cluster.is_some()
    }
}

/// The database the tests use: the variable, the default server, or a throwaway cluster.
pub(crate) fn ensure() -> anyhow::Result<Database> {
    if let Ok(url) = std::env::var(URL_VAR) {
        println!("ci: PostgreSQL from {URL_VAR}");
        return Ok(Database { url, cluster: None });
    }
    let addr: SocketAddr = DEFAULT_ADDR.parse().context("the default address")?;
    ensure_at(addr, DEFAULT_URL)
}

/// The server at `addr` (its URL `url`) when it answers, else a throwaway cluster.
fn ensure_at(addr: SocketAddr, url: &str) -> anyhow::Result<Database> {
    if answers(addr) {
        println!("ci: PostgreSQL answers at {addr}");
        return Ok(Database { url: url.to_owned(), cluster: None });
    }
    println!("ci: no PostgreSQL at {addr}; starting a throwaway cluster");
    let cluster = Cluster::start()?;
    let url = format!("postgres://postgres@127.0.0.1:{}/postgres", cluster.port);
    println!("ci: throwaway PostgreSQL at {url} (in {})", cluster.dir.display());
    Ok(Database { url, cluster: Some(cluster) })
}

/// Whether [`ensure`] can give the tests a database without installing anything: the
/// variable is set, a server answers at the default address, or `initdb` is there.
pub(crate) fn available() -> bool {
    std::env::var_os(URL_VAR).is_some()
        || DEFAULT_ADDR.parse().is_ok_and(answers)
        || postgres_bin().is_some()
}

/// Whether something accepts TCP connections at `addr`.
fn answers(addr: SocketAddr) -> bool {
    TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_ok()
}

/// A cluster in a temporary folder.
#[derive(Debug)]
struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    user: Option<&'static str>,
}

impl Cluster {
    fn start() -> anyhow::Result<Self> {
        let bin = postgres_bin().context(
            "no PostgreSQL server answers and no initdb was found (/usr/lib/postgresql/*/bin): \
             install Debian's `postgresql` package (`cargo xtask ci` does as root), or set \
             SAS_TEST_DATABASE_URL",
        )?;
        let user = if crate::debian::is_root()? { Some(service_user()) } else { None };
        let dir = std::env::temp_dir().join(format!("sas-ci-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        if let Some(user) = user {
            run(Command::new("chown").arg(user).arg(&dir), "chown")?;
        }
        let port = free_port()?;
        let cluster = Self { bin, dir, port, user };
        let data = cluster.dir.join("data");
        cluster.run_tool(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                "postgres".as_ref(),
                "--auth=trust".as_ref(),
                "--no-sync".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
            ],
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
            cluster.dir.display()
        );
        cluster.run_tool(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-o".as_ref(),
                options.as_ref(),
                "-l".as_ref(),
                cluster.dir.join("log").as_os_str(),
                "-w".as_ref(),
                "start".as_ref(),
            ],
        )?;
        Ok(cluster)
    }

    /// Runs one of the server's tools, as the service user when running as root.
    fn run_tool(&self, tool: &str, args: &[&std::ffi::OsStr]) -> anyhow::Result<()> {
        let program = self.bin.join(tool);
        let mut command = match self.user {
            Some(user) => {
                let mut command = Command::new("runuser");
                command.args(["-u", user, "--"]).arg(&program);
                command
            }
            None => Command::new(&program),
        };
        command.args(args).current_dir(&self.dir).stdout(Stdio::null());
        run(&mut command, tool)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let stopped = self.run_tool(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "immediate".as_ref(),
                "stop".as_ref(),
            ],
        );
        if let Err(error) = stopped {
            eprintln!("ci: cannot stop the throwaway PostgreSQL: {error:#}");
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(command: &mut Command, what: &str) -> anyhow::Result<()> {
    let status = command.status().with_context(|| format!("cannot start {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

/// The newest `/usr/lib/postgresql/<version>/bin` holding `initdb`.
fn postgres_bin() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_string_lossy().parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

/// The user a root CI runs the cluster as: `postgres` when the package made it, else `nobody`.
fn service_user() -> &'static str {
    let has_postgres = Command::new("id")
        .arg("postgres")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if has_postgres { "postgres" } else { "nobody" }
}

fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("cannot find a free port")?;
    Ok(listener.local_addr()?.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_nothing_at_the_probed_address_a_throwaway_cluster_serves_and_is_removed() {
        // A port nothing listens on: the probe fails, so the fallback runs.
        let closed: SocketAddr =
            format!("127.0.0.1:{}", free_port().expect("port")).parse().expect("address");
        let database = ensure_at(closed, "postgres://unused").expect("a throwaway cluster");
        assert!(database.is_throwaway());
        let cluster = database.cluster.as_ref().expect("cluster");
        let addr: SocketAddr = format!("127.0.0.1:{}", cluster.port).parse().expect("address");
        assert!(answers(addr), "the cluster accepts connections");
        assert!(database.url.ends_with(&format!(":{}/postgres", cluster.port)));
        let dir = cluster.dir.clone();
        drop(database);
        assert!(!answers(addr), "stopped");
        assert!(!dir.exists(), "removed");
    }
}
