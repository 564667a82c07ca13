//! Live updates in the browser: while a member is signed in, an EventSource on `/events`
//! bumps a counter whenever the server says something of theirs changed; resources that
//! read [`use_live`] refetch. Without JavaScript, pages simply show what they loaded.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct LiveTick(pub RwSignal<u64>);

pub fn provide_live(signed_in: Signal<bool>) {
    let tick = RwSignal::new(0u64);
    provide_context(LiveTick(tick));
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let source: StoredValue<Option<web_sys::EventSource>, LocalStorage> =
            StoredValue::new_local(None);
        Effect::new(move |_| {
            let want = signed_in.get();
            let have = source.with_value(|s| s.is_some());
            if want && !have {
                if let Ok(es) = web_sys::EventSource::new("/events") {
                    let on_changed = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
                        tick.update(|n| *n += 1);
                    });
                    let _ = es.add_event_listener_with_callback(
                        "changed",
                        on_changed.as_ref().unchecked_ref(),
                    );
                    on_changed.forget();
                    source.set_value(Some(es));
                }
            } else if !want && have {
                source.update_value(|s| {
                    if let Some(es) = s.take() {
                        es.close();
                    }
                });
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = signed_in;
}

/// A signal that changes whenever the server pushes a change for the signed-in member.
pub fn use_live() -> Signal<u64> {
    let tick = use_context::<LiveTick>().map(|t| t.0);
    Signal::derive(move || tick.map(|t| t.get()).unwrap_or(0))
}
