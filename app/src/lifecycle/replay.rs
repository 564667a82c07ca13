//! Rebuilding a request from its history: folding every recorded event through the
//! transition function must give back exactly the stored request.

use serde::{Deserialize, Serialize};

use super::machine::{create, transition, Actor, Event, Rejection};
use super::request::Request;
use crate::domain::Timestamp;

/// One row of a request's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedEvent {
    pub seq: i64,
    pub event: Event,
    pub actor: Actor,
    pub at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("the history is empty")]
    Empty,
    #[error("the history does not start with a submit")]
    NoSubmit,
    #[error("event {seq} has sequence number {seq} where {expected} was expected")]
    Gap { seq: i64, expected: i64 },
    #[error("event {seq} was refused on replay: {rejection}")]
    Refused { seq: i64, rejection: Rejection },
}

pub fn replay(events: &[RecordedEvent]) -> Result<Request, ReplayError> {
    let (first, rest) = events.split_first().ok_or(ReplayError::Empty)?;
    let Event::Submit { request, rules } = &first.event else {
        return Err(ReplayError::NoSubmit);
    };
    if first.seq != 1 {
        return Err(ReplayError::Gap {
            seq: first.seq,
            expected: 1,
        });
    }
    let (mut req, _) = create(request, rules, first.at);
    for e in rest {
        let expected = req.version + 1;
        if e.seq != expected {
            return Err(ReplayError::Gap {
                seq: e.seq,
                expected,
            });
        }
        let (next, _) = transition(&req, &e.event, &e.actor, e.at).map_err(|rejection| {
            ReplayError::Refused {
                seq: e.seq,
                rejection,
            }
        })?;
        req = next;
    }
    Ok(req)
}
