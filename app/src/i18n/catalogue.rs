//! The catalogue: `app/locales/*.ftl`, compiled into the binary and the WASM bundle.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around every argument would end up in attributes,
        // e-mail subjects and CSV cells; member text is shown as text anyway.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub(super) type Args<'a> = HashMap<Cow<'static, str>, FluentValue<'a>>;

/// The languages the catalogue has, by their file names.
pub(super) fn languages() -> impl Iterator<Item = &'static LanguageIdentifier> {
    LOCALES.locales()
}

/// `key` in `lang`, else in English, else the key itself (the catalogue test makes sure
/// every key is in every language, so the last two never happen in a release).
pub(super) fn lookup(lang: &LanguageIdentifier, key: &str, args: Option<&Args>) -> String {
    LOCALES
        .lookup_single_language(lang, key, args)
        .or_else(|_| LOCALES.lookup_single_language(LOCALES.fallback(), key, args))
        .unwrap_or_else(|_| key.to_owned())
}

/// The message keys of one language's file, read from its source: for the tests that
/// compare languages. (The bundle itself cannot list its messages.)
pub fn keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('='))
        .map(|(k, _)| k.trim().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn sources() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
            .expect("locales dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .map(|p| {
                let code = p.file_stem().expect("stem").to_string_lossy().into_owned();
                (code, std::fs::read_to_string(&p).expect("read"))
            })
            .collect();
        v.sort();
        v
    }

    /// Every key of the English file is in every language, and nothing else is: a
    /// language with a missing or misspelled key fails here, not in front of a member.
    #[test]
    fn every_key_in_every_language() {
        let all = sources();
        assert!(
            all.len() >= 3,
            "en, es and ca at least: {:?}",
            all.iter().map(|s| &s.0).collect::<Vec<_>>()
        );
        let en: Vec<String> = {
            let mut k = keys(&all.iter().find(|(c, _)| c == "en").expect("en.ftl").1);
            k.sort();
            k
        };
        assert!(en.len() > 30, "the English catalogue has {} keys", en.len());
        // Every variable any English message uses, so that each message can be shown.
        let en_source = &all.iter().find(|(c, _)| c == "en").expect("en.ftl").1;
        let vars: Args = en_source
            .split('$')
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect::<String>()
            })
            .map(|name| (Cow::Owned(name), FluentValue::from(1)))
            .collect();
        for (code, source) in &all {
            let mut k = keys(source);
            k.sort();
            let lang = Lang::parse(code).unwrap_or_else(|| panic!("{code}.ftl is not loaded"));
            assert_eq!(lang.code(), code);
            let missing: Vec<_> = en.iter().filter(|e| !k.contains(e)).collect();
            let extra: Vec<_> = k.iter().filter(|e| !en.contains(e)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{code}.ftl: missing {missing:?}, not in en.ftl {extra:?}"
            );
            for key in &k {
                let shown = LOCALES.lookup_single_language(lang.id(), key, Some(&vars));
                assert!(shown.is_ok(), "{code}.ftl: {key} does not show: {shown:?}");
            }
        }
    }
}
