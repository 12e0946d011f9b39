//! The wasm module of the pages of the glossary and the lineage (`route::Module`): the app with
//! only those views, so these pages download and start only their code. Trunk builds it as one
//! of index.html's Rust links; the page renderer names it on those pages.

#[cfg(target_arch = "wasm32")]
fn main() {
    ashraf3_companion::app::start(ashraf3_companion::app::GLOSSARY);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `trunk build` (see README.md).");
}
