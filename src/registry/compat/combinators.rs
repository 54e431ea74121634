//! Combinators: `allOf`/`anyOf`/`oneOf` with maximum bipartite matching of compatible
//! branch pairs (rows 22/23) and `not` (row 24).

use super::*;

impl Ctx<'_> {
    // ----- rows 22–24 -----

    /// allOf in the writer but not the reader: merge local branches into one schema. Also
    /// says whether a branch was a `$ref` whose target was merged in (see `check_inner`).
    pub(super) fn flatten_all_of(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) -> (Map<String, Value>, bool) {
        let mut merged: Map<String, Value> = wo
            .iter()
            .filter(|(k, _)| *k != "allOf")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let branches = wo
            .get("allOf")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut inlined_ref = false;
        for b in &branches {
            if self.stop() {
                break;
            }
            // Only branches from the same document can be merged without changing how
            // their refs resolve; skipping a branch only loosens the writer (conservative).
            let Ok((v, sc, _)) = self.deref(b, ws) else {
                continue;
            };
            if !Rc::ptr_eq(&sc.doc, &ws.doc) {
                continue;
            }
            inlined_ref |= b.get("$ref").is_some();
            if let Value::Object(o) = v {
                for (k, v) in o {
                    merge_keyword(&mut merged, k, v);
                }
            } else if is_false(&v) {
                merged.insert("not".into(), Value::Object(Map::new()));
            }
        }
        self.emit(
            out,
            "PRODUCT_TYPE_NARROWED",
            &join(path, "allOf"),
            Sev::Info,
            format!(
                "`allOf` {}: the {} schema is compared with the {} one's branches combined",
                self.lost(),
                self.r(),
                self.w()
            ),
        );
        (merged, inlined_ref)
    }

    /// Writer is a sum (anyOf/oneOf), reader is not: every writer branch must fit the reader.
    pub(super) fn sum_to_single(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        r: &Value,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let kw = if wo.contains_key("anyOf") {
            "anyOf"
        } else {
            "oneOf"
        };
        let Some(branches) = wo
            .get(kw)
            .and_then(Value::as_array)
            .filter(|a| !a.is_empty())
        else {
            return self.unsupported(
                out,
                &join(path, kw),
                &format!("the {} schema's `{kw}` must be a non-empty array", self.w()),
            );
        };
        let mut failed = Vec::new();
        let mut details = Vec::new();
        for (i, b) in branches.iter().enumerate() {
            if self.stop() {
                return;
            }
            let merged = merge_base(wo, kw, b);
            let sub = self.trial(&merged, &ws.child(kw).child(&i.to_string()), r, rs, path);
            if is_compatible(&sub) {
                details.extend(sub);
            } else {
                failed.push(i);
            }
        }
        let p = join(path, kw);
        if failed.is_empty() {
            out.extend(details);
            self.emit(
                out,
                "COMBINED_TYPE_CHANGED",
                &p,
                Sev::Info,
                if self.forward {
                    format!(
                        "a single schema replaced by `{kw}`; the old schema accepts every branch"
                    )
                } else {
                    format!("`{kw}` replaced by a single schema that accepts every branch")
                },
            );
        } else {
            self.emit(
                out,
                "COMBINED_TYPE_CHANGED",
                &p,
                Sev::Break,
                if self.forward {
                    format!("a single schema replaced by `{kw}` whose branch(es) {failed:?} the old schema rejects")
                } else {
                    format!("`{kw}` replaced by a single schema that rejects branch(es) {failed:?}")
                },
            );
        }
    }

    pub(super) fn combinators(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        for kw in ["anyOf", "oneOf", "allOf"] {
            let Some(rv) = ro.get(kw) else { continue };
            let Some(rb) = rv.as_array().filter(|a| !a.is_empty()) else {
                self.unsupported(
                    out,
                    &join(path, kw),
                    &format!("the {} schema's `{kw}` must be a non-empty array", self.r()),
                );
                continue;
            };
            if kw == "allOf" {
                self.reader_all_of(wo, ws, rb, rs, path, out);
            } else {
                // Each reader branch is read together with the reader's base keywords.
                let mut merged = Vec::with_capacity(rb.len());
                for b in rb {
                    if self.stop() {
                        return;
                    }
                    merged.push(merge_base(ro, kw, b));
                }
                self.reader_sum(kw, wo, ws, &merged, rs, path, out);
            }
        }
        // allOf removed from the reader was flattened in `check_inner`; remaining W-only
        // combinators only constrain the writer further, which is always safe.
        self.not(wo, ws, ro, rs, path, out);
    }

    #[allow(clippy::too_many_arguments)]
    fn reader_sum(
        &mut self,
        kw: &str,
        wo: &Map<String, Value>,
        ws: &Scope,
        rb: &[Value],
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let p = join(path, kw);
        let wkw = if wo.contains_key(kw) {
            Some(kw)
        } else {
            ["anyOf", "oneOf"].into_iter().find(|k| wo.contains_key(*k))
        };
        let overlap = if kw == "oneOf" {
            " (oneOf: check that the new branch does not overlap the others, or valid data may match two branches)"
        } else {
            ""
        };
        let Some(wkw) = wkw else {
            // Singleton → sum (row 22): the writer must fit some branch.
            let wv = Value::Object(wo.clone());
            for (j, r) in rb.iter().enumerate() {
                if self.stop() {
                    return;
                }
                let sub = self.trial(
                    &wv,
                    ws,
                    r,
                    &rs.child(kw).child(&j.to_string()),
                    &join(&p, &j.to_string()),
                );
                if is_compatible(&sub) {
                    out.extend(sub);
                    self.emit(
                        out,
                        "COMBINED_TYPE_EXTENDED",
                        &p,
                        Sev::Info,
                        if self.forward {
                            format!("`{kw}` replaced by a single schema; the old schema's branch {j} accepts all new data")
                        } else {
                            format!("schema wrapped in `{kw}`; branch {j} accepts all old data{overlap}")
                        },
                    );
                    return;
                }
            }
            return self.emit(
                out,
                "COMBINED_TYPE_SUBSCHEMAS_CHANGED",
                &p,
                Sev::Break,
                if self.forward {
                    format!("`{kw}` replaced by a single schema, but no branch of the old `{kw}` accepts all new data")
                } else {
                    format!("schema replaced by `{kw}`, but no branch accepts all old data")
                },
            );
        };
        let Some(wb) = wo
            .get(wkw)
            .and_then(Value::as_array)
            .filter(|a| !a.is_empty())
        else {
            return self.unsupported(
                out,
                &join(path, wkw),
                &format!(
                    "the {} schema's `{wkw}` must be a non-empty array",
                    self.w()
                ),
            );
        };
        // Duplicate branches never change what a sum accepts (for a writer `oneOf` dropping
        // one only lets the writer accept more, which is conservative); a reader `oneOf`
        // with a duplicate accepts less, so its branches are kept as written.
        let wkeep = empty::distinct(wb);
        let rkeep: Vec<usize> = if kw == "anyOf" {
            empty::distinct(rb)
        } else {
            (0..rb.len()).collect()
        };
        let rscopes: Vec<Scope> = rkeep
            .iter()
            .map(|j| rs.child(kw).child(&j.to_string()))
            .collect();
        let rb_kept: Vec<Value> = rkeep.iter().map(|&j| rb[j].clone()).collect();
        // A reader `oneOf` whose branches cannot overlap accepts exactly what the same
        // branches under `anyOf` accept.
        let disjoint = kw == "oneOf" && {
            let pairs: Vec<(Value, Scope)> = rb_kept.iter().cloned().zip(rscopes.clone()).collect();
            self.disjoint_by_type(&pairs).is_some()
        };
        let overlap = if disjoint { "" } else { overlap };
        // A reader `oneOf` with two equal branches rejects every value matching them (it
        // matches both), unless the writer had exactly those branches already.
        if kw == "oneOf" {
            let unique = empty::distinct(rb);
            let same_as_writer = wkw == "oneOf"
                && wb.len() == rb.len()
                && wb
                    .iter()
                    .zip(rb)
                    .all(|(a, b)| empty::canonical(a) == empty::canonical(b));
            if unique.len() < rb.len() && !same_as_writer {
                let mut first = vec![false; rb.len()];
                unique.iter().for_each(|&j| first[j] = true);
                let dups: Vec<usize> = (0..rb.len()).filter(|&j| !first[j]).collect();
                self.emit(
                    out,
                    "COMBINED_TYPE_SUBSCHEMAS_CHANGED",
                    &p,
                    Sev::Break,
                    format!("the {} schema's `oneOf` branch(es) {dups:?} duplicate earlier branches: values matching them match twice and are rejected", self.r()),
                );
            }
        }
        if wkw != kw {
            let (old_kw, new_kw) = if self.forward { (kw, wkw) } else { (wkw, kw) };
            let (w_, r_) = (self.w(), self.r());
            if kw == "anyOf" {
                self.emit(
                    out,
                    "COMBINED_TYPE_EXTENDED",
                    &p,
                    Sev::Info,
                    format!("`{old_kw}` changed to `{new_kw}`; the {r_} schema's anyOf accepts everything the {w_} one's oneOf does"),
                );
            } else if disjoint {
                self.emit(
                    out,
                    "COMBINED_TYPE_CHANGED",
                    &p,
                    Sev::Info,
                    format!("`{old_kw}` changed to `{new_kw}`; the {r_} schema's oneOf branches accept disjoint types: no value can match two branches, so the same data is accepted"),
                );
            } else {
                self.emit(
                    out,
                    "COMBINED_TYPE_CHANGED",
                    &p,
                    Sev::Break,
                    format!("`{old_kw}` changed to `{new_kw}`: {w_} data matching several branches is rejected by the {r_} schema's oneOf"),
                );
            }
        }
        let (wn, rn) = (wkeep.len(), rkeep.len());
        if rn > wn {
            self.emit(
                out,
                "SUM_TYPE_EXTENDED",
                &p,
                Sev::Info,
                if self.forward {
                    format!("`{wkw}` lost {} branch(es); the old schema still accepts all the new one's data", rn - wn)
                } else {
                    format!("`{kw}` gained {} branch(es){overlap}", rn - wn)
                },
            );
        } else if rn < wn {
            self.emit(
                out,
                "SUM_TYPE_NARROWED",
                &p,
                Sev::Break,
                if self.forward {
                    format!("`{wkw}` gained {} branch(es): new data matching them is rejected by the old schema", wn - rn)
                } else {
                    format!("`{kw}` lost {} branch(es): old data matching them is rejected", wn - rn)
                },
            );
        }
        let merged: Vec<Value> = wkeep.iter().map(|&i| merge_base(wo, wkw, &wb[i])).collect();
        let wscopes: Vec<Scope> = wkeep
            .iter()
            .map(|i| ws.child(wkw).child(&i.to_string()))
            .collect();
        self.match_branches(&merged, &wscopes, &rb_kept, &rscopes, &p, true, out);
    }

    /// Pair writer and reader branches by maximum bipartite matching of compatible pairs.
    /// `writer_side`: every writer branch must be matched (sums) — otherwise every reader
    /// branch must be (products).
    #[allow(clippy::too_many_arguments)]
    fn match_branches(
        &mut self,
        wb: &[Value],
        wsc: &[Scope],
        rb: &[Value],
        rsc: &[Scope],
        p: &str,
        writer_side: bool,
        out: &mut Vec<Change>,
    ) {
        // Every pair is one trial comparison (at least one step of the work budget), and the
        // matching is cubic in the branch counts: more pairs than the budget has steps left
        // (or than MAX_STEPS) could never be checked in reasonable time, so say so now
        // rather than after the time and memory.
        let pairs = wb.len().saturating_mul(rb.len());
        if pairs > MAX_STEPS.min(self.budget.saturating_sub(self.steps)) {
            let (w, r) = (wb.len(), rb.len());
            let (old, new) = if self.forward { (r, w) } else { (w, r) };
            return self.unsupported(
                out,
                p,
                &format!("{old} old × {new} new branches are too many to pair ({pairs} comparisons exceed the work budget)"),
            );
        }
        let mut ok = vec![vec![false; rb.len()]; wb.len()];
        let mut subs: HashMap<(usize, usize), Vec<Change>> = HashMap::new();
        for (i, w) in wb.iter().enumerate() {
            for (j, r) in rb.iter().enumerate() {
                if self.stop() {
                    return;
                }
                // Report under the reader's branch index: in BACKWARD that is the new schema.
                let bp = join(p, &j.to_string());
                let sub = self.trial(w, &wsc[i], r, &rsc[j], &bp);
                ok[i][j] = is_compatible(&sub);
                subs.insert((i, j), sub);
            }
        }
        let (pairs, unmatched): (Vec<(usize, usize)>, Vec<usize>) = if writer_side {
            let m = max_matching(&ok, rb.len());
            let pairs = m
                .iter()
                .enumerate()
                .filter_map(|(i, j)| j.map(|j| (i, j)))
                .collect();
            (
                pairs,
                m.iter()
                    .enumerate()
                    .filter(|(_, j)| j.is_none())
                    .map(|(i, _)| i)
                    .collect(),
            )
        } else {
            let transposed: Vec<Vec<bool>> = (0..rb.len())
                .map(|j| (0..wb.len()).map(|i| ok[i][j]).collect())
                .collect();
            let m = max_matching(&transposed, wb.len());
            let pairs = m
                .iter()
                .enumerate()
                .filter_map(|(j, i)| i.map(|i| (i, j)))
                .collect();
            (
                pairs,
                m.iter()
                    .enumerate()
                    .filter(|(_, i)| i.is_none())
                    .map(|(j, _)| j)
                    .collect(),
            )
        };
        for pair in pairs {
            if let Some(sub) = subs.remove(&pair) {
                out.extend(sub);
            }
        }
        if !unmatched.is_empty() {
            let (side, other) = if writer_side {
                (self.w(), self.r())
            } else {
                (self.r(), self.w())
            };
            let hints: Vec<String> = unmatched
                .iter()
                .filter_map(|&u| {
                    let other = if writer_side { rb.len() } else { wb.len() };
                    closest_failure(&subs, u, other, writer_side)
                })
                .collect();
            let hint = if hints.is_empty() {
                String::new()
            } else {
                format!(" (closest: {})", hints.join("; "))
            };
            self.emit(
                out,
                "COMBINED_TYPE_SUBSCHEMAS_CHANGED",
                p,
                Sev::Break,
                format!("the {side} schema's branch(es) {unmatched:?} have no compatible counterpart in the {other} one{hint}"),
            );
        }
    }

    fn reader_all_of(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        rb: &[Value],
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let p = join(path, "allOf");
        // A duplicate `allOf` branch adds no constraint: compare distinct branches only.
        let rkeep = empty::distinct(rb);
        let rscopes: Vec<Scope> = rkeep
            .iter()
            .map(|j| rs.child("allOf").child(&j.to_string()))
            .collect();
        let rb: Vec<Value> = rkeep.iter().map(|&j| rb[j].clone()).collect();
        let rb = &rb[..];
        match wo
            .get("allOf")
            .and_then(Value::as_array)
            .filter(|a| !a.is_empty())
        {
            Some(wb_all) => {
                let wkeep = empty::distinct(wb_all);
                let wb: Vec<Value> = wkeep.iter().map(|&i| wb_all[i].clone()).collect();
                if rb.len() > wb.len() {
                    self.emit(
                        out,
                        "PRODUCT_TYPE_EXTENDED",
                        &p,
                        Sev::Break,
                        if self.forward {
                            format!("`allOf` lost {} branch(es): the old schema's extra constraints may reject new data", rb.len() - wb.len())
                        } else {
                            format!("`allOf` gained {} branch(es): more constraints, which old data may not meet", rb.len() - wb.len())
                        },
                    );
                    return;
                }
                if rb.len() < wb.len() {
                    self.emit(
                        out,
                        "PRODUCT_TYPE_NARROWED",
                        &p,
                        Sev::Info,
                        if self.forward {
                            format!("`allOf` gained {} branch(es); the old schema has fewer constraints", wb.len() - rb.len())
                        } else {
                            format!("`allOf` lost {} branch(es): fewer constraints", wb.len() - rb.len())
                        },
                    );
                }
                let wscopes: Vec<Scope> = wkeep
                    .iter()
                    .map(|i| ws.child("allOf").child(&i.to_string()))
                    .collect();
                self.match_branches(&wb, &wscopes, rb, &rscopes, &p, false, out);
            }
            None => {
                // Singleton → allOf: sound when the writer fits every branch.
                let wv = Value::Object(wo.clone());
                let mut failed = Vec::new();
                for (j, r) in rb.iter().enumerate() {
                    if self.stop() {
                        return;
                    }
                    let sub = self.trial(&wv, ws, r, &rscopes[j], &join(&p, &j.to_string()));
                    if is_compatible(&sub) {
                        out.extend(sub);
                    } else {
                        failed.push(j);
                    }
                }
                if failed.is_empty() {
                    self.emit(
                        out,
                        "COMBINED_TYPE_CHANGED",
                        &p,
                        Sev::Info,
                        if self.forward {
                            "`allOf` replaced by a single schema; every branch of the old `allOf` accepts all new data".to_string()
                        } else {
                            "schema wrapped in `allOf`; every branch accepts all old data".to_string()
                        },
                    );
                } else {
                    let msg = if self.forward {
                        format!("`allOf` replaced by a single schema; branch(es) {failed:?} of the old `allOf` reject new data")
                    } else {
                        format!("schema replaced by `allOf` whose branch(es) {failed:?} reject old data")
                    };
                    self.emit(out, "COMBINED_TYPE_CHANGED", &p, Sev::Break, msg);
                }
            }
        }
    }

    /// Row 24: `not` flips the direction.
    fn not(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let p = join(path, "not");
        match (wo.get("not"), ro.get("not")) {
            (None, None) => {}
            (Some(_), None) => {
                let msg = format!("`not` {}", self.lost());
                self.emit(out, "SCHEMA_REMOVED", &p, Sev::Info, msg)
            }
            (None, Some(_)) => self.emit(
                out,
                "SCHEMA_ADDED",
                &p,
                Sev::Break,
                format!(
                    "`not` {}: it rejects values the {} schema allowed",
                    self.gained(),
                    self.w()
                ),
            ),
            (Some(w), Some(r)) => {
                let sub = self.trial(r, &rs.child("not"), w, &ws.child("not"), &p);
                if is_compatible(&sub) {
                    if !sub.is_empty() {
                        self.emit(
                            out,
                            "NOT_TYPE_NARROWED",
                            &p,
                            Sev::Info,
                            format!(
                                "`not` changed; the {} schema's `not` excludes less",
                                self.r()
                            ),
                        );
                    }
                } else {
                    self.emit(
                        out,
                        "NOT_TYPE_EXTENDED",
                        &p,
                        Sev::Break,
                        format!(
                            "`not` changed; the {} schema's `not` excludes values the {} one allowed",
                            self.r(),
                            self.w()
                        ),
                    );
                }
            }
        }
    }
}

