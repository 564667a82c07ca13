//! The request aggregate: everything the lifecycle knows about one service request.
//! Stored whole (as JSON) beside the columns the queries need; rebuilt by replay.
//!
//! Stored data evolves: every field that a later version may add or that can be absent
//! takes `#[serde(default)]`, so a request written before the field existed still loads
//! (`app/tests/upgrade.rs` opens a bank written by an earlier main). Such a field is also
//! left out when it is empty (`skip_serializing_if`), so a request stores only what it
//! has: about 190 bytes less per row than writing every `null` and `false`.

use serde::{Deserialize, Serialize};

use super::checks::ValidationFailure;
use super::definition::State;
use super::rules::Rules;
use super::terms::Terms;
use crate::domain::ids::{RequestId, ServiceId};
use crate::domain::{MemberId, Minutes, Timestamp};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Requester,
    Provider,
}

impl Party {
    pub fn other(self) -> Party {
        match self {
            Party::Requester => Party::Provider,
            Party::Provider => Party::Requester,
        }
    }
}

/// Who a request waits for now (see `machine::waiting_for`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Awaited {
    /// HourBank itself, inside the transaction that is running.
    System,
    Party(Party),
    Admin,
    /// Closed.
    Nobody,
}

/// Who a request waits for, and by when (the deadline, if its state has one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    pub who: Awaited,
    pub until: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Negotiation {
    /// 1 after the provider's first counter-offer, +1 per counter.
    pub round: u32,
    /// Who must answer the current proposal.
    pub turn: Party,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldStatus {
    /// Nothing held (rejected at validation).
    None,
    Pending,
    Posted,
    Voided,
    /// An admin's split: `to_provider` posted, the rest voided.
    Split {
        to_provider: Minutes,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    pub amount: Minutes,
    pub status: HoldStatus,
}

/// What a dispute paused, to be restored on resume.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paused {
    pub state: State,
    /// Time left on the paused state's deadline (None: it had none).
    #[serde(default)]
    pub remaining_ms: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    Validation(ValidationFailure),
    Declined(String),
    Expired,
    Withdrawn,
    CancelledByProvider(String),
    MemberDeactivated,
    DisputeRefunded,
    DisputeSplit,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub id: RequestId,
    pub service_id: ServiceId,
    pub requester: MemberId,
    /// None only when validation found no such service.
    pub provider: Option<MemberId>,
    pub state: State,
    /// +1 per transition; equals the sequence number of the last history event.
    pub version: i64,
    /// The proposal on the table while negotiating; the agreed terms from ACCEPTED on.
    pub terms: Terms,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negotiation: Option<Negotiation>,
    pub hold: Hold,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused: Option<Paused>,
    pub response_window_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marked_started_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto_confirmed_start: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto_confirmed_completion: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<EndReason>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The numbers this request runs under, fixed when it was submitted.
    pub rules: Rules,
}

impl Request {
    pub fn party_of(&self, member: MemberId) -> Option<Party> {
        if member == self.requester {
            Some(Party::Requester)
        } else if Some(member) == self.provider {
            Some(Party::Provider)
        } else {
            None
        }
    }

    pub fn cost(&self) -> Minutes {
        self.terms.cost()
    }
}
