//! `figures.toml` -> `QUANTITIES` and `FIGURES`. Every quote is checked verbatim against the
//! cleaned document it names, and located (block and byte ranges) for the reader: a figure
//! that cannot be traced to its passage fails the build.

use std::path::Path;

use serde::Deserialize;

use super::corpus::{self, CleanDoc};
use super::{lit, opt_lit, read, Result};
use companion_core::analysis::figures::{most_common, Bound, Date, FigureKind};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantitySpec {
    pub id: String,
    pub label: String,
    pub unit: String,
    /// The unit after "1", where it differs ("person").
    pub unit_one: Option<String>,
    pub kind: String,
    #[serde(default)]
    pub over_time: bool,
    /// Whether its figures count the same thing, so the page may state a spread and a ratio;
    /// required once they state different values.
    pub comparable: Option<bool>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    pub id: String,
    pub quantity: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub date: Option<String>,
    pub qualifier: String,
    pub kind: String,
    pub number: String,
    pub stated_by: String,
    pub origin: String,
    pub applies_when: String,
    pub applies_iso: Option<String>,
    /// The figure of a document this one retells that it restates without its attribution.
    pub restates: Option<String>,
    pub doc: String,
    pub quote: String,
}

#[derive(Deserialize)]
struct FiguresFile {
    quantity: Vec<QuantitySpec>,
    figure: Vec<FigureSpec>,
}

/// A figure with where it was found.
pub struct Located {
    pub spec: FigureSpec,
    pub quantity: usize,
    pub value: String,
    pub bound: Bound,
    pub kind: FigureKind,
    pub applies: Option<Date>,
    pub block: String,
    pub quote_range: (usize, usize),
    pub number_range: (usize, usize),
}

pub struct Figures {
    pub quantities: Vec<QuantitySpec>,
    pub figures: Vec<Located>,
}

fn kind(k: &str) -> Option<&'static str> {
    Some(match k {
        "count" => "Count",
        "duration" => "Duration",
        "date" => "Date",
        "area" => "Area",
        "money" => "Money",
        "distance" => "Distance",
        _ => return None,
    })
}

fn date_src(d: Date) -> String {
    format!("Date {{ year: {}, month: {:?}, day: {:?} }}", d.year, d.month, d.day)
}

fn locate(f: FigureSpec, quantities: &[QuantitySpec], docs: &[CleanDoc]) -> Result<Located> {
    let err = |msg: String| format!("figures.toml: figure {:?}: {msg}", f.id);
    let quantity = quantities
        .iter()
        .position(|q| q.id == f.quantity)
        .ok_or_else(|| err(format!("unknown quantity {:?}", f.quantity)))?;
    let bound =
        Bound::from_qualifier(&f.qualifier).ok_or_else(|| err(format!("unknown qualifier {:?}", f.qualifier)))?;
    let is_date = quantities[quantity].kind == "date";
    let kind = FigureKind::parse(&f.kind)
        .ok_or_else(|| err(format!("unknown kind {:?} (count, estimate, observation or stated)", f.kind)))?;
    let counts = quantities[quantity].kind == "count";
    if counts == (kind == FigureKind::Stated) {
        return Err(err(format!(
            "kind {:?} does not fit a {} quantity: counts are a count, an estimate or an observation; dates, durations and measures are stated",
            f.kind, quantities[quantity].kind
        )));
    }
    if f.origin.trim().is_empty() {
        return Err(err("no origin: name who first states the figure".into()));
    }
    let vague = bound == Bound::Vague;
    let value = match (f.value, f.low, f.high, &f.date) {
        (None, None, None, None) if vague => "Value::Words".to_string(),
        _ if vague => {
            return Err(err(format!(
                "{:?} is a quantity in words: it is never turned into a number, so give no `value`, `low`, `high` or `date`",
                f.qualifier
            )))
        }
        (Some(v), None, None, None) if !is_date => format!("Value::Number({v:?})"),
        (None, Some(a), Some(b), None) if !is_date && a < b => format!("Value::Range({a:?}, {b:?})"),
        (None, None, None, Some(d)) if is_date => {
            format!("Value::Date({})", date_src(Date::parse(d).ok_or_else(|| err(format!("bad date {d:?}")))?))
        }
        _ => return Err(err("give `value`, `low` < `high`, or (for a date quantity) `date`".into())),
    };
    let applies = match &f.applies_iso {
        Some(d) => Some(Date::parse(d).ok_or_else(|| err(format!("bad applies_iso {d:?}")))?),
        None => None,
    };
    let doc = corpus::find(docs, &f.doc).ok_or_else(|| err(format!("unknown document {:?}", f.doc)))?;
    let (block, start) =
        doc.locate(&f.quote).ok_or_else(|| err(format!("quote not found verbatim in {}: {:?}", f.doc, f.quote)))?;
    let within = f.quote.find(&f.number).ok_or_else(|| err(format!("number {:?} is not in the quote", f.number)))?;
    Ok(Located {
        quantity,
        value,
        bound,
        kind,
        applies,
        block: block.to_string(),
        quote_range: (start, start + f.quote.len()),
        number_range: (start + within, start + within + f.number.len()),
        spec: f,
    })
}

