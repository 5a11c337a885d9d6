//! `northstar search QUERY [--product NAME] [--json]`: the search view from the command line.
//! It only reads, so it works while the app has the file open. Any text is a safe query.

use std::path::Path;
use std::process::ExitCode;

use northstar_core::search::{search, SearchHit, SearchKind, SearchRequest, Segment};
use northstar_core::Store;

use crate::cli::{describe, share_for_reading};
use crate::cli_kano::product_named;

/// The segments as one line, the matched words in [brackets].
fn marked(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|segment| {
            let text = segment.text.replace(['\n', '\r', '\t'], " ");
            if segment.matched {
                format!("[{text}]")
            } else {
                text
            }
        })
        .collect()
}

fn print_hit(hit: &SearchHit) {
    let title = marked(&hit.title);
    match hit.kind {
        SearchKind::Note => println!("note  {}  {title}", hit.noted_on.as_deref().unwrap_or("")),
        SearchKind::Item => println!("item  {title}"),
    }
    let snippet = marked(&hit.snippet);
    // A match in the title only: its snippet is the title again.
    if !snippet.trim().is_empty() && snippet != title {
        println!("      {}", snippet.trim());
    }
}

pub fn search_command(
    path: &Path,
    text: &str,
    product: Option<&str>,
    json: bool,
) -> Result<ExitCode, String> {
    let _reading = share_for_reading(path)?;
    let store = Store::open_read_only(path).map_err(|error| describe(path, error))?;
    let hits = store
        .read(|connection| {
            let product_id = match product {
                Some(name) => match product_named(connection, name)? {
                    Ok(id) => Some(id),
                    Err(message) => return Ok(Err(message)),
                },
                None => None,
            };
            let request = SearchRequest {
                text: text.to_string(),
                product_id,
                ..Default::default()
            };
            Ok(Ok(search(connection, &request)?))
        })
        .map_err(|error| describe(path, error))??;
    if json {
        let out = serde_json::to_string_pretty(&hits)
            .map_err(|error| format!("writing JSON failed: {error}"))?;
        println!("{out}");
    } else if hits.is_empty() {
        println!("No notes or items match “{}”.", text.trim());
    } else {
        for hit in &hits {
            print_hit(hit);
        }
    }
    Ok(ExitCode::SUCCESS)
}
