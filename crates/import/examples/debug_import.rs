//! Prints the import of a file as JSON (release and report), for debugging.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    match dateline_import::import(&bytes, &Default::default()) {
        Ok(i) => println!("{}", serde_json::to_string_pretty(&i).unwrap_or_default()),
        Err(e) => println!("{}: {e}", e.code()),
    }
}
