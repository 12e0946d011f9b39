//! The start page: the five documents with their provenance at a glance, and where to go
//! from there (comparisons, claims, lineage, figures, questions and notes).

use leptos::prelude::*;

use super::added::AddedSources;
use crate::app::components::title::use_page_title;
use crate::corpus;
use crate::route;

/// Pairs a source-criticism unit starts from: revision against revision, an article against
/// its summary, and an MEK outlet against the encyclopedia.
const SUGGESTED: &[(&str, &str, &str)] = &[
    ("encyclopedia-earlier", "encyclopedia-later", "The two revisions of the encyclopedia article"),
    ("source-of-hope", "lends-hope", "The PMOI/MEK article and the piece that summarizes it"),
    ("home-to-mek", "encyclopedia-later", "A site supporting the MEK and the later encyclopedia revision"),
];

#[component]
pub fn Library() -> impl IntoView {
    use_page_title(|| "Library".to_string());
    let items = corpus::documents()
        .iter()
        .map(|doc| {
            let title_id = format!("doc-{}", doc.id);
            let labelled_by = title_id.clone();
            view! {
                <li>
                    <article class="doc-card" aria-labelledby=labelled_by>
                        <h2 id=title_id>
                            <a href=route::read_href(doc.id)>
                                {doc.title}
                                <span class="doc-relation">" — " {doc.relation}</span>
                            </a>
                        </h2>
                        <dl class="doc-facts">
                            <div><dt>"Outlet"</dt><dd>{doc.outlet}</dd></div>
                            <div><dt>"Date"</dt><dd>{doc.date}</dd></div>
                            <div><dt>"Relation"</dt><dd>{doc.relation}</dd></div>
                            <div><dt>"Words"</dt><dd>{doc.word_count}</dd></div>
                            <div><dt>"Reading time"</dt><dd>{format!("about {} min", doc.reading_minutes())}</dd></div>
                        </dl>
                    </article>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"Library"</h1>
        <p class="lede">
            "Five documents about Camp Ashraf 3, the camp of the People’s Mojahedin Organization of Iran (MEK) in Albania. "
            "Three come from websites run by or supporting the MEK and the NCRI; two are revisions of one encyclopedia article. "
            "They disagree on figures, framing and what they leave out: read them with their provenance in view."
        </p>
        <ul class="doc-list">{items}</ul>
        <AddedSources/>
        <section class="suggested" aria-labelledby="suggested-title">
            <h2 id="suggested-title">"Compare side by side"</h2>
            <ul>
                {SUGGESTED
                    .iter()
                    .map(|(a, b, label)| {
                        let href = route::compare_href(Some(a), Some(b));
                        view! { <li><a href=href>{*label}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section class="suggested" aria-labelledby="beyond-title">
            <h2 id="beyond-title">"Weigh the sources"</h2>
            <ul>
                <li><a href=route::claims_href(&Default::default())>"Claims against sources"</a>": who states, reports, denies or contradicts each disputed claim, and who first made it"</li>
                <li><a href=route::lineage_href(None)>"Lineage of the documents"</a>": who revises, summarizes and quotes whom, and what the summary changed"</li>
                <li><a href=route::figures_href(None)>"Figures"</a>": the same quantity as each source states it"</li>
                <li><a href=route::questions_href()>"Guided questions"</a>" and "<a href=route::notes_href()>"My notes"</a>": your answers and notes, kept in this browser, to export and hand in"</li>
            </ul>
        </section>
    }
}
