//! Applying a finding's [`Fix`] to a release.
//!
//! Edits address fields by path, so they are applied to the release's JSON
//! form and the result is read back as a release: any path the checks emit
//! works, and an edit that would produce an invalid release is refused.

use dateline_core::Release;
use serde_json::Value;

use crate::finding::{Edit, Fix};
use crate::CheckError;

/// Applies every edit of `fix` to `release`, or nothing when one does not fit
/// (the field changed since the lint, or the path is gone).
pub fn apply_fix(release: &mut Release, fix: &Fix) -> Result<(), CheckError> {
    let mut json = serde_json::to_value(&*release).map_err(|e| stale("", &e.to_string()))?;
    // Replacements in one field apply from the end, so earlier ranges stay put;
    // removals apply last, from the highest index.
    let mut edits: Vec<&Edit> = fix.edits.iter().collect();
    edits.sort_by_key(|e| match e {
        Edit::Replace { range, .. } => (0, std::cmp::Reverse(range.start)),
        Edit::Set { .. } => (1, std::cmp::Reverse(0)),
        Edit::Remove { path } => (2, std::cmp::Reverse(last_index(path) as u32)),
    });
    for edit in edits {
        match edit {
            Edit::Replace {
                path,
                range,
                original,
                text,
            } => {
                let slot = lookup(&mut json, path)?;
                let Value::String(s) = slot else {
                    return Err(stale(path, "not a text field"));
                };
                let bytes = range
                    .bytes(s)
                    .ok_or_else(|| stale(path, "the range is outside the text"))?;
                if s.get(bytes.clone()) != Some(original.as_str()) {
                    return Err(stale(path, "the text changed"));
                }
                s.replace_range(bytes, text);
            }
            Edit::Set { path, value } => set(&mut json, path, value.clone())?,
            Edit::Remove { path } => {
                let (parent, index) = split_last_index(path)
                    .ok_or_else(|| stale(path, "not an element of a list"))?;
                match lookup(&mut json, parent)? {
                    Value::Array(items) if index < items.len() => {
                        items.remove(index);
                    }
                    _ => return Err(stale(path, "no such element")),
                }
            }
        }
    }
    *release = serde_json::from_value(json).map_err(|e| stale("", &e.to_string()))?;
    Ok(())
}

fn stale(path: &str, why: &str) -> CheckError {
    CheckError::StaleFix {
        path: path.to_string(),
        why: why.to_string(),
    }
}

/// The value at `path` (`body[3].paragraphs[0].segments[1].text`).
fn lookup<'v>(root: &'v mut Value, path: &str) -> Result<&'v mut Value, CheckError> {
    let mut cur = root;
    for part in path.split('.') {
        let (key, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            cur = cur
                .get_mut(key)
                .ok_or_else(|| stale(path, &format!("no field “{key}”")))?;
        }
        for ix in indexes.split('[').filter(|s| !s.is_empty()) {
            let n: usize = ix
                .trim_end_matches(']')
                .parse()
                .map_err(|_| stale(path, "bad index"))?;
            cur = cur
                .get_mut(n)
                .ok_or_else(|| stale(path, &format!("no element {n}")))?;
        }
    }
    Ok(cur)
}

/// Sets the value at `path`; a missing last key (an optional field left out
/// of the JSON, such as an attribution) is added.
fn set(root: &mut Value, path: &str, value: Value) -> Result<(), CheckError> {
    if let Ok(slot) = lookup(root, path) {
        *slot = value;
        return Ok(());
    }
    let (parent, key) = match path.rsplit_once('.') {
        Some((p, k)) => (Some(p), k),
        None => (None, path),
    };
    if key.contains('[') {
        return Err(stale(path, "no such element"));
    }
    let parent = match parent {
        Some(p) => lookup(root, p)?,
        None => root,
    };
    match parent {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
            Ok(())
        }
        _ => Err(stale(path, "not a field of an object")),
    }
}

fn split_last_index(path: &str) -> Option<(&str, usize)> {
    let body = path.strip_suffix(']')?;
    let open = body.rfind('[')?;
    Some((&body[..open], body[open + 1..].parse().ok()?))
}

fn last_index(path: &str) -> usize {
    split_last_index(path).map(|(_, i)| i).unwrap_or(0)
}
