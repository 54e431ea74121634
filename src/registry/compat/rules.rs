//! The catalogue of rule ids: every id the checker (and `evtctl compat`/`schema check`) can
//! report, with a one-line description. Configuration is validated against it (an unknown
//! id is an error, not a silent no-op) and SARIF output lists it as `tool.driver.rules`.

use std::sync::LazyLock;

/// One rule: its stable id and what it means.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub description: String,
}

/// Every rule id, in a stable order.
pub fn all() -> &'static [Rule] {
    &RULES
}

/// The rule with this id, if there is one.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(build);

fn build() -> Vec<Rule> {
    let mut out = Vec::new();
    let mut add = |id: String, description: String| out.push(Rule { id, description });
    for (id, d) in FIXED {
        add(id.to_string(), d.to_string());
    }
    for (id, d) in super::avro::RULES {
        add(id.to_string(), d.to_string());
    }
    // An id both formats use (FIELD_REMOVED): one entry, with both meanings (below).
    let avro_ids: Vec<&str> = super::avro::RULES.iter().map(|(id, _)| *id).collect();
    for (id, d) in super::protobuf::RULES {
        if !avro_ids.contains(id) {
            add(id.to_string(), d.to_string());
        }
    }
    for (code, kw) in [
        ("MAX_LENGTH", "maxLength"),
        ("MIN_LENGTH", "minLength"),
        ("MAX_ITEMS", "maxItems"),
        ("MIN_ITEMS", "minItems"),
        ("MAX_CONTAINS", "maxContains"),
        ("MIN_CONTAINS", "minContains"),
        ("MAX_PROPERTIES", "maxProperties"),
        ("MIN_PROPERTIES", "minProperties"),
        ("MAXIMUM", "maximum"),
        ("MINIMUM", "minimum"),
        ("EXCLUSIVE_MAXIMUM", "exclusiveMaximum"),
        ("EXCLUSIVE_MINIMUM", "exclusiveMinimum"),
    ] {
        for (suffix, what) in [
            ("ADDED", "added"),
            ("REMOVED", "removed"),
            ("INCREASED", "increased"),
            ("DECREASED", "decreased"),
        ] {
            add(
                format!("{code}_{suffix}"),
                format!("`{kw}` {what} (breaking when it rejects values the writer allowed)"),
            );
        }
    }
    for (code, kw) in [
        ("PATTERN", "pattern"),
        ("FORMAT", "format"),
        ("CONTENT_ENCODING", "contentEncoding"),
        ("CONTENT_MEDIA_TYPE", "contentMediaType"),
    ] {
        add(format!("{code}_ADDED"), format!("`{kw}` added: breaking"));
        add(
            format!("{code}_REMOVED"),
            format!("`{kw}` removed: compatible"),
        );
        add(
            format!("{code}_CHANGED"),
            format!("`{kw}` changed: breaking"),
        );
    }
    for (code, kw, what) in [
        (
            "ADDITIONAL_PROPERTIES",
            "additionalProperties",
            "undeclared properties",
        ),
        (
            "UNEVALUATED_PROPERTIES",
            "unevaluatedProperties",
            "unevaluated properties",
        ),
        (
            "ADDITIONAL_ITEMS",
            "additionalItems",
            "array items beyond the tuple",
        ),
        (
            "UNEVALUATED_ITEMS",
            "unevaluatedItems",
            "unevaluated array items",
        ),
    ] {
        add(
            format!("{code}_ADDED"),
            format!("`{kw}: false` relaxed: {what} are accepted (compatible)"),
        );
        add(
            format!("{code}_REMOVED"),
            format!("`{kw}: false` in the reader: {what} are rejected (breaking)"),
        );
        add(
            format!("{code}_EXTENDED"),
            format!("`{kw}` no longer constrains {what} (compatible)"),
        );
        add(
            format!("{code}_NARROWED"),
            format!("`{kw}` now constrains {what} the writer allowed (breaking)"),
        );
    }
    for (code, kw) in [("THEN", "then"), ("ELSE", "else")] {
        add(
            format!("{code}_ADDED"),
            format!("`{kw}` added to an unchanged `if`: breaking"),
        );
        add(
            format!("{code}_REMOVED"),
            format!("`{kw}` removed: compatible"),
        );
    }
    for (id, d) in super::protobuf::RULES {
        if let Some(r) = out
            .iter_mut()
            .find(|r| r.id == *id && !r.description.contains(d))
        {
            r.description = format!("{} (Protobuf: {d})", r.description);
        }
    }
    out
}

