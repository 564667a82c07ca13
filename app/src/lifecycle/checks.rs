//! The submit-time checks, as a pure function of facts the store gathers in the same
//! transaction. Each failure has a code (kept with the REJECTED request) and a message.

use serde::{Deserialize, Serialize};

use super::rules::Rules;
use super::terms::{Terms, TermsError};
use crate::domain::{MemberId, Minutes, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "code")]
pub enum ValidationFailure {
    RequesterInactive,
    ProviderInactive,
    OwnService,
    ServiceUnavailable,
    InvalidTerms { error: TermsError },
    InsufficientBalance { cost: Minutes, available: Minutes },
    DuplicateOpenRequest,
    TooManyOpenRequests { limit: i64 },
}

impl ValidationFailure {
    pub fn code(&self) -> &'static str {
        match self {
            ValidationFailure::RequesterInactive => "requester_inactive",
            ValidationFailure::ProviderInactive => "provider_inactive",
            ValidationFailure::OwnService => "own_service",
            ValidationFailure::ServiceUnavailable => "service_unavailable",
            ValidationFailure::InvalidTerms {
                error: TermsError::Duration,
            } => "hours_out_of_range",
            ValidationFailure::InvalidTerms {
                error: TermsError::Rate,
            } => "rate_out_of_range",
            ValidationFailure::InvalidTerms {
                error: TermsError::MessageTooLong,
            } => "message_too_long",
            ValidationFailure::InvalidTerms {
                error: TermsError::MessageUnprintable,
            } => "message_unprintable",
            ValidationFailure::InvalidTerms {
                error: TermsError::StartPassed,
            } => "start_passed",
            ValidationFailure::InvalidTerms {
                error: TermsError::StartTooFar,
            } => "start_too_far",
            ValidationFailure::InsufficientBalance { .. } => "insufficient_balance",
            ValidationFailure::DuplicateOpenRequest => "duplicate_open_request",
            ValidationFailure::TooManyOpenRequests { .. } => "too_many_open_requests",
        }
    }
}

/// What the store knows when a request is submitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationFacts {
    pub requester_active: bool,
    /// None when no service has that id.
    pub service: Option<ServiceFacts>,
    pub available: Minutes,
    /// Non-terminal requests by this requester for this service (excluding this one).
    pub open_for_service: i64,
    /// Non-terminal requests by this requester (excluding this one).
    pub open_total: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServiceFacts {
    pub active: bool,
    pub provider: MemberId,
    pub provider_active: bool,
}

/// What is being asked for: who asks whom, on what terms.
#[derive(Clone, Copy, Debug)]
pub struct Asked<'a> {
    pub requester: MemberId,
    /// The service's provider, when the service exists.
    pub provider: Option<MemberId>,
    pub terms: &'a Terms,
    /// When it is asked (the submit's `now`): the proposed start is judged against it.
    pub at: Timestamp,
}

/// The checks of the rules page, in its order.
pub fn validate(
    req: Asked<'_>,
    facts: &ValidationFacts,
    rules: &Rules,
) -> Result<(), ValidationFailure> {
    if !facts.requester_active {
        return Err(ValidationFailure::RequesterInactive);
    }
    let service = facts.service.ok_or(ValidationFailure::ServiceUnavailable)?;
    if !service.provider_active {
        return Err(ValidationFailure::ProviderInactive);
    }
    if service.provider == req.requester {
        return Err(ValidationFailure::OwnService);
    }
    if !service.active || Some(service.provider) != req.provider {
        return Err(ValidationFailure::ServiceUnavailable);
    }
    req.terms
        .check_at(req.at)
        .map_err(|error| ValidationFailure::InvalidTerms { error })?;
    let cost = req.terms.cost();
    if facts.available < cost {
        return Err(ValidationFailure::InsufficientBalance {
            cost,
            available: facts.available,
        });
    }
    if facts.open_for_service > 0 {
        return Err(ValidationFailure::DuplicateOpenRequest);
    }
    if facts.open_total >= rules.max_open_requests {
        return Err(ValidationFailure::TooManyOpenRequests {
            limit: rules.max_open_requests,
        });
    }
    Ok(())
}
