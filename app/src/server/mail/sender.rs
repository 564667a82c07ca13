//! The outbox's sender: a task on every server that folds due digests, leases due rows,
//! sends them over SMTP (`lettre`), and settles each row — sent, or failed with the error
//! and a next try after a doubling backoff (given up after
//! [`outbox_store::MAX_ATTEMPTS`]). A member who turned e-mail off (or was deactivated)
//! since a row was queued gets nothing: the row is dropped.

use crate::i18n::Viewer;
use std::time::Duration;

use futures::StreamExt;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::compose::{compose, Context};
use super::outbox_store::{self, Leased};
use super::{tokens, EmailMode};
use crate::domain::MemberId;
use crate::server::config::MailSettings;
use crate::server::{AppState, StoreError};

/// Rows leased per round.
const BATCH: i64 = 64;
/// Messages sent at once (each on its own pooled SMTP connection).
const IN_FLIGHT: usize = 8;

/// What the sender needs of SMTP.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The right-hand side of every Message-ID.
    domain: String,
    settings: MailSettings,
}

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("HOURBANK_SMTP_URL is not a usable SMTP address: {0}")]
    Url(String),
    #[error("HOURBANK_MAIL_FROM is not an address: {0}")]
    From(String),
}

impl Mailer {
    pub fn new(settings: &MailSettings, public_url: &str) -> Result<Mailer, MailerError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.smtp_url)
            .map_err(|e| MailerError::Url(e.to_string()))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailerError::From(e.to_string()))?;
        let host = public_url
            .split("://")
            .nth(1)
            .unwrap_or(public_url)
            .split(['/', ':'])
            .next()
            .filter(|h| !h.is_empty())
            .unwrap_or("hourbank.local")
            .to_owned();
        Ok(Mailer {
            transport,
            from,
            domain: host,
            settings: settings.clone(),
        })
    }

    /// The stable Message-ID of an outbox row: a copy resent after a crash has the same.
    pub fn message_id(&self, row_id: &str) -> String {
        format!("<{row_id}@{}>", self.domain)
    }
}

/// What one round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub digests: usize,
    pub sent: usize,
    pub failed: usize,
    pub dropped: usize,
}

/// The unsubscribe link of `member`'s messages.
pub fn unsubscribe_url(public_url: &str, secret: &[u8], member: MemberId) -> String {
    format!(
        "{public_url}/unsubscribe?m={member}&t={}",
        tokens::unsubscribe_signature(secret, member)
    )
}

/// One round: fold due digests, lease and send due rows.
pub async fn send_due(state: &AppState, mailer: &Mailer) -> Result<Round, StoreError> {
    let mut round = Round::default();
    let now = state.clock.now();
    round.digests = outbox_store::fold_digests(&state.db, now).await?;
    let lease_until = now.plus_millis(mailer.settings.lease_ms);
    let leased = outbox_store::lease_due(&state.db, now, lease_until, BATCH).await?;
    let secret = state.secret().await?;
    let outcomes: Vec<Result<Outcome, StoreError>> = futures::stream::iter(leased)
        .map(|row| settle(state, mailer, &secret, row))
        .buffer_unordered(IN_FLIGHT)
        .collect()
        .await;
    for outcome in outcomes {
        match outcome? {
            Outcome::Sent => round.sent += 1,
            Outcome::Failed => round.failed += 1,
            Outcome::Dropped => round.dropped += 1,
        }
    }
    Ok(round)
}

enum Outcome {
    Sent,
    Failed,
    Dropped,
}

/// Sends one leased row (unless its member no longer wants it) and records how it went.
async fn settle(
    state: &AppState,
    mailer: &Mailer,
    secret: &[u8],
    row: Leased,
) -> Result<Outcome, StoreError> {
    let wants = outbox_store::current_mode(&state.db.read, row.member).await?;
    if !row.mail.is_for_the_account()
        && !matches!(
            wants,
            Some(outbox_store::Recipient {
                mode: EmailMode::Immediate | EmailMode::Digest,
                active: true,
                ..
            })
        )
    {
        outbox_store::mark_dropped(&state.db, &row.id).await?;
        return Ok(Outcome::Dropped);
    }
    let viewer = state
        .config
        .viewer(wants.and_then(|w| w.lang), wants.and_then(|w| w.zone));
    match send_one(state, mailer, secret, &row, &viewer).await {
        Ok(()) => {
            outbox_store::mark_sent(&state.db, &row, state.clock.now()).await?;
            metrics::counter!("hourbank_mail_total", "outcome" => "sent").increment(1);
            Ok(Outcome::Sent)
        }
        Err(e) => {
            let backoff = retry_after_ms(&mailer.settings, row.attempt);
            let at = state.clock.now();
            tracing::warn!(outbox = %row.id, attempt = row.attempt, error = %e, "e-mail not sent; will retry");
            outbox_store::mark_failed(&state.db, &row, at, &e, at.plus_millis(backoff)).await?;
            metrics::counter!("hourbank_mail_total", "outcome" => "failed").increment(1);
            Ok(Outcome::Failed)
        }
    }
}

async fn send_one(
    state: &AppState,
    mailer: &Mailer,
    secret: &[u8],
    row: &Leased,
    viewer: &Viewer,
) -> Result<(), String> {
    let unsubscribe = unsubscribe_url(&state.config.public_url, secret, row.member);
    let c = compose(
        &row.mail,
        &Context {
            bank_name: &state.config.bank_name,
            public_url: &state.config.public_url,
            unsubscribe_url: &unsubscribe,
            viewer: *viewer,
        },
    );
    let to: Mailbox = row
        .to
        .parse()
        .map_err(|e: lettre::address::AddressError| format!("bad address {:?}: {e}", row.to))?;
    let message = Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(c.subject)
        .message_id(Some(mailer.message_id(&row.id)))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe"),
            format!("<{unsubscribe}>"),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
            "List-Unsubscribe=One-Click".to_owned(),
        ))
        .multipart(MultiPart::alternative_plain_html(c.text, c.html))
        .map_err(|e| format!("cannot build the message: {e}"))?;
    mailer
        .transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Sends every `interval` until the process ends (immediately again while there is
/// more to send).
pub fn spawn(state: AppState, mailer: Mailer) -> tokio::task::JoinHandle<()> {
    let interval = Duration::from_millis(mailer.settings.interval_ms);
    tokio::spawn(async move {
        loop {
            let busy = match send_due(&state, &mailer).await {
                Ok(r) => {
                    if r.sent + r.failed + r.dropped + r.digests > 0 {
                        tracing::info!(
                            sent = r.sent,
                            failed = r.failed,
                            dropped = r.dropped,
                            digests = r.digests,
                            "outbox"
                        );
                    }
                    r.sent + r.failed + r.dropped >= BATCH as usize
                }
                Err(e) => {
                    tracing::error!(error = %e, "outbox round failed");
                    false
                }
            };
            if !busy {
                tokio::time::sleep(interval).await;
            }
        }
    })
}

/// How long after its `attempt`-th failure a row is tried again: the base doubling, at
/// most an hour.
pub fn retry_after_ms(settings: &MailSettings, attempt: i64) -> i64 {
    settings
        .retry_ms
        .saturating_mul(1_i64 << (attempt - 1).clamp(0, 20))
        .min(3_600_000)
}
