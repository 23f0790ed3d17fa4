//! Prints the terminal redline of two release files (a development aid).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let read = |p: &str| dateline_core::from_json(&std::fs::read_to_string(p).unwrap_or_default());
    let (Some(a), Some(b)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: show A.json B.json");
        return;
    };
    match (read(a), read(b)) {
        (Ok(a), Ok(b)) => {
            let c = dateline_diff::compare(&a, &b, &Default::default());
            print!("{}", dateline_diff::redline_text(&c, false));
        }
        (Err(e), _) | (_, Err(e)) => eprintln!("{e}"),
    }
}
