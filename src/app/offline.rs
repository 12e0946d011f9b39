//! Offline use: registers the service worker that `tools/precache.py` generates at build
//! time, and offers "a new version is available" when a new deployment has been fetched.
//! The worker serves one build's files as one unit, so a reload switches everything at once.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorker, ServiceWorkerRegistration};

use super::browser;

#[derive(Clone, Copy)]
pub struct Update(pub RwSignal<Option<ServiceWorkerHandle>>);

/// The waiting worker of a new deployment. `web_sys` handles are not `Send`; the app is
/// single-threaded, so a local wrapper is enough.
#[derive(Clone)]
pub struct ServiceWorkerHandle(send_wrapper::SendWrapper<ServiceWorker>);

fn offer(update: RwSignal<Option<ServiceWorkerHandle>>, worker: Option<ServiceWorker>) {
    if let Some(w) = worker {
        update.set(Some(ServiceWorkerHandle(send_wrapper::SendWrapper::new(w))));
    }
}

fn watch(registration: ServiceWorkerRegistration, update: RwSignal<Option<ServiceWorkerHandle>>) {
    let has_controller = || browser::window().and_then(|w| w.navigator().service_worker().controller()).is_some();
    // A worker already waiting from an earlier visit.
    if has_controller() {
        offer(update, registration.waiting());
    }
    let reg = registration.clone();
    let on_update = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            // "installed" with a controller present means an update, not the first install.
            if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                offer(update, Some(worker.clone()));
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
    on_update.forget();
}

/// Registers `sw.js` beside `index.html`. Fails quietly where service workers are not
/// available (a sandboxed iframe, a file:// page, an insecure origin).
pub fn register() -> RwSignal<Option<ServiceWorkerHandle>> {
    let update = RwSignal::new(None);
    provide_context(Update(update));
    let Some(window) = browser::window() else {
        return update;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return update;
    }
    let container = navigator.service_worker();
    // Once the new worker takes over, reload so page and files come from the same build.
    let reloading = std::cell::Cell::new(false);
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if !reloading.replace(true) {
            if let Some(w) = browser::window() {
                let _ = w.location().reload();
            }
        }
    });
    let had_controller = container.controller().is_some();
    if had_controller {
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    }
    on_change.forget();
    let promise = container.register("./sw.js");
    leptos::task::spawn_local(async move {
        if let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await {
            if let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() {
                watch(reg, update);
            }
        }
    });
    update
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let update = expect_context::<Update>().0;
    let apply = move |_| {
        if let Some(ServiceWorkerHandle(worker)) = update.get_untracked() {
            let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
        }
    };
    view! {
        <Show when=move || update.with(Option::is_some)>
            <div class="notice update" role="status">
                <p>"A new version of the companion is available."</p>
                <button type="button" on:click=apply>"Reload to update"</button>
            </div>
        </Show>
    }
}
