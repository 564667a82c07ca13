//! What a virtual user does: two members who offer each other a service and take turns
//! requesting it, through whole lifecycles picked from a fixed mix, each step a POST to
//! `/api/requests/act` with the version the previous answer gave (as the request page
//! does), and after each lifecycle the request page and the provider's inbox loaded.
//!
//! Mix (out of 100): 55 happy path (then a rating), 15 counter-offer accepted then the
//! happy path, 15 declined, 15 disputed and resolved by an admin (refund, pay provider,
//! split, or resume and finish — in turn).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::api::requests::ActionResult;
use app::lifecycle::State;

use super::client::{CallError, Http, Member};
use super::stats::{Recorder, Seen};

pub const MINUTES_PER_REQUEST: i64 = 60;

/// The form every benchmark member's service is created with.
pub const SERVICE_FORM: [(&str, &str); 4] = [
    ("title", "Help with anything"),
    ("description", "Benchmark service"),
    ("category", "Other"),
    ("response_window_hours", "24"),
];

/// How [`expect`] words a submit the validation refused.
const REFUSED_SUBMIT: &str = "ended in REJECTED instead of AWAITING_RESPONSE";

/// When the load phase ends: after a time, after a number of lifecycles per user, or
/// when the flag is raised (the crash test stops its load that way).
#[derive(Clone, Debug)]
pub enum Until {
    Deadline(Instant),
    Lifecycles(u64),
    Stopped(Arc<AtomicBool>),
}

pub struct VirtualUser {
    pub http: Http,
    pub a: Member,
    pub b: Member,
    pub service_of_a: String,
    pub service_of_b: String,
    pub admin: Member,
    pub seed: u64,
    /// Every n-th action (by version) is sent twice at once, like a double click or a
    /// client's retry racing the original: exactly one copy may succeed. 0 = never.
    pub double_click_every: i64,
    /// Every n-th lifecycle is left for the sweeper ([`Scenario::LeftToDeadline`]). 0 = never.
    pub leave_to_deadline_every: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scenario {
    Happy,
    Counter,
    Decline,
    Dispute,
    /// The crash test only: the request is left for its deadline — unanswered (it expires
    /// and refunds) or awaiting the requester's confirmation of completion (auto-confirmed
    /// and paid).
    LeftToDeadline,
}

impl Scenario {
    fn name(self) -> &'static str {
        match self {
            Scenario::Happy => "happy path",
            Scenario::Counter => "counter-offer",
            Scenario::Decline => "declined",
            Scenario::Dispute => "disputed",
            Scenario::LeftToDeadline => "left to its deadline",
        }
    }

    fn pick(roll: u64) -> Scenario {
        match roll % 100 {
            0..=54 => Scenario::Happy,
            55..=69 => Scenario::Counter,
            70..=84 => Scenario::Decline,
            _ => Scenario::Dispute,
        }
    }
}

