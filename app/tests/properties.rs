//! Property-based tests (proptest) of every parser a server function's arguments go
//! through before anything is read or written: for ANY input — random unicode, control
//! characters, huge strings, numbers at the edges — the parser returns instead of
//! panicking, what it accepts satisfies the type's invariants, and what it refuses
//! comes with a field name and a message for the form.
//!
//! 256 cases per property by default; `PROPTEST_CASES=10000` runs more
//! (`scripts/test.sh --long` does).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

use std::str::FromStr;

use app::api::requests::parse_rate;
use app::domain::account::{
    DISPLAY_NAME_MAX_CHARS, EMAIL_MAX_CHARS, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS,
};
use app::domain::service::{
    ServiceFields, CATEGORY_MAX_CHARS, DESCRIPTION_MAX_CHARS, TITLE_MAX_CHARS,
};
use app::domain::{DisplayName, Email, Password, RequestId};
use app::lifecycle::terms::{TermsError, MESSAGE_MAX_CHARS};
use app::lifecycle::Terms;
use proptest::prelude::*;

/// Any string, weighted toward what breaks parsers: the empty string, whitespace and
/// control characters, direction overrides and zero-width characters, and strings
/// around and far beyond every limit.
fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,300}",
        "[ \\t\\r\\n\\x00-\\x1f\u{202e}\u{200b}\u{feff}a-z@.]{0,80}",
        (0usize..5_000).prop_map(|n| "é".repeat(n)),
        Just(String::new()),
    ]
}

proptest! {
    #[test]
    fn emails_accepted_are_trimmed_lowercase_bounded_and_shaped(raw in hostile_string()) {
        match Email::parse(&raw) {
            Ok(e) => {
                let s = e.as_str();
                prop_assert_eq!(s, s.trim());
                prop_assert_eq!(s.to_lowercase(), s);
                prop_assert!(s.chars().count() <= EMAIL_MAX_CHARS);
                prop_assert!(!s.chars().any(|c| c.is_whitespace() || c.is_control()));
                let (local, domain) = s.split_once('@').expect("an @");
                prop_assert!(!local.is_empty() && domain.contains('.'));
            }
            Err(e) => {
                prop_assert_eq!(e.field, "email");
                prop_assert!(!e.message().is_empty());
            }
        }
    }

    #[test]
    fn names_accepted_are_trimmed_bounded_and_printable(raw in hostile_string()) {
        match DisplayName::parse(&raw) {
            Ok(n) => {
                let s = n.as_str();
                prop_assert!(!s.is_empty());
                prop_assert_eq!(s, s.trim());
                prop_assert!(s.chars().count() <= DISPLAY_NAME_MAX_CHARS);
                prop_assert!(!s.chars().any(char::is_control));
            }
            Err(e) => {
                prop_assert_eq!(e.field, "display_name");
                prop_assert!(!e.message().is_empty());
            }
        }
    }

    #[test]
    fn passwords_are_accepted_exactly_within_the_length_limits(raw in hostile_string()) {
        let n = raw.chars().count();
        let within = (PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&n);
        match Password::parse_new(&raw) {
            Ok(p) => {
                prop_assert!(within);
                prop_assert_eq!(p.expose(), raw.as_str());
            }
            Err(e) => {
                prop_assert!(!within);
                prop_assert_eq!(e.field, "password");
            }
        }
    }

    #[test]
    fn services_accepted_respect_every_field_limit(
        title in hostile_string(),
        description in hostile_string(),
        category in hostile_string(),
        hours in any::<i64>(),
    ) {
        match ServiceFields::parse(&title, &description, &category, hours) {
            Ok(f) => {
                prop_assert!(!f.title.is_empty() && f.title.chars().count() <= TITLE_MAX_CHARS);
                prop_assert!(f.description.chars().count() <= DESCRIPTION_MAX_CHARS);
                prop_assert!(!f.category.is_empty() && f.category.chars().count() <= CATEGORY_MAX_CHARS);
                prop_assert_eq!(f.response_window_hours, hours);
            }
            Err(e) => {
                prop_assert!(["title", "description", "category", "response_window_hours"].contains(&e.field));
                prop_assert!(!e.message().is_empty());
            }
        }
    }

    #[test]
    fn ids_parse_only_from_uuids_and_print_back(raw in hostile_string()) {
        if let Ok(id) = RequestId::from_str(&raw) {
            // Accepted: it prints as the canonical form of what was sent.
            prop_assert_eq!(RequestId::from_str(&id.to_string()).ok(), Some(id));
        }
    }

    #[test]
    fn any_uuid_is_an_id(bytes in any::<[u8; 16]>()) {
        let text = uuid::Uuid::from_bytes(bytes).to_string();
        let id = RequestId::from_str(&text).expect("a UUID parses");
        prop_assert_eq!(id.to_string(), text);
    }

    #[test]
    fn rates_parse_to_hundredths_and_never_panic(raw in prop_oneof![hostile_string(), "[0-9]{0,5}(\\.[0-9]{0,3})?"]) {
        if let Some(r) = parse_rate(&raw) {
            prop_assert!((0..100_000).contains(&r));
            let printed = format!("{}.{:02}", r / 100, r % 100);
            prop_assert_eq!(parse_rate(&printed), Some(r));
        }
    }

    #[test]
    fn every_written_rate_parses_to_its_value(whole in 0i64..1_000, hundredths in 0i64..100) {
        prop_assert_eq!(parse_rate(&format!("{whole}.{hundredths:02}")), Some(whole * 100 + hundredths));
        prop_assert_eq!(parse_rate(&format!(" {whole} ")), Some(whole * 100));
    }

    #[test]
    fn terms_cost_never_overflows_and_checked_terms_cost_what_they_say(
        duration_minutes in any::<i64>(),
        rate in any::<i64>(),
        message in hostile_string(),
    ) {
        let t = Terms { duration_minutes, rate, proposed_start: None, message };
        let cost = t.cost(); // must not panic, whatever the numbers
        match t.check() {
            Ok(()) => {
                prop_assert!(t.message.chars().count() <= MESSAGE_MAX_CHARS);
                prop_assert!(!app::domain::text::has_unprintable(&t.message));
                prop_assert!(cost.0 > 0);
                prop_assert_eq!(cost.0, (duration_minutes * rate + 50).div_euclid(100));
            }
            Err(TermsError::MessageTooLong) => prop_assert!(t.message.chars().count() > MESSAGE_MAX_CHARS),
            Err(_) => {}
        }
    }
}
