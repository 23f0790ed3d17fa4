//! The ninjs export of every example validates against a JSON Schema written
//! from the IPTC ninjs 3.x specification (field names, types, required
//! fields, closed objects), and carries what a newsroom needs.

mod common;

use common::{example, EXAMPLES};
use dateline_export::{render, Format};
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("ninjs-3.schema.json");

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

fn ninjs(name: &str) -> Value {
    let out = render(&example(name), Format::Ninjs).expect("renders");
    serde_json::from_str(&out).expect("ninjs is JSON")
}

#[test]
fn every_example_is_valid_ninjs_3() {
    let v = validator();
    for (name, _) in EXAMPLES {
        let doc = ninjs(name);
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_what_the_specification_rejects() {
    let v = validator();
    let good = ninjs("seed");
    assert!(v.is_valid(&good));
    let mut no_uri = good.clone();
    no_uri.as_object_mut().map(|o| o.remove("uri"));
    assert!(!v.is_valid(&no_uri), "uri is required");
    let mut unknown = good.clone();
    unknown["embargoed"] = json!("2025-01-01T00:00:00Z");
    assert!(
        !v.is_valid(&unknown),
        "ninjs 3 has embargoedUntil, not embargoed"
    );
    let mut bad_status = good.clone();
    bad_status["pubStatus"] = json!("published");
    assert!(!v.is_valid(&bad_status));
    let mut bad_date = good.clone();
    bad_date["versionCreated"] = json!("14 May 2025");
    assert!(!v.is_valid(&bad_date), "dates are RFC 3339");
    let mut headline_without_value = good;
    headline_without_value["headlines"] = json!([{ "role": "main" }]);
    assert!(!v.is_valid(&headline_without_value));
}

#[test]
fn ninjs_carries_the_release() {
    let seed = ninjs("seed");
    assert_eq!(seed["language"], "en");
    assert_eq!(seed["pubStatus"], "usable");
    assert_eq!(seed["located"], "Geneva");
    assert_eq!(seed["genres"][0]["name"], "Press Release");
    assert_eq!(
        seed["headlines"][0]["value"],
        "Tajikistan: UN expert calls for release and retrial of Rukhshona Khakimova (Press Release)"
    );
    let bodies = seed["bodies"].as_array().expect("bodies");
    assert!(bodies.iter().any(|b| b["contentType"] == "text/html"));
    let text = bodies
        .iter()
        .find(|b| b["contentType"] == "text/plain")
        .expect("text body");
    assert!(text["value"]
        .as_str()
        .is_some_and(|t| t.starts_with("GENEVA (14 May 2025) – A UN expert*")));
    assert_eq!(seed["people"][0]["name"], "Mary Lawlor");
    assert_eq!(seed["people"][0]["rel"], "quoted");

    let corp = ninjs("corporate");
    // 07:00 in Zurich in March (CET, UTC+1) is 06:00 UTC.
    assert_eq!(corp["embargoedUntil"], "2025-03-12T06:00:00Z");
    assert_eq!(corp["pubStatus"], "withheld");
    let contacts = &corp["organisations"][0]["contactInfo"];
    assert_eq!(contacts[0]["type"], "email");
    assert_eq!(contacts[0]["value"], "medias@lumen.example.ch");
    assert_eq!(contacts[1]["type"], "phone");
}
