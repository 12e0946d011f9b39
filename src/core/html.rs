//! The one HTML escaper, for the few places that write HTML as text (the embed snippet, the
//! page template): text and attribute values in double quotes are both safe with it.

/// Escapes text for HTML content or a double-quoted attribute value.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_what_could_end_text_or_an_attribute() {
        assert_eq!(super::escape(r#"<a href="x">&</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
        assert_eq!(super::escape("plain words"), "plain words");
    }
}
