//! `--data DIR`: the folder a durable sandbox keeps everything in.
//!
//! - `sandbox.db` — SQLite (WAL): the records (`store_sqlite.rs`) and sas-store's callback
//!   outbox, every delivery with its attempts;
//! - `sandbox-config.json` — the sandbox's keys, generated on the first start (mode 0600), so
//!   a restarted sandbox signs and encrypts as before and its users keep their IDs;
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
        std::fs::create_dir_all(path)
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

    /// The keys kept in the folder, if a sandbox wrote them before.
    pub(crate) fn keys(&self) -> anyhow::Result<Option<KeysFile>> {
        let path = self.path.join(KEYS_FILE);
        if !path.exists() {
            return Ok(None);
        }
        Ok(Some(KeysFile::load(&path).with_context(|| format!("cannot read {}", path.display()))?))
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
            other => anyhow::Error::new(other)
                .context(format!("cannot open the sandbox database {}", path.display())),
        };
        let db = SqliteStore::open(&path).await.map_err(newer)?;
        SqliteSandboxStore::open(db, users).await.map_err(newer)
    }
}
