//! The browser entry point. Pages are server-rendered HTML; only their islands
//! (`#[island]` components in `app`) hydrate, so the bundle holds just their code.
//! The script Leptos puts in the page calls `hydrate` once the module is loaded, then
//! hydrates each `<leptos-island>` in document order.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Calling into `app` links it, and with it the islands' exported hydrate functions
    // (an upstream crate nothing calls into is left out of the module, exports and all).
    app::start_islands();
}
