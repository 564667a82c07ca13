//! What every piece of member- or admin-written text must be: printable. Line breaks
//! and tabs are text; any other control character (NUL above all, which PostgreSQL
//! refuses in TEXT and HTML drops) is refused with a message, never stored.

/// True when `s` holds a control character other than a line break or a tab.
pub fn has_unprintable(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// A count as a sentence writes it: 2000 → "2,000".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count as a sentence writes it in the reader's language: 2000 → "2,000" (English),
/// "2.000" (Spanish, Catalan). A message to pass as an argument (`Arg::Text`).
pub fn grouped_text(n: usize) -> crate::i18n::Text {
    use crate::i18n::Text;
    if n < 1000 {
        Text::new("er-number").with("n", n)
    } else {
        Text::new("er-thousands")
            .with("thousands", grouped_text(n / 1000))
            .with("units", format!("{:03}", n % 1000))
    }
}

/// `s` as one value of a URL's query string: RFC 3986's unreserved bytes kept, every
/// other byte percent-encoded.
pub fn url_query_value(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{grouped, grouped_text, has_unprintable, url_query_value};

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(2_000), "2,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        for n in [0, 999, 2_000, 100_000, 1_234_567, 1_000_001] {
            assert_eq!(grouped_text(n).to_string(), grouped(n), "{n}");
        }
    }

    #[test]
    fn line_breaks_and_tabs_are_text_other_controls_are_not() {
        assert!(!has_unprintable(
            "two\nlines\r\n\twith a tab, «quotes» and ☺"
        ));
        assert!(!has_unprintable("\u{202E}direction overrides are text"));
        for c in ['\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{9f}'] {
            assert!(has_unprintable(&format!("a{c}b")), "{c:?}");
        }
    }

    #[test]
    fn query_values_keep_unreserved_bytes_and_encode_the_rest() {
        assert_eq!(url_query_value("member 0"), "member%200");
        assert_eq!(url_query_value("a&b=c/é~_.-"), "a%26b%3Dc%2F%C3%A9~_.-");
    }
}
