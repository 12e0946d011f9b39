//! Search over the cleaned corpus, case- and diacritic-insensitive, by word prefix, with
//! quoted phrases. The index is built by the build step into a file of its own: a sorted vocabulary
//! of folded words, each with its postings (document, block, word position). Byte ranges for
//! marking are recovered by re-reading only the blocks that match.

use std::collections::BTreeMap;
use std::ops::Range;

use super::fold::{fold, fold_with_offsets};
use super::glossary::Term;

/// A posting packs document (5 bits), block (11 bits) and word position (16 bits).
pub const MAX_DOCS: usize = 1 << 5;
pub const MAX_BLOCKS: usize = 1 << 11;
pub const MAX_WORDS: usize = 1 << 16;

fn pack(doc: usize, block: usize, pos: usize) -> u32 {
    ((doc as u32) << 27) | ((block as u32) << 16) | pos as u32
}

fn unpack(p: u32) -> (usize, usize, usize) {
    ((p >> 27) as usize, ((p >> 16) & 0x7ff) as usize, (p & 0xffff) as usize)
}

/// The words of a text: their byte ranges in the original and their folded form.
pub fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let (folded, offsets) = fold_with_offsets(text);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices().chain(std::iter::once((folded.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((offsets[s] as usize..offsets[i] as usize, folded[s..i].to_string()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The index, borrowed from an [`IndexBuf`] (read from its file, or built in tests).
#[derive(Clone, Copy, Debug)]
pub struct Index<'a> {
    /// Folded words, sorted, each followed by '\n'.
    pub vocab: &'a str,
    /// Byte offset of each word in `vocab` (one more entry than words).
    pub starts: &'a [u32],
    /// Offset of each word's postings (one more entry than words).
    pub post_starts: &'a [u32],
    pub postings: &'a [u32],
}

#[derive(Debug, Default)]
pub struct IndexBuf {
    pub vocab: String,
    pub starts: Vec<u32>,
    pub post_starts: Vec<u32>,
    pub postings: Vec<u32>,
}

impl IndexBuf {
    /// Builds the index of `docs[d][b]` (block texts per document). Errors name the limit
    /// a corpus exceeds.
    pub fn build(docs: &[Vec<&str>]) -> Result<IndexBuf, String> {
        if docs.len() > MAX_DOCS {
            return Err(format!("search index: {} documents, at most {MAX_DOCS}", docs.len()));
        }
        let mut map: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (d, blocks) in docs.iter().enumerate() {
            if blocks.len() > MAX_BLOCKS {
                return Err(format!("search index: document {d} has {} blocks, at most {MAX_BLOCKS}", blocks.len()));
            }
            for (b, text) in blocks.iter().enumerate() {
                let ws = words(text);
                if ws.len() > MAX_WORDS {
                    return Err(format!(
                        "search index: block {b} of document {d} has {} words, at most {MAX_WORDS}",
                        ws.len()
                    ));
                }
                for (pos, (_, w)) in ws.into_iter().enumerate() {
                    map.entry(w).or_default().push(pack(d, b, pos));
                }
            }
        }
        let mut buf = IndexBuf::default();
        for (w, posts) in map {
            buf.starts.push(buf.vocab.len() as u32);
            buf.vocab.push_str(&w);
            buf.vocab.push('\n');
            buf.post_starts.push(buf.postings.len() as u32);
            buf.postings.extend(posts);
        }
        buf.starts.push(buf.vocab.len() as u32);
        buf.post_starts.push(buf.postings.len() as u32);
        Ok(buf)
    }

    pub fn as_index(&self) -> Index<'_> {
        Index { vocab: &self.vocab, starts: &self.starts, post_starts: &self.post_starts, postings: &self.postings }
    }

    /// The index as the file the app fetches on its first search: `A3SI`, a format version,
    /// then the vocabulary and the three tables, each length-prefixed, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.as_index().size_bytes());
        out.extend_from_slice(FILE_MAGIC);
        out.extend_from_slice(&FILE_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.vocab.len() as u32).to_le_bytes());
        out.extend_from_slice(self.vocab.as_bytes());
        for table in [&self.starts, &self.post_starts, &self.postings] {
            out.extend_from_slice(&(table.len() as u32).to_le_bytes());
            for x in table.iter() {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Reads [`IndexBuf::to_bytes`]'s file, checking everything a search would rely on
    /// (offsets in range and in order, words on character boundaries), so a damaged or
    /// foreign file is an error, never a panic later.
    pub fn from_bytes(bytes: &[u8]) -> Result<IndexBuf, String> {
        let mut r = ByteReader { bytes, at: 0 };
        if r.take(4)? != FILE_MAGIC {
            return Err("not a search index".into());
        }
        let version = r.u32()?;
        if version != FILE_VERSION {
            return Err(format!("search index version {version}, this app reads {FILE_VERSION}"));
        }
        let vocab_len = r.u32()? as usize;
        let vocab = String::from_utf8(r.take(vocab_len)?.to_vec()).map_err(|_| "the vocabulary is not UTF-8")?;
        let mut tables: Vec<Vec<u32>> = Vec::with_capacity(3);
        for _ in 0..3 {
            let n = r.u32()? as usize;
            let raw = r.take(n.checked_mul(4).ok_or("the file is cut short")?)?;
            tables.push(raw.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect());
        }
        if r.at != bytes.len() {
            return Err("the file has bytes after the index".into());
        }
        let postings = tables.pop().unwrap_or_default();
        let post_starts = tables.pop().unwrap_or_default();
        let starts = tables.pop().unwrap_or_default();
        let ordered = |xs: &[u32], end: usize| {
            xs.first() == Some(&0) && xs.windows(2).all(|w| w[0] <= w[1]) && xs.last().map(|&x| x as usize) == Some(end)
        };
        if starts.len() != post_starts.len() || !ordered(&starts, vocab.len()) || !ordered(&post_starts, postings.len())
        {
            return Err("the index tables do not fit together".into());
        }
        let words_fit = starts.windows(2).all(|w| {
            let (a, b) = (w[0] as usize, w[1] as usize);
            b > a && vocab.is_char_boundary(a) && vocab.is_char_boundary(b) && vocab.as_bytes()[b - 1] == b'\n'
        });
        if !words_fit {
            return Err("the vocabulary does not fit its table".into());
        }
        Ok(IndexBuf { vocab, starts, post_starts, postings })
    }
}

/// Reads the index file front to back; running past its end is an error.
struct ByteReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> ByteReader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("the file is cut short")?;
        let part = &self.bytes[self.at..end];
        self.at = end;
        Ok(part)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

const FILE_MAGIC: &[u8; 4] = b"A3SI";
const FILE_VERSION: u32 = 1;

impl<'a> Index<'a> {
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn word(&self, i: usize) -> &'a str {
        &self.vocab[self.starts[i] as usize..self.starts[i + 1] as usize - 1]
    }

    fn postings_of(&self, i: usize) -> &'a [u32] {
        &self.postings[self.post_starts[i] as usize..self.post_starts[i + 1] as usize]
    }

    /// Indices of the words starting with `prefix` (a contiguous run: the vocabulary is sorted).
    fn with_prefix(&self, prefix: &str) -> Range<usize> {
        let lo = partition(self.len(), |i| self.word(i) < prefix);
        let hi = lo + partition(self.len() - lo, |k| self.word(lo + k).starts_with(prefix));
        lo..hi
    }

    fn exact(&self, word: &str) -> Option<usize> {
        let i = partition(self.len(), |i| self.word(i) < word);
        (i < self.len() && self.word(i) == word).then_some(i)
    }

    /// Approximate bytes of static data the index adds to the program.
    pub fn size_bytes(&self) -> usize {
        self.vocab.len() + 4 * (self.starts.len() + self.post_starts.len() + self.postings.len())
    }
}

/// The first index in `0..n` where `below` turns false (`below` must be monotone).
fn partition(n: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// One part of a query: a word (matched as a prefix) or a quoted phrase (consecutive words,
/// the last one a prefix so the phrase matches while it is being typed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Word(String),
    Phrase(Vec<String>),
}

/// The most a query may hold: characters read, then words (a phrase's words count each).
/// A URL can carry a query of any length; these keep the work for it small and bounded.
pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_QUERY_WORDS: usize = 12;

/// The part of a query that is searched: at most `MAX_QUERY_CHARS` characters.
fn searched(query: &str) -> &str {
    query.char_indices().nth(MAX_QUERY_CHARS).map_or(query, |(i, _)| &query[..i])
}

/// Whether a query holds more than is searched, so the page can say what was left out.
pub fn is_capped(query: &str) -> bool {
    searched(query).len() < query.len() || parse_all(query).iter().map(Vec::len).sum::<usize>() > MAX_QUERY_WORDS
}

/// Every part of the searched text: one word, or a quoted phrase's words.
fn parse_all(query: &str) -> Vec<Vec<String>> {
    searched(query)
        .split('"')
        .enumerate()
        .map(|(i, chunk)| (i % 2 == 1, words(chunk).into_iter().map(|(_, w)| w).collect::<Vec<_>>()))
        .flat_map(
            |(quoted, ws)| {
                if quoted && ws.len() > 1 {
                    vec![ws]
                } else {
                    ws.into_iter().map(|w| vec![w]).collect()
                }
            },
        )
        .collect()
}

/// Parses a query. Unbalanced quotes close at the end; punctuation separates words. Only the
/// first `MAX_QUERY_WORDS` words count.
pub fn parse(query: &str) -> Vec<Part> {
    let mut budget = MAX_QUERY_WORDS;
    let mut parts = Vec::new();
    for mut ws in parse_all(query) {
        if budget == 0 {
            break;
        }
        ws.truncate(budget);
        budget -= ws.len();
        parts.push(if ws.len() == 1 { Part::Word(ws.remove(0)) } else { Part::Phrase(ws) });
    }
    parts
}

/// (doc, block) -> word positions matched in it, for one part.
type Positions = BTreeMap<(usize, usize), Vec<usize>>;

fn positions(index: &Index, part: &Part) -> Positions {
    let mut out: Positions = BTreeMap::new();
    match part {
        Part::Word(w) => {
            for i in index.with_prefix(w) {
                for &p in index.postings_of(i) {
                    let (d, b, pos) = unpack(p);
                    out.entry((d, b)).or_default().push(pos);
                }
            }
        }
        Part::Phrase(ws) => {
            let (last, head) = ws.split_last().expect("a phrase has two words or more");
            let mut sets: Vec<std::collections::HashSet<u32>> = Vec::new();
            for w in head {
                let Some(i) = index.exact(w) else { return out };
                sets.push(index.postings_of(i).iter().copied().collect());
            }
            let lasts: std::collections::HashSet<u32> =
                index.with_prefix(last).flat_map(|i| index.postings_of(i).iter().copied()).collect();
            sets.push(lasts);
            for &p in &sets[0] {
                let (d, b, pos) = unpack(p);
                let all = (1..sets.len()).all(|k| pos + k < MAX_WORDS && sets[k].contains(&pack(d, b, pos + k)));
                if all {
                    out.entry((d, b)).or_default().extend(pos..pos + sets.len());
                }
            }
        }
    }
    for v in out.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    out
}

/// The blocks matching every part, with the word positions to mark (in reading order).
fn matching(index: &Index, parts: &[Part]) -> Positions {
    let mut iter = parts.iter().map(|p| positions(index, p));
    let Some(mut acc) = iter.next() else { return Positions::new() };
    for next in iter {
        acc.retain(|k, _| next.contains_key(k));
        for (k, v) in acc.iter_mut() {
            v.extend(&next[k]);
            v.sort_unstable();
            v.dedup();
        }
    }
    acc
}

/// Merges the byte ranges of consecutive marked words (a phrase reads as one mark).
fn ranges(text: &str, positions: &[usize]) -> Vec<Range<usize>> {
    let ws = words(text);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut prev: Option<usize> = None;
    for &p in positions {
        let Some((r, _)) = ws.get(p) else { continue };
        match (out.last_mut(), prev) {
            (Some(last), Some(q)) if q + 1 == p => last.end = r.end,
            _ => out.push(r.clone()),
        }
        prev = Some(p);
    }
    out
}

/// Text around a hit, cut at word boundaries, with marks relative to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

impl Snippet {
    /// The snippet as alternating plain and marked pieces, for rendering.
    pub fn pieces(&self) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        let mut at = 0;
        for m in &self.marks {
            if at < m.start {
                out.push((self.text[at..m.start].to_string(), false));
            }
            out.push((self.text[m.clone()].to_string(), true));
            at = m.end;
        }
        if at < self.text.len() {
            out.push((self.text[at..].to_string(), false));
        }
        out
    }
}

const SNIPPET: usize = 160;

fn snippet(text: &str, marks: &[Range<usize>]) -> Snippet {
    let first = marks.first().cloned().unwrap_or(0..0);
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut start = floor(first.start.saturating_sub(SNIPPET / 3));
    let mut end = floor((start + SNIPPET).min(text.len()).max(first.end.min(text.len())));
    if end < text.len() {
        end = floor(end);
    }
    // Cut at word boundaries.
    if start > 0 {
        start = text[start..first.start].find(' ').map_or(start, |i| start + i + 1);
    }
    if end < text.len() {
        end = text[first.end.min(end)..end].rfind(' ').map_or(end, |i| first.end.min(end) + i);
    }
    let (pre, post) = (if start > 0 { "… " } else { "" }, if end < text.len() { " …" } else { "" });
    let marks = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| m.start - start + pre.len()..m.end - start + pre.len())
        .collect();
    Snippet { text: format!("{pre}{}{post}", &text[start..end]), marks }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub block: usize,
    pub snippet: Snippet,
    /// Marks in the block's own text.
    pub ranges: Vec<Range<usize>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocHits {
    pub doc: usize,
    /// Marked occurrences in the document.
    pub count: usize,
    pub hits: Vec<Hit>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// Documents in corpus order, blocks in reading order.
    pub groups: Vec<DocHits>,
    pub total: usize,
}

/// Searches `texts[d][b]` (the same texts the index was built from).
pub fn search<'t>(index: &Index, texts: &dyn Fn(usize, usize) -> &'t str, query: &str) -> Results {
    let parts = parse(query);
    let mut results = Results::default();
    for ((d, b), pos) in matching(index, &parts) {
        let text = texts(d, b);
        let rs = ranges(text, &pos);
        if rs.is_empty() {
            continue;
        }
        if results.groups.last().is_none_or(|g| g.doc != d) {
            results.groups.push(DocHits { doc: d, count: 0, hits: Vec::new() });
        }
        let group = results.groups.last_mut().expect("pushed above");
        group.count += rs.len();
        results.total += rs.len();
        group.hits.push(Hit { block: b, snippet: snippet(text, &rs), ranges: rs });
    }
    results
}

