//! Password hashing with argon2id (the `argon2` crate's default algorithm and parameters).
//! Hashing is CPU-heavy, so it runs on the blocking pool, off the async workers, and
//! memory-heavy (19 MiB per hash with the default parameters), so at most
//! [`MAX_CONCURRENT_HASHES`] run at once: a burst of sign-ups or logins queues instead of
//! growing the server by 19 MiB per request (the benchmark measured 1.8 GB for 128
//! sign-ups before this limit).

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

use crate::domain::Password;

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("password hashing task failed: {0}")]
    Task(String),
}

/// Hashes and verifications running at once (this machine has 2 cores).
pub const MAX_CONCURRENT_HASHES: usize = 2;

static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(MAX_CONCURRENT_HASHES);

async fn permit() -> Result<tokio::sync::SemaphorePermit<'static>, PasswordError> {
    HASHING
        .acquire()
        .await
        .map_err(|e| PasswordError::Task(e.to_string()))
}

pub async fn hash(password: &Password) -> Result<String, PasswordError> {
    let pw = password.expose().to_owned();
    let _permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(pw.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| PasswordError::Hash(e.to_string()))
    })
    .await
    .map_err(|e| PasswordError::Task(e.to_string()))?
}

/// Checks `candidate` against a stored PHC string. A malformed stored hash never matches.
pub async fn verify(candidate: &str, stored_hash: &str) -> Result<bool, PasswordError> {
    let candidate = candidate.to_owned();
    let stored = stored_hash.to_owned();
    let _permit = permit().await?;
    tokio::task::spawn_blocking(move || match PasswordHash::new(&stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(candidate.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    })
    .await
    .map_err(|e| PasswordError::Task(e.to_string()))
}

/// A hash of a random password, verified against when the e-mail is unknown so that an
/// unknown address takes as long to refuse as a wrong password.
pub fn dummy_hash() -> &'static str {
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$W5yq0F5N7b0f9rQvO0c2l3bV8kq3T8v3xQ3dY0l8z0E"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let pw = Password::parse_new("correct horse battery").unwrap();
        let h = hash(&pw).await.unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("correct horse battery", &h).await.unwrap());
        assert!(!verify("correct horse battery!", &h).await.unwrap());
        assert!(!verify("anything", "not a hash").await.unwrap());
        assert!(!verify("anything", dummy_hash()).await.unwrap());
    }
}
