//! The browser UI (wasm only). Pages read the compiled-in corpus and the results of the pure
//! analysis modules; components only render what they are given.

mod browser;
mod components;
mod embed;
mod offline;
mod pages;
mod panic;
mod settings;
mod shell;

/// Mounts the app on `<body>`. A panic replaces the frozen page with a message and a reload
/// button (see `panic.rs`).
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(shell::App);
    // The test suite checks the panic screen with `?debug=panic`: a panic on purpose, after
    // the app has rendered, exactly as a real bug would hit.
    let search = browser::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if crate::route::pairs(&search).iter().any(|(k, v)| k == "debug" && v == "panic") {
        panic!("deliberate panic requested by ?debug=panic");
    }
}
