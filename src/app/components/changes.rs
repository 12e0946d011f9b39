//! What one document changed from another it retells (the summary from its article, the later
//! revision from the earlier one), each change beside both passages: on the lineage page for
//! every pair the lineage links, and on the comparison of that pair.

use leptos::prelude::*;

use crate::analysis::claims::{retelling_between, Change, Passage, Retelling};
use crate::corpus;
use crate::route;

fn passage_view(p: &'static Option<Passage>, heading: &'static str) -> impl IntoView {
    let body = match p {
        Some(p) => view! {
            <blockquote>"“" {p.quote} "”"</blockquote>
            <a href=route::passage_href(p.doc, p.block)>"Read the passage"</a>
        }
        .into_any(),
        None => view! { <p class="hint">"Nothing corresponds in this text."</p> }.into_any(),
    };
    view! { <div class="retold-side"><h4>{heading}</h4>{body}</div> }
}

/// The changes of one retelling, as a section headed by the pair.
#[component]
pub fn RetellingChanges(retelling: &'static Retelling) -> impl IntoView {
    let (retold, source) = (corpus::short_title(retelling.retold), corpus::short_title(retelling.source));
    let item = move |c: &'static Change| {
        view! {
            <li id=format!("change-{}", c.id)>
                <h3><span class="change-kind">{c.kind.label()}</span> ": " {c.finding}</h3>
                <div class="retold">
                    {passage_view(&c.source, source)}
                    {passage_view(&c.retold, retold)}
                </div>
            </li>
        }
    };
    let id = format!("changes-{}", retelling.retold);
    view! {
        <section class="retelling" aria-labelledby=id.clone()>
            <h2 id=id.clone()>"What “" {retold} "” changed from “" {source} "”"</h2>
            <p>
                "Each place where “" {retold} "” adds, drops, changes, renames or attributes differently what “" {source}
                "” says, with both passages. The findings are curated and checked against both texts when the app is built."
            </p>
            <ol class="changes">{retelling.changes.iter().map(item).collect_view()}</ol>
        </section>
    }
}

/// The changes between two documents, if one retells the other (nothing otherwise): for the
/// comparison of that pair, in either order. Folded, one click away: unfolded, a dozen findings
/// would stand between the student and the passages the page is for.
#[component]
pub fn PairChanges(a: &'static str, b: &'static str) -> impl IntoView {
    retelling_between(corpus::RETELLINGS, a, b).map(|r| {
        let n = r.changes.len();
        view! {
            <details class="pair-changes">
                // Short, to stay one line on a phone: the heading inside names the pair.
                <summary>{format!("How one retells the other: {n} changes")}</summary>
                <RetellingChanges retelling=r/>
            </details>
        }
    })
}
