//! The glossary: every term with its definition, aliases and source, and for each term which
//! documents use which name and how often, so the choice of name can be read as evidence.

use leptos::prelude::*;

use crate::analysis::glossary::usage_of;
use crate::app::components::definition::Definition;
use crate::app::components::hash_target::use_hash_target;
use crate::app::components::title::use_page_title;
use crate::app::current::use_route;
use crate::corpus::{self, GLOSSARY, GLOSSARY_USAGE};
use crate::route;

#[component]
pub fn Glossary() -> impl IntoView {
    use_page_title(|| "Glossary".to_string());
    use_hash_target(None);
    let entries = GLOSSARY
        .iter()
        .enumerate()
        .map(|(i, term)| {
            let usage = usage_of(GLOSSARY_USAGE, i as u16);
            let rows = usage
                .iter()
                .map(|u| {
                    let doc = &corpus::documents()[u.doc as usize];
                    let href = route::term_passage_href(doc.id, term.id, u.blocks.first().copied());
                    let label = format!("{} occurrences of “{}” in “{}”", u.count, u.alias, doc.short_title);
                    view! {
                        <tr>
                            <th scope="row">{doc.short_title}</th>
                            <td>{u.alias}</td>
                            <td class="num"><a href=href aria-label=label>{u.count}</a></td>
                        </tr>
                    }
                })
                .collect_view();
            let heading_id = format!("term-{}-title", term.id);
            let labelled = heading_id.clone();
            view! {
                <article class="term-entry" id=route::term_anchor(term.id) aria-labelledby=labelled tabindex="-1">
                    <h2 id=heading_id>{term.label}</h2>
                    {(!term.expansion.is_empty()).then(|| view! { <p class="expansion">{term.expansion}</p> })}
                    <Definition sentences=term.sentences compact_form=false/>
                    {(!term.aliases.is_empty()).then(|| view! {
                        <p class="aliases"><span class="label">"Also written: "</span>{term.aliases.join(" · ")}</p>
                    })}
                    {if usage.is_empty() {
                        view! { <p class="usage-none">"Not used by name in the five documents."</p> }.into_any()
                    } else {
                        view! {
                            <table class="usage">
                                <caption>{format!("Names used for {} in each document", term.label)}</caption>
                                <thead><tr><th scope="col">"Document"</th><th scope="col">"Name used"</th><th scope="col">"Times"</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        }.into_any()
                    }}
                </article>
            }
        })
        .collect_view();
    let here = use_route().get_untracked();
    let index = GLOSSARY
        .iter()
        .map(|t| view! { <li><a href=route::in_page(&here, &route::term_anchor(t.id))>{t.label}</a></li> })
        .collect_view();
    view! {
        <h1>"Glossary"</h1>
        <p class="lede">
            "Names, acronyms and places in the five documents. Each sentence of a definition says what it rests on: a passage of the documents, quoted and linked, or a named reference from outside the corpus. Where the sources disagree, the entry says so and links the figures. "
            "Under each term, a table shows which name each document uses and how often: the sources name the same group in different ways, and that choice is itself evidence."
        </p>
        <nav class="term-index" aria-label="Terms"><ul>{index}</ul></nav>
        {entries}
    }
}
