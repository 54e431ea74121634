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
                    "`{name}` became required but has a default (Confluent treats this as compatible; validators do not apply defaults, so old data without `{name}` will fail validation)"
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
                    format!("`{name}` became required: writer data may lack it"),
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
                format!("`{name}` is no longer required"),
            );
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
        let msg_req = format!("new property `{name}` is required: writer data does not have it");
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
                            "property `{name}` added with an empty schema: it accepts any value"
                        ),
                    );
                } else if required {
                    let msg = format!(
                        "required property `{name}` with a default added to an open content model: old data may lack it (validators do not apply defaults) or carry `{name}` with any type; close the model (additionalProperties: false) or use policy lenient"
                    );
                    self.emit(
                        out,
                        "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
                        p,
                        Sev::StrictOnly,
                        msg,
                    );
                } else {
                    let msg = format!(
                        "adding optional property `{name}` to an open content model is breaking under STRICT: old data may already carry `{name}` with any type; close the model (additionalProperties: false) or use policy lenient"
                    );
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
                        "required property `{name}` with a default added (Confluent treats this as compatible; note that validators do not apply defaults)"
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
                        "optional property `{name}` added to a {} content model",
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
                    "the schema the writer applied to it does not fit the new property schema"
                        .to_string()
                })
            }
            Err(e) => Err(e),
        };
        match verdict {
            Ok(()) => self.emit(out, "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::Info, format!("property `{name}` added; values the writer allowed for it still fit")),
            Err(e) => self.emit(out, "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::StrictOnly, format!("property `{name}` added to a partially open content model: {e}; use policy lenient if producers never send undeclared properties")),
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
        match object_model(ro, rs.doc.modern, false) {
            Model::Open => self.emit(out, "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", p, Sev::Info, format!("property `{name}` removed; the open reader still accepts it")),
            Model::Closed if empty => self.emit(out, "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", p, Sev::Info, format!("property `{name}` (it accepted nothing) removed")),
            Model::Closed => self.emit(out, "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", p, Sev::StrictOnly, format!("property `{name}` removed from a closed content model: writer data carrying it is rejected; use policy lenient to accept this")),
            Model::Partial => {
                let verdict = match cover(ro, rs, name, false) {
                    Ok((cr, crs)) => {
                        let sub = self.trial(w, wsc, &cr, &crs, p);
                        is_compatible(&sub).then_some(()).ok_or_else(|| "the reader's patternProperties/additionalProperties reject the old values".to_string())
                    }
                    Err(e) => Err(e),
                };
                match verdict {
                    Ok(()) => self.emit(out, "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::Info, format!("property `{name}` removed; the reader still accepts its values")),
                    Err(e) => self.emit(out, "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", p, Sev::StrictOnly, format!("property `{name}` removed: {e}")),
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
            self.emit(out, "PATTERN_PROPERTY_ADDED", &p, sev, format!("reader adds patternProperties `{pat}`: undeclared writer properties matching it are now constrained"));
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
            self.emit(out, "PATTERN_PROPERTY_REMOVED", &p, sev, format!("patternProperties `{pat}` removed: matching properties now fall under the reader's additionalProperties"));
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
                format!("`{kw}` relaxed: the reader accepts more"),
            ),
            (K::Open, K::Closed) | (K::Schema, K::Closed) => self.emit(
                out,
                &format!("{code}_REMOVED"),
                &p,
                narrow,
                format!(
                    "`{kw}: false` in the reader: writer data with undeclared members is rejected"
                ),
            ),
            (K::Open, K::Schema) => self.emit(
                out,
                &format!("{code}_NARROWED"),
                &p,
                narrow,
                format!("`{kw}` now constrains undeclared members the writer allowed freely"),
            ),
            (K::Schema, K::Open) => self.emit(
                out,
                &format!("{code}_EXTENDED"),
                &p,
                Sev::Info,
                format!("`{kw}` no longer constrains undeclared members"),
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
                        "dependency for `{key}` added: writer data with `{key}` may lack {rlist:?}"
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
                            format!("dependency list for `{key}` shrank"),
                        ),
                        (true, false) => self.emit(
                            out,
                            "DEPENDENCY_ARRAY_EXTENDED",
                            &p,
                            Sev::Break,
                            format!("dependency list for `{key}` grew to {rlist:?}"),
                        ),
                        (false, false) => self.emit(
                            out,
                            "DEPENDENCY_ARRAY_CHANGED",
                            &p,
                            Sev::Break,
                            format!("dependency list for `{key}` changed to {rlist:?}"),
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
                format!("dependency for `{key}` removed"),
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
                    format!("dependency schema for `{key}` added"),
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
                format!("dependency schema for `{key}` removed"),
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
