//! Array keywords: `uniqueItems` (row 11), `items`/tuples (rows 3/4, 20),
//! `additionalItems`/`unevaluatedItems` (19), `contains` (26).

use super::*;

impl Ctx<'_> {
    // ----- rows 11, 19, 20, 26 (arrays) -----

    pub(super) fn arrays(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let unique = |o: &Map<String, Value>| {
            o.get("uniqueItems")
                .and_then(Value::as_bool)
                .unwrap_or(false)
        };
        let p = join(path, "uniqueItems");
        match (unique(wo), unique(ro)) {
            (false, true) => self.emit(
                out,
                "UNIQUE_ITEMS_ADDED",
                &p,
                Sev::Break,
                format!(
                    "`uniqueItems: true` {}: {}",
                    self.gained(),
                    self.rejected("arrays with duplicates")
                ),
            ),
            (true, false) => self.emit(
                out,
                "UNIQUE_ITEMS_REMOVED",
                &p,
                Sev::Info,
                format!("`uniqueItems: true` {}", self.lost()),
            ),
            _ => {}
        }
        let (wa, ra) = (
            array_shape(wo, &ws.doc, true),
            array_shape(ro, &rs.doc, false),
        );
        if wa.tuple.is_none() && ra.tuple.is_none() {
            self.items_plain(&wa, ws, &ra, rs, path, out);
        } else {
            self.tuples(&wa, ws, &ra, rs, path, out);
        }
        // Compared as the rest of the array above when either side uses it that way.
        if wa.rest_kw == "unevaluatedItems" || ra.rest_kw == "unevaluatedItems" {
            return self.subschema(
                wo,
                ws,
                ro,
                rs,
                "contains",
                ("CONTAINS_ADDED", "CONTAINS_REMOVED"),
                path,
                out,
            );
        }
        self.extra_schema(
            wo,
            ws,
            ro,
            rs,
            "unevaluatedItems",
            "UNEVALUATED_ITEMS",
            false,
            path,
            out,
        );
        self.subschema(
            wo,
            ws,
            ro,
            rs,
            "contains",
            ("CONTAINS_ADDED", "CONTAINS_REMOVED"),
            path,
            out,
        );
    }

    /// `items` as a single schema on both sides: rows 3/4 and recursion.
    fn items_plain(
        &mut self,
        wa: &ArrayShape,
        ws: &Scope,
        ra: &ArrayShape,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let (w, r) = (wa.rest, ra.rest);
        if wa.rest_kw == "unevaluatedItems" || ra.rest_kw == "unevaluatedItems" {
            // Same verdicts as additionalItems (row 19), without lenient relaxation.
            return self.extra_values(
                w,
                ws,
                r,
                rs,
                ra.rest_kw,
                "UNEVALUATED_ITEMS",
                false,
                path,
                out,
            );
        }
        let p = join(path, "items");
        match (w, r) {
            (_, None) => {
                if w.is_some() {
                    self.emit(
                        out,
                        "SCHEMA_REMOVED",
                        &p,
                        Sev::Info,
                        format!("`items` {}", self.lost()),
                    );
                }
            }
            (None, Some(r)) if is_trivial(r) => {}
            (None, Some(_)) => self.emit(
                out,
                "SCHEMA_ADDED",
                &p,
                Sev::Break,
                format!(
                    "`items` schema {}: {}",
                    self.gained(),
                    self.rejected("arrays of other items")
                ),
            ),
            (Some(w), Some(r)) => {
                self.check(w, &ws.child(wa.rest_kw), r, &rs.child(ra.rest_kw), &p, out)
            }
        }
    }

    /// Row 20 (tuple positions) and row 19 (the rest schema).
    fn tuples(
        &mut self,
        wa: &ArrayShape,
        ws: &Scope,
        ra: &ArrayShape,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let empty = Vec::new();
        let (wt, rt) = (wa.tuple.unwrap_or(&empty), ra.tuple.unwrap_or(&empty));
        for i in 0..wt.len().max(rt.len()) {
            let seg = i.to_string();
            let p = join(&join(path, ra.tuple_kw), &seg);
            let wsc = ws.child(wa.tuple_kw).child(&seg);
            let rsc = rs.child(ra.tuple_kw).child(&seg);
            match (wt.get(i), rt.get(i)) {
                (Some(w), Some(r)) => self.check(w, &wsc, r, &rsc, &p, out),
                (None, Some(r)) => self.item_added(i, r, &rsc, wa, ws, &p, out),
                (Some(w), None) => self.item_removed(i, w, &wsc, ra, rs, &p, out),
                (None, None) => {}
            }
        }
        let code = if wa.rest_kw == "unevaluatedItems" || ra.rest_kw == "unevaluatedItems" {
            "UNEVALUATED_ITEMS"
        } else {
            "ADDITIONAL_ITEMS"
        };
        self.extra_values(wa.rest, ws, ra.rest, rs, ra.rest_kw, code, false, path, out);
    }

    #[allow(clippy::too_many_arguments)]
    fn item_added(
        &mut self,
        i: usize,
        r: &Value,
        rsc: &Scope,
        wa: &ArrayShape,
        ws: &Scope,
        p: &str,
        out: &mut Vec<Change>,
    ) {
        let (w_, gained) = (self.w(), self.gained());
        match rest_model(wa.rest) {
            Model::Open if is_trivial(r) => self.emit(
                out,
                "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL",
                p,
                Sev::Info,
                format!("tuple position {i} {gained}; its schema is empty"),
            ),
            Model::Open => self.emit(
                out,
                "ITEM_ADDED_TO_OPEN_CONTENT_MODEL",
                p,
                Sev::Break,
                format!(
                    "tuple position {i} {gained}: {}",
                    self.rejected("arrays with any item there")
                ),
            ),
            Model::Closed => self.emit(
                out,
                "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL",
                p,
                Sev::Info,
                format!("tuple position {i} {gained}; the {w_} schema allowed no item there"),
            ),
            Model::Partial => {
                let rest = wa.rest.cloned().unwrap_or(Value::Bool(true));
                let ok = is_compatible(&self.trial(&rest, &ws.child(wa.rest_kw), r, rsc, p));
                if ok {
                    self.emit(
                        out,
                        "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
                        p,
                        Sev::Info,
                        format!(
                            "tuple position {i} {gained}; the {w_} schema's rest schema fits it"
                        ),
                    )
                } else {
                    self.emit(out, "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::Break, format!("tuple position {i} {gained}: the {w_} schema's rest schema allowed values its schema in the {} one rejects", self.r()))
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn item_removed(
        &mut self,
        i: usize,
        w: &Value,
        wsc: &Scope,
        ra: &ArrayShape,
        rs: &Scope,
        p: &str,
        out: &mut Vec<Change>,
    ) {
        let empty = self.accepts_nothing(w, wsc);
        let (w_, r_, lost) = (self.w(), self.r(), self.lost());
        match rest_model(ra.rest) {
            Model::Open => self.emit(out, "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL", p, Sev::Info, format!("tuple position {i} {lost}; the {r_} schema accepts anything there")),
            Model::Closed if empty => self.emit(out, "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", p, Sev::Info, format!("tuple position {i} (it accepted nothing) {lost}")),
            Model::Closed => self.emit(out, "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL", p, Sev::Break, format!("tuple position {i} {lost} while the {r_} schema is a closed tuple: longer {w_} arrays are rejected by the {r_} schema")),
            Model::Partial => {
                let rest = ra.rest.cloned().unwrap_or(Value::Bool(true));
                let ok = is_compatible(&self.trial(w, wsc, &rest, &rs.child(ra.rest_kw), p));
                if ok {
                    self.emit(out, "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::Info, format!("tuple position {i} {lost}; the {r_} schema's rest schema accepts its values"))
                } else {
                    self.emit(out, "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::Break, format!("tuple position {i} {lost}: the {r_} schema's rest schema rejects values the {w_} one allowed there"))
                }
            }
        }
    }
}

/// Array content model from the schema that covers positions beyond the tuple.
fn rest_model(rest: Option<&Value>) -> Model {
    match rest {
        None => Model::Open,
        Some(v) if is_trivial(v) => Model::Open,
        Some(v) if is_false(v) => Model::Closed,
        Some(_) => Model::Partial,
    }
}

/// Tuple and "rest" of an array schema, with their keyword names, per dialect.
struct ArrayShape<'a> {
    tuple: Option<&'a Vec<Value>>,
    tuple_kw: &'static str,
    rest: Option<&'a Value>,
    rest_kw: &'static str,
}

fn array_shape<'a>(o: &'a Map<String, Value>, doc: &Doc, writer: bool) -> ArrayShape<'a> {
    // 2019-09+: `unevaluatedItems` covers whatever the tuple and the rest keyword leave, so
    // without a rest keyword it is the rest (a partially open or closed content model). Items
    // that `contains` or subschemas beside it evaluate are not "unevaluated": there, a writer's
    // `unevaluatedItems` is ignored (conservative) and a reader's kept (conservative too).
    let adjacent = o.contains_key("contains") || has_adjacent_applicators(o);
    let rest_or_uneval = |kw: &'static str| match o.get(kw) {
        Some(v) => (Some(v), kw),
        None if doc.modern && o.contains_key("unevaluatedItems") && !(writer && adjacent) => {
            (o.get("unevaluatedItems"), "unevaluatedItems")
        }
        None => (None, kw),
    };
    if doc.prefix_items {
        let (rest, rest_kw) = rest_or_uneval("items");
        return ArrayShape {
            tuple: o.get("prefixItems").and_then(Value::as_array),
            tuple_kw: "prefixItems",
            rest,
            rest_kw,
        };
    }
    match o.get("items") {
        Some(Value::Array(t)) => {
            let (rest, rest_kw) = rest_or_uneval("additionalItems");
            ArrayShape {
                tuple: Some(t),
                tuple_kw: "items",
                rest,
                rest_kw,
            }
        }
        _ => {
            let (rest, rest_kw) = rest_or_uneval("items");
            ArrayShape {
                tuple: None,
                tuple_kw: "items",
                rest,
                rest_kw,
            }
        }
    }
}
