//! Figures as the sources state them, and what a student needs to compare them: the spread
//! of a quantity (lowest, highest, ratio, who agrees) and chart geometry, so the chart
//! component draws without doing arithmetic.

use std::collections::BTreeMap;

/// What a quantity measures, which decides its axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Count,
    Duration,
    Date,
    Area,
    Money,
    Distance,
}

#[derive(Debug)]
pub struct Quantity {
    pub id: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    /// The unit after "1" ("person" for "people").
    pub unit_one: &'static str,
    pub kind: Kind,
    pub over_time: bool,
    /// Whether its figures count the same thing, as the data file says: only then does the
    /// page state a spread and a ratio between them.
    pub comparable: bool,
    pub note: &'static str,
}

/// A calendar date as precise as the text states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts
            .next()
            .map(|m| m.parse::<u8>().ok().filter(|m| (1..=12).contains(m)))
            .map_or(Some(None), |m| m.map(Some))?;
        let day = parts
            .next()
            .map(|d| d.parse::<u8>().ok().filter(|d| (1..=31).contains(d)))
            .map_or(Some(None), |d| d.map(Some))?;
        (parts.next().is_none() && (month.is_some() || day.is_none())).then_some(Date { year, month, day })
    }

    /// Years as a real number, at the middle of the stated period (a bare year is its
    /// middle, a month its middle): used for positions on a time axis.
    pub fn as_years(self) -> f64 {
        let y = self.year as f64;
        match (self.month, self.day) {
            (None, _) => y + 0.5,
            (Some(m), None) => y + (m as f64 - 0.5) / 12.0,
            (Some(m), Some(d)) => y + (m as f64 - 1.0) / 12.0 + (d as f64 - 0.5) / 365.0,
        }
    }

    /// The span of the stated period in years (a year is 1, a month 1/12, a day 1/365).
    pub fn span(self) -> f64 {
        match (self.month, self.day) {
            (None, _) => 1.0,
            (Some(_), None) => 1.0 / 12.0,
            _ => 1.0 / 365.0,
        }
    }

    pub fn label(self) -> String {
        match (self.month, self.day) {
            (None, _) => self.year.to_string(),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Range(f64, f64),
    Date(Date),
    /// A quantity stated only in words ("hundreds of"): it is never turned into a number, so
    /// it has no place on an axis and is never in a spread.
    Words,
}

/// What kind of statement a figure is. Figures of different kinds answer different questions
/// (how many live there, how many a visitor saw in two days) and are never compared as one:
/// no spread or ratio mixes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FigureKind {
    /// How many there are (or were), as the source states it, exact or rounded.
    Count,
    /// A number the source itself presents as an estimate or a belief.
    Estimate,
    /// What someone says they saw in a limited time or place.
    Observation,
    /// A date, a duration or a measure, as the source states it.
    Stated,
}

impl FigureKind {
    pub fn parse(s: &str) -> Option<FigureKind> {
        Some(match s {
            "count" => FigureKind::Count,
            "estimate" => FigureKind::Estimate,
            "observation" => FigureKind::Observation,
            "stated" => FigureKind::Stated,
            _ => return None,
        })
    }

    /// As a student reads it in a table: "count", "observation".
    pub fn label(self) -> &'static str {
        match self {
            FigureKind::Count => "count",
            FigureKind::Estimate => "estimate",
            FigureKind::Observation => "observation",
            FigureKind::Stated => "stated value",
        }
    }
}

/// How a figure is qualified, read from the words the source uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// As stated, no qualifier (or "only", "by").
    Exact,
    /// "about", "approximately": the true value may be on either side.
    Approximate,
    /// "more than", "over", "at least": the true value is this or higher.
    AtLeast,
    /// "nearly", "by" (a date): the true value is this or below (no later than).
    AtMost,
    /// "hundreds of": a quantity in words, with no number.
    Vague,
}

impl Bound {
    pub fn from_qualifier(q: &str) -> Option<Bound> {
        Some(match q {
            "" | "only" => Bound::Exact,
            "about" | "approximately" => Bound::Approximate,
            "more than" | "over" | "at least" => Bound::AtLeast,
            "nearly" | "by" => Bound::AtMost,
            "hundreds of" | "dozens of" | "thousands of" => Bound::Vague,
            _ => return None,
        })
    }
}

