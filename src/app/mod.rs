//! The browser UI (wasm only). Pages read the compiled-in corpus and the results of the pure
//! analysis modules; components only render what they are given.

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
mod workspace;

/// Mounts the app on `<body>`. A panic replaces the frozen page with a message and a reload
/// button (see `panic.rs`).
pub fn start() {
    panic::install();
    browser::guard_history();
    // index.html's start-up message, which stays only when the app cannot start.
    if let Some(boot) = browser::document().and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(shell::App);
    test_hooks();
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
