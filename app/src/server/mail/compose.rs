//! What a message says, made when it is sent: subject, a plain-text part and an HTML
//! part, from the row's data ([`Mail`]), the lifecycle's words (`lifecycle::words`), the
//! bank's name and address. Every message links straight to what it is about and ends
//! with the unsubscribe link; none carries a password or a session. Member-written text
//! is escaped in the HTML part.

use super::Mail;
use crate::components::safe_text::escape_text;
use crate::domain::ids::RequestId;
use crate::i18n::Viewer;
use crate::lifecycle::words;

/// Where the words go.
pub struct Context<'a> {
    pub bank_name: &'a str,
    /// `https://bank.example` (no trailing slash).
    pub public_url: &'a str,
    /// Stops these e-mails, with no login.
    pub unsubscribe_url: &'a str,
    /// Whom it is written for: times in their zone.
    pub viewer: Viewer,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Composed {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A paragraph and, optionally, the link it leads to (its address and its words).
struct Part {
    sentence: String,
    link: Option<(String, String)>,
}

fn request_link(ctx: &Context<'_>, id: Option<RequestId>) -> Option<(String, String)> {
    id.map(|id| {
        (
            format!("{}/requests/{id}", ctx.public_url),
            ctx.viewer.t("lc-mail-open-request"),
        )
    })
}

fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}

pub fn compose(mail: &Mail, ctx: &Context<'_>) -> Composed {
    let v = &ctx.viewer;
    let (subject, intro, parts) = match mail {
        Mail::Notice { notice, request_id } => (
            words::notice_subject(notice, v),
            None,
            vec![Part {
                sentence: words::notice(notice, &ctx.viewer),
                link: request_link(ctx, *request_id),
            }],
        ),
        Mail::Digest { items } => (
            v.tr(
                "lc-mail-digest-subject",
                [
                    ("bank", ctx.bank_name.into()),
                    ("count", items.len().into()),
                ],
            ),
            Some(v.t("lc-mail-digest-intro")),
            items
                .iter()
                .map(|i| Part {
                    sentence: format!(
                        "{} — {}",
                        ctx.viewer.time(i.at),
                        words::notice(&i.notice, &ctx.viewer)
                    ),
                    link: request_link(ctx, i.request_id),
                })
                .collect(),
        ),
        Mail::VerifyEmail { link } => (
            v.t("lc-mail-verify-subject"),
            None,
            vec![Part {
                sentence: v.tr("lc-mail-verify-body", [("bank", ctx.bank_name.into())]),
                link: Some((link.clone(), v.t("lc-mail-verify-link"))),
            }],
        ),
        Mail::PasswordReset { link } => (
            v.t("lc-mail-set-password"),
            None,
            vec![Part {
                sentence: v.t("lc-mail-reset-body"),
                link: Some((link.clone(), v.t("lc-mail-set-password"))),
            }],
        ),
    };
    let subject = format!("[{}] {subject}", ctx.bank_name);
    let mut text = String::new();
    let mut html = String::from("<!DOCTYPE html><html><body>");
    if let Some(intro) = &intro {
        text.push_str(intro);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", escape_text(intro)));
    }
    for p in &parts {
        text.push_str(&p.sentence);
        text.push('\n');
        html.push_str(&format!("<p>{}", escape_text(&p.sentence)));
        if let Some((url, label)) = &p.link {
            text.push_str(&format!("{label}: {url}\n"));
            html.push_str(&format!(
                "<br><a href=\"{}\">{}</a>",
                escape_attr(url),
                escape_text(label)
            ));
        }
        text.push('\n');
        html.push_str("</p>");
    }
    let no_more = v.tr("lc-mail-no-more", [("bank", ctx.bank_name.into())]);
    text.push_str(&format!(
        "— {}\n{no_more}: {}\n",
        ctx.bank_name, ctx.unsubscribe_url
    ));
    html.push_str(&format!(
        "<p>— {}<br><a href=\"{}\">{}</a></p></body></html>",
        escape_text(ctx.bank_name),
        escape_attr(ctx.unsubscribe_url),
        escape_text(&no_more)
    ));
    Composed {
        subject,
        text,
        html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::Notice;

    #[test]
    fn a_notice_links_to_its_request_and_member_text_is_escaped_in_html() {
        let id = RequestId::generate();
        let ctx = Context {
            bank_name: "Town Bank",
            public_url: "https://bank.example",
            unsubscribe_url: "https://bank.example/unsubscribe?m=x&t=y",
            viewer: Viewer::default(),
        };
        let c = compose(
            &Mail::Notice {
                notice: Notice::Declined {
                    reason: "<b>busy</b>".into(),
                },
                request_id: Some(id),
            },
            &ctx,
        );
        assert_eq!(c.subject, "[Town Bank] Request declined");
        assert!(c
            .text
            .contains(&format!("https://bank.example/requests/{id}")));
        assert!(c.text.contains("<b>busy</b>"), "text is text");
        assert!(c.html.contains("&lt;b&gt;busy&lt;/b&gt;"));
        assert!(!c.html.contains("<b>busy"));
        assert!(c
            .html
            .contains("https://bank.example/unsubscribe?m=x&amp;t=y"));
        assert!(c
            .text
            .contains("No more e-mails from Town Bank: https://bank.example/unsubscribe"));
    }

    /// An e-mail is written in its reader's language and zone: the subject, the sentence
    /// (with the start in their zone) and the link's label, none of it in English.
    #[test]
    fn a_notice_is_written_in_the_readers_language_and_zone() {
        use crate::domain::{Minutes, Timestamp};
        use crate::i18n::{Lang, Zone};
        use crate::lifecycle::notices::Offer;
        let es = Viewer {
            lang: Lang::parse("es").expect("es"),
            zone: Zone::parse("Europe/Madrid").expect("zone"),
        };
        let en = Viewer::default();
        let start = Timestamp(1_796_745_600_000); // 2026-12-08 16:00 UTC
        let mail = Mail::Notice {
            notice: Notice::Accepted {
                offer: Offer {
                    duration: Minutes(60),
                    rate: 125,
                    cost: Minutes(75),
                    start: Some(start),
                },
            },
            request_id: Some(RequestId::generate()),
        };
        let ctx = |viewer| Context {
            bank_name: "Banco del Barrio",
            public_url: "https://bank.example",
            unsubscribe_url: "https://bank.example/unsubscribe?m=x&t=y",
            viewer,
        };
        let (in_es, in_en) = (compose(&mail, &ctx(es)), compose(&mail, &ctx(en)));
        assert_eq!(
            in_es.subject,
            format!("[Banco del Barrio] {}", es.t("lc-subject-accepted"))
        );
        assert_ne!(in_es.subject, in_en.subject);
        assert!(in_es.text.contains(&es.time(start)), "{}", in_es.text);
        assert!(
            in_es.text.contains("17:00 CET"),
            "Madrid's clock: {}",
            in_es.text
        );
        assert!(
            in_es.text.contains("1,25"),
            "Spanish decimals: {}",
            in_es.text
        );
        assert!(in_en.text.contains("4:00 PM UTC"), "{}", in_en.text);
        for english in [
            in_en.subject.trim_start_matches("[Banco del Barrio] "),
            "Open the request",
        ] {
            assert!(
                !in_es.text.contains(english),
                "{english:?} in {}",
                in_es.text
            );
        }
    }
}
