//! The Content-Security-Policy `<meta>` of the page template, which every page inherits. Scripts
//! may only come from the app's own origin, plus the template's inline scripts (index.html's
//! start-up check and the loader), each allowed by its sha256, so no 'unsafe-inline'; styles
//! likewise, plus the stylesheet each page holds inline (`style`), allowed by its sha256;
//! WebAssembly needs 'wasm-unsafe-eval', which allows compiling wasm but not eval(). A static
//! host can serve the same policy as a header; the meta tag makes it travel with dist/.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// `html` with its policy, first in `<head>` after `<meta charset>` (which must stay within the
/// first bytes), and how many inline scripts it allows. `styles`: the inline styles the pages
/// will hold.
pub fn add_policy(html: &str, styles: &[&str]) -> Result<(String, usize), String> {
    if html.contains(r#"http-equiv="Content-Security-Policy""#) {
        return Err("the template already has a Content-Security-Policy".into());
    }
    let hash = |body: &&str| format!("'sha256-{}'", STANDARD.encode(Sha256::digest(body)));
    let hashes: Vec<String> = inline_scripts(html).iter().map(hash).collect();
    let script_src: Vec<String> =
        ["script-src 'self'".to_string()].into_iter().chain(hashes).chain(["'wasm-unsafe-eval'".to_string()]).collect();
    let style_src: Vec<String> = ["style-src 'self'".to_string()].into_iter().chain(styles.iter().map(hash)).collect();
    let policy = [
        "default-src 'self'",
        &script_src.join(" "),
        &style_src.join(" "),
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
    ]
    .join("; ");
    let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#);
    let lower = html.to_ascii_lowercase();
    let anchor = tag_end(&lower, "<meta charset=").or_else(|| tag_end(&lower, "<head")).ok_or("no <head>")?;
    Ok((format!("{}{meta}{}", &html[..anchor], &html[anchor..]), script_src.len() - 2))
}

/// Where the first tag that starts with `start` ends (after its `>`), in lower-cased HTML.
fn tag_end(lower: &str, start: &str) -> Option<usize> {
    let at = lower.find(start)?;
    Some(at + lower[at..].find('>')? + 1)
}

/// The text of every `<script>` without `src`, as the browser hashes it.
fn inline_scripts(html: &str) -> Vec<&str> {
    // ASCII lower-casing keeps every byte where it was, so positions hold in `html` too.
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<script").map(|i| from + i) {
        let rest = &lower[at + "<script".len()..];
        if !rest.starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            from = at + 1;
            continue;
        }
        let Some(open) = rest.find('>').map(|i| at + "<script".len() + i + 1) else { break };
        let Some(close) = lower[open..].find("</script>").map(|i| open + i) else { break };
        let attrs = &lower[at + "<script".len()..open - 1];
        if !attrs.split(|c: char| c.is_ascii_whitespace() || c == '=').any(|a| a == "src") {
            scripts.push(&html[open..close]);
        }
        from = close;
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><meta charset="utf-8"><title>x</title><script>a()</script><SCRIPT type="module" data-wasm="w">b()</SCRIPT><script src="c.js"></script><scripts></scripts></head><body></body></html>"#;

    #[test]
    fn hashes_each_inline_script_and_nothing_else() {
        assert_eq!(inline_scripts(PAGE), ["a()", "b()"]);
        let (html, count) = add_policy(PAGE, &[]).unwrap();
        assert_eq!(count, 2);
        // sha256 of "a()" and of "b()", in base64, as the browser computes them.
        let a = format!("'sha256-{}'", STANDARD.encode(Sha256::digest("a()")));
        let b = format!("'sha256-{}'", STANDARD.encode(Sha256::digest("b()")));
        assert!(html.contains(&format!("script-src 'self' {a} {b} 'wasm-unsafe-eval';")), "{html}");
        assert_eq!(STANDARD.encode(Sha256::digest("")), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    #[test]
    fn the_policy_follows_the_charset_and_allows_nothing_inline_by_itself() {
        let (html, _) = add_policy(PAGE, &[]).unwrap();
        let policy = html
            .strip_prefix(r#"<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content=""#)
            .and_then(|rest| rest.split_once('"'))
            .expect("the policy right after <meta charset>")
            .0;
        assert!(policy.starts_with("default-src 'self'; script-src 'self' 'sha256-"));
        assert!(policy.ends_with("base-uri 'self'; form-action 'self'; object-src 'none'"));
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'") && !policy.contains('*'));
    }

    /// The added sources' worker (src/worker) is started from the app's own origin, its loader
    /// imports its module from there, and it compiles its wasm: the policy allows exactly that.
    #[test]
    fn the_added_sources_worker_may_start_from_the_origin_and_compile_its_wasm() {
        let (html, _) = add_policy(PAGE, &[]).unwrap();
        assert!(html.contains("; worker-src 'self';"), "{html}");
        assert!(html.contains("script-src 'self' ") && html.contains(" 'wasm-unsafe-eval';"), "{html}");
    }

    #[test]
    fn without_a_charset_the_policy_opens_the_head() {
        let (html, count) = add_policy("<html><head lang=en><title>x</title></head></html>", &[]).unwrap();
        assert_eq!(count, 0);
        assert!(html.starts_with(r#"<html><head lang=en><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "#), "{html}");
    }

    #[test]
    fn allows_the_inline_stylesheet_by_its_hash_and_no_other_style() {
        let (html, _) = add_policy(PAGE, &["p{color:red}"]).unwrap();
        let sheet = format!("'sha256-{}'", STANDARD.encode(Sha256::digest("p{color:red}")));
        assert!(html.contains(&format!("; style-src 'self' {sheet}; ")), "{html}");
        assert!(!html.contains("unsafe-inline") && !html.contains("unsafe-hashes"));
    }

    #[test]
    fn refuses_a_second_policy_or_a_page_without_head() {
        let (html, _) = add_policy(PAGE, &[]).unwrap();
        assert!(add_policy(&html, &[]).is_err());
        assert!(add_policy("<p>no head</p>", &[]).is_err());
    }
}
