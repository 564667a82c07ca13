//! What a virtual user does: two members who offer each other a service and take turns
//! requesting it, through whole lifecycles picked from a fixed mix, each step a POST to
//! `/api/requests/act` with the version the previous answer gave (as the request page
//! does), and after each lifecycle the request page and the provider's inbox loaded.
//!
//! Mix (out of 100): 55 happy path (then a rating), 15 counter-offer accepted then the
//! happy path, 15 declined, 15 disputed and resolved by an admin (refund, pay provider,
//! split, or resume and finish — in turn).

use std::time::Instant;

use app::api::requests::ActionResult;
use app::lifecycle::State;

use super::client::{CallError, Http, Member};
use super::stats::Recorder;

pub const MINUTES_PER_REQUEST: i64 = 60;

/// When the load phase ends: after a time, or after a number of lifecycles per user.
#[derive(Clone, Copy, Debug)]
pub enum Until {
    Deadline(Instant),
    Lifecycles(u64),
}

pub struct VirtualUser {
    pub http: Http,
    pub a: Member,
    pub b: Member,
    pub service_of_a: String,
    pub service_of_b: String,
    pub admin: Member,
    pub seed: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scenario {
    Happy,
    Counter,
    Decline,
    Dispute,
}

impl Scenario {
    fn name(self) -> &'static str {
        match self {
            Scenario::Happy => "happy path",
            Scenario::Counter => "counter-offer",
            Scenario::Decline => "declined",
            Scenario::Dispute => "disputed",
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
fn next(seed: &mut u64) -> u64 {
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
            match until {
                Until::Deadline(t) if Instant::now() >= t => break,
                Until::Lifecycles(n) if done >= n => break,
                _ => {}
            }
            let scenario = Scenario::pick(next(&mut seed));
            // Take turns: each member requests the other's service every other lifecycle.
            let flip = done % 2 == 1;
            let outcome = self.lifecycle(&mut rec, scenario, flip, done).await;
            if outcome.is_ok() {
                rec.lifecycle(scenario.name());
            }
            done += 1;
            self.seed = seed;
        }
        rec
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
        let r = expect(rec, "submit", r, State::AwaitingResponse)?;
        let admin = &self.admin;
        let r = match scenario {
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
        let pending = State::PendingStartConfirmation;
        let r = self
            .step(rec, "mark_started", provider, &r, &[], pending)
            .await?;
        self.step(rec, "confirm_start", requester, &r, &[], State::InProgress)
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
        let pending = State::PendingCompletionConfirmation;
        let r = self
            .step(rec, "mark_completed", provider, &r, &[], pending)
            .await?;
        self.step(rec, "confirm_completion", requester, &r, &[], State::Paid)
            .await
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
        self.http
            .timed(rec, action, who, "requests/act", &form)
            .await
    }
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
            };
            counts[i] += 1;
        }
        // 55 / 15 / 15 / 15 per cent, within sampling noise.
        for (got, want) in counts.iter().zip([5_500, 1_500, 1_500, 1_500]) {
            assert!((*got as i64 - want).abs() < 250, "{counts:?}");
        }
    }
}