const FIXED: &[(&str, &str)] = &[
    ("ID_CHANGED", "`$id` changed (annotation)"),
    ("DESCRIPTION_CHANGED", "`description` changed (annotation)"),
    ("TITLE_CHANGED", "`title` changed (annotation)"),
    ("DEFAULT_CHANGED", "`default` changed (annotation)"),
    ("COMMENT_CHANGED", "`$comment` changed (annotation)"),
    ("EXAMPLES_CHANGED", "`examples` changed (annotation)"),
    ("ANNOTATION_CHANGED", "readOnly/writeOnly/deprecated changed (annotation)"),
    ("SCHEMA_ADDED", "a subschema (items, not, …) added where the writer had none: breaking"),
    ("SCHEMA_REMOVED", "a subschema removed: compatible"),
    ("TYPE_EXTENDED", "the type set grew: compatible"),
    ("TYPE_NARROWED", "the type set shrank: breaking"),
    ("TYPE_CHANGED", "the type changed: breaking"),
    ("MULTIPLE_OF_ADDED", "`multipleOf` added: breaking"),
    ("MULTIPLE_OF_REMOVED", "`multipleOf` removed: compatible"),
    ("MULTIPLE_OF_EXPANDED", "`multipleOf` grew to a multiple of the old one: breaking"),
    ("MULTIPLE_OF_REDUCED", "`multipleOf` now divides the old one: compatible"),
    ("MULTIPLE_OF_CHANGED", "`multipleOf` changed to a value that does not divide the old one: breaking"),
    ("REQUIRED_ATTRIBUTE_ADDED", "a declared property became required: breaking"),
    ("REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED", "a property with a default became required (Confluent: compatible; validators do not apply defaults)"),
    ("REQUIRED_ATTRIBUTE_REMOVED", "a property is no longer required: compatible"),
    ("DEPENDENCY_ARRAY_ADDED", "a property dependency added: breaking"),
    ("DEPENDENCY_ARRAY_REMOVED", "a property dependency removed: compatible"),
    ("DEPENDENCY_ARRAY_EXTENDED", "a dependency list grew: breaking"),
    ("DEPENDENCY_ARRAY_NARROWED", "a dependency list shrank: compatible"),
    ("DEPENDENCY_ARRAY_CHANGED", "a dependency list changed: breaking"),
    ("DEPENDENCY_SCHEMA_ADDED", "a dependency schema added: breaking"),
    ("DEPENDENCY_SCHEMA_REMOVED", "a dependency schema removed: compatible"),
    ("REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", "a required property added to an open object: breaking"),
    ("REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL", "a required property with a default added to an open object: breaking (compatible under policy lenient)"),
    ("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", "an optional property added to an open object: old data may carry it with any type; breaking (compatible under policy lenient)"),
    ("PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", "a property with an empty schema added to an open object: compatible"),
    ("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", "a required property added to a closed or partially open object: breaking"),
    ("REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL", "a required property with a default added to a closed object (Confluent: compatible)"),
    ("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", "an optional property added to a closed or partially open object: compatible"),
    ("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", "a property removed from an open object: compatible"),
    ("PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", "a property that accepted nothing removed from a closed object: compatible"),
    ("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", "a property removed from a closed object: old data carrying it is rejected; breaking (compatible under policy lenient)"),
    ("PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", "a property removed whose values the reader's patternProperties/additionalProperties accept: compatible"),
    ("PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", "a property removed whose values the reader's patternProperties/additionalProperties reject: breaking"),
    ("PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", "a property added that the writer's patternProperties/additionalProperties already constrained to fit: compatible"),
    ("PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", "a property added that the writer's patternProperties/additionalProperties allowed other values for: breaking"),
    ("RESERVED_PROPERTY_REMOVED", "a reserved property removed (Confluent rule id; not reported by evtctl)"),
    ("RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY", "a reserved property is declared (Confluent rule id; not reported by evtctl)"),
    ("UNIQUE_ITEMS_ADDED", "`uniqueItems: true` added: breaking"),
    ("UNIQUE_ITEMS_REMOVED", "`uniqueItems` removed: compatible"),
    ("ITEM_ADDED_TO_OPEN_CONTENT_MODEL", "a tuple position added to an open tuple: breaking"),
    ("ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", "a tuple position with an empty schema added: compatible"),
    ("ITEM_ADDED_TO_CLOSED_CONTENT_MODEL", "a tuple position added to a closed tuple: compatible"),
    ("ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL", "a tuple position removed from an open tuple: compatible"),
    ("ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", "a tuple position that accepted nothing removed: compatible"),
    ("ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL", "a tuple position removed from a closed tuple: breaking"),
    ("ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", "a tuple position removed that the reader's rest schema accepts: compatible"),
    ("ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", "a tuple position removed that the reader's rest schema rejects: breaking"),
    ("ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", "a tuple position added that the writer's rest schema already constrained to fit: compatible"),
    ("ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", "a tuple position added that the writer's rest schema allowed other values for: breaking"),
    ("ENUM_ARRAY_EXTENDED", "enum/const accepts every old value: compatible"),
    ("ENUM_ARRAY_NARROWED", "enum/const no longer accepts some old values: breaking"),
    ("ENUM_ARRAY_CHANGED", "enum/const changed and rejects some old values: breaking"),
    ("COMBINED_TYPE_EXTENDED", "schema wrapped in, or relaxed to, anyOf/oneOf with a branch that accepts the old data: compatible"),
    ("COMBINED_TYPE_CHANGED", "the combinator changed (anyOf/oneOf/allOf): breaking unless every value still fits"),
    ("PRODUCT_TYPE_EXTENDED", "allOf gained a constraint: breaking"),
    ("PRODUCT_TYPE_NARROWED", "allOf lost a constraint: compatible"),
    ("SUM_TYPE_EXTENDED", "anyOf/oneOf gained a branch: compatible (for oneOf, an overlapping branch breaks exclusivity)"),
    ("SUM_TYPE_NARROWED", "anyOf/oneOf lost a branch: breaking"),
    ("COMBINED_TYPE_SUBSCHEMAS_CHANGED", "combinator branches that have no compatible counterpart: breaking"),
    ("NOT_TYPE_EXTENDED", "`not` excludes values the writer allowed: breaking"),
    ("NOT_TYPE_NARROWED", "`not` excludes less: compatible"),
    ("WRITER_ACCEPTS_NOTHING", "the writer schema accepts no instance, so any reader is compatible"),
    ("REF_UNRESOLVED", "a `$ref` could not be resolved: the pair could not be checked"),
    ("UNSUPPORTED_SCHEMA", "a construct the checker cannot reason about (malformed keyword, $dynamicRef, limits): breaking"),
    ("CONDITIONAL_ADDED", "`if/then/else` added: breaking"),
    ("CONDITIONAL_CHANGED", "`if` condition changed: breaking"),
    ("CONDITIONAL_REMOVED", "`if/then/else` removed: compatible"),
    ("PROPERTY_NAMES_ADDED", "`propertyNames` added: breaking"),
    ("PROPERTY_NAMES_REMOVED", "`propertyNames` removed: compatible"),
    ("CONTAINS_ADDED", "`contains` added: breaking"),
    ("CONTAINS_REMOVED", "`contains` removed: compatible"),
    ("PATTERN_PROPERTY_ADDED", "patternProperties added: undeclared properties matching it are constrained"),
    ("PATTERN_PROPERTY_REMOVED", "patternProperties removed: matching properties fall under additionalProperties"),
    (super::UNVERIFIABLE_KEYWORD_CHANGED, "an unknown keyword changed; its effect cannot be verified (breaking with --strict-unknown)"),
    ("PUBLISHED_VERSION_EDITED", "a version published at the --against revision was edited: published versions are immutable"),
    ("PUBLISHED_VERSION_DELETED", "a version published at the --against revision was deleted"),
    ("EXAMPLE_NO_LONGER_VALID", "a valid example of an earlier version fails a later version that must stay compatible with it"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_unique_and_described() {
        let mut seen = std::collections::HashSet::new();
        for r in super::all() {
            assert!(seen.insert(r.id.clone()), "duplicate {}", r.id);
            assert!(!r.description.is_empty());
        }
        assert!(super::find("MAX_LENGTH_DECREASED").is_some());
        assert!(super::find("NO_SUCH_RULE").is_none());
    }
}