pub fn parse(text: &str, docs: &[CleanDoc]) -> Result<Figures> {
    let file: FiguresFile = toml::from_str(text).map_err(|e| format!("figures.toml: {e}"))?;
    let mut seen = std::collections::HashSet::new();
    for q in &file.quantity {
        if !seen.insert(q.id.clone()) {
            return Err(format!("figures.toml: quantity id {:?} is used twice", q.id));
        }
        kind(&q.kind).ok_or_else(|| format!("figures.toml: quantity {:?}: unknown kind {:?}", q.id, q.kind))?;
    }
    let mut figures = Vec::with_capacity(file.figure.len());
    for f in file.figure {
        if !seen.insert(format!("figure:{}", f.id)) {
            return Err(format!("figures.toml: figure id {:?} is used twice", f.id));
        }
        figures.push(locate(f, &file.quantity, docs)?);
    }
    for (i, q) in file.quantity.iter().enumerate() {
        if !figures.iter().any(|f| f.quantity == i) {
            return Err(format!("figures.toml: quantity {:?} has no figure", q.id));
        }
        check_comparable(q, &figures.iter().filter(|f| f.quantity == i).collect::<Vec<_>>())?;
    }
    for f in &figures {
        check_restatement(f, &figures, docs)?;
    }
    Ok(Figures { quantities: file.quantity, figures })
}

/// A spread or a ratio is stated only across figures the data marks as counting the same
/// thing: once the figures of the main kind (in numbers) state different values, the
/// quantity must say whether they are `comparable`.
fn check_comparable(q: &QuantitySpec, figures: &[&Located]) -> Result<()> {
    let numbers: Vec<&&Located> = figures.iter().filter(|f| f.value != "Value::Words").collect();
    let Some(main) = most_common(numbers.iter().map(|f| f.kind)) else { return Ok(()) };
    let mut values: Vec<&str> = numbers.iter().filter(|f| f.kind == main).map(|f| f.value.as_str()).collect();
    values.sort_unstable();
    values.dedup();
    if values.len() > 1 && q.comparable.is_none() {
        let stated: Vec<&str> = numbers.iter().filter(|f| f.kind == main).map(|f| f.spec.number.as_str()).collect();
        return Err(format!(
            "figures.toml: quantity {:?}: its figures state different values ({}): say `comparable = true` if they count the same thing (the page then states the spread and the ratio) or `comparable = false` if they do not (the page lists them with no spread)",
            q.id,
            stated.join(", ")
        ));
    }
    Ok(())
}

