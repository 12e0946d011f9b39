//! The build's last step, run by Trunk once it has written the app (Trunk.toml's post_build
//! hook, with the build in `TRUNK_STAGING_DIR`), in this order: the added sources' worker's
//! files and the page modules' named by their content, the loader (which names the worker's)
//! into the page template and the template's Content-Security-Policy (its hashes cover the
//! loader and the stylesheet), every view rendered into its own page from that template, naming
//! its module and holding the stylesheet, the
//! files the app fetches, and last the service worker, which lists and hashes everything the
//! others wrote. `--precache <dist>` writes the service worker alone, for a build whose files
//! changed.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

mod csp;
mod data_files;
mod loader;
mod pages;
mod precache;
mod style;
mod template;
mod worker_files;

const USAGE: &str = "usage: companion-render [<dist folder>] | companion-render --precache <dist folder>\n(with no folder, the build Trunk is writing: TRUNK_STAGING_DIR)";

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match &args[..] {
        [flag, dist] if flag == "--precache" => precache::write(Path::new(dist)).map(|said| println!("{said}")),
        [dist] if !dist.starts_with('-') => build(Path::new(dist)),
        [] => match env::var_os("TRUNK_STAGING_DIR") {
            Some(dist) => build(&PathBuf::from(dist)),
            None => usage(),
        },
        _ => usage(),
    };
    if let Err(e) = result {
        eprintln!("companion-render: {e}");
        process::exit(1);
    }
}

fn usage() -> Result<(), String> {
    eprintln!("{USAGE}");
    process::exit(2);
}

fn build(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let named = |e: String| format!("{}: {e}", index.display());
    let template = fs::read_to_string(&index).map_err(|e| named(e.to_string()))?;
    let template = loader::inline(&template).map_err(named)?;
    let template = loader::name_worker(&template, &worker_files::name_by_content(dist)?).map_err(named)?;
    let modules = worker_files::name_modules(dist)?;
    let stylesheet = style::Stylesheet::of(&template, dist).map_err(named)?;
    let (template, scripts) = csp::add_policy(&template, &[&stylesheet.rules]).map_err(named)?;
    println!("csp: Content-Security-Policy with {scripts} inline script hash(es) and the stylesheet's");
    println!("{}", pages::write(dist, &template, &modules, &stylesheet)?);
    for said in data_files::write(dist, &data_files::FILES)? {
        println!("{said}");
    }
    println!("{}", precache::write(dist)?);
    Ok(())
}
