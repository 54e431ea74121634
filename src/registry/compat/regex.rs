//! A tiny backtracking matcher for the ECMA-262 regex subset that schemas commonly use
//! (`patternProperties` keys, enum values against `pattern`).
//!
//! Supported: literals, `.`, `^`, `$`, classes `[a-z_]`/`[^…]`, `\d \w \s \D \W \S`, escaped
//! punctuation, groups `(…)`/`(?:…)`, alternation, and `* + ? {n} {n,} {n,m}` (lazy forms are
//! treated as greedy, which does not change whether a match exists). Anything else (look-around,
//! back-references, `\b`, unicode classes) makes [`is_match`] return `None` so callers can be
//! conservative. A step budget guards against catastrophic backtracking.

use std::cell::Cell;

#[derive(Debug)]
enum Node {
    Char(char),
    Any,
    Class(Vec<(char, char)>, bool),
    Start,
    End,
    Alt(Vec<Vec<Node>>),
    Repeat(Box<Node>, u32, Option<u32>),
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        self.pos += 1;
        c
    }

    fn alt(&mut self) -> Option<Node> {
        let mut alts = vec![self.seq()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            alts.push(self.seq()?);
        }
        Some(Node::Alt(alts))
    }

    fn seq(&mut self) -> Option<Vec<Node>> {
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            out.push(self.quantified(atom)?);
        }
        Some(out)
    }

    fn quantified(&mut self, atom: Node) -> Option<Node> {
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => return self.braces(atom),
            _ => return Some(atom),
        };
        self.pos += 1;
        self.skip_lazy();
        Some(Node::Repeat(Box::new(atom), min, max))
    }

    fn skip_lazy(&mut self) {
        if self.peek() == Some('?') {
            self.pos += 1;
        }
    }

    fn braces(&mut self, atom: Node) -> Option<Node> {
        let close = self.chars[self.pos..].iter().position(|&c| c == '}')? + self.pos;
        let body: String = self.chars[self.pos + 1..close].iter().collect();
        let (min, max) = match body.split_once(',') {
            None => {
                let n = body.parse().ok()?;
                (n, Some(n))
            }
            Some((a, "")) => (a.parse().ok()?, None),
            Some((a, b)) => (a.parse().ok()?, Some(b.parse().ok()?)),
        };
        self.pos = close + 1;
        self.skip_lazy();
        Some(Node::Repeat(Box::new(atom), min, max))
    }

    fn atom(&mut self) -> Option<Node> {
        match self.next()? {
            '.' => Some(Node::Any),
            '^' => Some(Node::Start),
            '$' => Some(Node::End),
            '(' => {
                if self.peek() == Some('?') {
                    // Only non-capturing groups; look-arounds are unsupported.
                    if self.chars.get(self.pos + 1) != Some(&':') {
                        return None;
                    }
                    self.pos += 2;
                }
                let inner = self.alt()?;
                (self.next()? == ')').then_some(inner)
            }
            '[' => self.class(),
            '\\' => self.escape(),
            '*' | '+' | '?' | '{' | ')' => None,
            c => Some(Node::Char(c)),
        }
    }

    fn escape(&mut self) -> Option<Node> {
        let c = self.next()?;
        if let Some(class) = shorthand(c) {
            return Some(class);
        }
        literal_escape(c).map(Node::Char)
    }

    fn class(&mut self) -> Option<Node> {
        let neg = self.peek() == Some('^');
        if neg {
            self.pos += 1;
        }
        let mut ranges = Vec::new();
        let mut first = true;
        loop {
            let c = self.next()?;
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = if c == '\\' {
                let e = self.next()?;
                if let Some(Node::Class(r, false)) = shorthand(e) {
                    ranges.extend(r);
                    continue;
                }
                literal_escape(e)?
            } else {
                c
            };
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&n| n != ']') {
                self.pos += 1;
                let hi = match self.next()? {
                    '\\' => literal_escape(self.next()?)?,
                    h => h,
                };
                ranges.push((lo, hi));
            } else {
                ranges.push((lo, lo));
            }
        }
        Some(Node::Class(ranges, neg))
    }
}

fn shorthand(c: char) -> Option<Node> {
    let digit = vec![('0', '9')];
    let word = vec![('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')];
    let space = vec![(' ', ' '), ('\t', '\r')];
    Some(match c {
        'd' => Node::Class(digit, false),
        'D' => Node::Class(digit, true),
        'w' => Node::Class(word, false),
        'W' => Node::Class(word, true),
        's' => Node::Class(space, false),
        'S' => Node::Class(space, true),
        _ => return None,
    })
}