/// Searches texts the index does not hold (sources added in the browser), block by block, as
/// [`search`] searches the corpus: a block is a hit when every part of the query is in it.
pub fn search_blocks(blocks: &[&str], query: &str) -> Vec<Hit> {
    let parts = parse(query);
    blocks
        .iter()
        .enumerate()
        .filter_map(|(b, text)| {
            let rs = block_ranges(text, &parts);
            (!rs.is_empty()).then(|| Hit { block: b, snippet: snippet(text, &rs), ranges: rs })
        })
        .collect()
}

/// The marks in each of `blocks` (an added source's, which the index does not hold) for the
/// reader opened from a search result, as [`doc_marks`] gives them for a bundled document.
pub fn blocks_marks(blocks: &[&str], query: &str) -> Vec<Vec<Range<usize>>> {
    let parts = parse(query);
    blocks.iter().map(|text| block_ranges(text, &parts)).collect()
}

/// The ranges of `parts` in one block, or none unless every part is in it.
fn block_ranges(text: &str, parts: &[Part]) -> Vec<Range<usize>> {
    if parts.is_empty() {
        return Vec::new();
    }
    let ws: Vec<String> = words(text).into_iter().map(|(_, w)| w).collect();
    let mut pos = Vec::new();
    for part in parts {
        let found = part_positions(&ws, part);
        if found.is_empty() {
            return Vec::new();
        }
        pos.extend(found);
    }
    pos.sort_unstable();
    pos.dedup();
    ranges(text, &pos)
}