#[derive(Debug)]
pub struct Figure {
    pub id: &'static str,
    /// Index into `QUANTITIES`.
    pub quantity: u16,
    pub value: Value,
    /// The qualifier exactly as stated ("about", "more than"…), or "".
    pub qualifier: &'static str,
    pub bound: Bound,
    pub kind: FigureKind,
    /// The figure's own words in the quote ("2,300", "one-and-half years").
    pub number: &'static str,
    pub stated_by: &'static str,
    /// Who first states it, whichever document it reaches the corpus through: figures with
    /// one origin are one source, however many documents repeat them.
    pub origin: &'static str,
    pub applies_when: &'static str,
    pub applies: Option<Date>,
    /// The figure of an earlier document that this one restates without the attribution it
    /// carried there (a revision dropping "MEK said"): it shares that figure's origin.
    pub restates: Option<&'static str>,
    pub doc: &'static str,
    pub quote: &'static str,
    /// The block holding the quote, and byte ranges of the quote and the number in its text.
    pub block: &'static str,
    pub quote_range: (u32, u32),
    pub number_range: (u32, u32),
}

/// Where a figure stands in its document and what it links to, without the rest of its data
/// (value, dates, origin): what the reader marks. The build derives them from the figures
/// ([`marks`], one per figure, in the same order), so the reader's wasm module carries these
/// and not every figure's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureMark {
    pub id: &'static str,
    /// The figure's own words in its quote ("2,300").
    pub number: &'static str,
    /// The id and label of the quantity it states.
    pub quantity: &'static str,
    pub label: &'static str,
    pub doc: &'static str,
    pub block: &'static str,
    pub quote_range: (u32, u32),
    pub number_range: (u32, u32),
}

/// One [`FigureMark`] per figure, in the figures' order (`N` is their number). A `const fn`,
/// so the build computes them.
pub const fn marks<const N: usize>(figures: &[Figure], quantities: &[Quantity]) -> [FigureMark; N] {
    let none = FigureMark {
        id: "",
        number: "",
        quantity: "",
        label: "",
        doc: "",
        block: "",
        quote_range: (0, 0),
        number_range: (0, 0),
    };
    let mut out = [none; N];
    assert!(figures.len() == N, "N must be the number of figures");
    let mut i = 0;
    while i < N {
        let f = &figures[i];
        let q = &quantities[f.quantity as usize];
        out[i] = FigureMark {
            id: f.id,
            number: f.number,
            quantity: q.id,
            label: q.label,
            doc: f.doc,
            block: f.block,
            quote_range: f.quote_range,
            number_range: f.number_range,
        };
        i += 1;
    }
    out
}

/// A figure's value as a short phrase with its qualifier: "about 2,300 people", "1 person",
/// "hundreds of people" (a quantity in words reads as the words).
pub fn value_text(f: &Figure, q: &Quantity) -> String {
    let unit = |n: f64| if n == 1.0 { q.unit_one } else { q.unit };
    let value = match f.value {
        Value::Number(n) => format!("{} {}", group(n), unit(n)),
        Value::Range(a, b) if f.qualifier.is_empty() => format!("{}–{} {}", group(a), group(b), q.unit),
        Value::Range(..) | Value::Words => return format!("{} {}", f.qualifier, q.unit),
        Value::Date(d) => d.label(),
    };
    match f.qualifier {
        "" => value,
        "by" => format!("no later than {value}"),
        qualifier => format!("{qualifier} {value}"),
    }
}

