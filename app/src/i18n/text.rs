//! A message as data: a catalogue key and typed arguments, made into words only for
//! the one who reads it (their language, their time zone). Errors, notices and e-mails
//! carry `Text`s; pages, e-mails and the CSV render them.

use std::borrow::Cow;
use std::fmt;

use fluent_templates::fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use super::catalogue::{self, Args};
use super::{format, Lang, Zone};
use crate::domain::{Minutes, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub key: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

/// An argument, typed so that it is shown in the reader's way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Shown as it is (a name, a title, a reason the member typed).
    Str(String),
    /// A count: Fluent chooses the plural by it ("1 hora", "2 hores").
    Num(i64),
    /// An amount of time-credit: "1 h 30 min".
    Minutes(i64),
    /// An instant, shown in the reader's zone: "Tue, Dec 8, 2026, 10:00 AM EST".
    Time(i64),
    /// A number in hundredths, shown with the language's decimal sign: 125 → "1.25".
    Decimal(i64),
    /// Another message (a state's name inside a sentence).
    Text(Box<Text>),
}

impl Text {
    pub fn new(key: impl Into<Cow<'static, str>>) -> Text {
        Text {
            key: key.into(),
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Text {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    pub fn render(&self, lang: Lang, zone: Zone) -> String {
        if self.args.is_empty() {
            return catalogue::lookup(lang.id(), &self.key, None);
        }
        let args: Args = self
            .args
            .iter()
            .map(|(name, arg)| (name.clone(), arg.value(lang, zone)))
            .collect();
        catalogue::lookup(lang.id(), &self.key, Some(&args))
    }
}

impl Arg {
    fn value(&self, lang: Lang, zone: Zone) -> FluentValue<'static> {
        match self {
            Arg::Str(s) => FluentValue::from(s.clone()),
            Arg::Num(n) => FluentValue::from(*n),
            Arg::Minutes(m) => FluentValue::from(Minutes(*m).to_string()),
            Arg::Time(ms) => FluentValue::from(format::date_time(lang, zone, Timestamp(*ms))),
            Arg::Decimal(h) => FluentValue::from(format::decimal(lang, *h)),
            Arg::Text(t) => FluentValue::from(t.render(lang, zone)),
        }
    }
}

/// English, in UTC: for logs and tests. Members always get [`Text::render`].
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::english(), Zone::UTC))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Num(i64::from(n))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<Minutes> for Arg {
    fn from(m: Minutes) -> Arg {
        Arg::Minutes(m.0)
    }
}
impl From<Timestamp> for Arg {
    fn from(t: Timestamp) -> Arg {
        Arg::Time(t.0)
    }
}
impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(Box::new(t))
    }
}