/// xorshift64*: enough randomness for a workload mix, with no dependency.
pub(crate) fn next(seed: &mut u64) -> u64 {
    let mut x = *seed;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *seed = x;
    x.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

impl VirtualUser {
    /// Runs lifecycles until `until`; every call is recorded in the returned recorder.
    pub async fn run(mut self, until: Until) -> Recorder {
        let mut rec = Recorder::default();
        let mut seed = self.seed.max(1);
        let mut done = 0u64;
        loop {
            match &until {
                Until::Deadline(t) if Instant::now() >= *t => break,
                Until::Lifecycles(n) if done >= *n => break,
                Until::Stopped(flag) if flag.load(Ordering::Relaxed) => break,
                _ => {}
            }
            let roll = next(&mut seed);
            let scenario = if self.leave_to_deadline_every > 0
                && done % self.leave_to_deadline_every == self.leave_to_deadline_every - 1
            {
                Scenario::LeftToDeadline
            } else {
                Scenario::pick(roll)
            };
            // Take turns: each member requests the other's service every other lifecycle.
            let flip = done % 2 == 1;
            match self.lifecycle(&mut rec, scenario, flip, done).await {
                Ok(()) => rec.lifecycle(scenario.name()),
                // No server answered (it is down: the crash test): give it a moment.
                Err(e) if e.status == 0 => tokio::time::sleep(Duration::from_millis(50)).await,
                // A lifecycle cut short (the crash test) can leave a request open that no
                // deadline will close (accepted, in progress), so the service refuses a
                // second one: the provider offers a new service, as a member would.
                Err(e) if e.message.starts_with(REFUSED_SUBMIT) => {
                    let _ = self.new_service(&mut rec, flip).await;
                }
                Err(_) => {}
            }
            done += 1;
            self.seed = seed;
        }
        rec
    }

    /// The provider of one direction offers a new service, which that direction uses from now on.
    async fn new_service(&mut self, rec: &mut Recorder, flip: bool) -> Result<(), CallError> {
        let provider = if flip { &self.a } else { &self.b };
        let id: String = self
            .http
            .timed(
                rec,
                "new service",
                provider,
                "services/create",
                &SERVICE_FORM,
            )
            .await?;
        if flip {
            self.service_of_a = id;
        } else {
            self.service_of_b = id;
        }
        Ok(())
    }

    async fn lifecycle(
        &self,
        rec: &mut Recorder,
        scenario: Scenario,
        flip: bool,
        n: u64,
    ) -> Result<(), CallError> {
        let (requester, provider, service) = if flip {
            (&self.b, &self.a, &self.service_of_a)
        } else {
            (&self.a, &self.b, &self.service_of_b)
        };
        let minutes = MINUTES_PER_REQUEST.to_string();
        let r: ActionResult = self
            .http
            .timed(
                rec,
                "submit",
                requester,
                "requests/submit",
                &[
                    ("service_id", service),
                    ("duration_minutes", &minutes),
                    ("message", "Load test request"),
                ],
            )
            .await?;
        saw(rec, &r);
        let r = expect(rec, "submit", r, State::AwaitingResponse)?;
        let admin = &self.admin;
        let r = match scenario {
            Scenario::LeftToDeadline if n.is_multiple_of(2) => return Ok(()),
            Scenario::LeftToDeadline => {
                let r = self
                    .step(rec, "accept", provider, &r, &[], State::Accepted)
                    .await?;
                let r = self.start_work(rec, requester, provider, r).await?;
                let pending = State::PendingCompletionConfirmation;
                self.step(rec, "mark_completed", provider, &r, &[], pending)
                    .await?;
                return Ok(());
            }
            Scenario::Decline => {
                let reason = [("text", "Fully booked")];
                self.step(rec, "decline", provider, &r, &reason, State::Rejected)
                    .await?
            }
            Scenario::Counter => {
                let offer = [
                    ("duration_minutes", "90"),
                    ("rate", "1"),
                    ("message", "It takes longer"),
                ];
                let r = self
                    .step(rec, "counter", provider, &r, &offer, State::Negotiating)
                    .await?;
                let r = self
                    .step(rec, "accept", requester, &r, &[], State::Accepted)
                    .await?;
                let r = self.start_work(rec, requester, provider, r).await?;
                self.complete_and_pay(rec, requester, provider, r).await?
            }
            Scenario::Happy => {
                let r = self
                    .step(rec, "accept", provider, &r, &[], State::Accepted)
                    .await?;
                let r = self.start_work(rec, requester, provider, r).await?;
                let r = self.complete_and_pay(rec, requester, provider, r).await?;
                let id = r.id.to_string();
                let rating = [
                    ("request_id", id.as_str()),
                    ("stars", "5"),
                    ("comment", "Great help"),
                ];
                self.http
                    .timed::<()>(rec, "rate", requester, "requests/rate", &rating)
                    .await?;
                r
            }
            Scenario::Dispute => {
                let r = self
                    .step(rec, "accept", provider, &r, &[], State::Accepted)
                    .await?;
                let r = self.start_work(rec, requester, provider, r).await?;
                let reason = [("text", "Not what we agreed")];
                let r = self
                    .step(rec, "dispute", requester, &r, &reason, State::Disputed)
                    .await?;
                match n % 4 {
                    0 => {
                        let note = [("text", "Refunded")];
                        self.step(rec, "refund", admin, &r, &note, State::Resolved)
                            .await?
                    }
                    1 => {
                        let note = [("text", "Work done")];
                        self.step(rec, "pay_provider", admin, &r, &note, State::Paid)
                            .await?
                    }
                    2 => {
                        let split = [("text", "Half done"), ("minutes", "30")];
                        self.step(rec, "split", admin, &r, &split, State::Resolved)
                            .await?
                    }
                    _ => {
                        let note = [("text", "Carry on")];
                        let r = self
                            .step(rec, "resume", admin, &r, &note, State::InProgress)
                            .await?;
                        self.complete_and_pay(rec, requester, provider, r).await?
                    }
                }
            }
        };
        self.http
            .timed_page(
                rec,
                "page /requests/:id",
                requester,
                &format!("/requests/{}", r.id),
            )
            .await?;
        self.http
            .timed_page(rec, "page /inbox", provider, "/inbox")
            .await?;
        Ok(())
    }

    /// Accepted → started → confirmed (IN_PROGRESS).
    async fn start_work(
        &self,
        rec: &mut Recorder,
        requester: &Member,
        provider: &Member,
        r: ActionResult,
    ) -> Result<ActionResult, CallError> {
        let marked = ("mark_started", State::PendingStartConfirmation);
        let confirmed = ("confirm_start", State::InProgress);
        self.mark_and_confirm(rec, requester, provider, r, marked, confirmed)
            .await
    }

    /// In progress → completed → confirmed → paid.
    async fn complete_and_pay(
        &self,
        rec: &mut Recorder,
        requester: &Member,
        provider: &Member,
        r: ActionResult,
    ) -> Result<ActionResult, CallError> {
        let marked = ("mark_completed", State::PendingCompletionConfirmation);
        let confirmed = ("confirm_completion", State::Paid);
        self.mark_and_confirm(rec, requester, provider, r, marked, confirmed)
            .await
    }

    /// The lifecycle's mutual confirmation: the provider marks, the requester confirms;
    /// each pair is the action and the state it must lead to.
    async fn mark_and_confirm(
        &self,
        rec: &mut Recorder,
        requester: &Member,
        provider: &Member,
        r: ActionResult,
        (mark, marked): (&'static str, State),
        (confirm, confirmed): (&'static str, State),
    ) -> Result<ActionResult, CallError> {
        let r = self.step(rec, mark, provider, &r, &[], marked).await?;
        self.step(rec, confirm, requester, &r, &[], confirmed).await
    }

    /// [`VirtualUser::act`], then the state it must lead to.
    async fn step(
        &self,
        rec: &mut Recorder,
        action: &'static str,
        who: &Member,
        r: &ActionResult,
        extra: &[(&str, &str)],
        want: State,
    ) -> Result<ActionResult, CallError> {
        let r = self.act(rec, action, who, r, extra).await?;
        expect(rec, action, r, want)
    }

    /// One button on the request page: `/api/requests/act` with the action and the version.
    async fn act(
        &self,
        rec: &mut Recorder,
        action: &'static str,
        who: &Member,
        r: &ActionResult,
        extra: &[(&str, &str)],
    ) -> Result<ActionResult, CallError> {
        let id = r.id.to_string();
        let version = r.version.to_string();
        let mut form: Vec<(&str, &str)> = vec![
            ("request_id", &id),
            ("version", &version),
            ("action", action),
        ];
        form.extend_from_slice(extra);
        let r = if self.double_click_every > 0 && r.version % self.double_click_every == 0 {
            self.double_click(rec, action, who, &form).await?
        } else {
            self.http
                .timed(rec, action, who, "requests/act", &form)
                .await?
        };
        saw(rec, &r);
        Ok(r)
    }

    /// The same action twice at once (to two servers when there are two). The version
    /// check must let exactly one through; the other must be refused as a client error.
    async fn double_click(
        &self,
        rec: &mut Recorder,
        action: &'static str,
        who: &Member,
        form: &[(&str, &str)],
    ) -> Result<ActionResult, CallError> {
        let started = Instant::now();
        // One copy to each of two consecutive servers (the same one when there is one).
        let (first, second) = (self.http.pinned(0), self.http.pinned(1));
        let (x, y) = tokio::join!(
            first.call::<ActionResult>(who, "requests/act", form),
            second.call::<ActionResult>(who, "requests/act", form)
        );
        rec.double_clicks += 1;
        match (x, y) {
            (Ok(first), Ok(_)) => {
                rec.both_copies_succeeded += 1;
                rec.error(action, "double click: both copies succeeded".into());
                Ok(first)
            }
            (Ok(r), Err(e)) | (Err(e), Ok(r)) => {
                rec.ok(action, started.elapsed());
                if e.status >= 500 {
                    rec.server_errors += 1;
                    rec.error(action, format!("double click's second copy: {}", e.kind()));
                }
                Ok(r)
            }
            (Err(e), Err(f)) => {
                rec.server_errors += u64::from(e.status >= 500) + u64::from(f.status >= 500);
                rec.error(action, e.kind());
                Err(e)
            }
        }
    }
}

/// Notes an answer the client saw succeed.
fn saw(rec: &mut Recorder, r: &ActionResult) {
    rec.seen.push(Seen {
        request_id: r.id.to_string(),
        version: r.version,
        state: r.state.as_str(),
    });
}

/// The state an action must lead to; anything else is an error of kind "unexpected state".
fn expect(
    rec: &mut Recorder,
    action: &'static str,
    r: ActionResult,
    want: State,
) -> Result<ActionResult, CallError> {
    if r.state == want {
        Ok(r)
    } else {
        let e = CallError {
            status: 200,
            message: format!("ended in {} instead of {}", r.state.as_str(), want.as_str()),
        };
        rec.error(action, e.kind());
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mix_has_every_scenario_in_its_share() {
        let mut seed = 42;
        let mut counts = [0u32; 4];
        for _ in 0..10_000 {
            let i = match Scenario::pick(next(&mut seed)) {
                Scenario::Happy => 0,
                Scenario::Counter => 1,
                Scenario::Decline => 2,
                Scenario::Dispute => 3,
                Scenario::LeftToDeadline => unreachable!("never picked at random"),
            };
            counts[i] += 1;
        }
        // 55 / 15 / 15 / 15 per cent, within sampling noise.
        for (got, want) in counts.iter().zip([5_500, 1_500, 1_500, 1_500]) {
            assert!((*got as i64 - want).abs() < 250, "{counts:?}");
        }
    }
}
