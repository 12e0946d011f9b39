//! Thin, failure-tolerant wrappers over browser APIs. Each one degrades instead of throwing:
//! storage can be blocked in a sandboxed iframe, the clipboard can be missing outside a secure
//! context, and none of that may stop the app.
//!
//! On the host (the build-time page renderer) there is no window: every wrapper then answers
//! as a browser with nothing saved would, so a page renders as a first visit sees it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(target_arch = "wasm32")]
pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// web-sys calls panic off wasm; `None` here keeps the host renderer away from all of them.
#[cfg(not(target_arch = "wasm32"))]
pub fn window() -> Option<web_sys::Window> {
    None
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Marks the page as one the app could not start on, as index.html's start-up check does when
/// a script fails: the page stays readable and its notes on what needs the app show. The reason
/// goes to the console, for whoever looks after the host.
pub fn mark_app_failed(reason: &str) {
    let Some(root) = document().and_then(|d| d.document_element()) else { return };
    let _ = root.class_list().add_1("app-failed");
    web_sys::console::warn_1(&format!("The reading companion's app could not start: {reason}").into());
}

/// The fetch of `file` that the page's loader started beside the wasm's (`src/loader.js`, for
/// the file the page's `companion-text` meta names), taken once; `None`
/// when there is none or the page named another file (a page of another build).
pub fn prefetched(file: &str) -> Option<js_sys::Promise> {
    let window = window()?;
    let meta = document()?.query_selector(r#"meta[name="companion-text"]"#).ok()??;
    let key = JsValue::from_str("companionText");
    let pending = js_sys::Reflect::get(&window, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::set(&window, &key, &JsValue::UNDEFINED);
    (meta.get_attribute("content")? == file).then_some(pending)
}

/// The app's root URL ("https://host/courses/unit-3/companion/"). Every page names it in its
/// `<base>`, relative to itself (`../../` from `read/<doc>/`), so one build works at any depth
/// of any sub-path; [`pin_base`] keeps it when the app moves to a page at another depth.
pub fn root_url() -> String {
    document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_else(|| "/".into())
}

/// The path of the app's root ("/courses/unit-3/companion/"), the router's base.
pub fn base_dir() -> String {
    let root = root_url();
    match window().and_then(|_| web_sys::Url::new(&root).ok()) {
        Some(u) => u.pathname(),
        None => "/".into(),
    }
}

/// The page's own URL relative to the root.
pub fn current_relative() -> String {
    let location = window().map(|w| w.location());
    let get = |f: fn(&web_sys::Location) -> Result<String, JsValue>| location.as_ref().and_then(|l| f(l).ok());
    crate::route::below(
        &base_dir(),
        &get(web_sys::Location::pathname).unwrap_or_default(),
        &get(web_sys::Location::search).unwrap_or_default(),
    )
}

/// Makes the page's `<base>` absolute. The browser resolves it once, against the address the
/// page was loaded from; writing the result back keeps the root the same for every view the
/// app then shows, whatever its depth, and in every browser.
pub fn pin_base() {
    let Some(document) = document() else { return };
    let root = root_url();
    let base = document.query_selector("base").ok().flatten().or_else(|| {
        let base = document.create_element("base").ok()?;
        document.head()?.prepend_with_node_1(&base).ok()?;
        Some(base)
    });
    if let Some(base) = base {
        let _ = base.set_attribute("href", &root);
    }
}

/// A link of an earlier version (`?view=read&doc=…`) becomes the view's own path in the
/// address bar before the router reads it, so the page's own links and reloads use the new form.
pub fn upgrade_legacy_url() {
    let here = current_relative();
    if !crate::route::is_legacy(&here) {
        return;
    }
    let route = crate::route::parse(&here);
    // A link that names no view, or an order the claims cannot take, keeps its own address:
    // the page's message then says what in it was wrong, which the new form could not.
    if matches!(route.view, crate::route::View::NotFound { .. }) || unknown_claims_sort().is_some() {
        return;
    }
    let hash = window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let to = absolute(&crate::route::href(&route)) + &hash;
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&to));
    }
}

/// Loads another page (a view of another module, `navigate`): a new document, in place of this
/// one with `replace`, else as a new history entry.
pub fn load(url: &str, replace: bool) {
    let Some(location) = window().map(|w| w.location()) else { return };
    let _ = if replace { location.replace(url) } else { location.assign(url) };
}

