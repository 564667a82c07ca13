//! A time zone of the IANA database (`Europe/Madrid`), as `chrono-tz` has it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Zone(pub chrono_tz::Tz);

impl Zone {
    pub const UTC: Zone = Zone(chrono_tz::Tz::UTC);

    /// A zone by its IANA name, exactly as the database spells it.
    pub fn parse(name: &str) -> Option<Zone> {
        name.trim().parse::<chrono_tz::Tz>().ok().map(Zone)
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Every zone, by name: for the settings page's list.
    pub fn all() -> impl Iterator<Item = Zone> {
        chrono_tz::TZ_VARIANTS.iter().copied().map(Zone)
    }
}

impl Default for Zone {
    fn default() -> Self {
        Zone::UTC
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Zone::parse(&name).ok_or_else(|| serde::de::Error::custom(format!("no time zone {name:?}")))
    }
}
