//! E-mail from a transactional outbox. A message is a row of `outbox`, written in the
//! same database transaction as the change it tells of (a transition's notifications, a
//! reminder, a sign-up's verification, a password reset, an operator's alarm): a
//! rolled-back change sends nothing, a committed one is never lost. The sender
//! ([`sender`]) leases due rows — on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so each row
//! goes to one of N servers —, sends them over SMTP (`lettre`), records every attempt,
//! retries with backoff, and marks them sent. Each row's Message-ID is derived from its
//! id, so a copy resent after a crash is recognisable. Delivery is at least once; counted
//! by Message-ID, exactly once.
//!
//! - [`Mail`]: what a row says, as data (rendered when it is sent, by [`compose`]).
//! - [`outbox_store`]: the rows (I/O only).
//! - [`tokens`]: single-use links (password reset, address verification) and the signed
//!   unsubscribe link.
//!
//! Who gets what: a member's e-mail mode (immediate, a daily digest, off), and only to a
//! verified address — except the verification itself and a password reset, which go to
//! the address being proven. With no `HOURBANK_SMTP_URL` e-mail is off: no row is
//! written, and in-app notifications go on alone.

pub mod compose;
pub mod outbox_store;
pub mod sender;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::domain::ids::RequestId;
use crate::domain::Timestamp;
use crate::lifecycle::Notice;

/// Whether transactions write e-mail to the outbox (set on the [`super::Db`] at start-up
/// from `HOURBANK_SMTP_URL`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Outbox {
    /// E-mail is off.
    #[default]
    Off,
    On {
        /// The UTC hour at which daily digests go out.
        digest_hour_utc: i64,
    },
}

/// A member's choice of what reaches them by e-mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailMode {
    Immediate,
    /// Once a day, everything since the last digest in one message.
    Digest,
    Off,
}

impl EmailMode {
    pub const ALL: [EmailMode; 3] = [EmailMode::Immediate, EmailMode::Digest, EmailMode::Off];

    pub fn as_str(self) -> &'static str {
        match self {
            EmailMode::Immediate => "immediate",
            EmailMode::Digest => "digest",
            EmailMode::Off => "off",
        }
    }

    pub fn parse(s: &str) -> Option<EmailMode> {
        EmailMode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// What an outbox row says. Stored as JSON; a field added later takes `#[serde(default)]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mail", rename_all = "snake_case")]
pub enum Mail {
    /// A notification (a lifecycle step, a reminder, an alarm), with the request it is about.
    Notice {
        notice: Notice,
        #[serde(default)]
        request_id: Option<RequestId>,
    },
    /// A day's notifications in one message.
    Digest { items: Vec<DigestItem> },
    /// The link that proves the address (it carries a secret until sent).
    VerifyEmail { link: String },
    /// The single-use link that sets a new password (a secret until sent).
    PasswordReset { link: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestItem {
    pub notice: Notice,
    #[serde(default)]
    pub request_id: Option<RequestId>,
    pub at: Timestamp,
}

impl Mail {
    /// The stored kind (`outbox.kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            Mail::Notice { notice, .. } => notice.kind(),
            Mail::Digest { .. } => "digest",
            Mail::VerifyEmail { .. } => "verify_email",
            Mail::PasswordReset { .. } => "password_reset",
        }
    }

    /// Whether it goes out whatever the member's e-mail mode and before the address is
    /// verified (it is how the address gets verified, or how the account is recovered).
    pub fn is_for_the_account(&self) -> bool {
        matches!(self, Mail::VerifyEmail { .. } | Mail::PasswordReset { .. })
    }

    /// The same mail with its secret removed (once it has been sent).
    pub fn without_secret(&self) -> Option<Mail> {
        match self {
            Mail::VerifyEmail { .. } => Some(Mail::VerifyEmail {
                link: String::new(),
            }),
            Mail::PasswordReset { .. } => Some(Mail::PasswordReset {
                link: String::new(),
            }),
            Mail::Notice { .. } | Mail::Digest { .. } => None,
        }
    }
}

/// The next time a daily digest goes out after `now`: `hour` o'clock UTC, today or tomorrow.
pub fn next_digest_at(now: Timestamp, hour: i64) -> Timestamp {
    const DAY: i64 = 86_400_000;
    let today = now.0.div_euclid(DAY) * DAY + hour * 3_600_000;
    Timestamp(if today > now.0 { today } else { today + DAY })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_go_out_at_the_next_digest_hour() {
        let day = 86_400_000;
        let midnight = Timestamp(20_000 * day);
        assert_eq!(
            next_digest_at(midnight, 7),
            Timestamp(20_000 * day + 7 * 3_600_000)
        );
        let eight = midnight.plus_millis(8 * 3_600_000);
        assert_eq!(
            next_digest_at(eight, 7),
            Timestamp(20_001 * day + 7 * 3_600_000)
        );
        let seven = midnight.plus_millis(7 * 3_600_000);
        assert_eq!(
            next_digest_at(seven, 7),
            Timestamp(20_001 * day + 7 * 3_600_000)
        );
    }

    #[test]
    fn account_mail_loses_its_secret_once_sent() {
        let m = Mail::PasswordReset {
            link: "https://bank/reset?token=secret".into(),
        };
        assert!(m.is_for_the_account());
        assert_eq!(
            m.without_secret(),
            Some(Mail::PasswordReset {
                link: String::new()
            })
        );
        for mode in EmailMode::ALL {
            assert_eq!(EmailMode::parse(mode.as_str()), Some(mode));
        }
    }
}
