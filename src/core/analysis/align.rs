//! Which passages of two documents correspond. Each passage becomes a TF-IDF vector of its
//! folded words; a monotone dynamic-programming alignment then pairs passages whose cosine
//! similarity clears a threshold, allowing one passage to match two consecutive ones on the
//! other side (a paragraph split or merged between versions). Deterministic: ties break the
//! same way every time.

use std::collections::HashMap;

use super::fold::fold;

/// Below this similarity two passages are not treated as the same passage.
pub const THRESHOLD: f32 = 0.1;

/// A passage this short (a heading, a caption) is never part of a split or merge: joining a
/// heading to the paragraph under it would hide the heading's own match.
const MIN_MERGE_WORDS: usize = 6;

/// How much better a joined passage must match than its first part alone.
const MERGE_GAIN: f32 = 0.05;

/// One row of an alignment: indices into the left and right inputs. One side is empty for
/// a passage without counterpart.
#[derive(Clone, Debug, PartialEq)]
pub struct AlignedRow {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub score: f32,
}

type Vector = Vec<(u32, f32)>;

/// A crude stem, enough for revisions that change "raided" to "raid" or "members" to
/// "member": common English endings are dropped from longer words.
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if word.len() > suffix.len() + 3 {
            if let Some(s) = word.strip_suffix(suffix) {
                return s;
            }
        }
    }
    word
}

fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| stem(w).to_string()).collect()
}

struct Vectors {
    left: Vec<Vector>,
    right: Vec<Vector>,
    left_long: Vec<bool>,
    right_long: Vec<bool>,
}

fn normalize(mut v: Vector) -> Vector {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    v
}

/// TF-IDF vectors over both sides' passages, so words common to every passage weigh little.
fn vectors(left: &[&str], right: &[&str]) -> Vectors {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut counts: Vec<HashMap<u32, f32>> = Vec::with_capacity(left.len() + right.len());
    let mut long = Vec::with_capacity(left.len() + right.len());
    for text in left.iter().chain(right) {
        let mut tf: HashMap<u32, f32> = HashMap::new();
        let words = words(text);
        let count = words.len();
        // Word pairs (shingles) as well as words: shared phrasing ("June 20", "Albanian
        // police") counts for more than the same words scattered.
        let pairs = words.windows(2).map(|p| format!("{} {}", p[0], p[1]));
        for w in words.iter().cloned().chain(pairs) {
            let next = ids.len() as u32;
            *tf.entry(*ids.entry(w).or_insert(next)).or_default() += 1.0;
        }
        counts.push(tf);
        long.push(count >= MIN_MERGE_WORDS);
    }
    let mut df = vec![0f32; ids.len()];
    for tf in &counts {
        for id in tf.keys() {
            df[*id as usize] += 1.0;
        }
    }
    let n = counts.len() as f32;
    let mut all: Vec<Vector> = counts
        .into_iter()
        .map(|tf| {
            let mut v: Vector =
                tf.into_iter().map(|(id, c)| (id, (1.0 + c.ln()) * (1.0 + n / df[id as usize]).ln())).collect();
            v.sort_unstable_by_key(|(id, _)| *id);
            normalize(v)
        })
        .collect();
    let right = all.split_off(left.len());
    let right_long = long.split_off(left.len());
    Vectors { left: all, right, left_long: long, right_long }
}

