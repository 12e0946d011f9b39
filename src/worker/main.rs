//! The worker's entry: each message is one request (`companion_worker::answer`), answered with
//! one message. On the host this binary does nothing; it exists for Trunk's wasm build.

#[cfg(target_arch = "wasm32")]
fn main() {
    use companion_worker::Message;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let answer = match Message::from_js(&ev.data()) {
            Some(request) => companion_worker::answer(request),
            None => companion_worker::not_understood(),
        };
        // A reply that cannot be posted has nobody to tell: the page gives up waiting and says so.
        let _ = reply.post_message(&answer.to_js());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // A message the page posts before the wasm has started finds no handler and is lost: the
    // page waits for this word before it posts any.
    let _ = scope.post_message(&JsValue::from_str(companion_worker::READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