/// `x` rounded to tenths, written with one decimal ("2.5", "15.0"), or none when `trim` and
/// the tenths are zero ("15"). Integer arithmetic on purpose: formatting a float would add
/// Rust's float printing, about 10 KB, to the app for chart coordinates and ratios.
pub fn tenths(x: f64, trim: bool) -> String {
    let t = (x * 10.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    let (whole, frac) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
    if trim && frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// A student's estimate as typed: digits, with or without thousands commas. Anything else
/// (a word, a negative, an exponent, a number too long to show exactly) is refused, so the
/// estimate kept is the one typed.
pub fn parse_estimate(typed: &str) -> Option<f64> {
    let digits = typed.trim().replace(',', "");
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let plain = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || whole.len() > 15 || !plain(whole) || !plain(fraction) {
        return None;
    }
    digits.parse().ok()
}

/// Digits grouped by thousands ("30,000"); one decimal where needed.
pub fn group(n: f64) -> String {
    if n.fract().abs() > 1e-9 {
        return tenths(n, false);
    }
    let digits = (n.abs() as u64).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A figure's position on its axis: a number's value, a range's middle, a date in years.
/// Words have none (NaN): spreads take `comparable` figures and the layout skips them.
fn position(v: Value) -> f64 {
    match v {
        Value::Number(n) => n,
        Value::Range(a, b) => (a + b) / 2.0,
        Value::Date(d) => d.as_years(),
        Value::Words => f64::NAN,
    }
}

/// Lowest and highest ends a figure allows (ranges contribute both ends).
fn ends(v: Value) -> (f64, f64) {
    match v {
        Value::Number(n) => (n, n),
        Value::Range(a, b) => (a, b),
        Value::Date(d) => (d.as_years() - d.span() / 2.0, d.as_years() + d.span() / 2.0),
        Value::Words => (f64::NAN, f64::NAN),
    }
}

/// The disagreement within one quantity.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    /// Indices (into the slice given) of the figures with the lowest and highest value.
    pub lowest: Vec<usize>,
    pub highest: Vec<usize>,
    /// Highest over lowest, for positive numbers.
    pub ratio: Option<f64>,
    /// Groups of figures stating the same value (two or more), in order of value.
    pub agree: Vec<Vec<usize>>,
    /// Distinct values stated.
    pub distinct: usize,
}

/// Two figures agree when they state the same value, whatever the qualifier (the summary
/// lines still list "about 3,000" apart from "3,000"). A numeric key
/// rather than a formatted one keeps float and debug formatting out of the app.
fn key(v: Value) -> (u8, u64, u64) {
    match v {
        Value::Number(n) => (0, n.to_bits(), 0),
        Value::Range(a, b) => (1, a.to_bits(), b.to_bits()),
        Value::Date(d) => (2, d.year as u64, (d.month.unwrap_or(0) as u64) << 8 | d.day.unwrap_or(0) as u64),
        Value::Words => (3, 0, 0),
    }
}

pub fn spread(figures: &[&Figure]) -> Spread {
    let pos: Vec<f64> = figures.iter().map(|f| position(f.value)).collect();
    let min = pos.iter().copied().fold(f64::INFINITY, f64::min);
    let max = pos.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let at = |x: f64| (0..figures.len()).filter(|&i| (pos[i] - x).abs() < 1e-9).collect::<Vec<_>>();
    // Figures at one position with one value: (position in thousandths, value key).
    type Group = (i64, (u8, u64, u64));
    let mut groups: BTreeMap<Group, Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        groups.entry(((pos[i] * 1000.0) as i64, key(f.value))).or_default().push(i);
    }
    let numeric = figures.iter().all(|f| !matches!(f.value, Value::Date(_)));
    Spread {
        lowest: if figures.is_empty() { vec![] } else { at(min) },
        highest: if figures.is_empty() { vec![] } else { at(max) },
        ratio: (numeric && min > 0.0 && !figures.is_empty()).then(|| max / min),
        distinct: groups.len(),
        agree: groups.into_values().filter(|g| g.len() > 1).collect(),
    }
}

/// The documents behind some figures, each named once, in first-mention order.
fn names(figures: &[&Figure], doc_title: &dyn Fn(&str) -> String) -> String {
    let mut seen: Vec<String> = Vec::new();
    for f in figures {
        let t = doc_title(f.doc);
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.join("; ")
}

/// How many independent origins stand behind some figures: one report repeated by several
/// documents, or in a caption and the body of one article, counts once.
pub fn origins(figures: &[&Figure]) -> usize {
    super::distinct(figures.iter().map(|f| f.origin))
}

/// The kind most of the figures have (counts first on a tie): the ones a spread compares.
pub fn main_kind(figures: &[&Figure]) -> Option<FigureKind> {
    most_common(figures.iter().map(|f| f.kind))
}

/// The most common of some figure kinds, counts first on a tie (the build checks the data
/// file with the same rule the page applies).
pub fn most_common(kinds: impl Iterator<Item = FigureKind>) -> Option<FigureKind> {
    let mut counted: Vec<(FigureKind, usize)> = Vec::new();
    for k in kinds {
        match counted.iter_mut().find(|(c, _)| *c == k) {
            Some((_, n)) => *n += 1,
            None => counted.push((k, 1)),
        }
    }
    counted.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counted.first().map(|(k, _)| *k)
}

/// The figures a spread may compare: those of the main kind that state a number (a quantity
/// in words is never one). Whether a spread is stated at all is the quantity's `comparable`.
pub fn comparable<'a>(figures: &[&'a Figure]) -> Vec<&'a Figure> {
    let numbers: Vec<&Figure> = figures.iter().copied().filter(|f| !matches!(f.value, Value::Words)).collect();
    let main = main_kind(&numbers);
    numbers.into_iter().filter(|f| Some(f.kind) == main).collect()
}

/// The spread a page may state for a quantity: among its comparable figures, and only when
/// the data marks them as counting the same thing.
pub fn stated_spread(q: &Quantity, figures: &[&Figure]) -> Option<Spread> {
    let same = comparable(figures);
    (q.comparable && !same.is_empty()).then(|| spread(&same))
}

fn origins_text(n: usize) -> String {
    if n == 1 {
        "1 independent origin".into()
    } else {
        format!("{n} independent origins")
    }
}

/// Figures that state one value with one qualifier ("about 3,000" and "3,000" are two), in
/// order of value, then of first mention.
fn value_groups<'a>(figures: &[&'a Figure]) -> Vec<Vec<&'a Figure>> {
    let mut groups: Vec<Vec<&Figure>> = Vec::new();
    for f in figures {
        match groups.iter_mut().find(|g| key(g[0].value) == key(f.value) && g[0].qualifier == f.qualifier) {
            Some(g) => g.push(f),
            None => groups.push(vec![f]),
        }
    }
    groups.sort_by(|a, b| position(a[0].value).total_cmp(&position(b[0].value)));
    groups
}

