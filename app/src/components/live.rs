//! Live updates: while a member is signed in, an EventSource on `/events` hears when the
//! server says something of theirs changed, and the page loads itself again, so it shows
//! what the server would render now. If the member has started typing into a form, the
//! page is not taken from under them: a notice says it changed and offers to reload.
//! Without JavaScript, pages simply show what they loaded.
//!
//! This is one of the page's few islands (the only parts of a page that hydrate): it is
//! rendered in the header for a signed-in member, and its words come from the server.

use leptos::prelude::*;

/// The words the notice needs, in the reader's language (the browser has no catalogue).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LiveWords {
    pub changed: String,
    pub reload: String,
}

#[island]
pub fn LiveUpdates(words: LiveWords) -> impl IntoView {
    let stale = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    listen(stale);
    view! {
        // A live region without the status role: the page's own "Saved" is its status.
        <span class="live-notice" aria-live="polite">
            {move || stale.get().then(|| view! {
                {words.changed.clone()} " "
                <button type="button" class="link-button" on:click=|_| reload()>{words.reload.clone()}</button>
            })}
        </span>
    }
}

/// Reloads the page as it is (the browser keeps its scroll position).
fn reload() {
    #[cfg(feature = "hydrate")]
    let _ = window().location().reload();
}

/// Opens the event stream. A change reloads the page, unless a field on it was touched
/// (then `stale` shows the notice) or a form is being sent (that navigation will show
/// the change anyway).
#[cfg(feature = "hydrate")]
fn listen(stale: RwSignal<bool>) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let touched = Rc::new(Cell::new(false));
    let leaving = Rc::new(Cell::new(false));
    for name in ["input", "change"] {
        let touched = touched.clone();
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
    let on_changed = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
        if leaving.get() {
            return;
        }
        if touched.get() {
            stale.set(true);
        } else {
            leaving.set(true);
            reload();
        }
    });
    let _ = source.add_event_listener_with_callback("changed", on_changed.as_ref().unchecked_ref());
    on_changed.forget();
}
