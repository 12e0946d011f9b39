//! `figures.toml` -> `QUANTITIES` and `FIGURES`. Every quote is checked verbatim against the
//! cleaned document it names, and located (block and byte ranges) for the reader: a figure
//! that cannot be traced to its passage fails the build.

use std::path::Path;

use serde::Deserialize;

use super::corpus::{self, CleanDoc};
use super::{lit, read, Result};
use companion_core::analysis::figures::{Bound, Date, FigureKind};

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
    let value = match (f.value, f.low, f.high, &f.date) {
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
    }
    Ok(Figures { quantities: file.quantity, figures })
}

pub fn load(path: &Path, docs: &[CleanDoc]) -> Result<Figures> {
    parse(&read(path)?, docs)
}

pub fn emit(f: &Figures) -> String {
    let mut s = String::from("pub static QUANTITIES: &[Quantity] = &[\n");
    for q in &f.quantities {
        s += &format!(
            "Quantity {{ id: {}, label: {}, unit: {}, unit_one: {}, kind: Kind::{}, over_time: {}, note: {} }},\n",
            lit(&q.id),
            lit(&q.label),
            lit(&q.unit),
            lit(q.unit_one.as_deref().unwrap_or(&q.unit)),
            kind(&q.kind).unwrap_or("Count"),
            q.over_time,
            lit(&q.note)
        );
    }
    s += "];\npub static FIGURES: &[Figure] = &[\n";
    for l in &f.figures {
        let x = &l.spec;
        s += &format!(
            "Figure {{ id: {}, quantity: {}, value: {}, qualifier: {}, bound: Bound::{:?}, kind: FigureKind::{:?}, number: {}, stated_by: {}, origin: {}, applies_when: {}, applies: {}, doc: {}, quote: {}, block: {}, quote_range: ({}, {}), number_range: ({}, {}) }},\n",
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
}
