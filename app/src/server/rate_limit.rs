//! Limits on login and sign-up attempts, per client address and per account (e-mail),
//! with `governor`'s keyed limiters (GCRA: a steady rate with a burst of the same size).
//! A refused attempt costs nothing else: no database read, no password hash.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::AppError;

/// The client's address, put in the request's extensions by the server (from the TCP
/// connection; never from a header a client could forge).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

pub struct AuthLimits {
    per_addr: DefaultKeyedRateLimiter<IpAddr>,
    per_account: DefaultKeyedRateLimiter<String>,
}

impl std::fmt::Debug for AuthLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuthLimits")
    }
}

impl AuthLimits {
    /// `per_addr` and `per_account` attempts per minute (each at least 1).
    pub fn per_minute(per_addr: u32, per_account: u32) -> AuthLimits {
        let quota =
            |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN));
        AuthLimits {
            per_addr: RateLimiter::keyed(quota(per_addr)),
            per_account: RateLimiter::keyed(quota(per_account)),
        }
    }

    /// One attempt from `addr` (when known) on `account` (a lower-cased e-mail).
    pub fn check(&self, addr: Option<IpAddr>, account: &str) -> Result<(), AppError> {
        if let Some(addr) = addr {
            if self.per_addr.check_key(&addr).is_err() {
                tracing::warn!(%addr, "login/sign-up rate limit reached for an address");
                return Err(AppError::RateLimited);
            }
        }
        if self.per_account.check_key(&account.to_owned()).is_err() {
            tracing::warn!("login/sign-up rate limit reached for an account");
            return Err(AppError::RateLimited);
        }
        // Forget idle keys now and then so the maps stay small.
        if self.per_account.len() > 10_000 {
            self.per_account.retain_recent();
            self.per_addr.retain_recent();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_and_each_account_has_its_own_budget() {
        let l = AuthLimits::per_minute(3, 2);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert!(l.check(Some(a), "ann@example.org").is_ok());
        assert!(l.check(Some(a), "ann@example.org").is_ok());
        // Ann's account is out of attempts from anywhere...
        assert_eq!(
            l.check(Some(b), "ann@example.org"),
            Err(AppError::RateLimited)
        );
        // ...address a has one left, for another account.
        assert!(l.check(Some(a), "bob@example.org").is_ok());
        assert_eq!(
            l.check(Some(a), "cid@example.org"),
            Err(AppError::RateLimited)
        );
        assert!(l.check(None, "dan@example.org").is_ok());
    }
}
