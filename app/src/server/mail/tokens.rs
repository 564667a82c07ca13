//! Single-use links sent by e-mail, and the signed unsubscribe link.
//!
//! A password-reset or verification link carries a random 256-bit token; only its
//! SHA-256 is stored (`member_tokens`), with its purpose, the address it was sent to and
//! an expiry; using it marks it used, so it works once. An unsubscribe link carries the
//! member's id and an HMAC-SHA256 of it under the bank's secret (`settings.secret`,
//! made once and shared by every server of the bank), so it needs no login and cannot be
//! made for someone else.

use crate::server::group_commit::WriteTx;
use crate::server::sql;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::domain::{MemberId, Timestamp};
use crate::server::sessions::{hash_token, new_token};
use crate::server::{Db, StoreError};

/// A password-reset link works for an hour.
pub const RESET_TTL_MS: i64 = 3_600_000;
/// A verification link works for three days.
pub const VERIFY_TTL_MS: i64 = 3 * 24 * 3_600_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    PasswordReset,
    VerifyEmail,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::PasswordReset => "password_reset",
            Purpose::VerifyEmail => "verify_email",
        }
    }
}

/// Makes a token for `member` and returns it (the only copy, for the link).
pub async fn create(
    conn: &mut WriteTx,
    member: MemberId,
    purpose: Purpose,
    email: &str,
    now: Timestamp,
    ttl_ms: i64,
) -> Result<String, StoreError> {
    let token = new_token();
    sql::query(
        "INSERT INTO member_tokens (token_hash, member_id, purpose, email, created_at_ms, expires_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(hash_token(&token))
    .bind(member.to_string())
    .bind(purpose.as_str())
    .bind(email)
    .bind(now.0)
    .bind(now.0.saturating_add(ttl_ms))
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// Uses a token: the member and the address it was sent to, if it is one of `purpose`'s,
/// unused and unexpired (it is then used up); None otherwise.
pub async fn consume(
    conn: &mut WriteTx,
    token: &str,
    purpose: Purpose,
    now: Timestamp,
) -> Result<Option<(MemberId, String)>, StoreError> {
    let row: Option<(String, String)> = sql::query_as(
        "UPDATE member_tokens SET used_at_ms = $1 WHERE token_hash = $2 AND purpose = $3 \
         AND used_at_ms IS NULL AND expires_at_ms > $1 RETURNING member_id, email",
    )
    .bind(now.0)
    .bind(hash_token(token))
    .bind(purpose.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|(m, email)| {
        m.parse()
            .map(|id| (id, email))
            .map_err(|_| StoreError::Corrupt(format!("member id {m:?}")))
    })
    .transpose()
}

/// The bank's secret: made at the first start and kept in the database, so every
/// server of the bank signs and checks with the same one.
pub async fn bank_secret(db: &Db) -> Result<Vec<u8>, StoreError> {
    let mut tx = db.begin_write().await?;
    sql::query(
        "INSERT INTO settings (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING",
    )
    .bind(new_token())
    .execute(&mut tx)
    .await?;
    let secret: String = sql::query_scalar("SELECT value FROM settings WHERE key = 'secret'")
        .fetch_one(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(secret.into_bytes())
}

fn mac(secret: &[u8], member: MemberId) -> Option<Hmac<Sha256>> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    m.update(b"unsubscribe:");
    m.update(member.to_string().as_bytes());
    Some(m)
}

/// The signature an unsubscribe link carries for `member`.
pub fn unsubscribe_signature(secret: &[u8], member: MemberId) -> String {
    mac(secret, member)
        .map(|m| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// Whether `signature` is `member`'s (compared in constant time).
pub fn unsubscribe_signature_ok(secret: &[u8], member: MemberId, signature: &str) -> bool {
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(signature.trim())
    else {
        return false;
    };
    mac(secret, member).is_some_and(|m| m.verify_slice(&bytes).is_ok())
}

fn calendar_mac(secret: &[u8], member: MemberId, generation: i64) -> Option<Hmac<Sha256>> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    m.update(b"calendar:");
    m.update(member.to_string().as_bytes());
    m.update(b":");
    m.update(generation.to_string().as_bytes());
    Some(m)
}

/// The last part of a member's private calendar feed address: `<member>.<generation>.<signature>`.
/// Signed like the unsubscribe link, with the feed's generation in it, so that a new
/// generation (the member asked for a new address) makes every older address fail.
pub fn calendar_token(secret: &[u8], member: MemberId, generation: i64) -> String {
    let sig = calendar_mac(secret, member, generation)
        .map(|m| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(m.finalize().into_bytes()))
        .unwrap_or_default();
    format!("{member}.{generation}.{sig}")
}

/// The member and generation a calendar token names, when its signature is theirs
/// (compared in constant time); the caller checks the generation is still current.
pub fn calendar_token_parts(secret: &[u8], token: &str) -> Option<(MemberId, i64)> {
    let mut parts = token.trim().splitn(3, '.');
    let member: MemberId = parts.next()?.parse().ok()?;
    let generation: i64 = parts.next()?.parse().ok()?;
    let sig = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(parts.next()?)
        .ok()?;
    calendar_mac(secret, member, generation)?
        .verify_slice(&sig)
        .ok()
        .map(|()| (member, generation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_tokens_name_their_member_and_generation_and_cannot_be_forged() {
        let secret = b"a bank secret".to_vec();
        let (a, b) = (MemberId::generate(), MemberId::generate());
        let t = calendar_token(&secret, a, 3);
        assert_eq!(calendar_token_parts(&secret, &t), Some((a, 3)));
        let other_gen = t.replacen(".3.", ".4.", 1);
        assert_eq!(
            calendar_token_parts(&secret, &other_gen),
            None,
            "generation is signed"
        );
        let other_member = t.replacen(&a.to_string(), &b.to_string(), 1);
        assert_eq!(calendar_token_parts(&secret, &other_member), None);
        assert_eq!(calendar_token_parts(b"another secret", &t), None);
        assert_eq!(calendar_token_parts(&secret, "x.y.z"), None);
        assert_eq!(calendar_token_parts(&secret, ""), None);
    }

    #[test]
    fn unsubscribe_links_are_signed_per_member() {
        let secret = b"a bank secret".to_vec();
        let (a, b) = (MemberId::generate(), MemberId::generate());
        let sig = unsubscribe_signature(&secret, a);
        assert!(unsubscribe_signature_ok(&secret, a, &sig));
        assert!(
            !unsubscribe_signature_ok(&secret, b, &sig),
            "not someone else's"
        );
        assert!(!unsubscribe_signature_ok(b"another secret", a, &sig));
        assert!(!unsubscribe_signature_ok(&secret, a, "not base64!"));
        assert!(!unsubscribe_signature_ok(&secret, a, ""));
    }
}
