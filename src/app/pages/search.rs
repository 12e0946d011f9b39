//! Search results: hits grouped by document in corpus order, each with a snippet and a link
//! to its paragraph in the reader, where the hits are marked. Arrow keys move through the
//! results; Enter opens one.

use leptos::prelude::*;

use super::added;
use crate::analysis::search::{self, Snippet};
use crate::app::components::title::use_page_title;
use crate::app::live_query::use_live_query;
use crate::app::search_index::{use_search_index, IndexState};
use crate::app::workspace::{use_work, Work};
use crate::corpus::{self, GLOSSARY};
use crate::model::{Block, Document};
use crate::route;

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

const PROMPT: &str = "Type in the search field above: words, the start of a word, or a \"phrase in quotes\".";

#[component]
pub fn Search() -> impl IntoView {
    let live = use_live_query();
    use_page_title(move || format!("Search: {}", live.text.get()));
    let index = use_search_index();
    view! {
        <h1>"Search"</h1>
        {move || match index.get() {
            // Nothing to search for yet (and nothing to wait for), as the page written at build
            // time says too.
            _ if live.text.with(|q| q.trim().is_empty()) => view! { <p class="search-summary" role="status">{PROMPT}</p> }.into_any(),
            IndexState::Ready(index) => view! { <Answer query=live.text.get() index=index/> }.into_any(),
            IndexState::Failed(e) => view! { <p class="notice" role="alert">{e}</p> }.into_any(),
            _ => view! { <p class="search-summary" role="status">"Loading the search index…"</p> }.into_any(),
        }}
    }
}

fn summary(query: &str, results: &search::Results) -> String {
    let hits = if results.total == 1 { "hit" } else { "hits" };
    format!(
        "{} {hits} for “{query}” in {} of {} documents.",
        results.total,
        results.groups.len(),
        corpus::documents().len()
    )
}

/// What one query finds: a summary, a note when the query was too long to search whole,
/// suggestions when nothing matched, and the hits.
#[component]
fn Answer(query: String, index: search::Index<'static>) -> impl IntoView {
    let results = search::search(&index, &corpus::block_text, &query);
    let glossary = search::search_glossary(GLOSSARY, &query);
    let added = added_results(use_work(), &query);
    let in_added: usize = added.iter().flat_map(|(_, hits)| hits).map(|h| h.ranges.len()).sum();
    let suggestions = if results.total == 0 && glossary.is_empty() && added.is_empty() {
        search::suggest(&index, &query)
    } else {
        Vec::new()
    };
    let summary = match in_added {
        0 => summary(&query, &results),
        n => format!("{} Also {n} in {} of the sources you added.", summary(&query, &results), added.len()),
    };
    let capped = search::is_capped(&query).then(|| {
        let note = format!(
            "This query is longer than the search reads: only its first {} words (and {} characters) were searched.",
            search::MAX_QUERY_WORDS,
            search::MAX_QUERY_CHARS
        );
        view! { <p class="notice">{note}</p> }
    });
    let suggestions = (!suggestions.is_empty()).then(|| {
        let links =
            suggestions.iter().map(|s| view! { <li><a href=route::search_href(s)>{s.clone()}</a></li> }).collect_view();
        view! { <div class="suggestions"><p>"No results. Did you mean:"</p><ul>{links}</ul></div> }
    });
    view! {
        <p class="search-summary" role="status">{summary}</p>
        {capped}
        {suggestions}
        <div class="results" on:keydown=on_key>
            <GlossaryHits hits=glossary/>
            <DocumentHits results=results query=query.clone()/>
            <AddedHits found=added query=query/>
        </div>
    }
}

#[component]
fn GlossaryHits(hits: Vec<search::TermHit>) -> impl IntoView {
    (!hits.is_empty()).then(|| {
        let terms = hits
            .iter()
            .map(|hit| {
                let term = &GLOSSARY[hit.term];
                let expansion =
                    (!hit.expansion.text.is_empty()).then(|| view! { {snippet_view(&hit.expansion)} " — " });
                view! {
                    <li>
                        <a class="result-link" href=route::glossary_entry_href(term.id)>{snippet_view(&hit.label)}</a>
                        {expansion}
                        {snippet_view(&hit.definition)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="result-group glossary-results" aria-labelledby="results-glossary">
                <h2 id="results-glossary">"Glossary"</h2>
                <ul class="hits">{terms}</ul>
            </section>
        }
    })
}

#[component]
fn DocumentHits(results: search::Results, query: String) -> impl IntoView {
    results
        .groups
        .iter()
        .map(|group| {
            let doc = &corpus::documents()[group.doc];
            let query = query.clone();
            result_group(doc, group.count, &group.hits, move |b| route::search_passage_href(doc.id, b.id, &query))
        })
        .collect_view()
}

/// One document's hits, each a link (`href`) to its passage.
fn result_group(
    doc: &'static Document,
    count: usize,
    hits: &[search::Hit],
    href: impl Fn(&Block) -> String,
) -> impl IntoView {
    let heading_id = format!("results-{}", doc.id);
    let labelled = heading_id.clone();
    let items = hits
        .iter()
        .map(|hit| {
            let block = &doc.blocks[hit.block];
            let label = if block.kind.is_heading() {
                "Heading".to_string()
            } else {
                format!("Paragraph {}", block.id.trim_start_matches('p'))
            };
            view! {
                <li>
                    <a class="result-link" href=href(block)>
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
                <span class="doc-relation">{format!(" — {} · {count} ", doc.relation)}{if count == 1 { "hit" } else { "hits" }}</span>
            </h2>
            <ol class="hits">{items}</ol>
        </section>
    }
}

/// The sources added in this browser that the query finds, with their hits.
fn added_results(work: Work, query: &str) -> Vec<(&'static Document, Vec<search::Hit>)> {
    let ids: Vec<String> = work.data.with_untracked(|w| w.sources.iter().map(|s| s.id.clone()).collect());
    ids.iter()
        .filter_map(|id| added::document(work, id))
        .filter_map(|doc| {
            let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text).collect();
            let hits = search::search_blocks(&texts, query);
            (!hits.is_empty()).then_some((doc, hits))
        })
        .collect()
}

/// Hits in the sources added in this browser, after the corpus's, each group marked as
/// outside the unit's checked corpus.
#[component]
fn AddedHits(found: Vec<(&'static Document, Vec<search::Hit>)>, query: String) -> impl IntoView {
    found
        .into_iter()
        .map(|(doc, hits)| {
            let count = hits.iter().map(|h| h.ranges.len()).sum();
            let query = query.clone();
            result_group(doc, count, &hits, move |b| route::search_passage_href(doc.id, b.id, &query))
        })
        .collect_view()
}
