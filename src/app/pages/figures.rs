//! Figure comparison: for one quantity, every source's figure on a shared axis (an SVG the app
//! draws) beside a table with the same facts, a one-line summary of the spread, and links to
//! each passage. The overview lists every quantity with its spread.

use leptos::prelude::*;

use super::NotFound;
use crate::analysis::distinct;
use crate::analysis::figures::{
    comparable, layout, origins, spread, stated_spread, summary_lines, tenths, value_text, Figure, FigureKind, Layout,
    MarkGeom, Quantity, Shape, Value,
};
use crate::app::components::predict::Predict;
use crate::app::components::title::use_page_title;
use crate::corpus::{self, figures_of, QUANTITIES};
use crate::route;

fn doc_title(id: &str) -> String {
    corpus::short_title(id).to_string()
}

/// The reader at the figure's passage, with its quote highlighted.
fn passage_href(f: &Figure) -> String {
    route::figure_passage_href(f.doc, f.id, f.block)
}

#[component]
pub fn Figures(quantity: Option<String>, predict: bool) -> impl IntoView {
    match quantity {
        None => view! { <Overview/> }.into_any(),
        Some(id) => match corpus::quantity(&id) {
            Some((q, quantity)) => view! { <QuantityView index=q quantity=quantity predict=predict/> }.into_any(),
            None => {
                view! { <NotFound what=format!("There is no quantity with the id “{id}” in the figures.")/> }.into_any()
            }
        },
    }
}

