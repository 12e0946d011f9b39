//! Where a document comes from, as `documents.toml` records it.

use leptos::prelude::*;

use crate::corpus::short_title;
use crate::model::Document;
use crate::route;

#[component]
pub fn Provenance(doc: &'static Document) -> impl IntoView {
    let related = doc
        .related
        .iter()
        .map(|r| {
            let other = short_title(r.target);
            view! {
                <li>
                    <span class="relation-kind">{r.kind} ": "</span>
                    <a href=route::read_href(r.target)>{other}</a>
                    <span class="relation-note">" — " {r.note}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <dl class="provenance">
            <dt>"Outlet"</dt><dd>{doc.outlet}</dd>
            <dt>"Date"</dt><dd>{doc.date}</dd>
            <dt>"Relation to the subject"</dt><dd>{doc.relation}</dd>
            <dt>"Language"</dt><dd>{doc.language}</dd>
            <dt>"Licence"</dt><dd>{doc.licence}</dd>
            <dt>"Seed file"</dt><dd><code>{doc.seed}</code></dd>
            {(!doc.related.is_empty()).then(|| view! { <dt>"Related documents"</dt><dd><ul class="related">{related}</ul></dd> })}
        </dl>
    }
}
