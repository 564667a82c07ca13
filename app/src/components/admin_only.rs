//! Admin pages render only for admins: anonymous visitors are sent to the login page,
//! members get a 403 page. (The server functions behind them check again.)

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::Redirect;

use super::auth::use_auth;
use crate::domain::Role;

#[component]
pub fn AdminOnly(children: ChildrenFn) -> impl IntoView {
    let viewer = crate::i18n::use_viewer();
    let me = use_auth().me;
    let children = StoredValue::new(children);
    view! {
        <Transition fallback=move || view! { <p>{viewer.t("ad-loading")}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(m)) if m.role == Role::Admin => EitherOf3::A(children.with_value(|c| c())),
                    Ok(Some(_)) => {
                        #[cfg(feature = "ssr")]
                        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                            res.set_status(http::StatusCode::FORBIDDEN);
                        }
                        EitherOf3::B(view! {
                            <section class="error-page" role="alert">
                                <h1>{viewer.t("ad-admins-only")}</h1>
                                <p>{viewer.t("ad-admins-only-text")}</p>
                                <p><a href="/">{viewer.t("ad-back-to-start")}</a></p>
                            </section>
                        })
                    }
                    _ => EitherOf3::C(view! { <Redirect path="/login"/> }),
                }
            })}
        </Transition>
    }
}
