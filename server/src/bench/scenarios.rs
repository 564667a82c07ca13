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
        let r = match scenario {
            Scenario::Decline => {
                let r = self
                    .act(rec, "decline", provider, &r, &[("text", "Fully booked")])
                    .await?;
                expect(rec, "decline", r, State::Rejected)?
            }
            Scenario::Counter => {
                let r = self
                    .act(
                        rec,
                        "counter",
                        provider,
                        &r,
                        &[
                            ("duration_minutes", "90"),
                            ("rate", "1"),
                            ("message", "It takes longer"),
                        ],
                    )
                    .await?;
                let r = expect(rec, "counter", r, State::Negotiating)?;
                let r = self.act(rec, "accept", requester, &r, &[]).await?;
                let r = expect(rec, "accept", r, State::Accepted)?;
                self.work_and_pay(rec, requester, provider, r).await?
            }
            Scenario::Happy => {
                let r = self.act(rec, "accept", provider, &r, &[]).await?;
                let r = expect(rec, "accept", r, State::Accepted)?;
                let r = self.work_and_pay(rec, requester, provider, r).await?;
                self.http
                    .timed::<()>(
                        rec,
                        "rate",
                        requester,
                        "requests/rate",
                        &[
                            ("request_id", &r.id.to_string()),
                            ("stars", "5"),
                            ("comment", "Great help"),
                        ],
                    )
                    .await?;
                r
            }
            Scenario::Dispute => {
                let r = self.act(rec, "accept", provider, &r, &[]).await?;
                let r = expect(rec, "accept", r, State::Accepted)?;
                let r = self.act(rec, "mark_started", provider, &r, &[]).await?;
                let r = expect(rec, "mark_started", r, State::PendingStartConfirmation)?;
                let r = self.act(rec, "confirm_start", requester, &r, &[]).await?;
                let r = expect(rec, "confirm_start", r, State::InProgress)?;
                let r = self
                    .act(
                        rec,
                        "dispute",
                        requester,
                        &r,
                        &[("text", "Not what we agreed")],
                    )
                    .await?;
                let r = expect(rec, "dispute", r, State::Disputed)?;
                match n % 4 {
                    0 => {
                        let r = self
                            .act(rec, "refund", &self.admin, &r, &[("text", "Refunded")])
                            .await?;
                        expect(rec, "refund", r, State::Resolved)?
                    }
                    1 => {
                        let r = self
                            .act(
                                rec,
                                "pay_provider",
                                &self.admin,
                                &r,
                                &[("text", "Work done")],
                            )
                            .await?;
                        expect(rec, "pay_provider", r, State::Paid)?
                    }
                    2 => {
                        let r = self
                            .act(
                                rec,
                                "split",
                                &self.admin,
                                &r,
                                &[("text", "Half done"), ("minutes", "30")],
                            )
                            .await?;
                        expect(rec, "split", r, State::Resolved)?
                    }
                    _ => {
                        let r = self
                            .act(rec, "resume", &self.admin, &r, &[("text", "Carry on")])
                            .await?;
                        let r = expect(rec, "resume", r, State::InProgress)?;
                        let r = self.act(rec, "mark_completed", provider, &r, &[]).await?;
                        let r = expect(
                            rec,
                            "mark_completed",
                            r,
                            State::PendingCompletionConfirmation,
                        )?;
                        let r = self
                            .act(rec, "confirm_completion", requester, &r, &[])
                            .await?;
                        expect(rec, "confirm_completion", r, State::Paid)?
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

    /// Accepted → started → confirmed → completed → confirmed → paid.
    async fn work_and_pay(
        &self,
        rec: &mut Recorder,
        requester: &Member,
        provider: &Member,
        r: ActionResult,
    ) -> Result<ActionResult, CallError> {
        let r = self.act(rec, "mark_started", provider, &r, &[]).await?;
        let r = expect(rec, "mark_started", r, State::PendingStartConfirmation)?;
        let r = self.act(rec, "confirm_start", requester, &r, &[]).await?;
        let r = expect(rec, "confirm_start", r, State::InProgress)?;
        let r = self.act(rec, "mark_completed", provider, &r, &[]).await?;
        let r = expect(
            rec,
            "mark_completed",
            r,
            State::PendingCompletionConfirmation,
        )?;
        let r = self
            .act(rec, "confirm_completion", requester, &r, &[])
            .await?;
        expect(rec, "confirm_completion", r, State::Paid)
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
