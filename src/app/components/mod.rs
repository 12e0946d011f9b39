//! Rendering pieces shared by the pages. None of them processes text: they receive pieces
//! computed by `crate::analysis` and turn them into elements.

pub mod adopt;
pub mod block_text;
pub mod changes;
pub mod copy;
pub mod definition;
pub mod hash_target;
pub mod needs_app;
pub mod para_link;
pub mod para_notes;
pub mod para_tools;
pub mod predict;
pub mod provenance;
pub mod search_box;
pub mod status;
pub mod title;
pub mod tooltip;
