//! Fetching one of the build's own files (the corpus text, the search index), named relative
//! to the app's root, with the reason in words when it fails: the views say it to the student.
//! The service worker answers from its cache when it has the file, so this works offline.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::browser;

pub async fn bytes(file: &str) -> Result<Vec<u8>, String> {
    let window = browser::window().ok_or("no window")?;
    body(window.fetch_with_str(file)).await
}

/// The body of a fetch already under way, given its promise.
pub async fn body(pending: js_sys::Promise) -> Result<Vec<u8>, String> {
    let response = JsFuture::from(pending).await.map_err(|_| "the network refused")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("the host answered {}", response.status()));
    }
    let body =
        JsFuture::from(response.array_buffer().map_err(|_| "no body")?).await.map_err(|_| "the download stopped")?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}
