//! Search results: hits grouped by document in corpus order, each with a snippet and a link
//! to its paragraph in the reader, where the hits are marked. Arrow keys move through the
//! results; Enter opens one.

use leptos::prelude::*;

use crate::analysis::search::{self, Snippet};
use crate::app::components::title::use_page_title;
use crate::corpus::{self, DOCUMENTS, GLOSSARY, SEARCH_INDEX};
use crate::route::{self, Route, View};

fn result_href(doc: &str, block: &str, query: &str) -> String {
    let href = route::href(&Route::new(View::Read {
        doc: doc.into(),
        original: false,
        figure: None,
        query: Some(query.into()),
        term: None,
    }));
    format!("{href}#{block}")
}

fn snippet_view(snippet: &Snippet) -> impl IntoView {
    snippet
        .pieces()
        .into_iter()
        .map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
        .collect_view()
}

/// Moves focus between result links with the arrow keys (the list is one composite widget
/// for the keyboard; Tab still leaves it).
fn on_key(ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let step: i32 = match ev.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    let Some(document) = crate::app::browser::document() else { return };
    let Ok(links) = document.query_selector_all(".results a.result-link") else { return };
    let active = document.active_element();
    let count = links.length() as i32;
    if count == 0 {
        return;
    }
    let current = (0..count).find(|&i| links.get(i as u32).map(|n| n.unchecked_into::<web_sys::Element>()) == active);
    let next = match current {
        Some(i) => (i + step).clamp(0, count - 1),
        None => 0,
    };
    if let Some(el) = links.get(next as u32).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = el.focus();
    }
}

#[component]
pub fn Search(query: String) -> impl IntoView {
    let title_query = query.clone();
    use_page_title(move || format!("Search: {title_query}"));
    let results = search::search(&SEARCH_INDEX, &corpus::block_text, &query);
    let glossary = search::search_glossary(GLOSSARY, &query);
    let suggestions =
        if results.total == 0 && glossary.is_empty() { search::suggest(&SEARCH_INDEX, &query) } else { Vec::new() };
    let q = query.clone();
    let groups = results
        .groups
        .iter()
        .map(|group| {
            let doc = &DOCUMENTS[group.doc];
            let heading_id = format!("results-{}", doc.id);
            let labelled = heading_id.clone();
            let hits = group
                .hits
                .iter()
                .map(|hit| {
                    let block = &doc.blocks[hit.block];
                    let label = if block.kind.is_heading() { "Heading".to_string() } else { format!("Paragraph {}", block.id.trim_start_matches('p')) };
                    view! {
                        <li>
                            <a class="result-link" href=result_href(doc.id, block.id, &q)>
                                <span class="result-where">{label}</span>
                                <span class="result-snippet">{snippet_view(&hit.snippet)}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="result-group" aria-labelledby=labelled>
                    <h2 id=heading_id>
                        {doc.title}
                        <span class="doc-relation">{format!(" — {} · {} ", doc.relation, group.count)}{if group.count == 1 { "hit" } else { "hits" }}</span>
                    </h2>
                    <ol class="hits">{hits}</ol>
                </section>
            }
        })
        .collect_view();
    let terms = glossary
        .iter()
        .map(|hit| {
            let term = &GLOSSARY[hit.term];
            let expansion = (!hit.expansion.text.is_empty()).then(|| view! { {snippet_view(&hit.expansion)} " — " });
            view! {
                <li>
                    <a class="result-link" href=crate::app::components::tooltip::entry_href(term.id)>{snippet_view(&hit.label)}</a>
                    {expansion}
                    {snippet_view(&hit.definition)}
                </li>
            }
        })
        .collect_view();
    let total = results.total;
    let has_glossary = !glossary.is_empty();
    view! {
        <h1>"Search"</h1>
        <p class="search-summary" role="status">
            {if query.trim().is_empty() {
                "Type in the search field above: words, the start of a word, or a \"phrase in quotes\".".to_string()
            } else {
                format!("{} {} for “{}” in {} of {} documents.", total, if total == 1 { "hit" } else { "hits" }, query, results.groups.len(), DOCUMENTS.len())
            }}
        </p>
        {(!suggestions.is_empty()).then(|| {
            let links = suggestions
                .iter()
                .map(|s| {
                    let href = route::href(&Route::new(View::Search { query: s.clone() }));
                    view! { <li><a href=href>{s.clone()}</a></li> }
                })
                .collect_view();
            view! { <div class="suggestions"><p>"No results. Did you mean:"</p><ul>{links}</ul></div> }
        })}
        <div class="results" on:keydown=on_key>
            {has_glossary.then(|| view! {
                <section class="result-group glossary-results" aria-labelledby="results-glossary">
                    <h2 id="results-glossary">"Glossary"</h2>
                    <ul class="hits">{terms}</ul>
                </section>
            })}
            {groups}
        </div>
    }
}
