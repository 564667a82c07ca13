//! Parse, don't validate: account fields that exist only in valid form.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::i18n::Text;

pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 200;
pub const DISPLAY_NAME_MAX_CHARS: usize = 60;
pub const EMAIL_MAX_CHARS: usize = 254;

/// Why a form field was refused, in words the member can act on: a catalogue message,
/// made into words for the reader where it is shown ([`FieldError::message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: crate::i18n::Text,
}

impl FieldError {
    pub(crate) fn new(field: &'static str, message: crate::i18n::Text) -> Self {
        Self { field, message }
    }

    /// The message in the words of the page's reader (English in UTC when there is none).
    pub fn message(&self) -> String {
        crate::i18n::page_viewer().text(&self.message)
    }
}

/// A lower-cased, trimmed e-mail address of plausible shape.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(FieldError::new("email", Text::new("er-email-required")));
        }
        if s.chars().count() > EMAIL_MAX_CHARS {
            return Err(FieldError::new("email", Text::new("er-email-too-long")));
        }
        let valid = match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if !valid {
            return Err(FieldError::new("email", Text::new("er-email-invalid")));
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A member's public name: 1–60 visible characters, no control characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            return Err(FieldError::new(
                "display_name",
                Text::new("er-name-required"),
            ));
        }
        if s.chars().count() > DISPLAY_NAME_MAX_CHARS {
            return Err(FieldError::new(
                "display_name",
                Text::new("er-name-too-long").with("max", DISPLAY_NAME_MAX_CHARS),
            ));
        }
        if s.chars().any(|c| c.is_control()) {
            return Err(FieldError::new(
                "display_name",
                Text::new("er-name-unprintable"),
            ));
        }
        Ok(DisplayName(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A new password that meets the policy. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    pub fn parse_new(raw: &str) -> Result<Self, FieldError> {
        let n = raw.chars().count();
        if n < PASSWORD_MIN_CHARS {
            return Err(FieldError::new(
                "password",
                Text::new("er-password-too-short").with("min", PASSWORD_MIN_CHARS),
            ));
        }
        if n > PASSWORD_MAX_CHARS {
            return Err(FieldError::new(
                "password",
                Text::new("er-password-too-long").with("max", PASSWORD_MAX_CHARS),
            ));
        }
        Ok(Password(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Member,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "member" => Some(Role::Member),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Ann@Example.ORG ").unwrap().as_str(),
            "ann@example.org"
        );
        for bad in [
            "",
            "ann",
            "ann@",
            "@x.org",
            "ann@org",
            "a b@x.org",
            "ann@x.org.",
            "a@b@c.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn password_needs_ten_characters() {
        assert_eq!(
            Password::parse_new("123456789").unwrap_err().field,
            "password"
        );
        assert!(Password::parse_new("1234567890").is_ok());
        // characters, not bytes
        assert!(Password::parse_new("ééééééééé").is_err());
        assert!(Password::parse_new(&"x".repeat(201)).is_err());
    }

    #[test]
    fn display_name_collapses_whitespace_and_limits_length() {
        assert_eq!(
            DisplayName::parse("  Ann   Lee ").unwrap().as_str(),
            "Ann Lee"
        );
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse(&"a".repeat(61)).is_err());
        assert!(DisplayName::parse(&"a".repeat(60)).is_ok());
    }

    #[test]
    fn role_round_trips() {
        for r in [Role::Member, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
