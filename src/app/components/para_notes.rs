//! A paragraph's notes: the student's notes placed on it (in the margin on wide screens, below
//! it on a phone), each editable and deletable with undo, and the "Add a note" button that
//! takes the words selected in the paragraph, or the whole paragraph, with the keyboard alone
//! as well as with a pointer.

use leptos::prelude::*;

use std::ops::Range;

use crate::analysis::notes::drafts::{self, Draft};
use crate::analysis::notes::{self, Anchor, Note, Placement};
use crate::app::browser;
use crate::app::workspace::{now, use_work, Keeping, KeepingNotice};
use crate::corpus;
use crate::model::{Block, Document};

/// Words the student selected, and the passage they are in (document and block ids).
pub type Selection = RwSignal<Option<(&'static str, &'static str, String)>>;

/// A note as placed in the document today.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub note: Note,
    pub placement: Placement,
}

impl Placed {
    pub fn block(&self) -> Option<usize> {
        self.placement.at().map(|(block, _)| block)
    }
}

#[component]
pub fn ParaNotes(
    block: &'static Block,
    /// The block's position in the document.
    at: usize,
    doc: &'static str,
    placed: Memo<Vec<Placed>>,
    selection: Selection,
    /// The paragraph's number as readers count it ("3").
    label: String,
) -> impl IntoView {
    let here =
        Memo::new(move |_| placed.with(|p| p.iter().filter(|x| x.block() == Some(at)).cloned().collect::<Vec<_>>()));
    let adding = RwSignal::new(false);
    let add_button = NodeRef::new();
    refocus_when_closed(adding, add_button);
    reopen_with_draft(adding, drafts::editor_key(doc, block.id, None));
    let selected = move || {
        selection.with(|s| s.as_ref().filter(|(d, b, _)| *d == doc && *b == block.id).map(|(_, _, q)| q.clone()))
    };
    let add_label = move || match selected() {
        Some(_) => format!("Add a note on the selected words in paragraph {label}"),
        None => format!("Add a note to paragraph {label}"),
    };
    view! {
        <div class="para-notes">
            <For each=move || here.get() key=|p| (p.note.id.clone(), p.note.updated.to_bits()) let:p>
                <NoteCard placed=p block=block doc=doc/>
            </For>
            <Show
                when=move || adding.get()
                fallback=move || view! {
                    <button type="button" class="add-note" node_ref=add_button aria-label=add_label.clone() on:click=move |_| adding.set(true)>
                        {move || if selected().is_some() { "Note on selection" } else { "Add a note" }}
                    </button>
                }
            >
                <NoteEditor block=block doc=doc quote=selected().unwrap_or_default() text=String::new() id=None done=adding/>
            </Show>
        </div>
    }
}

/// Opens an editor whose draft this tab keeps (the student left the view, or the tab was
/// reloaded, while writing): the editor then shows the draft.
fn reopen_with_draft(open: RwSignal<bool>, editor: String) {
    let work = use_work();
    Effect::new(move |_| {
        if work.drafts.with(|d| d.contains_key(&editor)) && !open.get_untracked() {
            open.set(true);
        }
    });
}

/// When an editor closes (saved or cancelled), the field that had focus leaves the page and
/// focus would fall to the page's start: it goes back to the button that opened the editor,
/// drawn again in its place. A saved edit draws its note afresh: focus goes to the new
/// card's Edit button (see [`EDITED`]).
fn refocus_when_closed(open: RwSignal<bool>, opener: NodeRef<leptos::html::Button>) {
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if was_open == Some(true) && !is_open {
            take_lost_focus(opener.get_untracked());
        }
        is_open
    });
}

/// Focuses `button` if focus has fallen to the page's start (the focused field left the
/// page), and says whether it did.
fn take_lost_focus(button: Option<web_sys::HtmlButtonElement>) -> bool {
    let lost =
        browser::document().is_some_and(|d| d.active_element().is_none_or(|a| Some(a) == d.body().map(Into::into)));
    match button.filter(|_| lost) {
        Some(button) => button.focus().is_ok(),
        None => false,
    }
}

