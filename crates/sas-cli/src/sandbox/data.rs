//! `--data DIR`: the folder a durable sandbox keeps everything in.
//!
//! - `sandbox.db` — SQLite (WAL, mode 0600 in a 0700 folder): the records (`store_sqlite.rs`)
//!   and sas-store's callback outbox, every delivery with its attempts;
//! - `sandbox-config.json` — the sandbox's keys, generated on the first start (mode 0600), so
//!   a restarted sandbox signs and encrypts as before and its users keep their IDs (a folder
//!   with records but no keys, or started with other keys, is refused);
//! - `sandbox.lock` — locked while a sandbox runs on the folder (the lock goes with the
//!   process, even when killed), so a second sandbox stops with a clear message instead of
//!   delivering the same callbacks beside the first.

use std::fs::{File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use sas_store::{SqliteStore, StoreError};

use super::model::UserProfile;
use super::store_sqlite::SqliteSandboxStore;
use crate::keyfile::KeysFile;

/// The database file in the folder.
pub(crate) const DATABASE_FILE: &str = "sandbox.db";
/// The keys file in the folder.
pub(crate) const KEYS_FILE: &str = "sandbox-config.json";
/// The lock file in the folder.
pub(crate) const LOCK_FILE: &str = "sandbox.lock";

/// A data folder, locked for this process until dropped.
#[derive(Debug)]
pub(crate) struct DataDir {
    path: PathBuf,
    /// Held for the lock; closing it releases the lock.
    _lock: File,
}

impl DataDir {
    /// Creates the folder if missing and locks it.
    ///
    /// Errors: the folder cannot be created, or another sandbox holds it.
    pub(crate) fn lock(path: &Path) -> anyhow::Result<Self> {
        if path.exists() && !path.is_dir() {
            anyhow::bail!("--data {} is a file, not a folder", path.display());
        }
        create_private_dir(path)
            .with_context(|| format!("cannot create the data folder {}", path.display()))?;
        let lock_path = path.join(LOCK_FILE);
        let mut lock = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .with_context(|| format!("cannot open {}", lock_path.display()))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let holder = std::fs::read_to_string(&lock_path).unwrap_or_default();
                let holder = holder.trim();
                let holder = if holder.is_empty() { "another process" } else { holder };
                anyhow::bail!(
                    "the data folder {} is in use by another sandbox ({holder}); stop it or \
                     choose another --data folder",
                    path.display()
                );
            }
            Err(TryLockError::Error(error)) => {
                return Err(error).with_context(|| format!("cannot lock {}", lock_path.display()));
            }
        }
        lock.set_len(0)?;
        write!(lock, "pid {}", std::process::id())?;
        Ok(Self { path: path.to_owned(), _lock: lock })
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The keys kept in the folder, if a sandbox wrote them before.
    pub(crate) fn keys(&self) -> anyhow::Result<Option<KeysFile>> {
        let path = self.path.join(KEYS_FILE);
        if !path.exists() {
            return Ok(None);
        }
        Ok(Some(KeysFile::load(&path).with_context(|| format!("cannot read {}", path.display()))?))
    }

    /// Whether the folder holds a database a sandbox wrote records to.
    pub(crate) fn has_database(&self) -> bool {
        std::fs::metadata(self.path.join(DATABASE_FILE)).is_ok_and(|meta| meta.len() > 0)
    }

    /// Checks that `given` (`--config`) are the keys the folder's records were written with:
    /// a callback waiting in the outbox is signed and encrypted afresh on every attempt, so
    /// other keys would turn it into one the merchant cannot verify.
    ///
    /// Errors: the kept keys differ in a secret or an identity (the base URL and the users
    /// may differ).
    pub(crate) fn check_same_keys(&self, given: &KeysFile, kept: &KeysFile) -> anyhow::Result<()> {
        let differ: Vec<&str> = [
            ("secret_key", given.secret_key == kept.secret_key),
            ("api_v3_key", given.api_v3_key == kept.api_v3_key),
            ("app_key", given.app_key == kept.app_key),
            ("application_id", given.application_id == kept.application_id),
            ("merchant", given.merchant == kept.merchant),
            ("platform", given.platform == kept.platform),
        ]
        .into_iter()
        .filter_map(|(name, same)| (!same).then_some(name))
        .collect();
        if !differ.is_empty() {
            anyhow::bail!(
                "the data folder {} was written with other keys than --config gives ({} \
                 differ): its waiting callbacks would be signed with keys the merchant does \
                 not hold. Start without --config to use the folder's {KEYS_FILE}, or choose \
                 another --data folder",
                self.path.display(),
                differ.join(", ")
            );
        }
        Ok(())
    }

    /// Keeps `keys` (with the platform's private key) in the folder, mode 0600.
    pub(crate) fn save_keys(&self, keys: &KeysFile) -> anyhow::Result<()> {
        let path = self.path.join(KEYS_FILE);
        keys.save(&path).with_context(|| format!("cannot write {}", path.display()))
    }

    /// Opens (creating it if missing) the database, migrated to this build's schema, holding
    /// `users` besides the users it already holds.
    ///
    /// Errors: the file cannot be opened, or a newer sandbox wrote it.
    pub(crate) async fn open_store(
        &self,
        users: Vec<UserProfile>,
    ) -> anyhow::Result<SqliteSandboxStore> {
        let path = self.path.join(DATABASE_FILE);
        let newer = |error: StoreError| match error {
            StoreError::NewerSchema { set, version } => anyhow::anyhow!(
                "{} was written by a newer sas (its {set} schema is version {version}); use \
                 that version of sas, or another --data folder",
                path.display()
            ),
            // The store's messages already hold their causes' text: said once, not chained.
            other => anyhow::anyhow!(
                "cannot open the sandbox database {} (if it is not one, move it away or choose \
                 another --data folder): {}",
                path.display(),
                crate::error_text(&other)
            ),
        };
        create_private_file(&path)
            .with_context(|| format!("cannot create the sandbox database {}", path.display()))?;
        let db = SqliteStore::open(&path).await.map_err(newer)?;
        SqliteSandboxStore::open(db, users).await.map_err(newer)
    }
}

/// Creates `path` and its parents, the last readable by the owner only (0700 on Unix): the
/// folder holds users' e-mail addresses, phone numbers and login codes.
fn create_private_dir(path: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path)
}

/// Creates an empty `path` readable by the owner only (0600 on Unix) when it is missing;
/// SQLite gives its `-wal` and `-shm` files the same mode.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}