/// "about 3,000 people (A); 3,000 people (B; C)".
fn groups_text(q: &Quantity, groups: &[&Vec<&Figure>], doc_title: &dyn Fn(&str) -> String) -> String {
    listing(groups.iter().map(|g| (value_text(g[0], q), g.as_slice())).collect(), doc_title)
}

/// Statements with the figures behind them, naming each document once: statements with the
/// same documents share them ("47 and 50 countries (A)"), and where a document would still
/// be named twice, each document lists what it states ("47 countries and 50 countries (A);
/// 47 countries (B)").
fn listing(entries: Vec<(String, &[&Figure])>, doc_title: &dyn Fn(&str) -> String) -> String {
    let mut merged: Vec<(String, Vec<String>)> = Vec::new();
    for (what, figs) in &entries {
        let docs = names(figs, doc_title);
        match merged.iter_mut().find(|(d, _)| *d == docs) {
            Some((_, whats)) => whats.push(what.clone()),
            None => merged.push((docs, vec![what.clone()])),
        }
    }
    let docs: Vec<&str> = entries.iter().flat_map(|(_, figs)| figs.iter().map(|f| f.doc)).collect();
    let per_set: usize = merged.iter().map(|(d, _)| d.split("; ").count()).sum();
    if per_set > super::distinct(docs.iter()) {
        merged.clear();
        for (what, figs) in &entries {
            for f in figs.iter() {
                let doc = doc_title(f.doc);
                match merged.iter_mut().find(|(d, _)| *d == doc) {
                    Some((_, whats)) if !whats.contains(what) => whats.push(what.clone()),
                    Some(_) => {}
                    None => merged.push((doc, vec![what.clone()])),
                }
            }
        }
    }
    merged.into_iter().map(|(docs, whats)| format!("{} ({docs})", whats.join(" and "))).collect::<Vec<_>>().join("; ")
}

/// Short lines a student can scan: the lowest and the highest (or that the figures agree),
/// the independent origins behind them, who repeats whom, and what is not compared, each
/// line naming a document once. The table below them gives every detail.
pub fn summary_lines(q: &Quantity, figures: &[&Figure], doc_title: &dyn Fn(&str) -> String) -> Vec<String> {
    if figures.is_empty() {
        return vec!["No source states this quantity.".into()];
    }
    let same = comparable(figures);
    let mut lines = compare_lines(q, &same, doc_title);
    if same.len() > 1 {
        lines.push(format!("Behind these {} figures: {}.", same.len(), origins_text(origins(&same))));
    }
    lines.extend(repeat_lines(q, figures, doc_title));
    let apart: Vec<&Figure> = figures.iter().copied().filter(|f| !same.iter().any(|g| std::ptr::eq(*g, *f))).collect();
    let groups = value_groups(&apart);
    let others = listing(
        groups
            .iter()
            .map(|g| {
                let why = match (g[0].value, g[0].kind) {
                    (Value::Words, _) => "in words, not a number".to_string(),
                    (_, FigureKind::Observation | FigureKind::Estimate) => format!("an {}", g[0].kind.label()),
                    (_, kind) => format!("a {}", kind.label()),
                };
                (format!("{}, {why}", value_text(g[0], q)), g.as_slice())
            })
            .collect(),
        doc_title,
    );
    if !others.is_empty() {
        lines.push(format!("Not compared: {others}."));
    }
    lines
}

/// The values of the compared figures: lowest and highest, or that they agree; or, where
/// the data does not mark them as counting the same thing, the values with no spread.
fn compare_lines(q: &Quantity, same: &[&Figure], doc_title: &dyn Fn(&str) -> String) -> Vec<String> {
    if same.is_empty() {
        return Vec::new();
    }
    let groups = value_groups(same);
    let all: Vec<&Vec<&Figure>> = groups.iter().collect();
    let s = spread(same);
    if s.distinct == 1 {
        let what = match (same.len(), groups.len()) {
            (1, _) => "One figure",
            (_, 1) => "All figures agree",
            _ => "One number, qualified differently",
        };
        return vec![format!("{what}: {}.", groups_text(q, &all, doc_title))];
    }
    if !q.comparable {
        return vec![
            format!("Stated: {}.", groups_text(q, &all, doc_title)),
            "No spread or ratio: the data does not mark these figures as comparable (see the note).".into(),
        ];
    }
    let (lo, hi) = (position(same[s.lowest[0]].value), position(same[s.highest[0]].value));
    let at =
        |x: f64| -> Vec<&Vec<&Figure>> { groups.iter().filter(|g| (position(g[0].value) - x).abs() < 1e-9).collect() };
    let (low, high) = if q.kind == Kind::Date { ("Earliest", "Latest") } else { ("Lowest", "Highest") };
    let apart = match (s.ratio, q.kind) {
        (Some(r), _) if r >= 1.05 => format!(": {} times the lowest", ratio_text(r)),
        (_, Kind::Date) => format!(": {} apart", gap_text(hi - lo)),
        _ => String::new(),
    };
    let mut lines = vec![
        format!("{low}: {}.", groups_text(q, &at(lo), doc_title)),
        format!("{high}: {}{apart}.", groups_text(q, &at(hi), doc_title)),
    ];
    // A value between the extremes is still one of the answers.
    let between: Vec<&Vec<&Figure>> =
        groups.iter().filter(|g| ![lo, hi].iter().any(|x| (position(g[0].value) - x).abs() < 1e-9)).collect();
    if !between.is_empty() {
        lines.push(format!("Also stated: {}.", groups_text(q, &between, doc_title)));
    }
    lines
}

