//! Claims against sources: a grid of what the documents disagree on beyond numbers (rows) by
//! the five documents (columns), each cell saying how that document treats the claim, with
//! the verbatim passage behind it; and one claim's page with who originally makes it and
//! through which documents it reaches the corpus. On a phone the grid becomes one card per
//! claim.

use leptos::prelude::*;

use super::NotFound;
use crate::analysis::claims::{select, summary, Claim, Filter, Sort, Source};
use crate::app::components::hash_target::use_hash_target;
use crate::app::components::title::use_page_title;
use crate::app::navigate::{use_go, Entry};
use crate::corpus::{self, CLAIMS, ORIGINS, TOPICS};
use crate::route::{self, View};

fn topic_label(c: &Claim) -> &'static str {
    TOPICS.get(c.topic as usize).map_or("", |t| t.label)
}

#[component]
pub fn Claims(filter: Filter) -> impl IntoView {
    use_page_title(|| "Claims against sources".to_string());
    let _ = use_hash_target(None);
    let (known, problem) = known_filter(&filter);
    // An unknown order reads as the usual one (see route.rs); the address still names it. Said
    // once the app runs, as the page written at build time has no address to read.
    let unknown_sort = RwSignal::new(None::<String>);
    Effect::new(move |_| unknown_sort.set(crate::app::browser::unknown_claims_sort()));
    let shown = select(CLAIMS, TOPICS, &known);
    let count = format!("{} of {} claims shown.", shown.len(), CLAIMS.len());
    view! {
        <h1>"Claims against sources"</h1>
        <p class="lede">
            "What the documents disagree on beyond the figures. Each row is a claim, worded neutrally and attributed; each column is a document, saying whether it states the claim, reports it as someone's allegation, reports a denial, contradicts it, or is silent, with the passage behind it. A statement several documents repeat from one origin counts as one independent origin."
        </p>
        <p><a href=route::lineage_href(None)>"Lineage of the documents: who revises, summarizes, quotes and cites whom"</a></p>
        <FilterBar filter=filter.clone()/>
        {problem.map(|p| view! { <p class="notice" role="alert">{p}</p> })}
        {move || unknown_sort.get().map(|s| view! {
            <p class="notice" role="alert">{format!("The claims cannot be sorted by “{s}”: they are shown in the usual order. Choose an order below.")}</p>
        })}
        <p class="status" role="status">{count}</p>
        <ClaimsTable claims=shown.clone()/>
        <ol class="claim-cards" aria-label="Claims, one card each">
            {shown.into_iter().map(|c| view! { <li><ClaimCard claim=c/></li> }).collect_view()}
        </ol>
    }
}

/// A filter naming a topic or document that does not exist (a mistyped link) filters nothing
/// on it: the filter without it, and what to say.
fn known_filter(f: &Filter) -> (Filter, Option<String>) {
    let topic = f.topic.clone().filter(|t| TOPICS.iter().any(|x| x.id == *t));
    let doc = f.doc.clone().filter(|d| corpus::document(d).is_some());
    let problem = match (&f.topic, &topic, &f.doc, &doc) {
        (Some(t), None, _, _) => {
            Some(format!("There is no topic with the id “{t}”: the claims of every topic are shown. Choose one below."))
        }
        (_, _, Some(d), None) => Some(format!(
            "There is no document with the id “{d}”: the claims of every document are shown. Choose one below."
        )),
        _ => None,
    };
    (Filter { topic, doc, ..f.clone() }, problem)
}

/// How one select of the filter bar changes the filter.
type Change = fn(&mut Filter, Option<String>);

/// Topic, document and order, each a select that moves to the view's URL for that choice.
#[component]
fn FilterBar(filter: Filter) -> impl IntoView {
    let all = |label: &'static str| std::iter::once(("", label));
    let topics: Vec<_> = all("All topics").chain(TOPICS.iter().map(|t| (t.id, t.label))).collect();
    let docs: Vec<_> = all("All documents").chain(corpus::documents().iter().map(|d| (d.id, d.short_title))).collect();
    let sorts: Vec<_> = Sort::ALL.iter().map(|s| (s.key(), s.label())).collect();
    let (topic, doc) = (filter.topic.clone().unwrap_or_default(), filter.doc.clone().unwrap_or_default());
    let sort = filter.sort.key().to_string();
    let filter = StoredValue::new(filter);
    view! {
        <form class="claim-filters" on:submit=|ev| ev.prevent_default()>
            <FilterSelect id="claim-topic" label="Topic" options=topics selected=topic filter=filter change=|f, v| f.topic = v/>
            <FilterSelect id="claim-doc" label="Document" options=docs selected=doc filter=filter change=|f, v| f.doc = v/>
            <FilterSelect
                id="claim-sort"
                label="Order"
                options=sorts
                selected=sort
                filter=filter
                change=|f, v| f.sort = v.and_then(|v| Sort::parse(&v)).unwrap_or_default()
            />
        </form>
    }
}