fn dot(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

fn merged(a: &Vector, b: &Vector) -> Vector {
    let mut m: Vector = a.iter().chain(b).copied().collect();
    m.sort_unstable_by_key(|(id, _)| *id);
    m.dedup_by(|x, y| {
        if x.0 == y.0 {
            y.1 += x.1;
            true
        } else {
            false
        }
    });
    normalize(m)
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    SkipLeft,
    SkipRight,
    /// Left and right passages matched, taking this many from each side.
    Match(u8, u8),
}

/// Passages farther apart than this (in rank, scaled to the shorter side) are not compared,
/// which keeps large inputs near-linear; the real corpus is far inside it.
fn band(n: usize, m: usize) -> usize {
    (n.max(m) / 8).max(64)
}

/// Aligns two sequences of passages in reading order. Every index of each input appears in
/// exactly one row; matched rows never cross.
pub fn align(left: &[&str], right: &[&str]) -> Vec<AlignedRow> {
    let v = vectors(left, right);
    let (n, m) = (left.len(), right.len());
    let w = band(n, m);
    let near = |i: usize, j: usize| {
        let scaled = if n == 0 { 0 } else { i * m / n.max(1) };
        scaled.abs_diff(j) <= w
    };
    // best[i][j]: best gain aligning left[i..] with right[j..]; computed back to front.
    let width = m + 1;
    let mut best = vec![0f32; (n + 1) * width];
    let mut step = vec![Step::SkipLeft; (n + 1) * width];
    let sim = |i: usize, j: usize| dot(&v.left[i], &v.right[j]);
    // Each pair of neighbours, joined once: the candidates for a split or merge.
    let joined = |side: &[Vector]| side.windows(2).map(|w| merged(&w[0], &w[1])).collect::<Vec<_>>();
    let (left_pairs, right_pairs) = (joined(&v.left), joined(&v.right));
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            let at = i * width + j;
            if i == n && j == m {
                continue;
            }
            let mut choice = (f32::NEG_INFINITY, Step::SkipLeft);
            let mut offer = |gain: f32, s: Step| {
                if gain > choice.0 {
                    choice = (gain, s);
                }
            };
            if i < n {
                offer(best[(i + 1) * width + j], Step::SkipLeft);
            }
            if j < m {
                offer(best[i * width + j + 1], Step::SkipRight);
            }
            if i < n && j < m && near(i, j) {
                let s = sim(i, j);
                if s >= THRESHOLD {
                    offer(best[(i + 1) * width + j + 1] + (s - THRESHOLD), Step::Match(1, 1));
                }
                // A split or merge: worth it only if the joined text matches clearly better
                // than either part alone.
                let long = |side: &[bool], k: usize| side[k] && side[k + 1];
                // Only a passage that already matches in part can be half of a split.
                let partly = s >= THRESHOLD / 2.0;
                if partly && j + 1 < m && v.left_long[i] && long(&v.right_long, j) {
                    let s2 = dot(&v.left[i], &right_pairs[j]);
                    if s2 >= THRESHOLD && s2 > s.max(sim(i, j + 1)) + MERGE_GAIN {
                        offer(best[(i + 1) * width + j + 2] + (s2 - THRESHOLD) * 1.5, Step::Match(1, 2));
                    }
                }
                if partly && i + 1 < n && v.right_long[j] && long(&v.left_long, i) {
                    let s2 = dot(&left_pairs[i], &v.right[j]);
                    if s2 >= THRESHOLD && s2 > s.max(sim(i + 1, j)) + MERGE_GAIN {
                        offer(best[(i + 2) * width + j + 1] + (s2 - THRESHOLD) * 1.5, Step::Match(2, 1));
                    }
                }
            }
            best[at] = choice.0;
            step[at] = choice.1;
        }
    }
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        match step[i * width + j] {
            Step::SkipLeft => {
                rows.push(AlignedRow { left: vec![i], right: vec![], score: 0.0 });
                i += 1;
            }
            Step::SkipRight => {
                rows.push(AlignedRow { left: vec![], right: vec![j], score: 0.0 });
                j += 1;
            }
            Step::Match(a, b) => {
                let (a, b) = (a as usize, b as usize);
                let lv = if a == 2 { &left_pairs[i] } else { &v.left[i] };
                let rv = if b == 2 { &right_pairs[j] } else { &v.right[j] };
                rows.push(AlignedRow { left: (i..i + a).collect(), right: (j..j + b).collect(), score: dot(lv, rv) });
                i += a;
                j += b;
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(rows: &[AlignedRow]) -> Vec<(Vec<usize>, Vec<usize>)> {
        rows.iter().map(|r| (r.left.clone(), r.right.clone())).collect()
    }

    #[test]
    fn identical_sequences_align_one_to_one() {
        let a = ["Albania did not grant refugee status.", "The raid took place in June.", "Police seized computers."];
        let rows = align(&a, &a);
        assert_eq!(pairs(&rows), vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]);
        assert!(rows.iter().all(|r| r.score > 0.99));
    }

    #[test]
    fn insertion_and_deletion_leave_gaps() {
        let a = ["Albania did not grant refugee status to residents.", "Police raided the camp in June 2023."];
        let b = [
            "Albania did not grant refugee status to residents.",
            "A new paragraph about cyber attacks on government websites.",
            "Police raided the camp in June 2023.",
        ];
        assert_eq!(pairs(&align(&a, &b)), vec![(vec![0], vec![0]), (vec![], vec![1]), (vec![1], vec![2])]);
        assert_eq!(pairs(&align(&b, &a)), vec![(vec![0], vec![0]), (vec![1], vec![]), (vec![2], vec![1])]);
    }

    #[test]
    fn a_split_paragraph_matches_both_halves() {
        let a = ["The camp has a gym and a cafeteria. It also has a museum about the history and a recording studio for songs."];
        let b = [
            "The camp has a gym and a cafeteria.",
            "It also has a museum about the history and a recording studio for songs.",
        ];
        assert_eq!(pairs(&align(&a, &b)), vec![(vec![0], vec![0, 1])]);
        assert_eq!(pairs(&align(&b, &a)), vec![(vec![0, 1], vec![0])]);
    }

    #[test]
    fn crossing_matches_are_not_made() {
        let a = ["Stipend of thirty thousand lek paid monthly.", "Conference held in July with dignitaries."];
        let b = ["Conference held in July with dignitaries.", "Stipend of thirty thousand lek paid monthly."];
        let rows = align(&a, &b);
        let matched = rows.iter().filter(|r| !r.left.is_empty() && !r.right.is_empty()).count();
        assert_eq!(matched, 1, "{:?}", pairs(&rows));
        assert_eq!(rows.iter().map(|r| r.left.len() + r.right.len()).sum::<usize>(), 4);
    }

    #[test]
    fn empty_inputs() {
        assert!(align(&[], &[]).is_empty());
        assert_eq!(pairs(&align(&["x y"], &[])), vec![(vec![0], vec![])]);
    }
}