/// Who repeats whom: an origin several documents repeat, and a figure restated without the
/// attribution it had in an earlier document.
fn repeat_lines(q: &Quantity, figures: &[&Figure], doc_title: &dyn Fn(&str) -> String) -> Vec<String> {
    let mut lines = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for f in figures {
        if seen.contains(&f.origin) {
            continue;
        }
        seen.push(f.origin);
        let via: Vec<&Figure> = figures.iter().copied().filter(|g| g.origin == f.origin).collect();
        if super::distinct(via.iter().map(|g| g.doc)) > 1 {
            lines.push(format!("One origin, {}, through {}.", f.origin, names(&via, doc_title)));
        }
    }
    // Each restating document once per document it restates, with every value it restates.
    let mut dropped: Vec<(&Figure, &Figure, Vec<String>)> = Vec::new();
    for f in figures {
        let Some(earlier) = f.restates.and_then(|id| figures.iter().find(|g| g.id == id)) else { continue };
        let value = value_text(f, q);
        match dropped.iter_mut().find(|(l, e, _)| l.doc == f.doc && e.doc == earlier.doc) {
            Some((_, _, values)) if !values.contains(&value) => values.push(value),
            Some(_) => {}
            None => dropped.push((f, earlier, vec![value])),
        }
    }
    for (later, earlier, values) in dropped {
        lines.push(format!(
            "Attribution dropped: {} states {} with no source; {} attributes it to {}.",
            doc_title(later.doc),
            values.join(" and "),
            doc_title(earlier.doc),
            earlier.origin
        ));
    }
    lines
}

fn ratio_text(r: f64) -> String {
    if r >= 10.0 {
        (r.round() as i64).to_string()
    } else {
        tenths(r, false)
    }
}

fn gap_text(years: f64) -> String {
    let months = (years * 12.0).round() as i64;
    if months >= 12 && (months % 12 == 0 || months >= 24) {
        let y = (months as f64 / 12.0).round() as i64;
        format!("about {} year{}", y, if y == 1 { "" } else { "s" })
    } else if months >= 1 {
        format!("about {} month{}", months, if months == 1 { "" } else { "s" })
    } else {
        format!("{} days", (years * 365.0).round() as i64)
    }
}

/// An axis tick: its position in 0..=1 and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

/// A linear scale over `[lo, hi]` with "nice" ticks (1, 2, 2.5 or 5 times a power of ten).
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<Tick>,
}

impl Scale {
    pub fn at(&self, x: f64) -> f64 {
        if self.hi > self.lo {
            ((x - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
        } else {
            0.5
        }
    }
}

fn nice_step(span: f64, target: usize) -> f64 {
    let raw = span / target.max(1) as f64;
    // The power of ten at or below `raw`, by steps rather than `powf`/`log10`, which would
    // bring a software `pow` into the app for this one use.
    let mut mag = 1.0;
    while raw > 0.0 && raw.is_finite() && mag * 10.0 <= raw {
        mag *= 10.0;
    }
    while raw > 0.0 && mag > raw {
        mag /= 10.0;
    }
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag)
}

/// A numeric scale from 0 (counts start at zero, so lengths compare honestly) to a nice
/// value above `max`.
pub fn number_scale(max: f64) -> Scale {
    let max = if max > 0.0 { max } else { 1.0 };
    let step = nice_step(max, 5);
    let hi = (max / step).ceil() * step;
    let n = (hi / step).round() as usize;
    let ticks = (0..=n).map(|i| i as f64 * step).map(|v| Tick { at: v / hi, label: group(v) }).collect();
    Scale { lo: 0.0, hi, ticks }
}

/// A time scale in years covering `[from, to]`, with year ticks (or month ticks inside one year).
pub fn time_scale(from: f64, to: f64) -> Scale {
    let (lo, mut hi) = (from.floor(), to.ceil());
    if hi - lo < 1.0 {
        hi = lo + 1.0;
    }
    if hi - lo <= 1.0 && to - from < 1.0 {
        let ticks = (0..=12)
            .step_by(3)
            .map(|m| Tick {
                at: m as f64 / 12.0,
                label: if m == 12 { format!("{}", hi as i64) } else { format!("{} {}", &MONTHS[m][..3], lo as i64) },
            })
            .collect();
        return Scale { lo, hi, ticks };
    }
    let years = (hi - lo) as usize;
    let step = ((years as f64) / 6.0).ceil().max(1.0) as usize;
    let ticks = (0..=years)
        .step_by(step)
        .map(|y| Tick { at: y as f64 / (hi - lo), label: format!("{}", lo as i64 + y as i64) })
        .collect();
    Scale { lo, hi, ticks }
}

/// How a mark is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A filled dot: the value as stated.
    Dot,
    /// A hollow dot with a whisker: "about".
    Approximate,
    /// A dot with an arrow to the right: "more than", "at least".
    OpenRight,
    /// A dot with an arrow to the left: "nearly".
    OpenLeft,
    /// A bar: a range, or a date stated only to the month or year.
    Bar,
}

