//! Every write HourBank makes, one server-side operation each. An operation owns its
//! database transaction, retries transient errors with the lifecycle's retry policy
//! ([`engine::with_retry`]: 3 attempts, backoff ×2), and returns what it did together
//! with the members whose open pages must hear of it ([`Done::tell`], delivered by
//! [`AppState::tell`]). Server functions only parse their arguments, call one of these,
//! and map the error.
//!
//! - Lifecycle (through the transition function, `engine.rs`): [`submit`], [`act`],
//!   [`rate`], [`deactivate_member`]; the sweeper fires deadlines through the engine too.
//! - Accounts: [`sign_up`], [`log_in`], [`log_out`], [`create_member`] (admins made at
//!   start-up, the demo bank), [`reactivate_member`]; e-mail: [`verify_email`],
//!   [`send_verification`], [`request_password_reset`], [`reset_password`],
//!   [`set_email_mode`], [`unsubscribe`]; language, time and calendar: [`set_language`],
//!   [`set_time_zone`],
//!   [`renew_calendar_address`].
//! - Services: [`create_service`], [`update_service`], [`set_service_status`].
//! - Ledger: [`adjust_hours`] (an admin's grant or deduction).
//! - Notifications and timers: [`mark_notifications_read`], [`retry_timer`].

use super::engine::{self, with_retry, EngineError};
use super::ledger_store::{self, TransferMeta};
use super::mail::tokens::{self, Purpose};
use super::mail::{outbox_store, EmailMode, Mail, Outbox};
use super::members_store::{self, NewMember};
use super::{admin_store, notifications_store, services_store, sessions, sweeper};
use super::{AppState, StoreError};
use crate::domain::ids::{RequestId, ServiceId};
use crate::domain::ledger::BalancedTransfer;
use crate::domain::service::{ServiceFields, ServiceStatus};
use crate::domain::{DisplayName, Email, MemberId, Minutes, Role};
use crate::i18n::{Lang, Zone};
use crate::lifecycle::{Actor, Event, Request, Terms};
use crate::server::group_commit::WriteTx;

/// What an operation did, and whom to tell.
#[derive(Debug)]
pub struct Done<T> {
    pub value: T,
    /// Members whose open pages show something this changed.
    pub tell: Vec<MemberId>,
}

impl<T> Done<T> {
    fn telling(value: T, tell: impl IntoIterator<Item = MemberId>) -> Done<T> {
        Done {
            value,
            tell: tell.into_iter().collect(),
        }
    }

    fn quietly(value: T) -> Done<T> {
        Done {
            value,
            tell: Vec::new(),
        }
    }
}

impl AppState {
    /// Tells the members an operation names (live updates), and hands back its value.
    pub fn tell<T>(&self, done: Done<T>) -> T {
        self.live.changed(done.tell);
        done.value
    }
}

fn parties(req: &Request) -> impl Iterator<Item = MemberId> {
    [req.requester].into_iter().chain(req.provider)
}

// ---- the lifecycle ----

pub async fn submit(
    state: &AppState,
    requester: MemberId,
    service: ServiceId,
    terms: &Terms,
) -> Result<Done<Request>, EngineError> {
    let req = engine::submit(
        &state.db,
        &state.clock,
        &state.config.rules,
        requester,
        service,
        terms,
    )
    .await?;
    Ok(Done::telling(req.clone(), parties(&req)))
}

/// A member or admin acts on a request they saw at `version`.
pub async fn act(
    state: &AppState,
    id: RequestId,
    version: i64,
    event: &Event,
    actor: &Actor,
) -> Result<Done<Request>, EngineError> {
    let (req, told) =
        engine::act_telling(&state.db, &state.clock, id, Some(version), event, actor).await?;
    let tell: Vec<MemberId> = parties(&req).chain(told).collect();
    Ok(Done::telling(req, tell))
}

pub async fn rate(
    state: &AppState,
    id: RequestId,
    member: MemberId,
    stars: i64,
    comment: &str,
) -> Result<Done<MemberId>, EngineError> {
    let ratee = engine::rate(&state.db, &state.clock, id, member, stars, comment).await?;
    Ok(Done::telling(ratee, [ratee]))
}