/// An absolute URL relative to the app's root, as [`current_relative`] gives the page's own;
/// `None` for one of another site or outside the root.
pub fn relative_of(url: &str) -> Option<String> {
    let url = web_sys::Url::new(url).ok()?;
    let origin = window()?.location().origin().ok()?;
    let base = base_dir();
    (url.origin() == origin && url.pathname().starts_with(&base))
        .then(|| crate::route::below(&base, &url.pathname(), &url.search()))
}

/// The `sort` of the address when the claims cannot be sorted by it (a mistyped link): the
/// route reads it as the usual order, and the claims page says so.
pub fn unknown_claims_sort() -> Option<String> {
    let search = window()?.location().search().ok()?;
    let (_, sort) = crate::route::pairs(&search).into_iter().find(|(k, v)| k == "sort" && !v.is_empty())?;
    crate::analysis::claims::Sort::parse(&sort).is_none().then_some(sort)
}

/// The absolute URL for an app link (`read/lends-hope/#p3`).
pub fn absolute(relative: &str) -> String {
    if window().is_none() {
        return relative.to_string();
    }
    web_sys::Url::new_with_base(relative, &root_url()).map(|u| u.href()).unwrap_or_else(|_| relative.to_string())
}

// The title the page renderer writes into a page's `<title>` (no document on the host).
#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    pub static RENDERED_TITLE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

pub fn set_title(title: &str) {
    #[cfg(not(target_arch = "wasm32"))]
    RENDERED_TITLE.with(|t| *t.borrow_mut() = title.to_string());
    if let Some(d) = document() {
        d.set_title(title);
    }
}

pub fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Whether this browser refuses to let the companion save (a sandboxed frame, a private window,
/// storage turned off). Never on the host: the page renderer writes what a first visit sees.
pub fn storage_blocked() -> bool {
    window().is_some() && storage().is_none()
}

/// The saved value of `key`; where the browser refuses storage, what this tab kept of it
/// ([`tab_get`]), so the student's work follows them from page to page until the tab closes.
pub fn storage_get(key: &str) -> Option<String> {
    match storage() {
        Some(s) => s.get_item(key).ok().flatten(),
        None => tab_get(key),
    }
}

/// Returns whether the value was stored (kept in the tab, where the browser refuses storage).
pub fn storage_set(key: &str, value: &str) -> bool {
    match storage() {
        Some(s) => s.set_item(key, value).is_ok(),
        None => tab_set(key, Some(value)),
    }
}

pub fn storage_remove(key: &str) {
    match storage() {
        Some(s) => {
            let _ = s.remove_item(key);
        }
        None => {
            tab_set(key, None);
        }
    }
}

/// This tab's own storage (`sessionStorage`): it survives a reload and the tab's other pages,
/// not the tab.
fn session() -> Option<web_sys::Storage> {
    window()?.session_storage().ok().flatten()
}

/// What marks the window's name as this app's tab store.
const NAME_STORE: &str = "ashraf3-companion:";

/// Where `sessionStorage` is refused too (a frame sandboxed without `allow-same-origin`,
/// storage turned off), the window's name keeps the tab's values: the browser keeps it across
/// the pages of one site in the same tab or frame, and drops it with them. A JSON object of
/// keys and values after [`NAME_STORE`].
fn name_store() -> Option<js_sys::Object> {
    let name = window()?.name().ok()?;
    js_sys::JSON::parse(name.strip_prefix(NAME_STORE)?).ok()?.dyn_into().ok()
}

/// The value this tab keeps under `key` (`sessionStorage`, or the window's name).
pub fn tab_get(key: &str) -> Option<String> {
    match session() {
        Some(s) => s.get_item(key).ok().flatten(),
        None => js_sys::Reflect::get(name_store()?.as_ref(), &key.into()).ok()?.as_string(),
    }
}

/// Keeps `value` in this tab, or removes the key when `value` is `None`; returns whether it
/// could.
pub fn tab_set(key: &str, value: Option<&str>) -> bool {
    if let Some(s) = session() {
        return match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        }
        .is_ok();
    }
    let Some(window) = window() else { return false };
    let store = name_store().unwrap_or_default();
    let kept = match value {
        Some(v) => js_sys::Reflect::set(&store, &key.into(), &v.into()),
        None => js_sys::Reflect::delete_property(&store, &key.into()),
    };
    let json = js_sys::JSON::stringify(&store).ok().and_then(|j| j.as_string());
    kept.is_ok() && json.is_some_and(|json| window.set_name(&format!("{NAME_STORE}{json}")).is_ok())
}

