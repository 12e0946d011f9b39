//! The lineage of the documents: the relations and citations it shows (from the documents'
//! metadata and the claims' origins), and the diagram's geometry: the five documents in a
//! column on the left, the outside origins they cite in a column on the right, relations
//! between documents as arcs beside the left column, citations as lines across. Integer
//! coordinates in SVG user units, so the app prints no floats; the page draws it and gives the
//! same facts as a table.

use super::claims::{cited_origins, Claim, Origin};
use crate::model::Document;

/// Relation kinds drawn as arcs; their converses ("summarized by", "earlier revision of",
/// "quoted by") name the same edge from the other end.
const DRAWN: &[&str] = &["summarizes", "quotes", "cites", "later revision of"];

/// What the diagram and its table show.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// (from, kind, to) between documents, as indexes into the document list.
    pub relations: Vec<(usize, &'static str, usize)>,
    /// The outside origins cited, in first-mention order (indexes into the origins).
    pub cited: Vec<u16>,
    /// (document, position in `cited`).
    pub cites: Vec<(usize, usize)>,
}

pub fn facts(docs: &[Document], claims: &[Claim], origins: &[Origin]) -> Facts {
    let mut f = Facts::default();
    for (i, d) in docs.iter().enumerate() {
        for r in d.related.iter().filter(|r| DRAWN.contains(&r.kind)) {
            if let Some(j) = docs.iter().position(|t| t.id == r.target) {
                f.relations.push((i, r.kind, j));
            }
        }
        for o in cited_origins(claims, origins, d.id) {
            let at = f.cited.iter().position(|x| *x == o).unwrap_or_else(|| {
                f.cited.push(o);
                f.cited.len() - 1
            });
            f.cites.push((i, at));
        }
    }
    f
}

/// Width of the drawing, in SVG user units (it scales to the page).
pub const WIDTH: i32 = 840;
const ROW: i32 = 44;
const NODE_H: i32 = 32;
const DOC_X: i32 = 230;
const DOC_W: i32 = 230;
const ORIGIN_X: i32 = 560;
const ORIGIN_W: i32 = 270;
const TOP: i32 = 16;
/// Characters of a label that fit a node at the diagram's font size.
const LABEL_CHARS: usize = 36;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    /// As drawn (cut to fit, with "…").
    pub label: String,
    /// In full, for the node's SVG `<title>`.
    pub full: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// SVG path data.
    pub path: String,
    /// The relations' names, for arcs between documents (empty for a citation).
    pub label: String,
    pub label_x: i32,
    pub label_y: i32,
    /// Between two documents (an arc), or a citation (a line).
    pub between_documents: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Diagram {
    pub height: i32,
    pub documents: Vec<Node>,
    pub origins: Vec<Node>,
    pub edges: Vec<Edge>,
}