/// The marks in each block of one document, for the reader opened from a search result:
/// `marks[b]` for block `b` of the `blocks` given.
pub fn doc_marks(index: &Index, doc: usize, blocks: &[&str], query: &str) -> Vec<Vec<Range<usize>>> {
    let found = matching(index, &parse(query));
    (0..blocks.len()).map(|b| found.get(&(doc, b)).map(|pos| ranges(blocks[b], pos)).unwrap_or_default()).collect()
}

/// A glossary entry found by a search, with the query's words marked in what is shown of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermHit {
    pub term: usize,
    pub label: Snippet,
    pub expansion: Snippet,
    pub definition: Snippet,
}

/// Whether a phrase's words stand at the start of `window` (the last one as a prefix, as in
/// the documents, so a phrase matches while it is being typed).
fn phrase_at(window: &[String], phrase: &[String]) -> bool {
    window.len() >= phrase.len()
        && phrase.iter().enumerate().all(|(k, w)| {
            if k + 1 == phrase.len() {
                window[k].starts_with(w.as_str())
            } else {
                window[k] == *w
            }
        })
}

/// The positions in `ws` of the words one part of a query matches: a word as a prefix, a
/// phrase as a run.
fn part_positions(ws: &[String], part: &Part) -> Vec<usize> {
    match part {
        Part::Word(w) => (0..ws.len()).filter(|&i| ws[i].starts_with(w.as_str())).collect(),
        Part::Phrase(ph) => (0..ws.len()).filter(|&i| phrase_at(&ws[i..], ph)).flat_map(|i| i..i + ph.len()).collect(),
    }
}