pub fn storage_keys() -> Vec<String> {
    let Some(s) = storage() else { return Vec::new() };
    (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// Calls `f` with the key whenever another tab of this origin changes storage (`None` when it
/// cleared it), for as long as the page lives: every open tab then shows what the others saved.
pub fn on_storage(f: impl Fn(Option<String>) + 'static) {
    let Some(window) = window() else { return };
    let closure = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| f(e.key()));
    if window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref()).is_ok() {
        closure.forget();
    }
}

/// Writes text to the clipboard; `false` when the browser offers no clipboard or refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).unwrap_or(JsValue::UNDEFINED);
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Browsers refuse history writes past a rate limit (Safari throws after 100 in 30 seconds,
/// Firefox has a similar limit) and the router treats a refused write as fatal. Wrapping the
/// two methods on this page's `history` makes a refusal cost only the address bar's update:
/// the view still changes, and the next write that is allowed brings the URL up to date.
pub fn guard_history() {
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    for name in ["pushState", "replaceState"] {
        let key = JsValue::from_str(name);
        let Some(original) =
            js_sys::Reflect::get(&history, &key).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            continue;
        };
        let this = history.clone();
        let guarded = Closure::<dyn Fn(JsValue, JsValue, JsValue)>::new(move |state, title, url| {
            if let Err(refused) = original.call3(&this, &state, &title, &url) {
                web_sys::console::warn_2(&JsValue::from_str("The browser refused a history update:"), &refused);
            }
        });
        let _ = js_sys::Reflect::set(&history, &key, guarded.as_ref());
        guarded.forget();
    }
}

/// Puts `#fragment` in the address bar without a navigation or a scroll jump.
pub fn replace_hash(fragment: &str) {
    if let Some(w) = window() {
        if let Ok(history) = w.history() {
            // A bare "#…" would resolve against the <base>, the library's address.
            let here = w.location();
            let (path, search) = (here.pathname().unwrap_or_default(), here.search().unwrap_or_default());
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}#{fragment}")));
        }
    }
}

/// The element an event happened on, if it was one (a text node or the window is not).
pub fn element(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?.dyn_into::<web_sys::Element>().ok()
}

/// Scrolls an element into view, respecting reduced motion (the CSS sets
/// `scroll-behavior`), and moves focus to it so keyboard users continue from there.
pub fn scroll_to_id(id: &str) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
    true
}

/// The words selected in the page when they lie within one passage (an element with
/// `data-doc` and `data-block`, in the reader or a comparison column): its document, its block
/// id and the text, trimmed. `None` for no selection or one across passages.
pub fn selection_in_passage() -> Option<(String, String, String)> {
    let selection = window()?.get_selection().ok().flatten()?;
    let text = String::from(selection.to_string()).trim().to_string();
    if text.is_empty() {
        return None;
    }
    let paragraph = |node: Option<web_sys::Node>| -> Option<web_sys::Element> {
        let node = node?;
        let el = match node.dyn_ref::<web_sys::Element>() {
            Some(el) => el.clone(),
            None => node.parent_element()?,
        };
        el.closest("[data-block]").ok().flatten()
    };
    let start = paragraph(selection.anchor_node())?;
    let end = paragraph(selection.focus_node())?;
    let attr = |name: &str| start.get_attribute(name).unwrap_or_default();
    (start == end).then(|| (attr("data-doc"), attr("data-block"), text))
}

/// Offers `text` as a file download named `name` (an export): a Blob URL on a temporary link.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(link) = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser has the file once the click is handled; the URL is released afterwards.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    true
}

/// Opens the browser's print dialog (the print style sheet makes the handout).
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Calls `f` whenever the page's selection changes, until the calling component is cleaned
/// up. A touch screen adjusts a selection with its handles after the finger lifts, so only
/// this event (dispatched at the document) sees the final words.
pub fn on_selection_change(f: impl Fn() + 'static) {
    let Some(document) = document() else { return };
    let closure = Closure::<dyn Fn()>::new(f);
    let callback: js_sys::Function = closure.as_ref().unchecked_ref::<js_sys::Function>().clone();
    if document.add_event_listener_with_callback("selectionchange", &callback).is_err() {
        return;
    }
    let closure = send_wrapper::SendWrapper::new(closure);
    let (document, callback) = (send_wrapper::SendWrapper::new(document), send_wrapper::SendWrapper::new(callback));
    leptos::prelude::on_cleanup(move || {
        let _ = document.remove_event_listener_with_callback("selectionchange", &callback);
        drop(closure);
    });
}