/// Deactivates `member` and cancels their open, undisputed requests; returns whether
/// they were active and the requests cancelled.
pub async fn deactivate_member(
    state: &AppState,
    admin: MemberId,
    member: MemberId,
) -> Result<Done<(bool, Vec<Request>)>, EngineError> {
    let (changed, cancelled) =
        engine::deactivate_member(&state.db, &state.clock, admin, member).await?;
    let mut tell: Vec<MemberId> = cancelled.iter().flat_map(parties).collect();
    tell.push(member);
    tell.sort_by_key(|m| m.to_string());
    tell.dedup();
    Ok(Done::telling((changed, cancelled), tell))
}

// ---- accounts ----

/// A new member or admin account, with its starting credit from the system account.
/// An account an operator makes (an admin at start-up, the demo bank): its address
/// counts as verified, since the operator vouches for it.
pub async fn create_member(
    state: &AppState,
    email: &Email,
    display_name: &DisplayName,
    password_hash: &str,
    role: Role,
    starting_credit: Minutes,
) -> Result<Done<MemberId>, EngineError> {
    let id = with_retry(|_| async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        let id = members_store::insert(
            &mut tx,
            NewMember {
                email,
                display_name,
                password_hash,
                role,
                starting_credit,
            },
            now,
        )
        .await?;
        members_store::mark_email_verified(&mut tx, id, email.as_str(), now).await?;
        tx.commit().await?;
        Ok(id)
    })
    .await?;
    Ok(Done::quietly(id))
}

/// A member signs up: their account (with the bank's starting credit), a first session
/// and, when e-mail is on, the link that verifies their address — in one transaction.
/// Returns the new id and the session token.
pub async fn sign_up(
    state: &AppState,
    email: &Email,
    display_name: &DisplayName,
    password_hash: &str,
    zone: Option<Zone>,
) -> Result<Done<(MemberId, String)>, EngineError> {
    let done = with_retry(|_| async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        let id = members_store::insert(
            &mut tx,
            NewMember {
                email,
                display_name,
                password_hash,
                role: Role::Member,
                starting_credit: state.config.starting_credit,
            },
            now,
        )
        .await?;
        if zone.is_some() {
            members_store::set_time_zone(&mut tx, id, zone).await?;
        }
        let token = sessions::create(&mut tx, id, now, state.config.session_ttl_ms).await?;
        queue_verification(state, &mut tx, id, email.as_str()).await?;
        tx.commit().await?;
        Ok((id, token))
    })
    .await?;
    Ok(Done::quietly(done))
}

/// When e-mail is on: a verification token for `email` and the e-mail with its link.
async fn queue_verification(
    state: &AppState,
    tx: &mut WriteTx,
    member: MemberId,
    email: &str,
) -> Result<(), StoreError> {
    if state.db.outbox == Outbox::Off {
        return Ok(());
    }
    let now = state.clock.now();
    let token = tokens::create(
        tx,
        member,
        Purpose::VerifyEmail,
        email,
        now,
        tokens::VERIFY_TTL_MS,
    )
    .await?;
    let link = format!("{}/verify?token={token}", state.config.public_url);
    outbox_store::queue_account_mail(tx, member, email, Mail::VerifyEmail { link }, now).await
}

/// Sends the signed-in member a new verification link (e-mail must be on); false when
/// their address is verified already.
pub async fn send_verification(
    state: &AppState,
    member: MemberId,
) -> Result<Done<bool>, EngineError> {
    let settings = members_store::email_settings(&state.db.read, member).await?;
    if settings.verified_at.is_some() {
        return Ok(Done::quietly(false));
    }
    with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        queue_verification(state, &mut tx, member, &settings.email).await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    Ok(Done::quietly(true))
}

/// Uses a verification link: the address it was sent to is verified, if it is still the
/// member's. None when the link is unknown, used or expired.
pub async fn verify_email(
    state: &AppState,
    token: &str,
) -> Result<Done<Option<MemberId>>, EngineError> {
    let verified = with_retry(|_| async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        let Some((member, email)) =
            tokens::consume(&mut tx, token, Purpose::VerifyEmail, now).await?
        else {
            return Ok(None);
        };
        let ok = members_store::mark_email_verified(&mut tx, member, &email, now).await?;
        tx.commit().await?;
        Ok(ok.then_some(member))
    })
    .await?;
    Ok(Done::telling(verified, verified))
}