/// One origin stays one origin: a figure that restates, in a document retelling another,
/// the value that document attributes to someone repeats that origin. Unmarked, it would
/// count as a second independent origin, so it must name the figure it restates
/// (`restates`), and a figure that does must share its origin, quantity and value.
fn check_restatement(f: &Located, figures: &[Located], docs: &[CleanDoc]) -> Result<()> {
    let err = |msg: String| format!("figures.toml: figure {:?}: {msg}", f.spec.id);
    let same = |g: &&Located| g.quantity == f.quantity && g.value == f.value;
    match &f.spec.restates {
        Some(id) => {
            let g = figures
                .iter()
                .find(|g| g.spec.id == *id)
                .ok_or_else(|| err(format!("restates unknown figure {id:?}")))?;
            if !corpus::retells(docs, &f.spec.doc, &g.spec.doc) {
                return Err(err(format!(
                    "restates {id:?}, but {} does not retell {} (documents.toml relates them as neither a later revision, a summary nor a quotation)",
                    f.spec.doc, g.spec.doc
                )));
            }
            if !same(&g) {
                return Err(err(format!("restates {id:?}, which states another quantity or value")));
            }
            if g.spec.origin != f.spec.origin {
                return Err(err(format!(
                    "restates {id:?} without its attribution, so it repeats its origin: write origin = {:?}",
                    g.spec.origin
                )));
            }
        }
        None => {
            let earlier = figures
                .iter()
                .filter(same)
                .find(|g| g.spec.origin != f.spec.origin && corpus::retells(docs, &f.spec.doc, &g.spec.doc));
            if let Some(g) = earlier {
                return Err(err(format!(
                    "states the value {} attributes to {:?} (figure {:?}) under another origin: a retelling that drops the attribution repeats that origin, so write restates = {:?} and its origin",
                    g.spec.doc, g.spec.origin, g.spec.id, g.spec.id
                )));
            }
        }
    }
    Ok(())
}

pub fn load(path: &Path, docs: &[CleanDoc]) -> Result<Figures> {
    parse(&read(path)?, docs)
}

