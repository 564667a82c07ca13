//! Services members offer, and the rules for their fields.

use serde::{Deserialize, Serialize};

use super::account::FieldError;
use super::ids::ServiceId;
use super::MemberId;
use crate::i18n::Text;

pub const TITLE_MAX_CHARS: usize = 100;
pub const DESCRIPTION_MAX_CHARS: usize = 2_000;
pub const CATEGORY_MAX_CHARS: usize = 40;
pub const RESPONSE_WINDOW_HOURS_MIN: i64 = 2;
pub const RESPONSE_WINDOW_HOURS_MAX: i64 = 72;
/// What the "offer a service" form suggests.
pub const DEFAULT_RESPONSE_WINDOW_HOURS: i64 = 24;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceStatus {
    Active,
    Paused,
    Retired,
}

impl ServiceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceStatus::Active => "active",
            ServiceStatus::Paused => "paused",
            ServiceStatus::Retired => "retired",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(ServiceStatus::Active),
            "paused" => Some(ServiceStatus::Paused),
            "retired" => Some(ServiceStatus::Retired),
            _ => None,
        }
    }
}

/// A service as listed in the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub id: ServiceId,
    pub provider_id: MemberId,
    pub provider_name: String,
    pub title: String,
    pub description: String,
    pub category: String,
    pub response_window_hours: i64,
    pub status: ServiceStatus,
    /// The provider's average rating in hundredths of a star (None: not rated yet).
    pub provider_rating: Option<i64>,
    pub provider_rating_count: i64,
}

/// "4.50 ★ (2)" or "not rated yet", in the reader's words.
pub fn rating_label(avg_hundredths: Option<i64>, count: i64, v: &crate::i18n::Viewer) -> String {
    match avg_hundredths {
        Some(a) => v.tr(
            "pg-rating",
            [
                ("average", crate::i18n::Arg::Decimal(a)),
                ("count", count.into()),
            ],
        ),
        None => v.t("pg-not-rated"),
    }
}

/// Validated fields of a new or edited service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceFields {
    pub title: String,
    pub description: String,
    pub category: String,
    pub response_window_hours: i64,
}

/// The catalogue's messages for one field: when it is missing (None: it may be empty),
/// too long, or holds characters we can't show.
struct FieldWords {
    required: Option<&'static str>,
    too_long: &'static str,
    unprintable: &'static str,
}

const TITLE_WORDS: FieldWords = FieldWords {
    required: Some("er-title-required"),
    too_long: "er-title-too-long",
    unprintable: "er-title-unprintable",
};
const DESCRIPTION_WORDS: FieldWords = FieldWords {
    required: None,
    too_long: "er-description-too-long",
    unprintable: "er-description-unprintable",
};
const CATEGORY_WORDS: FieldWords = FieldWords {
    required: Some("er-category-required"),
    too_long: "er-category-too-long",
    unprintable: "er-category-unprintable",
};

fn clean(
    raw: &str,
    field: &'static str,
    words: &FieldWords,
    max: usize,
) -> Result<String, FieldError> {
    let s = raw.trim().to_owned();
    if let Some(required) = words.required {
        if s.is_empty() {
            return Err(FieldError {
                field,
                message: Text::new(required),
            });
        }
    }
    if s.chars().count() > max {
        return Err(FieldError {
            field,
            message: Text::new(words.too_long).with("max", super::text::grouped_text(max)),
        });
    }
    if super::text::has_unprintable(&s) {
        return Err(FieldError {
            field,
            message: Text::new(words.unprintable),
        });
    }
    Ok(s)
}

impl ServiceFields {
    pub fn parse(
        title: &str,
        description: &str,
        category: &str,
        response_window_hours: i64,
    ) -> Result<Self, FieldError> {
        let title = clean(title, "title", &TITLE_WORDS, TITLE_MAX_CHARS)?;
        let description = clean(
            description,
            "description",
            &DESCRIPTION_WORDS,
            DESCRIPTION_MAX_CHARS,
        )?;
        let category = clean(category, "category", &CATEGORY_WORDS, CATEGORY_MAX_CHARS)?;
        if !(RESPONSE_WINDOW_HOURS_MIN..=RESPONSE_WINDOW_HOURS_MAX).contains(&response_window_hours)
        {
            return Err(FieldError {
                field: "response_window_hours",
                message: Text::new("er-response-window")
                    .with("min", RESPONSE_WINDOW_HOURS_MIN)
                    .with("max", RESPONSE_WINDOW_HOURS_MAX),
            });
        }
        Ok(ServiceFields {
            title,
            description,
            category,
            response_window_hours,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_trimmed_and_limited() {
        let f = ServiceFields::parse("  Gardening ", "Weeding", " Garden ", 24).unwrap();
        assert_eq!(
            (f.title.as_str(), f.category.as_str()),
            ("Gardening", "Garden")
        );
        assert_eq!(
            ServiceFields::parse("", "", "x", 24).unwrap_err().field,
            "title"
        );
        assert_eq!(
            ServiceFields::parse("t", "", "", 24).unwrap_err().field,
            "category"
        );
        assert_eq!(
            ServiceFields::parse("t", "", "c", 1).unwrap_err().field,
            "response_window_hours"
        );
        assert_eq!(
            ServiceFields::parse("t", "", "c", 73).unwrap_err().field,
            "response_window_hours"
        );
        assert!(
            ServiceFields::parse("t", "", "c", 2).is_ok()
                && ServiceFields::parse("t", "", "c", 72).is_ok()
        );
        assert_eq!(
            ServiceFields::parse(&"x".repeat(101), "", "c", 5)
                .unwrap_err()
                .field,
            "title"
        );
        assert_eq!(
            ServiceFields::parse("t\u{0}", "", "c", 5)
                .unwrap_err()
                .field,
            "title"
        );
    }

    #[test]
    fn status_round_trips() {
        for s in [
            ServiceStatus::Active,
            ServiceStatus::Paused,
            ServiceStatus::Retired,
        ] {
            assert_eq!(ServiceStatus::parse(s.as_str()), Some(s));
        }
    }
}