fn fit(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

fn column(labels: &[&'static str], x: i32, w: i32, offset: i32) -> Vec<Node> {
    labels
        .iter()
        .enumerate()
        .map(|(i, &full)| Node { x, y: TOP + offset + i as i32 * ROW, w, h: NODE_H, label: fit(full), full })
        .collect()
}

/// Documents in drawing order: each followed by those it relates to, so related documents
/// sit together and their arcs stay short.
fn document_order(n: usize, relations: &[(usize, &str, usize)]) -> Vec<usize> {
    let mut order = Vec::with_capacity(n);
    for start in 0..n {
        if order.contains(&start) {
            continue;
        }
        let mut queue = vec![start];
        while let Some(d) = queue.pop() {
            if order.contains(&d) {
                continue;
            }
            order.push(d);
            for &(a, _, b) in relations.iter().rev() {
                if a == d && !order.contains(&b) {
                    queue.push(b);
                } else if b == d && !order.contains(&a) {
                    queue.push(a);
                }
            }
        }
    }
    order
}

/// The drawing of `facts`: every relation between documents, and the origins that two or
/// more documents cite (an origin one document cites is in the table only), each placed
/// beside the documents citing it.
pub fn diagram(documents: &[&'static str], origins: &[&'static str], facts: &Facts) -> Diagram {
    let order = document_order(documents.len(), &facts.relations);
    let at = |d: usize| order.iter().position(|x| *x == d).unwrap_or(0);
    let mut shared: Vec<(usize, Vec<usize>)> = (0..origins.len())
        .map(|o| (o, facts.cites.iter().filter(|c| c.1 == o).map(|c| at(c.0)).collect::<Vec<_>>()))
        .filter(|(_, docs)| docs.len() >= 2)
        .collect();
    shared.sort_by_key(|(_, docs)| docs.iter().sum::<usize>() * 1000 / docs.len());
    let doc_labels: Vec<&'static str> = order.iter().map(|&d| documents[d]).collect();
    let origin_labels: Vec<&'static str> = shared.iter().map(|(o, _)| origins[*o]).collect();
    // Relations of one pair of documents share one arc.
    let mut arcs: Vec<(usize, usize, String)> = Vec::new();
    for &(a, kind, b) in &facts.relations {
        let (a, b) = (at(a), at(b));
        match arcs.iter_mut().find(|(x, y, _)| (*x, *y) == (a, b) || (*x, *y) == (b, a)) {
            Some((_, _, label)) => *label = format!("{label}, {kind}"),
            None => arcs.push((a, b, kind.to_string())),
        }
    }
    let cites: Vec<(usize, usize)> =
        shared.iter().enumerate().flat_map(|(i, (_, docs))| docs.iter().map(move |&d| (d, i))).collect();
    layout(&doc_labels, &origin_labels, arcs, &cites)
}

fn layout(
    documents: &[&'static str],
    origins: &[&'static str],
    arcs: Vec<(usize, usize, String)>,
    cites: &[(usize, usize)],
) -> Diagram {
    // The shorter column is centred against the longer one.
    let rows = documents.len().max(origins.len()) as i32;
    let centre = |n: usize| (rows - n as i32) * ROW / 2;
    let documents = column(documents, DOC_X, DOC_W, centre(documents.len()));
    let origins = column(origins, ORIGIN_X, ORIGIN_W, centre(origins.len()));
    let mid = |n: &Node| n.y + n.h / 2;
    let mut edges = Vec::new();
    for (from, to, label) in arcs {
        let (a, b) = (&documents[from], &documents[to]);
        // Arcs bulge left, further for documents further apart.
        let reach = 24 + (from.abs_diff(to) as i32) * 16;
        let (ya, yb) = (mid(a), mid(b));
        edges.push(Edge {
            path: format!("M{} {ya} C{} {ya} {} {yb} {} {yb}", a.x, a.x - reach, a.x - reach, b.x),
            label,
            label_x: a.x - reach * 3 / 4 - 6,
            label_y: (ya + yb) / 2 + 4,
            between_documents: true,
        });
    }
    for &(d, o) in cites {
        let (a, b) = (&documents[d], &origins[o]);
        edges.push(Edge {
            path: format!("M{} {} L{} {}", a.x + a.w, mid(a), b.x, mid(b)),
            label: String::new(),
            label_x: 0,
            label_y: 0,
            between_documents: false,
        });
    }
    Diagram { height: TOP * 2 + rows * ROW, documents, origins, edges }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_documents_sit_together_and_share_one_arc() {
        // 0 and 2 relate twice (summarizes, quotes); 3 and 4 once; 1 alone.
        let facts = Facts {
            relations: vec![(2, "summarizes", 0), (2, "quotes", 0), (4, "later revision of", 3)],
            cited: vec![0, 1, 2],
            // Origin 0 cited by 3 and 4, origin 1 by 0 and 2, origin 2 by 1 only.
            cites: vec![(3, 0), (4, 0), (0, 1), (2, 1), (1, 2)],
        };
        let d = diagram(&["a", "b", "c", "d", "e"], &["x", "y", "z"], &facts);
        let docs: Vec<&str> = d.documents.iter().map(|n| n.full).collect();
        assert_eq!(docs, ["a", "c", "b", "d", "e"]);
        let arcs: Vec<&str> = d.edges.iter().filter(|e| e.between_documents).map(|e| e.label.as_str()).collect();
        assert_eq!(arcs, ["summarizes, quotes", "later revision of"]);
        // Only origins cited by two documents are drawn, nearest their documents first.
        let origins: Vec<&str> = d.origins.iter().map(|n| n.full).collect();
        assert_eq!(origins, ["y", "x"]);
        assert_eq!(d.edges.iter().filter(|e| !e.between_documents).count(), 4);
        assert!(d.edges.iter().all(|e| e.label_x >= 0));
        const { assert!(ORIGIN_X + ORIGIN_W <= WIDTH) };
    }

    #[test]
    fn long_labels_are_cut_on_a_character() {
        let long = "Albania’s government and multinational technology companies";
        let cut = fit(long);
        assert!(cut.ends_with('…') && cut.chars().count() <= LABEL_CHARS, "{cut}");
        assert_eq!(fit("AP News"), "AP News");
    }
}
