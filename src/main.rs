//! The whole app's wasm module, every view: the module of 404.html, which a host serves for
//! any address it has no file for, so it may have to show any view (an unknown document's
//! message, a link of an earlier version). Every other page loads the module of its kind of
//! view (src/bin).

#[cfg(target_arch = "wasm32")]
fn main() {
    ashraf3_companion::app::start(ashraf3_companion::app::ALL);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `trunk build` (see README.md).");
}
