//! Object keywords: `required`, the content-model rules for added/removed properties
//! (rows 14–17), `additionalProperties`/`unevaluatedProperties` (18), `patternProperties`
//! and `propertyNames` (26), dependencies (21).

use super::*;
use std::collections::BTreeMap;

impl Ctx<'_> {
    // ----- rows 14–18, 21, 26 (objects) -----

    pub(super) fn objects(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        // Keyword shapes were validated in `check_inner` (see `shape`).
        self.required(wo, ro, path, out);
        self.properties(wo, ws, ro, rs, path, out);
        self.pattern_properties(wo, ws, ro, rs, path, out);
        self.extra_schema(
            wo,
            ws,
            ro,
            rs,
            "additionalProperties",
            "ADDITIONAL_PROPERTIES",
            true,
            path,
            out,
        );
        self.extra_schema(
            wo,
            ws,
            ro,
            rs,
            "unevaluatedProperties",
            "UNEVALUATED_PROPERTIES",
            true,
            path,
            out,
        );
        self.subschema(
            wo,
            ws,
            ro,
            rs,
            "propertyNames",
            ("PROPERTY_NAMES_ADDED", "PROPERTY_NAMES_REMOVED"),
            path,
            out,
        );
        self.dependencies(wo, ws, ro, rs, path, out);
    }

    /// Row 14, for properties declared on both sides (or on neither); additions of new
    /// properties are judged by the content-model rules instead.
    fn required(
        &self,
        wo: &Map<String, Value>,
        ro: &Map<String, Value>,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let (wr, rr) = (required_set(wo), required_set(ro));
        // Hash sets, not list scans: linear in the size of `required`.
        let (wr_set, rr_set): (HashSet<&str>, HashSet<&str>) =
            (wr.iter().copied().collect(), rr.iter().copied().collect());
        let wp = wo.get("properties").and_then(Value::as_object);
        let rp = ro.get("properties").and_then(Value::as_object);
        let declared =
            |m: Option<&Map<String, Value>>, n: &str| m.is_some_and(|m| m.contains_key(n));
        let p = join(path, "required");
        for (i, name) in rr.iter().filter(|n| !wr_set.contains(*n)).enumerate() {
            if self.stop_at(i) {
                return;
            }
            if declared(rp, name) && !declared(wp, name) {
                continue; // a new property: see `property_added`
            }
            if rp.and_then(|m| m.get(*name)).is_some_and(has_default) {
                let msg = format!(
                    "{} (with a default in the {} schema; Confluent treats this as compatible, but validators do not apply defaults, so {} data without `{name}` fails the {} schema)",
                    self.became_required(name),
                    self.r(),
                    self.w(),
                    self.r()
                );
                self.emit(
                    out,
                    "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED",
                    &p,
                    Sev::Info,
                    msg,
                );
            } else {
                self.emit(
                    out,
                    "REQUIRED_ATTRIBUTE_ADDED",
                    &p,
                    Sev::Break,
                    format!(
                        "{}: {} data may lack it, and the {} schema requires it",
                        self.became_required(name),
                        self.w(),
                        self.r()
                    ),
                );
            }
        }
        for (i, name) in wr.iter().filter(|n| !rr_set.contains(*n)).enumerate() {
            if self.stop_at(i) {
                return;
            }
            if declared(wp, name) && !declared(rp, name) {
                continue; // a removed property: see `property_removed`
            }
            self.emit(
                out,
                "REQUIRED_ATTRIBUTE_REMOVED",
                &p,
                Sev::Info,
                format!(
                    "{}; the {} schema does not require it",
                    if self.forward {
                        format!("`{name}` became required")
                    } else {
                        format!("`{name}` is no longer required")
                    },
                    self.r()
                ),
            );
        }
    }

    /// "`name` became required" told old → new, for a name only the reader requires.
    fn became_required(&self, name: &str) -> String {
        if self.forward {
            format!("`{name}` is no longer required")
        } else {
            format!("`{name}` became required")
        }
    }

    fn properties(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let wp = wo
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&EMPTY);
        let rp = ro
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&EMPTY);
        let props = join(path, "properties");
        let (wr, rr): (HashSet<&str>, HashSet<&str>) = (
            required_set(wo).into_iter().collect(),
            required_set(ro).into_iter().collect(),
        );
        for (name, w) in wp {
            if self.stop() {
                return;
            }
            let p = join(&props, name);
            let (wsc, rsc) = (
                ws.child("properties").child(name),
                rs.child("properties").child(name),
            );
            match rp.get(name) {
                Some(r) => self.check(w, &wsc, r, &rsc, &p, out),
                None => self.property_removed(name, w, &wsc, ro, rs, &p, out),
            }
        }
        for (name, r) in rp.iter().filter(|(n, _)| !wp.contains_key(*n)) {
            if self.stop() {
                return;
            }
            let p = join(&props, name);
            let rsc = rs.child("properties").child(name);
            let required = rr.contains(name.as_str()) && !wr.contains(name.as_str());
            self.property_added(name, r, &rsc, wo, ws, required, &p, out);
        }
    }

    /// Rows 15/16: the writer's content model decides. `required`: the reader requires the
    /// property and the writer did not.
    #[allow(clippy::too_many_arguments)]
    fn property_added(
        &mut self,
        name: &str,
        r: &Value,
        rsc: &Scope,
        wo: &Map<String, Value>,
        ws: &Scope,
        required: bool,
        p: &str,
        out: &mut Vec<Change>,
    ) {
        let model = object_model(wo, ws.doc.modern, true);
        let default = has_default(r);
        let (w_, r_, gained) = (self.w(), self.r(), self.gained());
        let msg_req = if self.forward {
            format!("property `{name}` removed, but the old schema requires it: new data does not have it")
        } else {
            format!("new property `{name}` is required: old data does not have it")
        };
        match model {
            Model::Open => {
                if required && !default {
                    self.emit(
                        out,
                        "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
                        p,
                        Sev::Break,
                        msg_req,
                    );
                } else if is_trivial(r) && !required {
                    self.emit(
                        out,
                        "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL",
                        p,
                        Sev::Info,
                        format!(
                            "property `{name}` {gained}; its schema in the {r_} version is empty and accepts any value"
                        ),
                    );
                } else if required {
                    let msg = format!(
                        "property `{name}`, required with a default by the {r_} schema, {gained} while the {w_} schema is an open content model: {w_} data may lack it (validators do not apply defaults) or carry `{name}` with any type; close the {w_} schema's model (additionalProperties: false)"
                    );
                    self.emit(
                        out,
                        "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
                        p,
                        Sev::StrictOnly,
                        msg,
                    );
                } else {
                    let msg = if self.forward {
                        format!(
                            "optional property `{name}` removed from an open content model: new data may carry `{name}` with any type, which the old schema rejects; keep the property, or close the new schema's model (additionalProperties: false)"
                        )
                    } else {
                        format!(
                            "optional property `{name}` added to an open content model: old data may already carry `{name}` with any type, which the new schema rejects; close the old schema's model (additionalProperties: false)"
                        )
                    };
                    self.emit(
                        out,
                        "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
                        p,
                        Sev::StrictOnly,
                        msg,
                    );
                }
            }
            Model::Closed | Model::Partial => {
                if required && !default {
                    self.emit(
                        out,
                        "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
                        p,
                        Sev::Break,
                        msg_req,
                    );
                } else if required {
                    let msg = format!(
                        "property `{name}`, required with a default by the {r_} schema, {gained} (Confluent treats this as compatible; validators do not apply defaults, so {w_} data without it fails the {r_} schema)"
                    );
                    self.emit(
                        out,
                        "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL",
                        p,
                        Sev::Info,
                        msg,
                    );
                } else {
                    let msg = format!(
                        "optional property `{name}` {gained}; the {w_} schema is a {} content model",
                        model.name()
                    );
                    self.emit(
                        out,
                        "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
                        p,
                        Sev::Info,
                        msg,
                    );
                }
                if model == Model::Partial {
                    self.added_coverage(name, r, rsc, wo, ws, p, out);
                }
            }
        }
    }

    /// Row 16, partially open writer: what the writer allowed for `name` must fit the new schema.
    #[allow(clippy::too_many_arguments)]
    fn added_coverage(
        &mut self,
        name: &str,
        r: &Value,
        rsc: &Scope,
        wo: &Map<String, Value>,
        ws: &Scope,
        p: &str,
        out: &mut Vec<Change>,
    ) {
        let verdict = match cover(wo, ws, name, true) {
            Ok((cw, cws)) => {
                let sub = self.trial(&cw, &cws, r, rsc, p);
                is_compatible(&sub).then_some(()).ok_or_else(|| {
                    format!(
                        "what the {} schema's patternProperties/additionalProperties allowed for it does not fit its schema in the {} one",
                        self.w(),
                        self.r()
                    )
                })
            }
            Err(e) => Err(e),
        };
        match verdict {
            Ok(()) => self.emit(out, "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::Info, format!("property `{name}` {}; the values the {} schema allowed for it still fit", self.gained(), self.w())),
            Err(e) => self.emit(out, "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::StrictOnly, format!("property `{name}` {} while the {} schema is a partially open content model: {e}", self.gained(), self.w())),
        }
    }

    /// Row 17: the reader's content model decides.
    #[allow(clippy::too_many_arguments)]
    fn property_removed(
        &mut self,
        name: &str,
        w: &Value,
        wsc: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        p: &str,
        out: &mut Vec<Change>,
    ) {
        let empty = self.accepts_nothing(w, wsc);
        let (w_, r_, lost) = (self.w(), self.r(), self.lost());
        match object_model(ro, rs.doc.modern, false) {
            Model::Open => self.emit(out, "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", p, Sev::Info, format!("property `{name}` {lost}; the {r_} schema is an open content model and accepts it")),
            Model::Closed if empty => self.emit(out, "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", p, Sev::Info, format!("property `{name}` (it accepted nothing) {lost}")),
            Model::Closed => self.emit(out, "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", p, Sev::StrictOnly, format!("property `{name}` {lost} while the {r_} schema is a closed content model: {w_} data carrying it is rejected by the {r_} schema")),
            Model::Partial => {
                let verdict = match cover(ro, rs, name, false) {
                    Ok((cr, crs)) => {
                        let sub = self.trial(w, wsc, &cr, &crs, p);
                        is_compatible(&sub).then_some(()).ok_or_else(|| format!("the {r_} schema's patternProperties/additionalProperties reject values the {w_} schema allowed for it"))
                    }
                    Err(e) => Err(e),
                };
                match verdict {
                    Ok(()) => self.emit(out, "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::Info, format!("property `{name}` {lost}; the {r_} schema's patternProperties/additionalProperties still accept its values")),
                    Err(e) => self.emit(out, "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::StrictOnly, format!("property `{name}` {lost}: {e}")),
                }
            }
        }
    }

    /// Row 26 `patternProperties`: same pattern recurses; new reader patterns constrain
    /// matching declared properties and undeclared ones; dropped writer patterns hand
    /// their names to the reader's additionalProperties.
    fn pattern_properties(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let wpp = wo
            .get("patternProperties")
            .and_then(Value::as_object)
            .unwrap_or(&EMPTY);
        let rpp = ro
            .get("patternProperties")
            .and_then(Value::as_object)
            .unwrap_or(&EMPTY);
        let base = join(path, "patternProperties");
        let wprops = wo
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&EMPTY);
        for (pat, r) in rpp {
            if self.stop() {
                return;
            }
            let p = join(&base, pat);
            let rsc = rs.child("patternProperties").child(pat);
            if let Some(w) = wpp.get(pat) {
                self.check(
                    w,
                    &ws.child("patternProperties").child(pat),
                    r,
                    &rsc,
                    &p,
                    out,
                );
                continue;
            }
            // Declared writer properties whose names the new pattern matches.
            for (name, w) in wprops {
                if self.stop() {
                    return;
                }
                if regex::is_match(pat, name) != Some(false) {
                    let wsc = ws.child("properties").child(name);
                    self.check(
                        w,
                        &wsc,
                        r,
                        &rsc,
                        &join(&join(path, "properties"), name),
                        out,
                    );
                }
            }
            if object_model(wo, ws.doc.modern, true) == Model::Closed || is_trivial(r) {
                continue;
            }
            let (ap, ap_kw) = extra_props(wo, ws.doc.modern, true);
            let ap = ap.cloned().unwrap_or(Value::Bool(true));
            let ok = is_compatible(&self.trial(&ap, &ws.child(ap_kw), r, &rsc, &p));
            let sev = if ok { Sev::Info } else { Sev::StrictOnly };
            let msg = format!("patternProperties `{pat}` {}: undeclared properties matching it, free in the {} schema, are constrained by the {} one", self.gained(), self.w(), self.r());
            self.emit(out, "PATTERN_PROPERTY_ADDED", &p, sev, msg);
        }
        for (pat, w) in wpp.iter().filter(|(k, _)| !rpp.contains_key(*k)) {
            if self.stop() {
                return;
            }
            let p = join(&base, pat);
            let (ap, ap_kw) = extra_props(ro, rs.doc.modern, false);
            let ap = ap.cloned().unwrap_or(Value::Bool(true));
            let ok = is_trivial(&ap)
                || is_compatible(&self.trial(
                    w,
                    &ws.child("patternProperties").child(pat),
                    &ap,
                    &rs.child(ap_kw),
                    &p,
                ));
            let sev = if ok { Sev::Info } else { Sev::StrictOnly };
            let msg = format!("patternProperties `{pat}` {}: properties matching it fall under the {} schema's additionalProperties", self.lost(), self.r());
            self.emit(out, "PATTERN_PROPERTY_REMOVED", &p, sev, msg);
        }
    }

    /// Rows 18/19: additionalProperties / unevaluatedProperties / additionalItems /
    /// unevaluatedItems. `lenient_ok`: whether the narrowing rules relax under LENIENT.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn extra_schema(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        kw: &str,
        code: &str,
        lenient_ok: bool,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        self.extra_values(
            wo.get(kw),
            ws,
            ro.get(kw),
            rs,
            kw,
            code,
            lenient_ok,
            path,
            out,
        );
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn extra_values(
        &mut self,
        w: Option<&Value>,
        ws: &Scope,
        r: Option<&Value>,
        rs: &Scope,
        kw: &str,
        code: &str,
        lenient_ok: bool,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        #[derive(PartialEq)]
        enum K {
            Open,
            Closed,
            Schema,
        }
        let kind = |v: Option<&Value>| match v {
            None => K::Open,
            Some(v) if is_trivial(v) => K::Open,
            Some(v) if is_false(v) => K::Closed,
            Some(_) => K::Schema,
        };
        let p = join(path, kw);
        let narrow = if lenient_ok {
            Sev::StrictOnly
        } else {
            Sev::Break
        };
        match (kind(w), kind(r)) {
            (K::Open, K::Open) | (K::Closed, K::Closed) => {}
            (K::Closed, _) => self.emit(
                out,
                &format!("{code}_ADDED"),
                &p,
                Sev::Info,
                format!(
                    "`{kw}` changed {}: the {} schema accepts more",
                    self.old_to_new("false", r.map_or("absent".to_string(), Value::to_string)),
                    self.r()
                ),
            ),
            (K::Open, K::Closed) | (K::Schema, K::Closed) => self.emit(
                out,
                &format!("{code}_REMOVED"),
                &p,
                narrow,
                format!(
                    "`{kw}` changed {}: {}",
                    self.old_to_new(
                        w.map_or("absent".to_string(), Value::to_string),
                        "false"
                    ),
                    self.rejected("undeclared members")
                ),
            ),
            (K::Open, K::Schema) => self.emit(
                out,
                &format!("{code}_NARROWED"),
                &p,
                narrow,
                format!(
                    "`{kw}` {}: the {} schema constrains undeclared members the {} one allowed freely",
                    if self.forward { "no longer constrains undeclared members" } else { "constrains undeclared members" },
                    self.r(),
                    self.w()
                ),
            ),
            (K::Schema, K::Open) => self.emit(
                out,
                &format!("{code}_EXTENDED"),
                &p,
                Sev::Info,
                format!(
                    "`{kw}` {}: the {} schema allows undeclared members freely",
                    if self.forward { "constrains undeclared members" } else { "no longer constrains undeclared members" },
                    self.r()
                ),
            ),
            (K::Schema, K::Schema) => {
                if let (Some(w), Some(r)) = (w, r) {
                    self.check(w, &ws.child(kw), r, &rs.child(kw), &p, out);
                }
            }
        }
    }

    /// Row 21.
    fn dependencies(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let (wa, wsch) = split_dependencies(wo);
        let (ra, rsch) = split_dependencies(ro);
        for (key, (kw, rlist)) in &ra {
            if self.stop() {
                return;
            }
            let p = join(&join(path, kw), key);
            match wa.get(key) {
                None => self.emit(
                    out,
                    "DEPENDENCY_ARRAY_ADDED",
                    &p,
                    Sev::Break,
                    format!(
                        "dependency for `{key}` {}: {} data with `{key}` may lack {rlist:?}",
                        self.gained(),
                        self.w()
                    ),
                ),
                Some((_, wlist)) => {
                    let (wset, rset): (HashSet<&String>, HashSet<&String>) =
                        (wlist.iter().collect(), rlist.iter().collect());
                    let sup = wlist.iter().all(|x| rset.contains(x));
                    let sub = rlist.iter().all(|x| wset.contains(x));
                    match (sup, sub) {
                        (true, true) => {}
                        (false, true) => self.emit(
                            out,
                            "DEPENDENCY_ARRAY_NARROWED",
                            &p,
                            Sev::Info,
                            format!(
                                "dependency list for `{key}` {} {}",
                                if self.forward { "grew" } else { "shrank" },
                                self.old_to_new(format!("{wlist:?}"), format!("{rlist:?}"))
                            ),
                        ),
                        (true, false) => self.emit(
                            out,
                            "DEPENDENCY_ARRAY_EXTENDED",
                            &p,
                            Sev::Break,
                            format!(
                                "dependency list for `{key}` {} {}: {} data with `{key}` may lack the names only the {} one lists",
                                if self.forward { "shrank" } else { "grew" },
                                self.old_to_new(format!("{wlist:?}"), format!("{rlist:?}")),
                                self.w(),
                                self.r()
                            ),
                        ),
                        (false, false) => self.emit(
                            out,
                            "DEPENDENCY_ARRAY_CHANGED",
                            &p,
                            Sev::Break,
                            format!(
                                "dependency list for `{key}` changed {}: {} data with `{key}` may lack the names only the {} one lists",
                                self.old_to_new(format!("{wlist:?}"), format!("{rlist:?}")),
                                self.w(),
                                self.r()
                            ),
                        ),
                    }
                }
            }
        }
        for (i, (key, (kw, _))) in wa.iter().filter(|(k, _)| !ra.contains_key(*k)).enumerate() {
            if self.stop_at(i) {
                return;
            }
            self.emit(
                out,
                "DEPENDENCY_ARRAY_REMOVED",
                &join(&join(path, kw), key),
                Sev::Info,
                format!("dependency for `{key}` {}", self.lost()),
            );
        }
        for (key, (kw, r)) in &rsch {
            if self.stop() {
                return;
            }
            let p = join(&join(path, kw), key);
            match wsch.get(key) {
                Some((wkw, w)) => self.check(
                    w,
                    &ws.child(wkw).child(key),
                    r,
                    &rs.child(kw).child(key),
                    &p,
                    out,
                ),
                None if is_trivial(r) => {}
                None => self.emit(
                    out,
                    "DEPENDENCY_SCHEMA_ADDED",
                    &p,
                    Sev::Break,
                    format!(
                        "dependency schema for `{key}` {}: it constrains data the {} schema did not",
                        self.gained(),
                        self.w()
                    ),
                ),
            }
        }
        for (i, (key, (kw, _))) in wsch
            .iter()
            .filter(|(k, _)| !rsch.contains_key(*k))
            .enumerate()
        {
            if self.stop_at(i) {
                return;
            }
            self.emit(
                out,
                "DEPENDENCY_SCHEMA_REMOVED",
                &join(&join(path, kw), key),
                Sev::Info,
                format!("dependency schema for `{key}` {}", self.lost()),
            );
        }
    }
}

/// For an undeclared property `name`, the schema `o` applies to it (matching
/// patternProperties, else additionalProperties), with its scope.
fn cover(
    o: &Map<String, Value>,
    scope: &Scope,
    name: &str,
    writer: bool,
) -> Result<(Value, Scope), String> {
    let mut matched = Vec::new();
    if let Some(pp) = o.get("patternProperties").and_then(Value::as_object) {
        for (pat, s) in pp {
            match regex::is_match(pat, name) {
                Some(true) => matched.push((pat, s)),
                Some(false) => {}
                None => return Err(format!("pattern `{pat}` could not be evaluated")),
            }
        }
    }
    match matched.len() {
        0 => {
            let (ap, kw) = extra_props(o, scope.doc.modern, writer);
            Ok((ap.cloned().unwrap_or(Value::Bool(true)), scope.child(kw)))
        }
        1 => Ok((
            matched[0].1.clone(),
            scope.child("patternProperties").child(matched[0].0),
        )),
        _ => {
            let all: Vec<Value> = matched.iter().map(|(_, s)| (*s).clone()).collect();
            Ok((serde_json::json!({ "allOf": all }), scope.clone()))
        }
    }
}

/// dependencies / dependentRequired / dependentSchemas split into array and schema maps,
/// remembering the keyword each came from (for paths). Sorted maps keep the output order stable.
pub(super) type DepArrays = BTreeMap<String, (&'static str, Vec<String>)>;

pub(super) type DepSchemas = BTreeMap<String, (&'static str, Value)>;

fn split_dependencies(o: &Map<String, Value>) -> (DepArrays, DepSchemas) {
    let mut arrays = BTreeMap::new();
    let mut schemas = BTreeMap::new();
    for kw in ["dependencies", "dependentRequired", "dependentSchemas"] {
        let Some(m) = o.get(kw).and_then(Value::as_object) else {
            continue;
        };
        for (k, v) in m {
            match v {
                Value::Array(a) => {
                    let list = a
                        .iter()
                        .map(|x| {
                            x.as_str()
                                .map(str::to_string)
                                .unwrap_or_else(|| x.to_string())
                        })
                        .collect();
                    arrays.insert(k.clone(), (kw, list));
                }
                other => {
                    schemas.insert(k.clone(), (kw, other.clone()));
                }
            }
        }
    }
    (arrays, schemas)
}