thread_local! {
    /// The note whose edit was just saved: its card, drawn afresh, takes the focus.
    static EDITED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Keeps `selection` on the words selected in any passage of the page (an element with
/// `data-doc` and `data-block`), until the calling component is cleaned up. A click elsewhere
/// clears the page's selection; the last one stays offered until a new one is made, so the
/// button that uses it can be reached after it.
pub fn track_selection(selection: Selection) {
    track_selection_in(selection, corpus::document);
}

/// [`track_selection`] in the documents `find` knows (a page that shows an added source).
pub fn track_selection_in(selection: Selection, find: impl Fn(&str) -> Option<&'static Document> + 'static) {
    browser::on_selection_change(move || {
        let found = browser::selection_in_passage().and_then(|(doc, block, text)| {
            let doc = find(&doc)?;
            doc.block(&block).map(|b| (doc.id, b.id, text))
        });
        if found.is_some() {
            selection.set(found);
        }
    });
}

/// The student's notes on one document, placed on today's text, and the words selected on
/// the page.
#[derive(Clone, Copy)]
pub struct NotesHere {
    pub placed: Memo<Vec<Placed>>,
    pub selection: Selection,
}

impl NotesHere {
    pub fn new(doc: &'static Document, selection: Selection) -> Self {
        let work = use_work();
        let blocks: Vec<(&str, &str)> = doc.blocks.iter().map(|b| (b.id, b.text)).collect();
        let placed = Memo::new(move |_| {
            work.data.with(|w| {
                w.notes_on(doc.id)
                    .into_iter()
                    .map(|n| Placed { placement: notes::place(&n.anchor, &blocks), note: n.clone() })
                    .collect::<Vec<_>>()
            })
        });
        NotesHere { placed, selection }
    }

    /// Highlighted ranges of block `at`.
    pub fn ranges(self, at: usize) -> Signal<Vec<Range<usize>>> {
        let placed = self.placed;
        Signal::derive(move || {
            placed.with(|p| {
                p.iter()
                    .filter(|x| !x.note.anchor.quote.is_empty())
                    .filter_map(|x| x.placement.at().filter(|(block, _)| *block == at).map(|(_, range)| range.clone()))
                    .collect()
            })
        })
    }
}

/// One note: its highlighted words, its text, and edit/delete.
#[component]
fn NoteCard(placed: Placed, block: &'static Block, doc: &'static str) -> impl IntoView {
    let work = use_work();
    let editing = RwSignal::new(false);
    let edit_button = NodeRef::<leptos::html::Button>::new();
    refocus_when_closed(editing, edit_button);
    reopen_with_draft(editing, drafts::editor_key(doc, block.id, Some(&placed.note.id)));
    let this = placed.note.id.clone();
    Effect::new(move |_| {
        if EDITED.with(|e| e.borrow().as_ref() == Some(&this)) && take_lost_focus(edit_button.get()) {
            EDITED.with(|e| e.borrow_mut().take());
        }
    });
    let note = placed.note.clone();
    let moved = matches!(placed.placement, Placement::Moved { .. });
    let id = note.id.clone();
    let heading = if note.anchor.quote.is_empty() {
        "Note on this paragraph".to_string()
    } else {
        format!("Note on “{}”", note.anchor.quote)
    };
    view! {
        <aside class="note" aria-label=heading.clone()>
            <Show
                when=move || editing.get()
                fallback={
                    let (note, id, heading) = (note.clone(), id.clone(), heading.clone());
                    move || view! {
                        <p class="note-on">{heading.clone()}</p>
                        {moved.then(|| view! { <p class="hint">"This passage has moved since the note was written; the note follows its words."</p> })}
                        <p class="note-text">{note.text.clone()}</p>
                        <div class="note-actions">
                            <button type="button" node_ref=edit_button on:click=move |_| editing.set(true)>"Edit"</button>
                            <button type="button" on:click={ let id = id.clone(); move |_| { work.deleted.remove(work, &id); } }>"Delete"</button>
                        </div>
                    }
                }
            >
                <NoteEditor block=block doc=doc quote=note.anchor.quote.clone() text=note.text.clone() id=Some(note.clone()) done=editing/>
            </Show>
        </aside>
    }
}

/// Writing or editing a note. The highlighted words can be typed or pasted as well as
/// selected, so the keyboard alone is enough; they must be words of this paragraph.
#[component]
pub fn NoteEditor(
    block: &'static Block,
    /// The note's document.
    doc: &'static str,
    quote: String,
    text: String,
    /// The note being edited, if any.
    id: Option<Note>,
    /// Set to false when the editor closes.
    done: RwSignal<bool>,
    /// Runs once the note is saved (not on Cancel).
    #[prop(optional)]
    on_save: Option<Callback<()>>,
) -> impl IntoView {
    let work = use_work();
    let editor = drafts::editor_key(doc, block.id, id.as_ref().map(|n| n.id.as_str()));
    // What the student typed here before (another view, a reload) comes back as it was.
    let (quote, text) = match work.draft(&editor) {
        Some(d) => (d.quote, d.text),
        None => (quote, text),
    };
    let (quote, text, error) = (RwSignal::new(quote), RwSignal::new(text), RwSignal::new(None::<&'static str>));
    let editor = StoredValue::new(editor);
    let keep_draft = move || {
        let draft = Draft { text: text.get_untracked(), quote: quote.get_untracked() };
        editor.with_value(|e| work.set_draft(e, Some(draft)));
    };
    let close = move || {
        editor.with_value(|e| work.set_draft(e, None));
        done.set(false);
    };
    let field = format!("note-{}-{}", block.id, id.as_ref().map_or("new", |n| n.id.as_str()));
    let quote_field = format!("{field}-quote");
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(t) = textarea.get() {
            let _ = t.focus();
        }
    });
    // A new note's id is made once, so a save tried again (storage full) is the same note.
    let note_id = StoredValue::new(id.as_ref().map(|n| n.id.clone()));
    let editing = id.is_some();
    let old = StoredValue::new(id);
    // Set when the save waits for room in storage: the editor stays open, its text in it,
    // until the note is in storage.
    let waiting = RwSignal::new(false);
    Effect::new(move |_| {
        if waiting.get() && work.keeping.get() == Keeping::Saved {
            waiting.set(false);
            close();
            if let Some(f) = on_save {
                f.run(());
            }
        }
    });
    // Saving is a click (or Enter in the one-line field), not a form's submission: a course
    // page's frame sandboxed without `allow-forms` blocks submissions.
    let save = move || {
        let q = quote.get_untracked().trim().to_string();
        let t = text.get_untracked().trim().to_string();
        if !q.is_empty() && !block.text.contains(&q) {
            return error.set(Some("These words are not in this paragraph: copy them exactly, or leave the field empty to note the whole paragraph."));
        }
        if q.is_empty() && t.is_empty() {
            return error.set(Some("Write a note, or give the words to highlight."));
        }
        error.set(None);
        let stamp = now();
        let note = match old.get_value() {
            Some(old) => {
                Note { anchor: Anchor { quote: q, ..old.anchor.clone() }, text: t, updated: stamp, ..old.clone() }
            }
            None => Note {
                id: note_id.get_value().unwrap_or_else(|| {
                    let made = work.new_id();
                    note_id.set_value(Some(made.clone()));
                    made
                }),
                anchor: Anchor { doc: doc.to_string(), block: block.id.to_string(), quote: q },
                text: t,
                created: stamp,
                updated: stamp,
            },
        };
        if editing {
            EDITED.with(|e| *e.borrow_mut() = Some(note.id.clone()));
        }
        if !work.put_note(note) && work.keeping.get_untracked() == Keeping::Waiting {
            waiting.set(true);
            return;
        }
        close();
        if let Some(f) = on_save {
            f.run(());
        }
    };
    let enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.is_composing() {
            ev.prevent_default();
            save();
        }
    };
    view! {
        <div class="note-editor" role="group" aria-label="Note editor">
            <KeepingNotice/>
            <label for=field.clone()>"Your note"</label>
            <textarea id=field.clone() node_ref=textarea rows="3" prop:value=move || text.get() on:input=move |ev| { text.set(event_target_value(&ev)); keep_draft(); }></textarea>
            <label for=quote_field.clone()>"Words to highlight (optional; empty: the whole paragraph)"</label>
            <input id=quote_field type="text" prop:value=move || quote.get() on:input=move |ev| { quote.set(event_target_value(&ev)); keep_draft(); } on:keydown=enter/>
            {move || error.get().map(|e| view! { <p class="notice" role="alert">{e}</p> })}
            <div class="note-actions">
                <button type="button" class="primary" on:click=move |_| save()>"Save note"</button>
                <button type="button" on:click=move |_| close()>"Cancel"</button>
            </div>
        </div>
    }
}
