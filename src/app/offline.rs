//! Offline use: registers the service worker that `src/render/precache.rs` writes at build
//! time, and offers "a new version is available" when a new deployment has been fetched.
//! The worker serves one build's files as one unit, so a reload switches everything at once.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration};

use super::browser;
use super::workspace::Work;

#[derive(Clone, Copy)]
pub struct Update(pub RwSignal<Option<ServiceWorkerHandle>>);

/// Set when another tab switched to a new version while this one holds a note being written:
/// this tab is not reloaded under the student, it offers the reload instead.
#[derive(Clone, Copy)]
struct Held(RwSignal<bool>);

/// The waiting worker of a new deployment. `web_sys` handles are not `Send`; the app is
/// single-threaded, so a local wrapper is enough.
#[derive(Clone)]
pub struct ServiceWorkerHandle(send_wrapper::SendWrapper<ServiceWorker>);

fn offer(update: RwSignal<Option<ServiceWorkerHandle>>, worker: Option<ServiceWorker>) {
    if let Some(w) = worker {
        update.set(Some(ServiceWorkerHandle(send_wrapper::SendWrapper::new(w))));
    }
}

/// The page's service worker container, where there is one. Reading `navigator.serviceWorker`
/// throws in a frame sandboxed without `allow-same-origin`; there the app runs without one.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = browser::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?.dyn_into().ok()
}

fn has_controller() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// How often an open tab asks whether a new deployment exists (the browser itself checks
/// only when a page is loaded, and a student may keep one tab open for days).
const CHECK_EVERY_MS: i32 = 30 * 60 * 1000;

fn watch(registration: ServiceWorkerRegistration, update: RwSignal<Option<ServiceWorkerHandle>>) {
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
    let check = Closure::<dyn FnMut()>::new(move || {
        let _ = registration.update();
    });
    if let Some(w) = browser::window() {
        let _ =
            w.set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), CHECK_EVERY_MS);
    }
    check.forget();
}

thread_local! {
    /// Set when the student asks for the update: the worker change that follows reloads.
    static UPDATE_REQUESTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Registers `sw.js` beside `index.html`. Fails quietly where service workers are not
/// available (a sandboxed iframe, a file:// page, an insecure origin).
pub fn register() -> RwSignal<Option<ServiceWorkerHandle>> {
    let update = RwSignal::new(None);
    provide_context(Update(update));
    let held = RwSignal::new(false);
    provide_context(Held(held));
    let work = use_context::<Work>();
    let Some(container) = container() else {
        return update;
    };
    // Once a new worker takes over, reload so page and files come from the same build: when
    // the student asked for it here, or when this page was already controlled (another tab
    // accepted the update). The first visit's own worker taking over needs no reload. A tab
    // holding a note being written is never reloaded unasked: it offers the reload.
    let had_controller = container.controller().is_some();
    let reloading = std::cell::Cell::new(false);
    let on_change = Closure::<dyn FnMut()>::new(move || {
        let asked = UPDATE_REQUESTED.get();
        if !asked && had_controller && work.is_some_and(|w| w.has_drafts()) {
            held.set(true);
        } else if (had_controller || asked) && !reloading.replace(true) {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
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

fn reload() {
    if let Some(w) = browser::window() {
        let _ = w.location().reload();
    }
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let update = expect_context::<Update>().0;
    let held = expect_context::<Held>().0;
    let apply = move |_| {
        if held.get_untracked() {
            // The new version already controls the page: only the reload is left.
            reload();
        } else if let Some(ServiceWorkerHandle(worker)) = update.get_untracked() {
            UPDATE_REQUESTED.set(true);
            let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
        }
    };
    view! {
        <Show when=move || update.with(Option::is_some) || held.get()>
            <div class="notice update" role="status">
                <p>
                    {move || if held.get() {
                        "A new version of the companion was loaded in another tab. This tab was not reloaded, as you are writing a note: save it, then reload (a note being written is kept across the reload)."
                    } else {
                        "A new version of the companion is available."
                    }}
                </p>
                <button type="button" on:click=apply>"Reload to update"</button>
            </div>
        </Show>
    }
}