pub fn emit(f: &Figures) -> String {
    let mut s = String::from("pub static QUANTITIES: &[Quantity] = &[\n");
    for q in &f.quantities {
        s += &format!(
            "Quantity {{ id: {}, label: {}, unit: {}, unit_one: {}, kind: Kind::{}, over_time: {}, comparable: {}, note: {} }},\n",
            lit(&q.id),
            lit(&q.label),
            lit(&q.unit),
            lit(q.unit_one.as_deref().unwrap_or(&q.unit)),
            kind(&q.kind).unwrap_or("Count"),
            q.over_time,
            q.comparable.unwrap_or(false),
            lit(&q.note)
        );
    }
    s += "];\npub static FIGURES: &[Figure] = &[\n";
    for l in &f.figures {
        let x = &l.spec;
        s += &format!(
            "Figure {{ id: {}, quantity: {}, value: {}, qualifier: {}, bound: Bound::{:?}, kind: FigureKind::{:?}, number: {}, stated_by: {}, origin: {}, applies_when: {}, applies: {}, restates: {}, doc: {}, quote: {}, block: {}, quote_range: ({}, {}), number_range: ({}, {}) }},\n",
            lit(&x.id),
            l.quantity,
            l.value,
            lit(&x.qualifier),
            l.bound,
            l.kind,
            lit(&x.number),
            lit(&x.stated_by),
            lit(&x.origin),
            lit(&x.applies_when),
            l.applies.map_or("None".to_string(), |d| format!("Some({})", date_src(d))),
            opt_lit(x.restates.as_deref()),
            lit(&x.doc),
            lit(&x.quote),
            lit(&l.block),
            l.quote_range.0,
            l.quote_range.1,
            l.number_range.0,
            l.number_range.1
        );
    }
    s += "];\n";
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<CleanDoc> {
        crate::test_docs()
    }

    const QUANTITY: &str = "[[quantity]]\nid = \"area\"\nlabel = \"Area\"\nunit = \"hectares\"\nkind = \"area\"\n";

    fn figure(quote: &str, number: &str) -> String {
        format!("{QUANTITY}[[figure]]\nid = \"a\"\nquantity = \"area\"\nvalue = 34\nqualifier = \"\"\nkind = \"stated\"\nnumber = {number:?}\nstated_by = \"x\"\norigin = \"x\"\napplies_when = \"x\"\ndoc = \"encyclopedia-earlier\"\nquote = {quote:?}\n")
    }

    #[test]
    fn a_verbatim_quote_is_located() {
        let f = parse(&figure("built on 34 hectares of farmland", "34 hectares"), &docs()).unwrap();
        let l = &f.figures[0];
        let doc = &docs()[2];
        let block = &doc.blocks[doc.ids.iter().position(|i| *i == l.block).unwrap()].text;
        assert_eq!(&block[l.number_range.0..l.number_range.1], "34 hectares");
    }

    #[test]
    fn a_quote_not_in_the_document_fails() {
        let e = parse(&figure("built on 35 hectares of farmland", "35 hectares"), &docs()).err().unwrap();
        assert!(e.contains("quote not found verbatim"), "{e}");
        let e = parse(&figure("built on 34 hectares of farmland", "40"), &docs()).err().unwrap();
        assert!(e.contains("is not in the quote"), "{e}");
    }

    #[test]
    fn a_figure_kind_must_fit_its_quantity_and_an_origin_is_required() {
        let ok = figure("built on 34 hectares of farmland", "34");
        let e = parse(&ok.replace("kind = \"stated\"", "kind = \"observation\""), &docs()).err().unwrap();
        assert!(e.contains("does not fit a area quantity"), "{e}");
        let e = parse(&ok.replace("kind = \"stated\"", "kind = \"guess\""), &docs()).err().unwrap();
        assert!(e.contains("unknown kind"), "{e}");
        let e = parse(&ok.replace("origin = \"x\"", "origin = \" \""), &docs()).err().unwrap();
        assert!(e.contains("no origin"), "{e}");
    }

    #[test]
    fn unknown_kinds_and_qualifiers_fail() {
        assert!(parse(
            &figure("built on 34 hectares of farmland", "34").replace("qualifier = \"\"", "qualifier = \"roughly\""),
            &docs()
        )
        .is_err());
        assert!(parse(
            &figure("built on 34 hectares of farmland", "34").replace("kind = \"area\"", "kind = \"mass\""),
            &docs()
        )
        .is_err());
    }

    const INJURED: &str = "[[quantity]]\nid = \"hurt\"\nlabel = \"Injured\"\nunit = \"people\"\nkind = \"count\"\n";

    /// A count figure of the quantity above: `id`, document, value, origin, quote, extra lines.
    fn count(id: &str, doc: &str, value: &str, origin: &str, quote: &str, extra: &str) -> String {
        let number = if quote.contains("36") { "36" } else { "hundreds" };
        format!("[[figure]]\nid = {id:?}\nquantity = \"hurt\"\n{value}qualifier = \"\"\nkind = \"count\"\nnumber = {number:?}\nstated_by = \"x\"\norigin = {origin:?}\napplies_when = \"x\"\ndoc = {doc:?}\nquote = {quote:?}\n{extra}")
    }

    const SAID: &str = "left one dead and 36 other camp residents injured, MEK said";
    const UNSAID: &str = "The raid resulted in one death and 36 other camp residents being injured.";

    #[test]
    fn a_dropped_attribution_repeats_the_origin() {
        let earlier = count("said", "encyclopedia-earlier", "value = 36\n", "MEK", SAID, "");
        let later =
            |origin: &str, extra: &str| count("unsaid", "encyclopedia-later", "value = 36\n", origin, UNSAID, extra);
        // The later revision's sentence, counted as an origin of its own: refused.
        let e = parse(&format!("{INJURED}{earlier}{}", later("Later revision", "")), &docs()).err().unwrap();
        assert!(
            e.starts_with(
                "figures.toml: figure \"unsaid\": states the value encyclopedia-earlier attributes to \"MEK\""
            ),
            "{e}"
        );
        assert!(e.contains("write restates = \"said\""), "{e}");
        // Marked as a restatement, it must share the origin.
        let e = parse(&format!("{INJURED}{earlier}{}", later("Later revision", "restates = \"said\"\n")), &docs())
            .err()
            .unwrap();
        assert!(e.contains("figure \"unsaid\": restates \"said\" without its attribution, so it repeats its origin: write origin = \"MEK\""), "{e}");
        let ok = parse(&format!("{INJURED}{earlier}{}", later("MEK", "restates = \"said\"\n")), &docs()).unwrap();
        assert_eq!(ok.figures[1].spec.restates.as_deref(), Some("said"));
        assert!(emit(&ok).contains("restates: Some(\"said\")"));
        // Only a document that retells another restates it: not the earlier revision.
        let backwards = count("said", "encyclopedia-earlier", "value = 36\n", "MEK", SAID, "restates = \"unsaid\"\n");
        let e = parse(&format!("{INJURED}{backwards}{}", later("MEK", "")), &docs()).err().unwrap();
        assert!(
            e.contains(
                "figure \"said\": restates \"unsaid\", but encyclopedia-earlier does not retell encyclopedia-later"
            ),
            "{e}"
        );
    }

    #[test]
    fn a_quantity_in_words_is_never_a_number() {
        let quote = "Hundreds of politicians and dignitaries from around the world traveled to Albania";
        let words = |value: &str| {
            count("h", "lends-hope", value, "x", quote, "")
                .replace("qualifier = \"\"", "qualifier = \"hundreds of\"")
                .replace("number = \"hundreds\"", "number = \"Hundreds\"")
        };
        let ok = parse(&format!("{INJURED}{}", words("")), &docs()).unwrap();
        assert_eq!(ok.figures[0].value, "Value::Words");
        let e = parse(&format!("{INJURED}{}", words("low = 200\nhigh = 999\n")), &docs()).err().unwrap();
        assert!(
            e.starts_with(
                "figures.toml: figure \"h\": \"hundreds of\" is a quantity in words: it is never turned into a number"
            ),
            "{e}"
        );
    }

    #[test]
    fn different_values_need_the_data_to_say_whether_they_compare() {
        let two = format!(
            "{}{}",
            count("a", "encyclopedia-earlier", "value = 36\n", "MEK", SAID, ""),
            count("b", "encyclopedia-earlier", "value = 21\n", "Fox", "15 officers and 21 residents were injured", "")
                .replace("number = \"hundreds\"", "number = \"21\"")
        );
        let e = parse(&format!("{INJURED}{two}"), &docs()).err().unwrap();
        assert!(
            e.starts_with(
                "figures.toml: quantity \"hurt\": its figures state different values (36, 21): say `comparable = true`"
            ),
            "{e}"
        );
        for flag in ["true", "false"] {
            let q = INJURED.replace("kind = \"count\"\n", &format!("kind = \"count\"\ncomparable = {flag}\n"));
            let f = parse(&format!("{q}{two}"), &docs()).unwrap();
            assert!(emit(&f).contains(&format!("comparable: {flag}")));
        }
    }

    #[test]
    fn the_real_figures_pass_every_check() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/figures.toml");
        let f = load(&data, &docs()).unwrap();
        let restated: Vec<&str> =
            f.figures.iter().filter(|l| l.spec.restates.is_some()).map(|l| l.spec.id.as_str()).collect();
        assert_eq!(restated, ["raid-dead-later", "raid-dead-later-aftermath", "raid-injured-later"]);
    }
}