/// Maximum bipartite matching (Kuhn). `ok[i][j]`: left i may pair with right j.
/// Returns, for each left node, its matched right node.
fn max_matching(ok: &[Vec<bool>], right: usize) -> Vec<Option<usize>> {
    fn try_assign(
        i: usize,
        ok: &[Vec<bool>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for j in 0..owner.len() {
            if ok[i][j] && !seen[j] {
                seen[j] = true;
                if owner[j].is_none_or(|o| try_assign(o, ok, seen, owner)) {
                    owner[j] = Some(i);
                    return true;
                }
            }
        }
        false
    }
    let mut owner: Vec<Option<usize>> = vec![None; right];
    for i in 0..ok.len() {
        let mut seen = vec![false; right];
        try_assign(i, ok, &mut seen, &mut owner);
    }
    let mut result = vec![None; ok.len()];
    for (j, o) in owner.iter().enumerate() {
        if let Some(i) = o {
            result[*i] = Some(j);
        }
    }
    result
}

/// Add keyword `k: v` of an allOf branch to `merged` (the conjunction being built).
/// `properties` are united (a name on both sides gets `allOf` of both schemas) and `required`
/// lists joined — both exact for a conjunction. For any other keyword already present the
/// first value wins: for a writer that drops a constraint (a superset, conservative); in
/// [`merge_base`] the first value is the reader branch's own, so no branch constraint is lost.
fn merge_keyword(merged: &mut Map<String, Value>, k: String, v: Value) {
    match (k.as_str(), merged.get_mut(&k), v) {
        ("properties", Some(Value::Object(have)), Value::Object(add)) => {
            for (name, s) in add {
                match have.get_mut(&name) {
                    // A name declared on both sides must satisfy both schemas: exact.
                    Some(existing) if *existing != s => {
                        let both = serde_json::json!({ "allOf": [existing.clone(), s] });
                        *existing = both;
                    }
                    Some(_) => {}
                    None => {
                        have.insert(name, s);
                    }
                }
            }
        }
        ("required", Some(Value::Array(have)), Value::Array(add)) => {
            // A hash set of what is there, not a scan per name: linear.
            let mut seen: HashSet<String> = have.iter().map(empty::canonical_value).collect();
            for name in add {
                if seen.insert(empty::canonical_value(&name)) {
                    have.push(name);
                }
            }
        }
        (_, Some(_), _) => {}
        (_, None, v) => {
            merged.insert(k, v);
        }
    }
}

/// A sum branch combined with the keywords next to the sum (the base): `base ∧ branch`.
///
/// On conflicts the branch wins and `properties`/`required` are united. Sound on both sides:
/// for a writer branch the result only drops base constraints (a superset of the true
/// conjunction); for a reader branch it keeps every constraint of the branch and adds base
/// ones (a subset of the branch), so passing against it implies passing against the branch.
/// The other combinators of the base are left out; they are compared on their own.
fn merge_base(base: &Map<String, Value>, kw: &str, branch: &Value) -> Value {
    let Value::Object(b) = branch else {
        return branch.clone();
    };
    if b.contains_key("$ref") {
        return branch.clone();
    }
    let mut merged = b.clone();
    for (k, v) in base {
        let skip = k == kw
            || ["anyOf", "oneOf", "allOf"].contains(&k.as_str())
            || ANNOTATIONS.iter().any(|(a, _)| a == k);
        if !skip {
            merge_keyword(&mut merged, k.clone(), v.clone());
        }
    }
    Value::Object(merged)
}

/// Explain an unmatched branch by the pairing with the fewest breaking changes, so the
/// user sees *why* (e.g. "MAX_LENGTH_ADDED at #/oneOf/1/properties/iban/maxLength").
/// `other`: the number of branches on the other side (the pairs looked at, not all of `subs`).
fn closest_failure(
    subs: &HashMap<(usize, usize), Vec<Change>>,
    unmatched: usize,
    other: usize,
    writer_side: bool,
) -> Option<String> {
    let (_, changes) = (0..other)
        .map(|k| {
            if writer_side {
                (unmatched, k)
            } else {
                (k, unmatched)
            }
        })
        .filter_map(|key| subs.get_key_value(&key))
        .min_by_key(|((i, j), c)| (c.iter().filter(|c| c.breaking).count(), i != j, *i, *j))?;
    let first: Vec<String> = changes
        .iter()
        .filter(|c| c.breaking)
        .take(3)
        .map(|c| format!("{} at {}", c.rule, c.path))
        .collect();
    (!first.is_empty()).then(|| first.join(", "))
}
