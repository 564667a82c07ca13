//! A language the catalogue has.

use std::sync::LazyLock;

use fluent_templates::LanguageIdentifier;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::catalogue;

/// The catalogue's languages, sorted by code; `Lang` is an index into it.
static KNOWN: LazyLock<Vec<(String, LanguageIdentifier)>> = LazyLock::new(|| {
    let mut v: Vec<_> = catalogue::languages()
        .map(|id| (id.to_string(), id.clone()))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
});

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Lang(u8);

impl Lang {
    /// English: the catalogue's fallback and the default.
    pub fn english() -> Lang {
        Lang::parse("en").unwrap_or(Lang(0))
    }

    pub fn all() -> impl Iterator<Item = Lang> {
        (0..KNOWN.len())
            .filter_map(|i| u8::try_from(i).ok())
            .map(Lang)
    }

    /// A language by its code ("ca"), or by a regional tag of it ("ca-ES", "es_ES").
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        let primary = tag.split('-').next().unwrap_or("");
        let find = |want: &str| {
            KNOWN
                .iter()
                .position(|(code, _)| code.eq_ignore_ascii_case(want))
                .and_then(|i| u8::try_from(i).ok())
                .map(Lang)
        };
        find(&tag).or_else(|| find(primary))
    }

    /// The best of our languages for an `Accept-Language` header, if any fits.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut wanted: Vec<(f32, usize, &str)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let tag = bits.next()?.trim();
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (!tag.is_empty() && tag != "*" && q > 0.0).then_some((q, i, tag))
            })
            .collect();
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        wanted.into_iter().find_map(|(_, _, tag)| Lang::parse(tag))
    }

    pub fn code(self) -> &'static str {
        KNOWN
            .get(usize::from(self.0))
            .map_or("en", |k| k.0.as_str())
    }

    pub(super) fn id(self) -> &'static LanguageIdentifier {
        static EN: LazyLock<LanguageIdentifier> = LazyLock::new(|| fluent_templates::langid!("en"));
        KNOWN.get(usize::from(self.0)).map_or(&*EN, |k| &k.1)
    }

    /// The language's name in itself ("Català"), for the switcher.
    pub fn own_name(self) -> String {
        catalogue::lookup(self.id(), "language-name", None)
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::english()
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Lang::parse(&code).ok_or_else(|| serde::de::Error::custom(format!("no language {code:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_tags_and_accept_language() {
        let ca = Lang::parse("ca").expect("ca");
        let es = Lang::parse("es").expect("es");
        assert_eq!(Lang::parse("ca-ES"), Some(ca));
        assert_eq!(Lang::parse("ES_es"), Some(es));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::english().code(), "en");
        assert_eq!(
            Lang::from_accept_language("fr-FR,fr;q=0.9,ca;q=0.8,en;q=0.7"),
            Some(ca)
        );
        assert_eq!(
            Lang::from_accept_language("en;q=0.5, es-MX"),
            Some(es),
            "by weight, not order"
        );
        assert_eq!(Lang::from_accept_language("fr, de;q=0"), None);
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(
            serde_json::to_string(&ca).expect("json"),
            "\"ca\"".to_owned()
        );
    }
}
