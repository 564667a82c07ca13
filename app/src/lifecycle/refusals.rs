//! Why the lifecycle refuses: a refused transition ([`Rejection`]: nothing changed) and a
//! posted action that is no event a person can ask for ([`AskError`]). Data only: their
//! words, and their English `Display` for logs and tests, are in `words.rs`.

use serde::{Deserialize, Serialize};

use super::definition::{ActorKind, EventKind, State};
use super::terms::TermsError;
use crate::domain::Minutes;

/// Why a posted action is not an event a person can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AskError {
    NotAsked,
    MissingTerms,
    MissingShare,
}

impl std::error::Error for AskError {}

/// Why an action was refused (its words: `words::rejection`). Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rejection {
    NotAParty,
    Closed { state: State },
    WrongActor { action: EventKind, who: ActorKind },
    NotNow { action: EventKind, state: State },
    NotYourTurn,
    RoundLimit { max: u32 },
    InvalidTerms(TermsError),
    TextRequired { what: String },
    TextTooLong { what: String, max: usize },
    TextUnprintable { what: String },
    InvalidSplit { hold: Minutes },
    DeadlineNotDue,
    StaleDeadline,
    AlreadySubmitted,
    NotRateable,
    InvalidStars,
    Inconsistent(String),
}

impl std::error::Error for Rejection {}
