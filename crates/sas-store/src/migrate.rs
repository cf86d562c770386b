//! Schema migrations: SQL scripts compiled into the binary and applied in order when a store
//! is opened, each once, recorded in the table `sas_store_migrations`.
//!
//! The table holds several sets: this crate's own (`"sas-store"`) and any an application adds
//! for its tables in the same database (`SqliteStore::migrate`, `PostgresStore::migrate`). It
//! is not sqlx's
//! `_sqlx_migrations`, so an application's own `sqlx::migrate!` on the same database is
//! unaffected.

/// One migration: a version within its set, a name, and SQL (one or more statements).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Migration {
    /// Its version: migrations are applied in increasing version order, each once.
    pub version: i64,
    /// A short name, recorded with it.
    pub name: &'static str,
    /// The statements, run in one transaction.
    pub sql: &'static str,
}

impl Migration {
    /// A migration.
    pub const fn new(version: i64, name: &'static str, sql: &'static str) -> Self {
        Self { version, name, sql }
    }
}

/// The name of this crate's own set of migrations.
pub const SET: &str = "sas-store";

/// The migrations still to apply: those of `migrations` newer than `applied`, in version order.
///
/// # Errors
///
/// [`StoreError::NewerSchema`](crate::StoreError::NewerSchema) when `applied` is newer than
/// every migration known.
pub(crate) fn pending<'a>(
    set: &str,
    migrations: &'a [Migration],
    applied: Option<i64>,
) -> Result<Vec<&'a Migration>, crate::StoreError> {
    let applied = applied.unwrap_or(0);
    let known = migrations.iter().map(|m| m.version).max().unwrap_or(0);
    if applied > known {
        return Err(crate::StoreError::NewerSchema { set: set.to_owned(), version: applied });
    }
    let mut pending: Vec<&Migration> = migrations.iter().filter(|m| m.version > applied).collect();
    pending.sort_by_key(|m| m.version);
    Ok(pending)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETS: &[Migration] =
        &[Migration::new(2, "b", "B"), Migration::new(1, "a", "A"), Migration::new(3, "c", "C")];

    #[test]
    fn only_newer_migrations_are_pending_in_version_order() {
        let names = |applied| {
            pending("s", SETS, applied).unwrap().iter().map(|m| m.name).collect::<Vec<_>>()
        };
        assert_eq!(names(None), ["a", "b", "c"]);
        assert_eq!(names(Some(1)), ["b", "c"]);
        assert!(names(Some(3)).is_empty());
        assert!(matches!(
            pending("s", SETS, Some(4)),
            Err(crate::StoreError::NewerSchema { version: 4, .. })
        ));
    }
}