/// "Forgot password": when an active member has this address (and e-mail is on), a
/// single-use link for an hour goes to it. Says nothing about whether one had.
pub async fn request_password_reset(
    state: &AppState,
    email: &Email,
) -> Result<Done<()>, EngineError> {
    if state.db.outbox == Outbox::Off {
        return Ok(Done::quietly(()));
    }
    with_retry(|_| async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        if let Some(member) = members_store::active_by_email(&mut tx, email).await? {
            let token = tokens::create(
                &mut tx,
                member,
                Purpose::PasswordReset,
                email.as_str(),
                now,
                tokens::RESET_TTL_MS,
            )
            .await?;
            let link = format!("{}/reset?token={token}", state.config.public_url);
            outbox_store::queue_account_mail(
                &mut tx,
                member,
                email.as_str(),
                Mail::PasswordReset { link },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    })
    .await?;
    Ok(Done::quietly(()))
}

/// Uses a password-reset link: the new password, every session of the member ended,
/// the address verified (the link proved it), and a new session for this browser.
/// Returns the member and the new session's token; None when the link is unknown, used
/// or expired.
pub async fn reset_password(
    state: &AppState,
    token: &str,
    password_hash: &str,
) -> Result<Done<Option<(MemberId, String)>>, EngineError> {
    let done = with_retry(|_| async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        let Some((member, email)) =
            tokens::consume(&mut tx, token, Purpose::PasswordReset, now).await?
        else {
            return Ok(None);
        };
        members_store::set_password_hash(&mut tx, member, password_hash).await?;
        sessions::delete_for_member(&mut tx, member).await?;
        members_store::mark_email_verified(&mut tx, member, &email, now).await?;
        let session = sessions::create(&mut tx, member, now, state.config.session_ttl_ms).await?;
        tx.commit().await?;
        Ok(Some((member, session)))
    })
    .await?;
    let tell: Vec<MemberId> = done.iter().map(|(m, _)| *m).collect();
    Ok(Done::telling(done, tell))
}

pub async fn set_email_mode(
    state: &AppState,
    member: MemberId,
    mode: EmailMode,
) -> Result<Done<()>, EngineError> {
    with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        members_store::set_email_mode(&mut tx, member, mode).await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    Ok(Done::telling((), [member]))
}

/// The member's time zone (None: the bank's default from now on).
pub async fn set_time_zone(
    state: &AppState,
    member: MemberId,
    zone: Option<Zone>,
) -> Result<Done<()>, EngineError> {
    with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        members_store::set_time_zone(&mut tx, member, zone).await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    Ok(Done::telling((), [member]))
}

/// The member's language, chosen with the header's switcher.
pub async fn set_language(
    state: &AppState,
    member: MemberId,
    lang: Option<Lang>,
) -> Result<Done<()>, EngineError> {
    with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        members_store::set_lang(&mut tx, member, lang).await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    Ok(Done::telling((), [member]))
}

/// A new address for the member's calendar feed; the old one stops working at once.
pub async fn renew_calendar_address(
    state: &AppState,
    member: MemberId,
) -> Result<Done<()>, EngineError> {
    with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        members_store::renew_calendar_generation(&mut tx, member).await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    Ok(Done::quietly(()))
}

/// The one-click unsubscribe: `signature` must be the member's; their e-mail mode
/// becomes off. False when the signature is not theirs.
pub async fn unsubscribe(
    state: &AppState,
    member: MemberId,
    signature: &str,
) -> Result<Done<bool>, EngineError> {
    let secret = state.secret().await?;
    if !tokens::unsubscribe_signature_ok(&secret, member, signature) {
        return Ok(Done::quietly(false));
    }
    set_email_mode(state, member, EmailMode::Off).await?;
    Ok(Done::telling(true, [member]))
}

/// A new session for `member`, ending the one the browser came with (rotation).
pub async fn log_in(
    state: &AppState,
    member: MemberId,
    old_token_hash: Option<&str>,
) -> Result<Done<String>, EngineError> {
    let token = with_retry(|_| async {
        let now = state.clock.now();
        let mut tx = state.db.begin_write().await?;
        if let Some(old) = old_token_hash {
            sessions::delete(&mut tx, old).await?;
        }
        let token = sessions::create(&mut tx, member, now, state.config.session_ttl_ms).await?;
        tx.commit().await?;
        Ok(token)
    })
    .await?;
    Ok(Done::quietly(token))
}

pub async fn log_out(state: &AppState, token_hash: &str) -> Result<Done<()>, EngineError> {
    with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        sessions::delete(&mut tx, token_hash).await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    Ok(Done::quietly(()))
}

