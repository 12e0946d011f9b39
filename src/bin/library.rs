//! The wasm module of the library's page (`route::Module`): the app with only that view, so the
//! page a student opens first downloads and starts only its code. Trunk builds it as one of
//! index.html's Rust links; the page renderer names it on that page.

#[cfg(target_arch = "wasm32")]
fn main() {
    ashraf3_companion::app::start(ashraf3_companion::app::LIBRARY);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `trunk build` (see README.md).");
}
