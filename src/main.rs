//! Browser entry point.

#[cfg(target_arch = "wasm32")]
fn main() {
    ashraf3_companion::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `trunk build` (see README.md).");
}
