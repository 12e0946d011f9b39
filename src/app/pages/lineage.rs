//! The lineage of the documents: how the five relate (revision of, summarizes, quotes) and
//! whom each cites, as a diagram with the same facts in a table; then what each document
//! changed from one it retells (the summary from its article, the later revision from the
//! earlier one), each finding beside both passages.

use leptos::prelude::*;

use crate::analysis::claims::Filter;
use crate::analysis::lineage::{diagram, facts, Diagram, Node, WIDTH};
use crate::app::components::changes::RetellingChanges;
use crate::app::components::hash_target::use_hash_target;
use crate::app::components::title::use_page_title;
use crate::corpus::{self, CLAIMS, ORIGINS, RETELLINGS};
use crate::route;

#[component]
pub fn Lineage() -> impl IntoView {
    use_page_title(|| "Lineage of the documents".to_string());
    let _ = use_hash_target(None);
    let facts = facts(corpus::documents(), CLAIMS, ORIGINS);
    let docs: Vec<&'static str> = corpus::documents().iter().map(|d| d.short_title).collect();
    let origins: Vec<&'static str> = facts.cited.iter().map(|o| ORIGINS[*o as usize].label).collect();
    let drawing = diagram(&docs, &origins, &facts);
    let rows = facts
        .relations
        .iter()
        .map(|&(a, kind, b)| (docs[a], kind, docs[b]))
        .chain(facts.cites.iter().map(|&(d, o)| (docs[d], "cites", origins[o])))
        .map(|(a, kind, b)| view! { <tr><th scope="row">{a}</th><td>{kind}</td><td>{b}</td></tr> })
        .collect_view();
    view! {
        <h1>"Lineage of the documents"</h1>
        <p class="lede">
            "How the five documents relate: which is a revision of which, which summarizes and quotes another, and whom each cites for the claims in the "
            <a href=route::claims_href(&Filter::default())>"claims grid"</a>
            ". One origin that reaches the corpus through several documents is one origin."
        </p>
        <figure class="lineage">
            <LineageSvg diagram=drawing/>
            <figcaption>"Documents on the left, with arcs for revisions, summaries and quotations; on the right, the outside origins that two or more documents cite. The table below gives every relation, and every origin each document cites."</figcaption>
        </figure>
        <table class="lineage-table">
            <caption>"Relations between the documents, and whom each cites"</caption>
            <thead><tr><th scope="col">"Document"</th><th scope="col">"Relation"</th><th scope="col">"To"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <div id="changes">
            {RETELLINGS.iter().map(|r| view! { <RetellingChanges retelling=r/> }).collect_view()}
        </div>
    }
}

#[component]
fn LineageSvg(diagram: Diagram) -> impl IntoView {
    let node = |n: &Node, class: &'static str| {
        view! {
            <g class=class>
                <title>{n.full}</title>
                <rect x=n.x y=n.y width=n.w height=n.h rx="6"/>
                <text x=n.x + 10 y=n.y + n.h / 2 + 5>{n.label.clone()}</text>
            </g>
        }
    };
    let edges = diagram
        .edges
        .iter()
        .map(|e| {
            let class = if e.between_documents { "edge relation" } else { "edge cite" };
            let label = e.between_documents.then(|| {
                view! { <text class="edge-label" x=e.label_x y=e.label_y text-anchor="end">{e.label.clone()}</text> }
            });
            view! { <g class=class><path d=e.path.clone()/>{label}</g> }
        })
        .collect_view();
    view! {
        <svg viewBox=format!("0 0 {WIDTH} {}", diagram.height) role="img" aria-labelledby="lineage-title">
            <title id="lineage-title">"Diagram of how the five documents relate and whom they cite; the table below gives the same facts"</title>
            {edges}
            {diagram.documents.iter().map(|n| node(n, "node doc")).collect_view()}
            {diagram.origins.iter().map(|n| node(n, "node origin")).collect_view()}
        </svg>
    }
}