fn literal_escape(c: char) -> Option<char> {
    match c {
        'n' => Some('\n'),
        't' => Some('\t'),
        'r' => Some('\r'),
        c if c.is_ascii_punctuation() => Some(c),
        _ => None,
    }
}

struct Matcher<'a> {
    input: &'a [char],
    steps: Cell<usize>,
}

const STEP_BUDGET: usize = 200_000;
const MAX_TEXT: usize = 512;

impl Matcher<'_> {
    fn tick(&self) -> bool {
        self.steps.set(self.steps.get() + 1);
        self.steps.get() <= STEP_BUDGET
    }

    fn seq(&self, seq: &[Node], pos: usize, k: &dyn Fn(usize) -> bool) -> bool {
        match seq.split_first() {
            None => k(pos),
            Some((first, rest)) => self.node(first, pos, &|p| self.seq(rest, p, k)),
        }
    }

    fn node(&self, n: &Node, pos: usize, k: &dyn Fn(usize) -> bool) -> bool {
        if !self.tick() {
            return false;
        }
        let cur = self.input.get(pos).copied();
        match n {
            Node::Char(c) => cur == Some(*c) && k(pos + 1),
            Node::Any => cur.is_some_and(|c| c != '\n') && k(pos + 1),
            Node::Class(ranges, neg) => {
                cur.is_some_and(|c| ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *neg)
                    && k(pos + 1)
            }
            Node::Start => pos == 0 && k(pos),
            Node::End => pos == self.input.len() && k(pos),
            Node::Alt(alts) => alts.iter().any(|s| self.seq(s, pos, k)),
            Node::Repeat(inner, min, max) => self.repeat(inner, *min, *max, 0, pos, k),
        }
    }

    fn repeat(
        &self,
        inner: &Node,
        min: u32,
        max: Option<u32>,
        count: u32,
        pos: usize,
        k: &dyn Fn(usize) -> bool,
    ) -> bool {
        if max.is_none_or(|m| count < m) {
            let more = |p: usize| {
                (p != pos || count < min) && self.repeat(inner, min, max, count + 1, p, k)
            };
            if self.node(inner, pos, &more) {
                return true;
            }
        }
        count >= min && k(pos)
    }
}

/// Does `pattern` match anywhere in `text` (ECMA-262 `test` semantics)?
/// `None` when the pattern uses unsupported syntax or the step budget ran out.
pub fn is_match(pattern: &str, text: &str) -> Option<bool> {
    let pchars: Vec<char> = pattern.chars().collect();
    let mut parser = Parser {
        chars: &pchars,
        pos: 0,
    };
    let ast = parser.alt()?;
    if parser.pos != pchars.len() {
        return None;
    }
    let input: Vec<char> = text.chars().collect();
    // Matching recurses per character; keep the stack bounded on huge values.
    if input.len() > MAX_TEXT {
        return None;
    }
    let m = Matcher {
        input: &input,
        steps: Cell::new(0),
    };
    let found = (0..=input.len()).any(|start| m.node(&ast, start, &|_| true));
    if m.steps.get() > STEP_BUDGET {
        return None;
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::is_match;

    #[test]
    fn basics() {
        assert_eq!(is_match("^x-", "x-foo"), Some(true));
        assert_eq!(is_match("^x-", "y-foo"), Some(false));
        assert_eq!(is_match("^[a-z]+$", "abc"), Some(true));
        assert_eq!(is_match("^[a-z]+$", "abC"), Some(false));
        assert_eq!(is_match("^\\d{3}-\\d{2,}$", "123-45"), Some(true));
        assert_eq!(is_match("^(foo|bar)_?[0-9]*$", "bar_12"), Some(true));
        assert_eq!(is_match("^(?:ab)+$", "ababa"), Some(false));
        assert_eq!(is_match("b", "abc"), Some(true));
        assert_eq!(is_match("^[^_]", "_x"), Some(false));
    }

    #[test]
    fn unsupported_is_none() {
        assert_eq!(is_match("(?=a)", "a"), None);
        assert_eq!(is_match("\\p{L}", "a"), None);
        assert_eq!(is_match("(", "a"), None);
    }
}