#[component]
fn FilterSelect(
    id: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    selected: String,
    filter: StoredValue<Filter>,
    change: Change,
) -> impl IntoView {
    let go = use_go();
    let on_change = move |ev: leptos::ev::Event| {
        let mut f = filter.get_value();
        change(&mut f, Some(event_target_value(&ev)).filter(|v| !v.is_empty()));
        go(View::Claims(f), Entry::Push);
    };
    let options = options
        .into_iter()
        .map(|(value, text)| view! { <option value=value selected=value == selected>{text}</option> })
        .collect_view();
    view! {
        <div class="pick">
            <label for=id>{label}</label>
            <select id=id on:change=on_change>{options}</select>
        </div>
    }
}

/// The grid: a real table, claims as row headers, documents as column headers.
#[component]
fn ClaimsTable(claims: Vec<&'static Claim>) -> impl IntoView {
    let heads = corpus::documents().iter().map(|d| view! { <th scope="col">{d.short_title}</th> }).collect_view();
    let rows = claims
        .into_iter()
        .map(|c| {
            let cells = corpus::documents()
                .iter()
                .map(|d| view! { <td><Treatment sources=c.cell(d.id) claim=c.id/></td> })
                .collect_view();
            view! {
                <tr id=route::claim_anchor(c.id)>
                    <th scope="row">
                        <span class="claim-topic">{topic_label(c)}</span>
                        <a href=route::claim_href(c.id)>{c.text}</a>
                        <span class="claim-summary">{summary(c)}</span>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll claims-grid" role="region" aria-label="Claims grid" tabindex="0">
            <table class="claims">
                <caption>"Claims (rows) against the five documents (columns)"</caption>
                <thead><tr><th scope="col">"Claim"</th>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One claim as a card (phones): each document's treatment under its name.
#[component]
fn ClaimCard(claim: &'static Claim) -> impl IntoView {
    let docs = corpus::documents()
        .iter()
        .map(|d| view! { <dt>{d.short_title}</dt><dd><Treatment sources=claim.cell(d.id) claim=claim.id/></dd> })
        .collect_view();
    view! {
        <article class="claim-card" aria-label=claim.text>
            <p class="claim-topic">{topic_label(claim)}</p>
            <h2><a href=route::claim_href(claim.id)>{claim.text}</a></h2>
            <p class="claim-summary">{summary(claim)}</p>
            <dl>{docs}</dl>
        </article>
    }
}

/// How one document treats a claim: each stance in words, its quote, who makes the
/// statement, and a link to the passage; "Silent" when the document does not treat it.
#[component]
fn Treatment(sources: Vec<&'static Source>, claim: &'static str) -> impl IntoView {
    if sources.is_empty() {
        return view! { <p class="stance stance-silent">"Silent"</p> }.into_any();
    }
    sources
        .into_iter()
        .map(|s| {
            let origin = ORIGINS.get(s.origin as usize).map_or("", |o| o.label);
            let href = route::claim_passage_href(s.passage.doc, claim, s.passage.block);
            view! {
                <div class=format!("stance {}", s.stance.class())>
                    <p class="stance-label">{s.stance.label()}</p>
                    <blockquote>"“" {s.passage.quote} "”"</blockquote>
                    <p class="stance-origin">"Origin: " {origin}</p>
                    {s.restates.map(|earlier| view! {
                        <p class="stance-dropped">
                            <strong>"Attribution dropped"</strong> ": " {corpus::short_title(earlier)} " names this origin; this passage does not."
                        </p>
                    })}
                    <a href=href>"Read the passage"</a>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

/// One claim: every document's treatment and each origin with the documents it reaches.
#[component]
pub fn ClaimPage(id: String) -> impl IntoView {
    let Some(claim) = corpus::claim(&id) else {
        return view! { <NotFound what=format!("There is no claim with the id “{id}”.")/> }.into_any();
    };
    use_page_title(move || format!("Claim: {}", claim.text));
    let origins = claim
        .origin_paths()
        .into_iter()
        .map(|(o, docs)| {
            let o = &ORIGINS[o as usize];
            let through: Vec<&str> = docs.iter().map(|d| corpus::short_title(d)).collect();
            view! { <li><strong>{o.label}</strong> " (" {o.kind} "), through " {through.join(", ")}</li> }
        })
        .collect_view();
    let topic = TOPICS.get(claim.topic as usize).map(|t| t.id.to_string());
    view! {
        <article class="claim-page">
            <p class="claim-topic">{topic_label(claim)}</p>
            <h1>{claim.text}</h1>
            <p class="claim-summary">{summary(claim)}</p>
            {(!claim.note.is_empty()).then(|| view! { <p class="hint">{claim.note}</p> })}
            <h2>"Who originally makes the statements"</h2>
            <ul class="origins">{origins}</ul>
            <h2>"How each document treats it"</h2>
            <dl class="claim-docs">
                {corpus::documents().iter().map(|d| view! { <dt>{d.title} " (" {d.short_title} ")"</dt><dd><Treatment sources=claim.cell(d.id) claim=claim.id/></dd> }).collect_view()}
            </dl>
            <p><a href=route::claims_href(&Filter { topic, ..Filter::default() })>"Other claims on this topic"</a></p>
        </article>
    }
    .into_any()
}
