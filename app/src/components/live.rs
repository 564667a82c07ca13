//! Live updates: while a member is signed in, an EventSource on `/events` hears when the
//! server says something of theirs changed; the page then fetches itself again and puts
//! the server's new header and main content in place of the old (no navigation, so it
//! never cancels one the member starts, and a burst of changes makes one fetch). If the
//! member has started typing into a form, the page is not taken from under them: a
//! notice says it changed and offers to show the new version. Without JavaScript, pages
//! simply show what they loaded.
//!
//! This is one of the page's few islands (the only parts of a page that hydrate): it is
//! rendered after the footer for a signed-in member, and its words come from the server.

use leptos::prelude::*;

use super::auth::use_auth;
use crate::i18n::use_viewer;

/// The words the notice needs, in the reader's language (the browser has no catalogue).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LiveWords {
    pub changed: String,
    pub reload: String,
}

/// The live-updates island, for a signed-in member only.
#[component]
pub fn LiveSlot() -> impl IntoView {
    let me = use_auth().me;
    let v = use_viewer();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let signed_in = matches!(me.await, Ok(Some(_)));
                signed_in.then(|| view! {
                    <LiveUpdates words=LiveWords { changed: v.t("hd-live-changed"), reload: v.t("hd-live-reload") }/>
                })
            })}
        </Suspense>
    }
}

#[island]
pub fn LiveUpdates(words: LiveWords) -> impl IntoView {
    let stale = RwSignal::new(false);
    // A field on the page was typed into or changed since it was last written.
    let touched = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    listen(stale, touched);
    view! {
        <div aria-live="polite">
            {move || stale.get().then(|| view! {
                <p class="live-notice">
                    {words.changed.clone()} " "
                    <button type="button" class="link-button" on:click=move |_| refresh(stale, touched)>{words.reload.clone()}</button>
                </p>
            })}
        </div>
    }
}

/// Fetches the page again and puts its header and main content in place.
fn refresh(stale: RwSignal<bool>, touched: RwSignal<bool>) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        if swap_in_current_page().await.is_ok() {
            stale.set(false);
            touched.set(false);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (stale, touched);
}

/// Opens the event stream. A change refreshes the page, unless a field on it was touched
/// (then `stale` shows the notice) or a form is being sent (its answer shows the change).
#[cfg(feature = "hydrate")]
fn listen(stale: RwSignal<bool>, touched: RwSignal<bool>) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let leaving = Rc::new(Cell::new(false));
    for name in ["input", "change"] {
        let on_edit = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| touched.set(true));
        let _ = document().add_event_listener_with_callback(name, on_edit.as_ref().unchecked_ref());
        on_edit.forget();
    }
    let Ok(source) = web_sys::EventSource::new("/events") else {
        return;
    };
    {
        let (leaving, source) = (leaving.clone(), source.clone());
        let on_submit = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            leaving.set(true);
            source.close();
        });
        let _ = document()
            .add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        on_submit.forget();
    }
    let fetching = Rc::new(Cell::new(false));
    let on_changed = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
        if leaving.get() || fetching.get() {
            return;
        }
        if touched.get_untracked() {
            stale.set(true);
            return;
        }
        fetching.set(true);
        let fetching = fetching.clone();
        leptos::task::spawn_local(async move {
            // A field touched meanwhile keeps its page: the notice instead.
            if !touched.get_untracked() {
                let _ = swap_in_current_page().await;
            } else {
                stale.set(true);
            }
            fetching.set(false);
        });
    });
    let _ = source.add_event_listener_with_callback("changed", on_changed.as_ref().unchecked_ref());
    on_changed.forget();
}

/// GETs this page (with the session cookie) and replaces the header, `<main>` and the
/// title with the server's, then hydrates the islands in the new `<main>`.
#[cfg(feature = "hydrate")]
async fn swap_in_current_page() -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let href = window().location().href()?;
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(&href))
        .await?
        .dyn_into()?;
    let html = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    let fresh =
        web_sys::DomParser::new()?.parse_from_string(&html, web_sys::SupportedType::TextHtml)?;
    let page = document();
    for selector in ["header.site-header", "main"] {
        if let (Some(old), Some(new)) = (
            page.query_selector(selector)?,
            fresh.query_selector(selector)?,
        ) {
            old.replace_with_with_node_1(&new)?;
        }
    }
    page.set_title(&fresh.title());
    // The new content's islands (e.g. the request form's cost line) come to life as on
    // first load, through the function Leptos's island script leaves on `window`.
    let hydrate_island = js_sys::Reflect::get(&window(), &"__hydrateIsland".into())?;
    if let (Some(hydrate_island), Some(main)) = (
        hydrate_island.dyn_ref::<js_sys::Function>(),
        page.query_selector("main")?,
    ) {
        let islands = main.query_selector_all("leptos-island")?;
        for i in 0..islands.length() {
            if let Some(el) = islands
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let id = el.dataset().get("component").unwrap_or_default();
                hydrate_island.call2(&window(), &el, &id.into())?;
            }
        }
    }
    Ok(())
}
