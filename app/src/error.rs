//! The one error type every server function returns: typed, serialisable, and worded
//! for the member who will read it.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Bad input the member can fix; `field` names the form field when there is one.
    #[error("{message}")]
    Invalid {
        field: Option<String>,
        message: String,
    },
    #[error("Please log in first.")]
    Unauthenticated,
    #[error("You are not allowed to do that.")]
    Forbidden,
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("Too many attempts. Please wait a minute and try again.")]
    RateLimited,
    /// Something failed on our side; details are in the server log, not shown.
    #[error("Something went wrong on our side. Please try again.")]
    Internal,
    /// The request never reached our code (network, malformed arguments).
    #[error("{0}")]
    Transport(String),
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    /// The field this error belongs next to, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Invalid { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    /// The words a member reads for this error, in `v`'s language: the fixed messages
    /// from the catalogue; the others were worded for their reader when they were made.
    /// (`Display` stays English, for logs and tests.)
    pub fn words(&self, v: &crate::i18n::Viewer) -> String {
        match self {
            AppError::Unauthenticated => v.t("er-unauthenticated"),
            AppError::Forbidden => v.t("er-forbidden"),
            AppError::RateLimited => v.t("er-rate-limited"),
            AppError::Internal => v.t("er-internal"),
            AppError::Invalid { .. }
            | AppError::NotFound(_)
            | AppError::Conflict(_)
            | AppError::Transport(_) => self.to_string(),
        }
    }

    /// The HTTP status a server function answers with for this error.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Invalid { .. } | AppError::Transport(_) => 400,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound(_) => 404,
            AppError::Conflict(_) => 409,
            AppError::RateLimited => 429,
            AppError::Internal => 500,
        }
    }
}

impl From<crate::domain::account::FieldError> for AppError {
    fn from(e: crate::domain::account::FieldError) -> Self {
        AppError::Invalid {
            field: Some(e.field.to_owned()),
            message: e.message(),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(m) | ServerFnErrorErr::MissingArg(m) => AppError::Transport(
                crate::i18n::page_viewer().tr("er-form-malformed", [("detail", m.into())]),
            ),
            ServerFnErrorErr::Request(_) => {
                AppError::Transport(crate::i18n::page_viewer().t("er-unreachable"))
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}
