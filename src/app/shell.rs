//! The frame around every view: skip link, header with navigation and settings, the routed
//! `<main>`, and the embed variant without navigation.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use super::browser;
use super::components::needs_app::NeedsApp;
use super::components::search_box::SearchBox;
use super::components::title::provide_page_title;
use super::current::{use_route, CurrentRoute, FirstRenderDone, Views};
use super::embed::{self, EmbedPanel};
use super::live_query;
use super::offline::{self, UpdateBanner};
use super::pages;
use super::search_index;
use super::settings::{self, use_settings};
use super::workspace::{self, use_work};
use crate::route::{self, Route, View};

/// The app as one module runs it: `views` are the views it holds.
#[component]
pub fn App(views: Views) -> impl IntoView {
    provide_context(views);
    settings::provide();
    workspace::provide();
    search_index::provide();
    if let Some(watch_terms) = views.terms {
        watch_terms();
    }
    provide_page_title();
    offline::register();
    embed::report_height();
    // The base is read at run time, so the same build works at "/" and under any sub-path.
    let base = browser::base_dir().trim_end_matches('/').to_string();
    view! {
        <Router base=base>
            <Shell/>
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    let base = browser::base_dir();
    // The first render is the page's own view, without the query, as the page renderer wrote
    // it (so the browser can hydrate that page); what the query asks for (a term to mark, a
    // search, the embed frame) follows at once after it.
    let rendered = RwSignal::new(false);
    Effect::new(move |_| rendered.set(true));
    provide_context(FirstRenderDone(rendered.read_only()));
    let route = Memo::new(move |_| {
        let search = if rendered.get() { location.search.get() } else { String::new() };
        route::parse(&route::below(&base, &location.pathname.get(), &search))
    });
    provide_context(CurrentRoute(route));
    // The router writes a new path into the address bar only once a `<Routes>` says the view
    // for it has rendered; the app dispatches views itself, so it says so, after each render.
    if let Some(url) = use_context::<BrowserUrl>() {
        Effect::new(move |_| {
            location.pathname.track();
            url.ready_to_complete();
        });
    }
    live_query::provide();
    let views = expect_context::<Views>();
    let embed = move || route.with(|r| r.embed);

    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = browser::document().and_then(|d| d.get_element_by_id("main")) {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };

    view! {
        <a class="skip-link" href=move || route::in_page(&route.get(), "main") on:click=skip>"Skip to content"</a>
        <Show when=move || !embed() fallback=move || view! { <EmbedBar/> }>
            <Header/>
        </Show>
        <SavedDataNotice message=use_settings().notice/>
        <SavedDataNotice message=use_work().problem link=(route::notes_href(), "Export from My notes")/>
        <UpdateBanner/>
        <main id="main" tabindex="-1">
            {move || pages::needs_app(&route.get().view).map(|what| view! { <NeedsApp what=what/> })}
            {move || (views.render)(route.get().view)}
        </main>
        <UndoBar/>
        <Show when=move || !embed()>
            <footer class="site-footer">
                <p>
                    "Five sources on Camp Ashraf 3, bundled with their provenance. Every figure and claim is shown with the source that states it; the companion takes no side."
                </p>
            </footer>
        </Show>
    }
}

fn nav_link(
    label: &'static str,
    href: String,
    active: impl Fn(&View) -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let route = use_route();
    let current = move || route.with(|r| active(&r.view)).then_some("page");
    view! { <li><a href=href aria-current=current>{label}</a></li> }
}

/// On a phone the header is one row: the name, the search field and "Menu", a native
/// disclosure that works before the app and without it; the links and settings unfold below
/// it (the stylesheet hides them while it is closed, and only when JavaScript runs: without
/// it they stay in view, and "Menu" is hidden). A wide screen shows everything and no "Menu".
#[component]
fn Header() -> impl IntoView {
    let settings = use_settings();
    let compare = route::compare_href(None, None);
    let glossary = route::glossary_href();
    let figures = route::figures_href(None);
    let claims = route::claims_href(&Default::default());
    let menu = NodeRef::<leptos::html::Details>::new();
    // A link followed from the open menu leads to a view that starts with its text.
    let route = use_route();
    Effect::new(move |_| {
        route.track();
        if let Some(menu) = menu.get_untracked() {
            let _ = menu.remove_attribute("open");
        }
    });
    view! {
        <header class="site-header">
            <a class="brand" href=route::library_href()>"Ashraf 3"<span class="brand-rest">" reading companion"</span></a>
            <details class="menu" node_ref=menu>
                <summary><span aria-hidden="true">"☰ "</span>"Menu"</summary>
            </details>
            <nav aria-label="Main">
                <ul>
                    {nav_link("Library", route::library_href(), |v| matches!(v, View::Library | View::Read { .. }))}
                    {nav_link("Compare", compare, |v| matches!(v, View::Compare { .. }))}
                    {nav_link("Glossary", glossary, |v| matches!(v, View::Glossary))}
                    {nav_link("Figures", figures, |v| matches!(v, View::Figures { .. }))}
                    {nav_link("Claims", claims, |v| matches!(v, View::Claims(_) | View::Claim { .. } | View::Lineage))}
                    {nav_link("Questions", route::questions_href(), |v| matches!(v, View::Questions))}
                    {nav_link("My notes", route::notes_href(), |v| matches!(v, View::Notes))}
                </ul>
            </nav>
            <div class="header-tools">
                <NeedsApp what="Search, the glossary marks and the embed code"/>
                <SearchBox/>
                <label class="setting">
                    // `checked` for the page written at build time: a binding sets a property, which HTML does not carry.
                    <input type="checkbox" checked=settings.glossary_marks.get_untracked() bind:checked=settings.glossary_marks/>
                    " Glossary marks"
                </label>
                <EmbedPanel/>
            </div>
        </header>
    }
}

/// In an iframe: no navigation, just a way out to the full companion.
#[component]
fn EmbedBar() -> impl IntoView {
    let route = use_route();
    let full = move || browser::absolute(&route::href(&Route { embed: false, ..route.get() }));
    view! {
        <p class="embed-bar">
            <a href=full target="_blank" rel="noopener">"Open in the full reading companion"</a>
        </p>
    }
}

/// A message about saved data (settings, or the student's work) until it is dismissed;
/// `link` adds where to act on it.
#[component]
fn SavedDataNotice(
    message: RwSignal<Option<String>>,
    #[prop(optional)] link: Option<(String, &'static str)>,
) -> impl IntoView {
    view! {
        <Show when=move || message.with(Option::is_some)>
            <div class="notice" role="status">
                <p>{move || message.get().unwrap_or_default()}</p>
                {link.clone().map(|(href, text)| view! { <p><a href=href>{text}</a></p> })}
                <button type="button" on:click=move |_| message.set(None)>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// "Undo" after a note is deleted, wherever that happened.
#[component]
fn UndoBar() -> impl IntoView {
    let work = use_work();
    view! {
        <div class="undo-bar" role="status">
            <Show when=move || work.deleted.pending()>
                <p>"Note deleted."</p>
                <button type="button" on:click=move |_| { work.deleted.undo(work); }>"Undo"</button>
                <button type="button" on:click=move |_| work.deleted.dismiss()>"Dismiss"</button>
            </Show>
        </div>
    }
}
