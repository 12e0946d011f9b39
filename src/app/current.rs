//! The view on screen, shared by the shell with the pages and components that follow it. A
//! leaf module: it imports no page and no component, so a page that needs the route does not
//! depend on the shell that renders it.

use leptos::prelude::*;

use crate::route::{Module, Route, View};

/// The current route, parsed from the path below the app's root and the query; shared with
/// every page.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub Memo<Route>);

pub fn use_route() -> Memo<Route> {
    expect_context::<CurrentRoute>().0
}

/// False during the app's first render, which must be the page written at build time for the
/// browser to hydrate it; true from right after it. What the page renderer cannot know (the
/// query, the fragment) waits for it.
#[derive(Clone, Copy)]
pub struct FirstRenderDone(pub ReadSignal<bool>);

/// The views this wasm module holds (`route::Module`), and how it renders them: each page loads
/// the module of its view, and a view held elsewhere is another page (`navigate`). `module:
/// None` holds every view: the page renderer, and 404.html, which may stand for any address.
#[derive(Clone, Copy)]
pub struct Views {
    pub module: Option<Module>,
    pub render: fn(View) -> AnyView,
    /// What opens glossary tooltips, where the pages show the documents' text
    /// (`Module::shows_text`); `None` elsewhere. The tables are constants, so a module whose
    /// pages mark no term does not name it, and its wasm carries neither the tooltips nor the
    /// glossary.
    pub terms: Option<fn()>,
}

impl Views {
    pub const fn new(module: Option<Module>, render: fn(View) -> AnyView, terms: fn()) -> Views {
        Views { module, render, terms: if Module::shows_text_in(module) { Some(terms) } else { None } }
    }

    pub fn holds(&self, view: &View) -> bool {
        self.module.is_none_or(|m| m.shows(view))
    }

    /// Whether these views show the documents' text (`Module::shows_text`).
    pub fn show_text(&self) -> bool {
        Module::shows_text_in(self.module)
    }
}