/// `text` whole, with every word that some part of the query matches marked.
fn marked(text: &str, parts: &[Part]) -> Snippet {
    let ws: Vec<String> = words(text).into_iter().map(|(_, w)| w).collect();
    let mut pos: Vec<usize> = parts.iter().flat_map(|p| part_positions(&ws, p)).collect();
    pos.sort_unstable();
    pos.dedup();
    Snippet { text: text.to_string(), marks: ranges(text, &pos) }
}

/// Glossary entries whose label, expansion, aliases or definition contain every query word
/// (as a word prefix), in glossary order.
pub fn search_glossary(terms: &[Term], query: &str) -> Vec<TermHit> {
    let parts = parse(query);
    if parts.is_empty() {
        return Vec::new();
    }
    terms
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let hay: Vec<String> = [t.label, t.expansion, t.definition]
                .into_iter()
                .chain(t.aliases.iter().copied())
                .flat_map(|s| words(s).into_iter().map(|(_, w)| w))
                .collect();
            parts.iter().all(|p| !part_positions(&hay, p).is_empty())
        })
        .map(|(i, t)| TermHit {
            term: i,
            label: marked(t.label, &parts),
            expansion: marked(t.expansion, &parts),
            definition: marked(t.definition, &parts),
        })
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Near spellings of the query's unknown words, as whole queries to try (at most five).
pub fn suggest(index: &Index, query: &str) -> Vec<String> {
    let folded = fold(query);
    let mut out: Vec<String> = Vec::new();
    for part in parse(query) {
        let ws = match &part {
            Part::Word(w) => vec![w.clone()],
            Part::Phrase(ws) => ws.clone(),
        };
        for w in ws {
            if !index.with_prefix(&w).is_empty() || w.chars().count() < 3 {
                continue;
            }
            let limit = if w.chars().count() > 6 { 2 } else { 1 };
            let mut near: Vec<(usize, usize, &str)> = (0..index.len())
                .map(|i| index.word(i))
                .filter(|v| v.len().abs_diff(w.len()) <= limit)
                .map(|v| (edit_distance(&w, v), index.postings_of(index.exact(v).unwrap_or(0)).len(), v))
                .filter(|(d, _, _)| *d <= limit)
                .collect();
            near.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
            for (_, _, v) in near.into_iter().take(3) {
                let s = folded.replacen(w.as_str(), v, 1);
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
    }
    out.truncate(5);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: [&[&str]; 2] = [
        &["Camp Ashraf 3 in Manëz, Durrës County.", "The troll farm numbered 1,000 people."],
        &["Muhamet Rrumbullaku said a farm was searched.", "Interior Minister Bledi Çuçi spoke."],
    ];

    fn index() -> IndexBuf {
        IndexBuf::build(&DOCS.iter().map(|d| d.to_vec()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn the_index_file_round_trips_and_damage_is_an_error() {
        let buf = index();
        let bytes = buf.to_bytes();
        let back = IndexBuf::from_bytes(&bytes).unwrap();
        assert_eq!(
            (back.vocab.as_str(), &back.starts, &back.post_starts, &back.postings),
            (buf.vocab.as_str(), &buf.starts, &buf.post_starts, &buf.postings)
        );
        for cut in 0..bytes.len() {
            assert!(IndexBuf::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut foreign = bytes.clone();
        foreign[0] = b'X';
        assert_eq!(IndexBuf::from_bytes(&foreign).unwrap_err(), "not a search index");
        // An offset past the vocabulary: refused, so no search can slice out of bounds.
        let mut bad = bytes.clone();
        let first_start = 12 + buf.vocab.len() + 4 + 4;
        bad[first_start..first_start + 4].copy_from_slice(&9999u32.to_le_bytes());
        assert!(IndexBuf::from_bytes(&bad).is_err());
        let mut longer = bytes;
        longer.push(0);
        assert!(IndexBuf::from_bytes(&longer).is_err());
    }

    fn marked(q: &str) -> Vec<(usize, usize, Vec<String>)> {
        let buf = index();
        let texts = |d: usize, b: usize| DOCS[d][b];
        let r = search(&buf.as_index(), &texts, q);
        r.groups
            .iter()
            .flat_map(|g| {
                g.hits.iter().map(move |h| {
                    (g.doc, h.block, h.ranges.iter().map(|x| DOCS[g.doc][h.block][x.clone()].to_string()).collect())
                })
            })
            .collect()
    }

    #[test]
    fn folding_and_prefixes() {
        assert_eq!(marked("manez"), vec![(0, 0, vec!["Manëz".to_string()])]);
        assert_eq!(marked("DURRES"), vec![(0, 0, vec!["Durrës".to_string()])]);
        assert_eq!(marked("rrumb"), vec![(1, 0, vec!["Rrumbullaku".to_string()])]);
        assert_eq!(marked("cuci"), vec![(1, 1, vec!["Çuçi".to_string()])]);
    }

    #[test]
    fn phrases_and_and() {
        assert_eq!(marked("\"troll farm\""), vec![(0, 1, vec!["troll farm".to_string()])]);
        assert_eq!(marked("farm").len(), 2);
        assert_eq!(marked("farm searched"), vec![(1, 0, vec!["farm".to_string(), "searched".to_string()])]);
        assert!(marked("\"farm troll\"").is_empty());
    }

    #[test]
    fn marks_for_the_reader() {
        let buf = index();
        let marks = doc_marks(&buf.as_index(), 0, DOCS[0], "farm");
        assert_eq!(marks, vec![vec![], vec![10..14]]);
    }

    #[test]
    fn odd_input_never_panics() {
        for q in
            ["", " ", "\"", "\"\"", "\" troll", "'", "…", "a\"b\"c\"", "ÇÇÇ", "1,000", &"x".repeat(5000), "<img src=x>"]
        {
            let _ = marked(q);
            let _ = suggest(&index().as_index(), q);
        }
        assert!(marked("").is_empty());
    }

    #[test]
    fn suggestions_for_misspellings() {
        assert_eq!(suggest(&index().as_index(), "Rumbullaku"), vec!["rrumbullaku".to_string()]);
        assert!(suggest(&index().as_index(), "zzzzzz").is_empty());
    }

    #[test]
    fn blocks_outside_the_index_are_searched_alike() {
        let blocks = ["The camp near Manëz", "Albanian police said", "the camp and the police"];
        let hits = search_blocks(&blocks, "manez");
        assert_eq!(hits.iter().map(|h| h.block).collect::<Vec<_>>(), [0]);
        assert_eq!(&blocks[0][hits[0].ranges[0].clone()], "Manëz");
        let both = search_blocks(&blocks, "camp pol");
        assert_eq!(both.iter().map(|h| h.block).collect::<Vec<_>>(), [2], "every part in the block");
        assert_eq!(search_blocks(&blocks, "\"police said\"").len(), 1);
        assert!(search_blocks(&blocks, "  ").is_empty());
        let marks = blocks_marks(&blocks, "camp pol");
        assert_eq!(marks, [vec![], vec![], vec![4..8, 17..23]], "the hits' ranges, one list a block");
        assert_eq!(blocks_marks(&blocks, "  "), [vec![], vec![], vec![]]);
    }

    #[test]
    fn snippets_cut_at_words_and_mark_the_hit() {
        let text = "word ".repeat(60) + "target " + &"tail ".repeat(60);
        let at = text.find("target").unwrap();
        let s = snippet(&text, &[at..at + 6]);
        assert!(s.text.starts_with("… word") && s.text.ends_with(" …"), "{}", s.text);
        assert_eq!(&s.text[s.marks[0].clone()], "target");
        assert!(s.text.len() < 200);
    }
}