/// Reactivates a deactivated member; returns whether they were inactive.
pub async fn reactivate_member(
    state: &AppState,
    member: MemberId,
) -> Result<Done<bool>, EngineError> {
    let changed = with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        let changed = members_store::set_active(&mut tx, member, true, state.clock.now()).await?;
        tx.commit().await?;
        Ok(changed)
    })
    .await?;
    Ok(Done::telling(changed, [member]))
}

// ---- services ----

pub async fn create_service(
    state: &AppState,
    provider: MemberId,
    fields: &ServiceFields,
) -> Result<Done<ServiceId>, EngineError> {
    let id = with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        let id = services_store::insert(&mut tx, provider, fields, state.clock.now()).await?;
        tx.commit().await?;
        Ok(id)
    })
    .await?;
    Ok(Done::telling(id, [provider]))
}

/// Edits one of `provider`'s services; false when they have no such (unretired) service.
pub async fn update_service(
    state: &AppState,
    provider: MemberId,
    id: ServiceId,
    fields: &ServiceFields,
) -> Result<Done<bool>, EngineError> {
    let found = with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        let found = services_store::update(&mut tx, provider, id, fields).await?;
        tx.commit().await?;
        Ok(found)
    })
    .await?;
    Ok(Done::telling(found, [provider]))
}

/// Pauses, resumes or retires one of `provider`'s services; false when they have no
/// such service (or it is retired).
pub async fn set_service_status(
    state: &AppState,
    provider: MemberId,
    id: ServiceId,
    status: ServiceStatus,
) -> Result<Done<bool>, EngineError> {
    let found = with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        let found = services_store::set_status(&mut tx, provider, id, status).await?;
        tx.commit().await?;
        Ok(found)
    })
    .await?;
    Ok(Done::telling(found, [provider]))
}

// ---- the ledger ----

/// An admin grants (`minutes` > 0) or deducts (`minutes` < 0) hours, against the system
/// account, with a reason kept in the ledger.
pub async fn adjust_hours(
    state: &AppState,
    admin: MemberId,
    member: MemberId,
    minutes: i64,
    reason: &str,
) -> Result<Done<()>, EngineError> {
    let transfer = if minutes > 0 {
        BalancedTransfer::grant(member, Minutes(minutes))
    } else {
        BalancedTransfer::deduct(member, Minutes(-minutes))
    }
    .map_err(StoreError::from)?;
    with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        let meta = TransferMeta {
            reason: reason.to_owned(),
            request_id: None,
            actor_id: Some(admin.to_string()),
        };
        ledger_store::apply(&mut tx, &transfer, meta, state.clock.now()).await?;
        tx.commit().await?;
        Ok(())
    })
    .await?;
    Ok(Done::telling((), [member]))
}

// ---- notifications and timers ----

/// Marks one of `member`'s notifications read, or all of them (`None`).
pub async fn mark_notifications_read(
    state: &AppState,
    member: MemberId,
    id: Option<&str>,
) -> Result<Done<u64>, EngineError> {
    let n = with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        let n = notifications_store::mark_read(&mut tx, member, id, state.clock.now()).await?;
        tx.commit().await?;
        Ok(n)
    })
    .await?;
    Ok(Done::telling(n, [member]))
}

/// Why [`retry_timer`] did not fire a deadline.
#[derive(Debug, thiserror::Error)]
pub enum RetryError {
    #[error("That request is not waiting for attention.")]
    NotFlagged,
    #[error("The timer failed again; see the error below.")]
    FailedAgain,
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// Clears a request's "needs attention" flag and sweeps at once, so its deadline fires
/// again now.
pub async fn retry_timer(state: &AppState, id: RequestId) -> Result<Done<()>, RetryError> {
    let cleared = with_retry(|_| async {
        let mut tx = state.db.begin_write().await?;
        let cleared = admin_store::clear_attention(&mut tx, &id.to_string()).await?;
        tx.commit().await?;
        Ok(cleared)
    })
    .await?;
    if !cleared {
        return Err(RetryError::NotFlagged);
    }
    let report = sweeper::sweep_once_live(
        &state.db,
        &state.clock,
        sweeper::DUE_PER_READ,
        Some(&state.live),
    )
    .await
    .map_err(EngineError::from)?;
    if report.failed > 0 {
        return Err(RetryError::FailedAgain);
    }
    super::alarms::clear(&state.db, state.clock.now(), &super::alarms::timer_key(id))
        .await
        .map_err(EngineError::from)?;
    Ok(Done::quietly(()))
}
