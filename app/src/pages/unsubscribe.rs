use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::safe_text::PageTitle;

/// Where an e-mail's "no more e-mails" link leads: one button, no login. The form posts
/// to `/unsubscribe/now`, the same address mail programs post to for a one-click
/// unsubscribe (`List-Unsubscribe-Post`).
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let query = use_query_map();
    let param = move |k: &'static str| query.with(|q| q.get(k).unwrap_or_default());
    let action = move || {
        format!(
            "/unsubscribe/now?m={}&t={}",
            urlencode(&param("m")),
            urlencode(&param("t"))
        )
    };
    let done = move || param("done") == "1";
    let failed = move || param("done") == "0";
    view! {
        <PageTitle text="No more e-mails — HourBank"/>
        <h1>"No more e-mails"</h1>
        {move || if done() {
            view! { <p role="status" data-testid="unsubscribed">"Done: HourBank sends you no more e-mails. Your notifications stay in the app, and you can turn e-mail on again in your settings."</p> }.into_any()
        } else {
            view! {
                {failed().then(|| view! { <p class="form-error" role="alert">"This link is not valid. Turn e-mail off in your settings instead."</p> })}
                <p>"Stop every e-mail from HourBank? Notifications stay in the app."</p>
                <form method="post" action=action class="stack-form">
                    <button type="submit">"Stop e-mails"</button>
                </form>
            }.into_any()
        }}
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
