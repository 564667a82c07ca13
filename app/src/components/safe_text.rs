//! Member-written text in the two places where the framework writes it unescaped into
//! server-rendered HTML; every other text node and attribute is escaped by tachys.
//!
//! - The document title: leptos_meta 0.8.7 writes the text of `<Title text=…>` into the
//!   `<head>` as it is (`ServerMetaContextOutput::inject_meta_context` pushes it between
//!   `<title>` and `</title>`). A service titled `</title><meta http-equiv=refresh …>`
//!   became markup in the head of every page that shows it. Every page sets its title
//!   through [`PageTitle`].
//! - The content of a `<textarea>`: tachys 0.2.19 renders a textarea's children like a
//!   `<script>`'s, unescaped (`ESCAPE_CHILDREN` is false for it), so `</textarea>` in a
//!   description closed the edit box. Its initial text goes through [`textarea_text`].
//!
//! On the server the text is escaped here, once; in the browser it is set through the
//! DOM (`document.title`, a text node), which takes text as it is, so it is left alone.

use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the page's `<title>` to `text` (any member-written text is safe here).
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text=for_server_html(text)/> }
}

/// The initial content of a `<textarea>`, safe whatever the member wrote.
pub fn textarea_text(text: String) -> String {
    for_server_html(text)
}

/// `text` as the server must write it where the framework does not escape; unchanged
/// in the browser.
fn for_server_html(text: String) -> String {
    #[cfg(feature = "ssr")]
    {
        escape_text(&text)
    }
    #[cfg(not(feature = "ssr"))]
    {
        text
    }
}

/// Escapes `&`, `<` and `>` (what can end or start markup in an element's text), and
/// drops NUL, which HTML forbids in text.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape_text;

    #[test]
    fn markup_in_a_title_stays_text() {
        assert_eq!(
            escape_text("</title><meta http-equiv=refresh content='0;url=x'>"),
            "&lt;/title&gt;&lt;meta http-equiv=refresh content='0;url=x'&gt;"
        );
        assert_eq!(escape_text("Tom & Jerry\0"), "Tom &amp; Jerry");
        assert_eq!(escape_text("plain — HourBank"), "plain — HourBank");
    }
}
