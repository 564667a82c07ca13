//! Fresh databases for tests. `HOURBANK_TEST_BACKEND=postgres` runs a test on the local
//! PostgreSQL (`HOURBANK_TEST_PG_URL`, default postgres://postgres@127.0.0.1:5432): each
//! test makes its own database and drops it in [`TestDb::cleanup`]. The default is SQLite,
//! a file in a temporary folder.

use sqlx::{Connection, Executor};

use super::db::{Db, SqliteSync, StartupError};

pub struct TestDb {
    pub url: String,
    pub db: Db,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteDir(std::path::PathBuf),
    PostgresDatabase { admin_url: String, name: String },
}

pub fn backend_name() -> String {
    std::env::var("HOURBANK_TEST_BACKEND").unwrap_or_else(|_| "sqlite".to_owned())
}

fn pg_admin_url() -> String {
    std::env::var("HOURBANK_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

impl TestDb {
    /// A new, migrated, empty database on the backend the environment selects.
    pub async fn new() -> Result<TestDb, StartupError> {
        TestDb::on(&backend_name(), SqliteSync::from_env()).await
    }

    /// A new, migrated, empty database on `backend` ("sqlite" or "postgres"); SQLite with
    /// the given durability.
    pub async fn on(backend: &str, sync: SqliteSync) -> Result<TestDb, StartupError> {
        let t = TestDb::on_empty(backend, sync).await?;
        t.db.migrate(&t.url).await?;
        Ok(t)
    }

    /// A new database on `backend` with no tables at all (the upgrade test builds an old
    /// schema in it).
    pub async fn on_empty(backend: &str, sync: SqliteSync) -> Result<TestDb, StartupError> {
        let name = format!("hb_test_{}", uuid::Uuid::new_v4().simple());
        match backend {
            "postgres" => {
                let admin_url = pg_admin_url();
                sqlx::any::install_default_drivers();
                let mut admin =
                    sqlx::AnyConnection::connect(&admin_url)
                        .await
                        .map_err(|source| StartupError::Unreachable {
                            url: admin_url.clone(),
                            source,
                        })?;
                admin
                    .execute(format!("CREATE DATABASE {name}").as_str())
                    .await
                    .map_err(|source| StartupError::Unreachable {
                        url: admin_url.clone(),
                        source,
                    })?;
                let _ = admin.close().await;
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(b, _)| b.to_owned())
                    .unwrap_or(admin_url.clone());
                let url = format!("{base}/{name}");
                let db = Db::connect(&url).await?;
                Ok(TestDb {
                    url,
                    db,
                    cleanup: Cleanup::PostgresDatabase { admin_url, name },
                })
            }
            _ => {
                let dir = std::env::temp_dir().join(&name);
                let url = format!("sqlite://{}/hourbank.db", dir.display());
                let db = Db::connect_with(&url, sync).await?;
                Ok(TestDb {
                    url,
                    db,
                    cleanup: Cleanup::SqliteDir(dir),
                })
            }
        }
    }

    /// Closes the pools and removes the database.
    pub async fn cleanup(self) {
        self.db.close().await;
        match self.cleanup {
            Cleanup::SqliteDir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PostgresDatabase { admin_url, name } => {
                if let Ok(mut admin) = sqlx::AnyConnection::connect(&admin_url).await {
                    let _ = admin
                        .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                        .await;
                    let _ = admin.close().await;
                }
            }
        }
    }
}