/// One figure's mark in a unit box: x positions in 0..=1 along the value (or time) axis,
/// y in 0..=1 down the chart (one lane per figure, or the value axis for over-time charts).
#[derive(Clone, Debug, PartialEq)]
pub struct MarkGeom {
    /// Index into the figures given to `layout`.
    pub figure: usize,
    pub x: f64,
    /// The far end of a bar (equal to `x` for dots).
    pub x2: f64,
    pub y: f64,
    pub shape: Shape,
    /// How many earlier marks sit at the same point: labels stack upwards by this many lines.
    pub stack: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The horizontal axis: values, or time for over-time quantities.
    pub x: Scale,
    /// The vertical value axis of an over-time chart.
    pub y: Option<Scale>,
    pub marks: Vec<MarkGeom>,
}

fn shape(f: &Figure) -> Shape {
    match (f.value, f.bound) {
        (Value::Range(..), _) => Shape::Bar,
        (Value::Date(d), _) if d.day.is_none() => Shape::Bar,
        (_, Bound::Approximate) => Shape::Approximate,
        (_, Bound::AtLeast) => Shape::OpenRight,
        (_, Bound::AtMost) => Shape::OpenLeft,
        _ => Shape::Dot,
    }
}

/// Lays figures out: for an over-time quantity, time across and value up (y = 0 at the top
/// is the highest value); otherwise one lane per figure with the value across. A quantity
/// in words gets no mark (its lane stays, for the chart to say so).
pub fn layout(q: &Quantity, figures: &[&Figure]) -> Layout {
    if q.over_time && figures.iter().all(|f| f.applies.is_some() && !matches!(f.value, Value::Date(_))) {
        let times: Vec<Date> = figures.iter().filter_map(|f| f.applies).collect();
        let from = times.iter().map(|d| d.as_years() - d.span() / 2.0).fold(f64::INFINITY, f64::min);
        let to = times.iter().map(|d| d.as_years() + d.span() / 2.0).fold(f64::NEG_INFINITY, f64::max);
        let x = time_scale(from, to);
        let y = number_scale(figures.iter().map(|f| ends(f.value).1).fold(0.0, f64::max));
        let marks = figures
            .iter()
            .enumerate()
            .filter(|(_, f)| !matches!(f.value, Value::Words))
            .map(|(i, f)| {
                let t = f.applies.map(Date::as_years).unwrap_or(x.lo);
                MarkGeom {
                    figure: i,
                    x: x.at(t),
                    x2: x.at(t),
                    y: 1.0 - y.at(position(f.value)),
                    shape: shape(f),
                    stack: 0,
                }
            })
            .collect::<Vec<_>>();
        let near = |a: &MarkGeom, b: &MarkGeom| (a.x - b.x).abs() < 0.08 && (a.y - b.y).abs() < 0.06;
        let marks = (0..marks.len())
            .map(|i| MarkGeom { stack: marks[..i].iter().filter(|m| near(m, &marks[i])).count(), ..marks[i].clone() })
            .collect();
        return Layout { x, y: Some(y), marks };
    }
    let lanes = figures.len().max(1) as f64;
    let lane = |i: usize| (i as f64 + 0.5) / lanes;
    let x = if q.kind == Kind::Date {
        let from = figures.iter().map(|f| ends(f.value).0).fold(f64::INFINITY, f64::min);
        let to = figures.iter().map(|f| ends(f.value).1).fold(f64::NEG_INFINITY, f64::max);
        time_scale(from, to)
    } else {
        number_scale(figures.iter().map(|f| ends(f.value).1).fold(0.0, f64::max))
    };
    let marks = figures
        .iter()
        .enumerate()
        .filter(|(_, f)| !matches!(f.value, Value::Words))
        .map(|(i, f)| {
            let (a, b) = ends(f.value);
            let s = shape(f);
            let (x1, x2) =
                if s == Shape::Bar { (x.at(a), x.at(b)) } else { (x.at(position(f.value)), x.at(position(f.value))) };
            MarkGeom { figure: i, x: x1, x2, y: lane(i), shape: s, stack: 0 }
        })
        .collect();
    Layout { x, y: None, marks }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(value: Value, qualifier: &'static str, doc: &'static str) -> Figure {
        Figure {
            id: "f",
            quantity: 0,
            value,
            qualifier,
            bound: Bound::from_qualifier(qualifier).unwrap(),
            kind: FigureKind::Count,
            number: "",
            stated_by: "",
            origin: doc,
            applies_when: "",
            applies: None,
            restates: None,
            doc,
            quote: "",
            block: "p1",
            quote_range: (0, 0),
            number_range: (0, 0),
        }
    }

    const Q: Quantity = Quantity {
        id: "q",
        label: "Residents",
        unit: "people",
        unit_one: "person",
        kind: Kind::Count,
        over_time: false,
        comparable: true,
        note: "",
    };

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(Date::parse("2019-07-13"), Some(Date { year: 2019, month: Some(7), day: Some(13) }));
        assert_eq!(Date::parse("2016"), Some(Date { year: 2016, month: None, day: None }));
        for bad in ["", "2019-13", "2019-07-32", "x", "2019-07-13-1"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("2019-07-13").unwrap().label(), "13 July 2019");
    }

    #[test]
    fn spread_of_numbers() {
        let f = [
            fig(Value::Number(200.0), "only", "a"),
            fig(Value::Number(3000.0), "about", "b"),
            fig(Value::Number(3000.0), "", "c"),
        ];
        let refs: Vec<&Figure> = f.iter().collect();
        let s = spread(&refs);
        assert_eq!((s.lowest.clone(), s.highest.clone(), s.ratio), (vec![0], vec![1, 2], Some(15.0)));
        assert_eq!(s.agree, vec![vec![1, 2]]);
        // "about 3,000" and "3,000" are one value but two statements: listed apart.
        assert_eq!(
            summary_lines(&Q, &refs, &|d| d.to_uppercase()),
            [
                "Lowest: only 200 people (A).",
                "Highest: about 3,000 people (B); 3,000 people (C): 15 times the lowest.",
                "Behind these 3 figures: 3 independent origins.",
            ]
        );
    }

    #[test]
    fn kinds_are_never_compared_and_repeats_are_one_origin() {
        let mut seen = fig(Value::Number(200.0), "only", "a");
        seen.kind = FigureKind::Observation;
        let mut repeat = fig(Value::Number(3000.0), "", "c");
        repeat.origin = "b";
        let f = [seen, fig(Value::Number(2300.0), "about", "a"), fig(Value::Number(3000.0), "about", "b"), repeat];
        let refs: Vec<&Figure> = f.iter().collect();
        assert_eq!(main_kind(&refs), Some(FigureKind::Count));
        assert_eq!(comparable(&refs).len(), 3);
        assert_eq!(
            summary_lines(&Q, &refs, &|d| d.to_uppercase()),
            [
                "Lowest: about 2,300 people (A).",
                "Highest: about 3,000 people (B); 3,000 people (C): 1.3 times the lowest.",
                "Behind these 3 figures: 2 independent origins.",
                "One origin, b, through B; C.",
                "Not compared: only 200 people, an observation (A).",
            ]
        );
    }

    #[test]
    fn a_dropped_attribution_is_one_origin_and_said() {
        let mut said = fig(Value::Number(36.0), "", "earlier");
        said.id = "said";
        said.origin = "MEK";
        let mut unsaid = fig(Value::Number(36.0), "", "later");
        unsaid.origin = "MEK";
        unsaid.restates = Some("said");
        let refs = [&said, &unsaid];
        assert_eq!(origins(&refs), 1);
        assert_eq!(
            summary_lines(&Q, &refs, &|d| d.into()),
            [
                "All figures agree: 36 people (earlier; later).",
                "Behind these 2 figures: 1 independent origin.",
                "One origin, MEK, through earlier; later.",
                "Attribution dropped: later states 36 people with no source; earlier attributes it to MEK.",
            ]
        );
    }

    #[test]
    fn no_spread_where_the_data_does_not_mark_figures_comparable_nor_for_words() {
        let f = [
            fig(Value::Number(50.0), "nearly", "a"),
            fig(Value::Number(116.0), "", "b"),
            fig(Value::Words, "hundreds of", "c"),
        ];
        let refs: Vec<&Figure> = f.iter().collect();
        assert_eq!(comparable(&refs).len(), 2, "a quantity in words is never a number");
        let apart = Quantity { comparable: false, ..Q };
        assert_eq!(stated_spread(&apart, &refs), None);
        assert!(stated_spread(&Q, &refs).unwrap().ratio.is_some());
        let lines = summary_lines(&apart, &refs, &|d| d.into());
        assert_eq!(
            lines,
            [
                "Stated: nearly 50 people (a); 116 people (b).",
                "No spread or ratio: the data does not mark these figures as comparable (see the note).",
                "Behind these 2 figures: 2 independent origins.",
                "Not compared: hundreds of people, in words, not a number (c).",
            ]
        );
        assert!(!lines.iter().any(|l| l.contains("times")));
        // Where they are comparable, the words still stay out of the ratio: 116 / 50.
        assert!(summary_lines(&Q, &refs, &|d| d.into())[1].ends_with(": 2.3 times the lowest."));
        assert_eq!(layout(&Q, &refs).marks.len(), 2, "words get no mark");
    }

    #[test]
    fn agreement_and_single_figures() {
        let f = [fig(Value::Number(34.0), "", "a"), fig(Value::Number(34.0), "", "b")];
        let refs: Vec<&Figure> = f.iter().collect();
        assert_eq!(
            summary_lines(&Quantity { unit: "hectares", ..Q }, &refs, &|d| d.into()),
            ["All figures agree: 34 hectares (a; b).", "Behind these 2 figures: 2 independent origins."]
        );
        assert_eq!(summary_lines(&Q, &refs[..1], &|d| d.into()), ["One figure: 34 people (a)."]);
    }

    #[test]
    fn date_spread_in_time() {
        let d = |s| Value::Date(Date::parse(s).unwrap());
        let f = [fig(d("2013"), "", "a"), fig(d("2016"), "", "b")];
        let refs: Vec<&Figure> = f.iter().collect();
        let q = Quantity { kind: Kind::Date, unit: "year", ..Q };
        assert_eq!(
            summary_lines(&q, &refs, &|d| d.into())[..2],
            ["Earliest: 2013 (a).", "Latest: 2016 (b): about 3 years apart."]
        );
    }

    #[test]
    fn nice_scales() {
        let s = number_scale(3000.0);
        assert_eq!((s.lo, s.hi), (0.0, 3000.0));
        assert_eq!(s.ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), vec!["0", "1,000", "2,000", "3,000"]);
        assert_eq!(number_scale(36.0).hi, 40.0);
        let t = time_scale(2013.0, 2017.0);
        assert_eq!(t.ticks.first().unwrap().label, "2013");
        assert!((t.at(2015.0) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn shapes_follow_qualifiers() {
        let f = [
            fig(Value::Number(50.0), "nearly", "a"),
            fig(Value::Number(1000.0), "more than", "b"),
            fig(Value::Range(200.0, 999.0), "", "c"),
            fig(Value::Number(3.0), "about", "d"),
        ];
        let refs: Vec<&Figure> = f.iter().collect();
        let l = layout(&Q, &refs);
        let shapes: Vec<Shape> = l.marks.iter().map(|m| m.shape).collect();
        assert_eq!(shapes, vec![Shape::OpenLeft, Shape::OpenRight, Shape::Bar, Shape::Approximate]);
        assert!(l.marks[2].x < l.marks[2].x2);
        assert!(l.marks.iter().all(|m| (0.0..=1.0).contains(&m.x) && (0.0..=1.0).contains(&m.y)));
    }

    #[test]
    fn coinciding_marks_stack_their_labels() {
        let mut f = [
            fig(Value::Number(3000.0), "", "a"),
            fig(Value::Number(3000.0), "about", "b"),
            fig(Value::Number(200.0), "", "c"),
        ];
        for x in f.iter_mut() {
            x.applies = Date::parse("2020");
        }
        let refs: Vec<&Figure> = f.iter().collect();
        let l = layout(&Quantity { over_time: true, ..Q }, &refs);
        assert!(l.y.is_some());
        assert_eq!(l.marks.iter().map(|m| m.stack).collect::<Vec<_>>(), vec![0, 1, 0]);
    }

    #[test]
    fn estimates_are_plain_numbers() {
        assert_eq!(parse_estimate(" 1,500 "), Some(1500.0));
        assert_eq!(parse_estimate("2300.5"), Some(2300.5));
        for refused in ["", "abc", "-5", "1e9", "99999999999999999999", "1.2.3", ".5", "3 000"] {
            assert_eq!(parse_estimate(refused), None, "{refused}");
        }
    }

    #[test]
    fn grouping() {
        assert_eq!(group(30000.0), "30,000");
        assert_eq!(group(200.0), "200");
        assert_eq!(group(1234567.0), "1,234,567");
        assert_eq!(group(2.5), "2.5");
        assert_eq!(tenths(15.04, true), "15");
        assert_eq!(tenths(15.04, false), "15.0");
        assert_eq!(tenths(-3.26, true), "-3.3");
        assert_eq!(tenths(-0.04, false), "0.0");
    }
}
