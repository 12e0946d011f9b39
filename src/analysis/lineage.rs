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
pub const WIDTH: i32 = 760;
const ROW: i32 = 44;
const NODE_H: i32 = 32;
const DOC_X: i32 = 210;
const DOC_W: i32 = 230;
const ORIGIN_X: i32 = 520;
const ORIGIN_W: i32 = 230;
const TOP: i32 = 16;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
    pub label: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// SVG path data.
    pub path: String,
    /// Where the relation's name is written.
    pub label: &'static str,
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

fn column(labels: &[&'static str], x: i32, w: i32, offset: i32) -> Vec<Node> {
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| Node { x, y: TOP + offset + i as i32 * ROW, w, h: NODE_H, label })
        .collect()
}

/// `relations`: (from, kind, to) between documents (indexes into `documents`); `cites`:
/// (document, origin).
pub fn layout(
    documents: &[&'static str],
    origins: &[&'static str],
    relations: &[(usize, &'static str, usize)],
    cites: &[(usize, usize)],
) -> Diagram {
    // The shorter column is centred against the longer one.
    let rows = documents.len().max(origins.len()) as i32;
    let centre = |n: usize| (rows - n as i32) * ROW / 2;
    let documents = column(documents, DOC_X, DOC_W, centre(documents.len()));
    let origins = column(origins, ORIGIN_X, ORIGIN_W, centre(origins.len()));
    let mid = |n: &Node| n.y + n.h / 2;
    let mut edges = Vec::new();
    for (k, &(from, kind, to)) in relations.iter().enumerate() {
        let (a, b) = (&documents[from], &documents[to]);
        // Arcs bulge left, further for pairs further apart, so they do not overlap.
        let reach = 24 + (from.abs_diff(to) as i32) * 14 + k as i32 * 4;
        let (ya, yb) = (mid(a), mid(b));
        edges.push(Edge {
            path: format!("M{} {ya} C{} {ya} {} {yb} {} {yb}", a.x, a.x - reach, a.x - reach, b.x),
            label: kind,
            label_x: a.x - reach - 4,
            label_y: (ya + yb) / 2,
            between_documents: true,
        });
    }
    for &(d, o) in cites {
        let (a, b) = (&documents[d], &origins[o]);
        edges.push(Edge {
            path: format!("M{} {} L{} {}", a.x + a.w, mid(a), b.x, mid(b)),
            label: "cites",
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
    fn columns_are_centred_and_edges_join_their_nodes() {
        let d = layout(&["a", "b", "c"], &["x"], &[(2, "summarizes", 0)], &[(1, 0)]);
        assert_eq!(d.height, TOP * 2 + 3 * ROW);
        assert_eq!(d.documents[1].y, d.origins[0].y, "one origin beside the middle document");
        let arc = &d.edges[0];
        assert!(arc.between_documents && arc.path.starts_with(&format!("M{DOC_X} ")), "{}", arc.path);
        assert!(arc.label_x < DOC_X);
        let line = &d.edges[1];
        assert_eq!(line.path, format!("M{} {} L{ORIGIN_X} {}", DOC_X + DOC_W, TOP + ROW + 16, TOP + ROW + 16));
        const { assert!(ORIGIN_X + ORIGIN_W <= WIDTH) };
    }
}
