//! Golden files: every format of the three example releases (one per house
//! style). Review a change with `cargo insta review` or by reading the `.snap`
//! diff; CI fails on any difference.

mod common;

use common::{example, EXAMPLES};
use dateline_export::{render, Format};

#[test]
fn seed_text_export_is_the_original_byte_for_byte() {
    let want = include_str!("../../../examples/un-expert-khakimova.txt");
    assert_eq!(
        render(&example("seed"), Format::Text).ok().as_deref(),
        Some(want)
    );
}

#[test]
fn every_format_of_every_example() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (name, _) in EXAMPLES {
            let r = example(name);
            for f in Format::ALL {
                let out = render(&r, f).unwrap_or_else(|e| panic!("{name} {f}: {e}"));
                insta::assert_snapshot!(format!("{name}.{}", f.name()), out);
            }
        }
    });
}
