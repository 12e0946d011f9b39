//! The UI. Pages read the corpus (`crate::corpus`) and the results of the pure analysis modules;
//! components only render what they are given. The same components render every view to a
//! static page at build time ([`render_page`], on the host) and run the app in the browser
//! ([`start`]), which hydrates the page the browser already shows. Each page loads the wasm
//! module of its kind of view (`route::Module`, `src/bin`), which holds only those views.

mod browser;
mod components;
mod current;
mod embed;
mod fetch;
mod live_query;
mod navigate;
mod offline;
mod pages;
mod panic;
mod persist;
mod search_index;
mod settings;
mod shell;
mod takeover;
mod worker;
mod workspace;

use leptos::prelude::*;

pub use current::Views;
pub use pages::{ALL, CLAIMS, COMPARE, GLOSSARY, LIBRARY, READING, STUDY, WORK};

/// Starts the app on the page rendered at build time, once the corpus text has arrived where
/// the module shows it (the page shows that text already; the app needs it to know what it
/// adopts; pages of other modules neither name nor fetch it): it hydrates that
/// page, or takes it over (see `takeover.rs`). If the text cannot be had, the page stays as it
/// is, readable, and its notes say what needs the app. A panic replaces the frozen page with a
/// message and a reload button (see `panic.rs`).
pub fn start(views: Views) {
    panic::install();
    browser::guard_history();
    browser::pin_base();
    browser::upgrade_legacy_url();
    navigate::leave_links_to_other_pages(views);
    // The start runs in a task of its own (after the wait for the file, or a timer's where there
    // is none): compiling and instantiating the wasm is one long task already, and the browser
    // may handle input and paint between the two.
    wasm_bindgen_futures::spawn_local(async move {
        let text = if views.show_text() {
            load_corpus_text().await
        } else {
            gloo_timers::future::TimeoutFuture::new(0).await;
            Ok(())
        };
        match text {
            Ok(()) => {
                takeover::start(move || view! { <shell::App views=views/> });
                test_hooks();
            }
            Err(e) => browser::mark_app_failed(&format!("the documents’ text could not be loaded ({e})")),
        }
    });
}

/// Reads the corpus text, from the fetch the page's loader started beside the wasm's when it
/// did (so the file does not wait for the wasm), or fetched now.
async fn load_corpus_text() -> Result<(), String> {
    let file = crate::corpus::CORPUS_TEXT_FILE;
    let bytes = match browser::prefetched(file) {
        Some(pending) => fetch::body(pending).await?,
        None => fetch::bytes(file).await?,
    };
    let text = String::from_utf8(bytes).map_err(|_| "it is not text")?;
    crate::corpus::install(text.leak())
}

/// One view as the page renderer writes it: the `<body>` content and the `<title>`, for a URL
/// relative to the app's root (`read/lends-hope/`).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_page(relative: &str) -> (String, String) {
    use leptos::tachys::view::RenderHtml;
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
    let body = owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(&format!("/{relative}")));
        view! { <shell::App views=ALL/> }.to_html()
    });
    (body, browser::RENDERED_TITLE.with(|t| t.take()))
}

/// The test suite checks the panic screen with `?debug=panic`: a panic on purpose, after the
/// app has rendered, exactly as a real bug would hit. Only builds made for the tests have it.
#[cfg(feature = "test-hooks")]
fn test_hooks() {
    let search = browser::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if crate::route::pairs(&search).iter().any(|(k, v)| k == "debug" && v == "panic") {
        // A second one right after, as a broken app keeps failing: the page shows one message.
        gloo_timers::callback::Timeout::new(0, || panic!("second deliberate panic")).forget();
        panic!("deliberate panic requested by ?debug=panic");
    }
}

#[cfg(not(feature = "test-hooks"))]
fn test_hooks() {}