#[component]
fn Overview() -> impl IntoView {
    use_page_title(|| "Figures".to_string());
    // Most disputed first: more distinct values, then a wider ratio (only where the data marks
    // the figures as comparable), among figures of one kind stated in numbers.
    let mut rows: Vec<(usize, &'static Quantity, Vec<&'static Figure>)> =
        QUANTITIES.iter().enumerate().map(|(i, q)| (i, q, figures_of(i as u16))).collect();
    let ratio = |q: &Quantity, figs: &[&Figure]| stated_spread(q, figs).and_then(|s| s.ratio);
    rows.sort_unstable_by(|a, b| {
        let (sa, sb) = (spread(&comparable(&a.2)), spread(&comparable(&b.2)));
        sb.distinct
            .cmp(&sa.distinct)
            .then(ratio(b.1, &b.2).unwrap_or(1.0).total_cmp(&ratio(a.1, &a.2).unwrap_or(1.0)))
            .then(a.0.cmp(&b.0))
    });
    let body = rows
        .into_iter()
        .map(|(_, q, all)| {
            let figs = comparable(&all);
            let s = spread(&figs);
            let docs = distinct(all.iter().map(|f| f.doc));
            let range = match (figs.first(), s.distinct) {
                (None, _) => format!("{} (in words, not compared)", value_text(all[0], q)),
                (Some(f), 1) => value_text(f, q),
                _ if !q.comparable => "not compared: they count different things".to_string(),
                _ => format!("{} to {}", value_text(figs[s.lowest[0]], q), value_text(figs[s.highest[0]], q)),
            };
            view! {
                <tr>
                    <th scope="row"><a href=route::figures_href(Some(q.id))>{q.label}</a></th>
                    <td class="num">{s.distinct}</td>
                    <td class="num">{all.len()} " in " {docs}</td>
                    <td class="num">{origins(if figs.is_empty() { &all } else { &figs })}</td>
                    <td>{range}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h1>"Figures"</h1>
        <p class="lede">
            "The same quantity as each source states it. The most disputed come first: open one to see every figure on a shared axis, who states it, who first stated it, when it applies, and the passage it comes from. Only figures of one kind are compared (counts with counts, never with what a visitor saw), and a figure that several documents repeat from one origin counts once."
        </p>
        <div class="table-scroll" role="region" aria-label="Quantities table" tabindex="0">
        <table class="figures-overview">
            <caption>"Quantities the documents state, most disputed first"</caption>
            <thead>
                <tr>
                    <th scope="col">"Quantity"</th>
                    <th scope="col">"Different values"</th>
                    <th scope="col">"Figures in documents"</th>
                    <th scope="col">"Independent origins"</th>
                    <th scope="col">"Lowest to highest"</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
        </div>
    }
}

#[component]
fn QuantityView(index: u16, quantity: &'static Quantity, predict: bool) -> impl IntoView {
    use_page_title(move || format!("Figures: {}", quantity.label));
    let figs = figures_of(index);
    let lines = summary_lines(quantity, &figs, &doc_title);
    let rows = figs.clone();
    let rows = move || {
        rows
        .iter()
        .enumerate()
        .map(|(i, f)| {
            view! {
                <tr id=route::figure_anchor(f.id)>
                    <td class="num">{i + 1}</td>
                    <td>{f.stated_by}</td>
                    <td>{f.origin}{f.restates.is_some().then_some(" (attribution dropped in this document)")}</td>
                    <td class="value">{value_text(f, quantity)}</td>
                    <td>{f.kind.label()}</td>
                    <td>{f.applies_when}</td>
                    <td>{doc_title(f.doc)}</td>
                    <td><blockquote class="fig-quote">"“" {f.quote} "”"</blockquote><a href=passage_href(f)>"Read the passage"</a></td>
                </tr>
            }
        })
        .collect_view()
    };
    let overview = route::figures_href(None);
    view! {
        <p class="crumbs"><a href=overview>"All figures"</a></p>
        <h1>{quantity.label}</h1>
        <Predict quantity=quantity ask=predict>
        <ul class="spread" id="spread">{lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
        {(!quantity.note.is_empty()).then(|| view! { <p class="hint">{quantity.note}</p> })}
        <figure class="chart">
            <Chart quantity=quantity figures=figs.clone()/>
            <figcaption>
                <ChartLegend/>
                {if quantity.over_time {
                    "Each mark’s number is its row in the table below, which gives the same facts in text."
                } else {
                    "The table below gives the same facts in text."
                }}
            </figcaption>
        </figure>
        <div class="table-scroll" role="region" aria-label="Figures table" tabindex="0">
        <table class="figures-table" aria-describedby="spread">
            <caption>{format!("{}: each figure as its source states it", quantity.label)}</caption>
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">"Who states it"</th>
                    <th scope="col">"First stated by"</th>
                    <th scope="col">"Figure"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Applies to"</th>
                    <th scope="col">"Document"</th>
                    <th scope="col">"Passage"</th>
                </tr>
            </thead>
            <tbody>{rows()}</tbody>
        </table>
        </div>
        </Predict>
    }
}

#[component]
fn ChartLegend() -> impl IntoView {
    view! {
        <ul class="chart-legend">
            <li><svg viewBox="0 0 40 16" aria-hidden="true"><circle cx="20" cy="8" r="5" class="m-dot"/></svg>"as stated"</li>
            <li><svg viewBox="0 0 40 16" aria-hidden="true"><line x1="8" y1="8" x2="32" y2="8" class="m-whisker"/><circle cx="20" cy="8" r="5" class="m-hollow"/></svg>"about, approximately"</li>
            <li><svg viewBox="0 0 40 16" aria-hidden="true"><circle cx="10" cy="8" r="5" class="m-dot"/><path d="M15 8 H34 M29 4 L34 8 L29 12" class="m-arrow"/></svg>"more than, at least (open-ended)"</li>
            <li><svg viewBox="0 0 40 16" aria-hidden="true"><circle cx="30" cy="8" r="5" class="m-dot"/><path d="M25 8 H6 M11 4 L6 8 L11 12" class="m-arrow"/></svg>"nearly, by (this or less, no later than)"</li>
            <li><svg viewBox="0 0 40 16" aria-hidden="true"><rect x="6" y="4" width="28" height="8" class="m-bar"/></svg>"a range, or a month or year"</li>
        </ul>
    }
}

const W: f64 = 760.0;
const LABELS: f64 = 250.0;
const PLOT_RIGHT: f64 = 730.0;
const LANE: f64 = 40.0;
const TOP: f64 = 16.0;
const AXIS: f64 = 34.0;

/// A chart coordinate as SVG text: tenths are precise enough on screen and in print.
fn num(x: f64) -> String {
    tenths(x, true)
}

/// A dot with an arrow pointing away from it: `dir` 1.0 for "more than", -1.0 for "nearly".
fn arrow(x: f64, y: f64, dir: f64) -> AnyView {
    let (start, tip, barb) = (num(x + 6.0 * dir), num(x + 34.0 * dir), num(x + 28.0 * dir));
    let (y, above, below) = (num(y), num(y - 5.0), num(y + 5.0));
    view! {
        <circle cx=num(x) cy=y.clone() r="6" class="m-dot"/>
        <path d=format!("M{start} {y} H{tip} M{barb} {above} L{tip} {y} L{barb} {below}") class="m-arrow"/>
    }
    .into_any()
}

fn mark_shape(shape: Shape, x: f64, x2: f64, y: f64) -> AnyView {
    match shape {
        Shape::Dot => view! { <circle cx=num(x) cy=num(y) r="6" class="m-dot"/> }.into_any(),
        Shape::Approximate => view! {
            <line x1=num(x - 12.0) y1=num(y) x2=num(x + 12.0) y2=num(y) class="m-whisker"/>
            <circle cx=num(x) cy=num(y) r="6" class="m-hollow"/>
        }
        .into_any(),
        Shape::OpenRight => arrow(x, y, 1.0),
        Shape::OpenLeft => arrow(x, y, -1.0),
        Shape::Bar => view! {
            <rect x=num(x.min(x2)) y=num(y - 6.0) width=num((x2 - x).abs().max(4.0)) height="12" class="m-bar"/>
        }
        .into_any(),
    }
}

/// Where the plot sits in the chart, and how a layout's coordinates (0 to 1) map into it.
#[derive(Clone, Copy)]
struct Frame {
    over_time: bool,
    lanes: usize,
    height: f64,
    x0: f64,
    x1: f64,
    plot_top: f64,
    plot_bottom: f64,
}

impl Frame {
    fn new(over_time: bool, lanes: usize) -> Self {
        let height = if over_time { 380.0 } else { TOP + LANE * lanes as f64 + AXIS };
        let x0 = if over_time { 70.0 } else { LABELS };
        // Room above the plot for stacked labels of the highest marks.
        let plot_top = if over_time { TOP + 56.0 } else { TOP };
        Frame { over_time, lanes, height, x0, x1: PLOT_RIGHT, plot_top, plot_bottom: height - AXIS }
    }

    fn sx(self, v: f64) -> f64 {
        self.x0 + v * (self.x1 - self.x0)
    }

    fn sy(self, v: f64) -> f64 {
        self.plot_top + v * (self.plot_bottom - self.plot_top)
    }

    /// A mark's height: on the value axis over time, otherwise in its source's lane.
    fn mark_y(self, m: &MarkGeom) -> f64 {
        if self.over_time {
            self.sy(m.y)
        } else {
            TOP + m.y * LANE * self.lanes as f64
        }
    }
}

/// The SVG chart. Every mark is a link to its passage with a full spoken label, so the chart
/// is usable by keyboard and screen reader; the table is its text alternative.
#[component]
fn Chart(quantity: &'static Quantity, figures: Vec<&'static Figure>) -> impl IntoView {
    let Layout { x, y, marks } = layout(quantity, &figures);
    let frame = Frame::new(y.is_some(), figures.len());
    let Frame { over_time, height, x0, x1, plot_top, plot_bottom, .. } = frame;
    let x_ticks = x
        .ticks
        .iter()
        .map(|t| {
            let at = frame.sx(t.at);
            view! {
                <line x1=num(at) y1=num(plot_top) x2=num(at) y2=num(plot_bottom) class="grid"/>
                <text x=num(at) y=num(plot_bottom + 20.0) class="tick" text-anchor="middle">{t.label.clone()}</text>
            }
        })
        .collect_view();
    let y_ticks = y.as_ref().map(|ys| {
        ys.ticks
            .iter()
            .map(|t| {
                let at = frame.sy(1.0 - t.at);
                view! {
                    <line x1=num(x0) y1=num(at) x2=num(x1) y2=num(at) class="grid"/>
                    <text x=num(x0 - 8.0) y=num(at + 4.0) class="tick" text-anchor="end">{t.label.clone()}</text>
                }
            })
            .collect_view()
    });
    let mark_views = marks.iter().map(|m| chart_mark(frame, m, figures[m.figure], quantity)).collect_view();
    let words = (!over_time).then(|| {
        figures
            .iter()
            .enumerate()
            .filter(|(_, f)| matches!(f.value, Value::Words))
            .map(|(i, f)| words_lane(TOP + (i as f64 + 0.5) * LANE, f, quantity))
            .collect_view()
    });
    let axis_title = if over_time { "Year the figure applies to" } else { quantity.unit };
    view! {
        <svg class="figure-chart" viewBox=format!("0 0 {} {}", num(W), num(height)) role="group" aria-label=format!("Chart: {}", quantity.label)>
            {x_ticks}
            {y_ticks}
            <line x1=num(x0) y1=num(plot_bottom) x2=num(x1) y2=num(plot_bottom) class="axis"/>
            <text x=num(x1) y=num(height - 2.0) class="axis-title" text-anchor="end">{axis_title}</text>
            {over_time.then(|| view! { <text x="8" y="12" class="axis-title">{quantity.unit}</text> })}
            {mark_views}
            {words}
        </svg>
    }
}

/// The lane of a quantity stated in words: it has no place on the axis, so the lane says so
/// and links to the passage.
fn words_lane(y: f64, f: &'static Figure, quantity: &'static Quantity) -> impl IntoView {
    let text = format!("{}: in words, not a number, so not drawn", value_text(f, quantity));
    let link = leptos::svg::a()
        .attr("href", passage_href(f))
        .attr("class", "mark other-kind")
        .attr("aria-label", format!("{text}: {} ({}). Open the passage.", f.stated_by, doc_title(f.doc)))
        .child(view! { <text x=num(LABELS + 8.0) y=num(y + 4.0) class="value-label">{text}</text> });
    view! {
        <g>
            <text x=num(LABELS - 10.0) y=num(y + 4.0) class="lane" text-anchor="end">{doc_title(f.doc)}</text>
            {link}
        </g>
    }
}

/// One figure's mark: a link to its passage, labelled with its value and its source.
fn chart_mark(frame: Frame, m: &MarkGeom, f: &'static Figure, quantity: &'static Quantity) -> impl IntoView {
    let over_time = frame.over_time;
    let (cx, cx2, cy) = (frame.sx(m.x), frame.sx(m.x2), frame.mark_y(m));
    let value = value_text(f, quantity);
    // The accessible name starts with the mark's visible text (its row number over time).
    let number = if over_time { format!("{}. ", m.figure + 1) } else { String::new() };
    // What is not a count or a stated value says so: it is not compared with the rest.
    let kind = match f.kind {
        FigureKind::Observation | FigureKind::Estimate => format!(" ({}, not compared)", f.kind.label()),
        FigureKind::Count | FigureKind::Stated => String::new(),
    };
    let label =
        format!("{number}{value}{kind}: {} ({}), {}. Open the passage.", f.stated_by, doc_title(f.doc), f.applies_when);
    let tip = label.clone();
    let lane_label = (!over_time).then(|| {
        view! { <text x=num(LABELS - 10.0) y=num(cy + 4.0) class="lane" text-anchor="end">{doc_title(f.doc)}</text> }
    });
    let text_x = cx.max(cx2) + if m.shape == Shape::OpenRight { 40.0 } else { 12.0 };
    // A value label is up to about 200 px wide: near the right edge it goes on the left.
    let anchor_end = !over_time && text_x > PLOT_RIGHT - 200.0;
    let (vx, anchor) = if anchor_end {
        (cx.min(cx2) - if m.shape == Shape::OpenLeft { 40.0 } else { 12.0 }, "end")
    } else {
        (text_x, "start")
    };
    // Over time, marks crowd: they carry their row number in the table, which names the
    // source; in lanes the source is the lane's label, so the mark shows its value.
    let value_label = if over_time { (m.figure + 1).to_string() } else { value };
    // Built without the macro: in a `view!` of its own, `<a>` would be HTML's link and its SVG
    // children would not render.
    let link = leptos::svg::a()
        .attr("href", passage_href(f))
        .attr("class", if kind.is_empty() { "mark" } else { "mark other-kind" })
        .attr("aria-label", label)
        .child((
            leptos::svg::title().child(tip),
            mark_shape(m.shape, cx, cx2, cy),
            view! { <text x=num(vx) y=num(cy - 9.0 - 16.0 * m.stack as f64) class="value-label" text-anchor=anchor>{value_label}</text> },
        ));
    view! { <g>{lane_label}{link}</g> }
}
