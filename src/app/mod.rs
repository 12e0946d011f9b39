//! The browser UI (wasm only).
pub fn start() {}
