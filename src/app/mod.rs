//! The UI. Pages read the compiled-in corpus and the results of the pure analysis modules;
//! components only render what they are given. The same components render every view to a
//! static page at build time ([`render_page`], on the host) and run the app in the browser
//! ([`start`]), which hydrates the page the browser already shows.

mod browser;
mod components;
mod embed;
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
mod workspace;

/// Starts the app on the page rendered at build time: it hydrates that page, or takes it over
/// (see `takeover.rs`). A panic replaces the frozen page with a message and a reload button
/// (see `panic.rs`).
pub fn start() {
    panic::install();
    browser::guard_history();
    browser::pin_base();
    browser::upgrade_legacy_url();
    // In a task of its own: compiling and instantiating the wasm is one long task already, and
    // the browser may handle input and paint between the two.
    gloo_timers::callback::Timeout::new(0, || {
        takeover::start(shell::App);
        test_hooks();
    })
    .forget();
}

/// One view as the page renderer writes it: the `<body>` content and the `<title>`, for a URL
/// relative to the app's root (`read/lends-hope/`).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_page(relative: &str) -> (String, String) {
    use leptos::prelude::*;
    use leptos::tachys::view::RenderHtml;
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
    let body = owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(&format!("/{relative}")));
        view! { <shell::App/> }.to_html()
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
