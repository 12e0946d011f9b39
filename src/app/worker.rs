//! The page's side of the added sources' worker (src/worker, built by Trunk as its own wasm):
//! reading, glossary marking, alignment and diff for a source a student adds run there, so the
//! published pages and the main wasm carry none of it. The worker starts the first time a
//! student adds a source or opens one (never on a first visit to a published page); each
//! request is a `companion_worker::Message` with an id that the answer repeats. A worker that
//! cannot start (its file blocked, or offline before it was ever cached) or does not answer gets
//! a message the page shows, and the next request tries to start it again.

use std::cell::RefCell;
use std::collections::HashMap;

use std::future::Future;

use companion_worker::{Ask, Message, Reply, READY};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::browser;

/// What the page says when the worker does not start or answer.
pub const UNAVAILABLE: &str = "The part of the companion that reads added sources could not start or did not answer (its file may be blocked, or not yet saved for use offline: open the companion once while online). Reload the page to try again.";

/// Long enough for the largest source on a slow phone; a worker that takes longer is stuck.
const WAIT_MS: u32 = 20_000;

struct Client {
    worker: web_sys::Worker,
    /// Requests made before the worker said it was ready, posted when it does.
    waiting: Option<Vec<JsValue>>,
    next: u32,
    /// Each request's promise's resolve function: called with the answer, or with nothing.
    pending: HashMap<u32, js_sys::Function>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Settles request `id` (a no-op once it is settled).
fn settle(id: u32, value: &JsValue) {
    if let Some(resolve) = CLIENT.with_borrow_mut(|c| c.as_mut().and_then(|c| c.pending.remove(&id))) {
        let _ = resolve.call1(&JsValue::NULL, value);
    }
}

/// A worker that failed: every request waiting on it fails, and the next one starts a new one.
fn fail_all() {
    if let Some(client) = CLIENT.with_borrow_mut(Option::take) {
        client.worker.terminate();
        for resolve in client.pending.into_values() {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
        }
    }
}

/// The worker's loader, named by the page renderer on the loader's script (`data-worker`).
fn start() -> Option<web_sys::Worker> {
    let document = browser::document()?;
    let name = document.query_selector("script[data-worker]").ok()??.get_attribute("data-worker")?;
    let url = web_sys::Url::new_with_base(&name, &document.base_uri().ok()??).ok()?.href();
    let worker = web_sys::Worker::new(&url).ok()?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        let data = ev.data();
        if data.as_string().as_deref() == Some(READY) {
            let held = CLIENT.with_borrow_mut(|c| c.as_mut().and_then(|c| Some((c.worker.clone(), c.waiting.take()?))));
            if let Some((worker, waiting)) = held {
                waiting.iter().for_each(|request| post(&worker, request));
            }
            return;
        }
        match Message::from_js(&data) {
            Some(answer) => settle(answer.id(), &data),
            None => fail_all(),
        }
    });
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_: web_sys::Event| fail_all());
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // Both live as long as the worker, which lives as long as the tab.
    on_message.forget();
    on_error.forget();
    Some(worker)
}

fn post(worker: &web_sys::Worker, request: &JsValue) {
    if worker.post_message(request).is_err() {
        fail_all();
    }
}

/// The worker's reply to `ask`, or a message for the student: the worker's own (a text that
/// cannot be added) or `UNAVAILABLE`.
pub async fn ask(ask: Ask) -> Result<Reply, String> {
    if CLIENT.with_borrow(Option::is_none) {
        let worker = start().ok_or(UNAVAILABLE)?;
        CLIENT.set(Some(Client { worker, waiting: Some(Vec::new()), next: 0, pending: HashMap::new() }));
    }
    let id = CLIENT.with_borrow_mut(|c| {
        c.as_mut().map(|c| {
            c.next += 1;
            c.next
        })
    });
    let id = id.ok_or(UNAVAILABLE)?;
    let request = ask.message(id).to_js();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        CLIENT.with_borrow_mut(|c| c.as_mut().map(|c| c.pending.insert(id, resolve)));
    });
    // Held until the worker is ready, or posted now.
    let ready = CLIENT.with_borrow_mut(|c| {
        let c = c.as_mut()?;
        match &mut c.waiting {
            Some(waiting) => {
                waiting.push(request.clone());
                None
            }
            None => Some(c.worker.clone()),
        }
    });
    if let Some(worker) = ready {
        post(&worker, &request);
    }
    gloo_timers::callback::Timeout::new(WAIT_MS, move || settle(id, &JsValue::UNDEFINED)).forget();
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok();
    match answer.as_ref().and_then(Message::from_js).and_then(Reply::of).ok_or(UNAVAILABLE)? {
        Reply::Refused(message) => Err(message),
        reply => Ok(reply),
    }
}

/// A view that waits for the worker: nothing yet, the view to show, or the message to show.
pub type Shown = RwSignal<Option<Result<ViewFn, String>>>;

/// Runs `task` (which asks the worker) and gives what [`Pending`] shows.
pub fn pending(task: impl Future<Output = Result<ViewFn, String>> + 'static) -> Shown {
    let shown = RwSignal::new(None);
    wasm_bindgen_futures::spawn_local(async move { shown.set(Some(task.await)) });
    shown
}

/// What every view that waits for the worker shows: a status line saying what it waits for,
/// then the view, or the message under the view's heading (so the page still says where the
/// student is). One component for all of them, so they say it alike and the app carries it once.
#[component]
pub fn Pending(waiting: &'static str, #[prop(into)] heading: String, shown: Shown) -> impl IntoView {
    move || match shown.get() {
        None => view! { <p role="status">{waiting}</p> }.into_any(),
        Some(Err(message)) => {
            view! { <h1>{heading.clone()}</h1><p class="notice" role="alert">{message}</p> }.into_any()
        }
        Some(Ok(view)) => view.run(),
    }
}
