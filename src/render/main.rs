//! The page renderer: every view that is a page of its own (`route::page_views`) rendered with
//! the app's own components into `<dist>/<path>/index.html`, from Trunk's `index.html` as the
//! template. The text, the alignments and the glossary marks are then in the HTML, readable
//! before the wasm (or without it); the wasm hydrates the page. Run by `tools/render.sh`.

use std::path::Path;
use std::{env, fs, process};

use ashraf3_companion::app::render_page;
use ashraf3_companion::corpus::{self, CLAIMS, QUANTITIES};
use ashraf3_companion::route::{self, Route};

mod template;

fn main() {
    let Some(dist) = env::args().nth(1) else {
        eprintln!("usage: companion-render <dist folder>");
        process::exit(2);
    };
    if let Err(e) = run(Path::new(&dist)) {
        eprintln!("companion-render: {e}");
        process::exit(1);
    }
}

fn run(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let template = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let template = template::Template::parse(&template, corpus::CORPUS_TEXT_FILE)
        .map_err(|e| format!("{}: {e}", index.display()))?;
    let docs: Vec<&str> = corpus::documents().iter().map(|d| d.id).collect();
    let quantities: Vec<&str> = QUANTITIES.iter().map(|q| q.id).collect();
    let claims: Vec<&str> = CLAIMS.iter().map(|c| c.id).collect();
    let views = route::page_views(&docs, &quantities, &claims);
    let mut pages: Vec<(String, Option<String>, String)> = views
        .iter()
        .map(|v| {
            let (file, base) = route::page_file(v);
            (file, Some(base), route::href(&Route::new(v.clone())))
        })
        .collect();
    // What a static host serves for any address it has no file for.
    pages.push(("404.html".into(), None, "not-found/".into()));
    let mut bytes = 0;
    for (file, base, href) in &pages {
        let (body, title) = render_page(href);
        // `<!>` marks where two text nodes meet, which hydration needs; an HTML checker reads
        // it as a bogus comment, so it is written as the empty comment the browser makes of it.
        let body = body.replace("<!>", "<!---->");
        let html = template.page(base.as_deref(), href, &title, &body);
        let path = dist.join(file);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&path, &html).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += html.len();
    }
    println!("render: {} pages, {} KB of HTML", pages.len(), bytes / 1024);
    Ok(())
}
