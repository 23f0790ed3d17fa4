//! The compare view: two revisions (or a revision and the working copy) through
//! `dateline-diff`, and the redline exported as a standalone HTML file.

use dateline_core::{Release, ReleaseId};
use dateline_diff::{CompareOptions, Comparison};
use dateline_store::{load_ref, RevRef, Store};
use tauri::Runtime;

use super::Cx;
use crate::blocking;
use crate::destination::{self, Target};
use crate::error::ApiResult;

pub async fn compare_revisions<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    from: RevRef,
    to: RevRef,
) -> ApiResult<Comparison> {
    let store = cx.store()?;
    blocking::run(move || {
        let (a, b) = sides(store.as_ref(), &id, from, to)?;
        Ok(dateline_diff::compare(&a, &b, &CompareOptions::default()))
    })
    .await
}

pub async fn export_redline<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    from: RevRef,
    to: RevRef,
) -> ApiResult<Option<String>> {
    let store = cx.store()?;
    let stem_id = id.clone();
    let (headline, html) = blocking::run(move || {
        let (a, b) = sides(store.as_ref(), &id, from, to)?;
        let c = dateline_diff::compare(&a, &b, &CompareOptions::default());
        Ok((b.headline.clone(), dateline_diff::redline_html(&a, &b, &c)))
    })
    .await?;
    let stem = format!("{stem_id}-redline");
    let target = Target {
        stem: &stem,
        suggested: format!("{}-redline", destination::slug(&headline)),
        extension: "html",
        kind: "HTML document",
    };
    let Some(path) = destination::choose(&cx.app, &cx.state(), target).await? else {
        return Ok(None);
    };
    destination::write(path.clone(), html.into_bytes()).await?;
    Ok(Some(path.display().to_string()))
}

fn sides(store: &dyn Store, id: &str, from: RevRef, to: RevRef) -> ApiResult<(Release, Release)> {
    Ok((load_ref(store, id, from)?, load_ref(store, id, to)?))
}
