//! A folder of Markdown files as drafts: one note per `.md` file directly in the folder, in
//! file-name order. The title is the front matter's `title:`, else the first `# ` heading, else
//! the file's name; optional front matter (between `---` lines at the top) gives `date:`,
//! `type:`, `source:`, `tags:` and `participants:` (a list in brackets, separated by commas, or
//! one `- item` per line). A file that is not UTF-8, is larger than a note's body may be, or is
//! not a regular file (a link, which may point out of the folder, is never followed) is a
//! problem of its row; the rest of the folder is still previewed.

use std::fs;
use std::path::Path;

use super::csv_source::split_list;
use super::dates::DayReading;
use super::mapping::FeedbackMapping;
use super::{Draft, DraftParticipant, FeedbackFormat, ReadSource};
use crate::error::{CoreError, CoreResult};
use crate::research::NoteType;
use crate::scoring::format::format_number;

/// The most Markdown files one folder may hold.
pub const MAX_FILES: usize = 20_000;

/// A file this much larger than a note's body (1 MB) may still fit once its front matter is
/// taken off; a larger one is not read.
const MAX_FILE_BYTES: u64 = 1024 * 1024 + 64 * 1024;

/// Notes written as Markdown files are mostly interview write-ups.
pub const MARKDOWN_DEFAULT_TYPE: NoteType = NoteType::Interview;

fn is_markdown(name: &str) -> bool {
    let lower = name.to_lowercase();
    (lower.ends_with(".md") || lower.ends_with(".markdown")) && !lower.starts_with('.')
}

/// Reads the folder the user chose.
pub fn read_folder(folder: &Path) -> CoreResult<ReadSource> {
    let unreadable = || CoreError::invalid("path", "The folder cannot be read: choose it again.");
    let mut names: Vec<String> = Vec::new();
    for entry in fs::read_dir(folder).map_err(|_| unreadable())? {
        let entry = entry.map_err(|_| unreadable())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_markdown(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        return Err(CoreError::invalid(
            "file",
            "The folder has no Markdown files (names ending in .md): choose the folder that \
             holds them.",
        ));
    }
    if names.len() > MAX_FILES {
        return Err(CoreError::invalid(
            "file",
            format!(
                "The folder has more than {} Markdown files: split it into smaller folders.",
                format_number(MAX_FILES as f64)
            ),
        ));
    }
    names.sort();
    let drafts: Vec<Draft> = names
        .iter()
        .map(|name| read_file(&folder.join(name), name))
        .collect();
    let day_order = DayReading::of(
        drafts
            .iter()
            .map(|draft| (draft.place.as_str(), draft.date.as_str())),
    );
    let folder_name = folder
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "notes".into());
    Ok(ReadSource {
        name: folder_name,
        format: FeedbackFormat::MarkdownFolder,
        columns: Vec::new(),
        detected: FeedbackMapping::default(),
        mapping: FeedbackMapping::default(),
        default_type: MARKDOWN_DEFAULT_TYPE,
        blocked: None,
        day_order,
        drafts,
    })
}

/// One file as a draft, or a draft saying why it cannot be read.
fn read_file(path: &Path, name: &str) -> Draft {
    let refused = |reason: String| Draft {
        place: name.to_string(),
        title: name.to_string(),
        source: name.to_string(),
        unreadable: Some(reason),
        ..Draft::default()
    };
    let Ok(metadata) = fs::symlink_metadata(path) else {
        return refused("The file cannot be read.".into());
    };
    if metadata.file_type().is_symlink() {
        return refused(
            "This is a link to a file elsewhere, not a file of the folder: copy the file itself \
             into the folder."
                .into(),
        );
    }
    if !metadata.is_file() {
        return refused("This is not a regular file.".into());
    }
    if metadata.len() > MAX_FILE_BYTES {
        return refused("The file is larger than 1 MB, the most a note can hold.".into());
    }
    let Ok(bytes) = fs::read(path) else {
        return refused("The file cannot be read.".into());
    };
    match String::from_utf8(bytes) {
        Ok(text) => parse_markdown(name, &text),
        Err(error) => {
            let bytes = error.as_bytes();
            let valid = error.utf8_error().valid_up_to();
            let line = bytes[..valid].iter().filter(|byte| **byte == b'\n').count() + 1;
            refused(format!(
                "The file is not UTF-8 text on line {line}: save it as UTF-8."
            ))
        }
    }
}

/// Front matter's `key: value` pairs (a `- item` line adds to the key above it).
fn front_matter(lines: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut pairs: Vec<(String, Vec<String>)> = Vec::new();
    for line in lines {
        let trimmed = line.trim();
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some((_, values)) = pairs.last_mut() {
                values.push(unquoted(item).to_string());
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let values = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            Some(list) => split_list(list)
                .iter()
                .map(|v| unquoted(v).to_string())
                .collect(),
            None if value.is_empty() => Vec::new(),
            None => vec![unquoted(value).to_string()],
        };
        pairs.push((key.trim().to_lowercase(), values));
    }
    pairs
}

fn unquoted(text: &str) -> &str {
    let text = text.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(quote).and_then(|t| t.strip_suffix(quote)) {
            return inner;
        }
    }
    text
}

/// A file's text as a draft (see the module's rules).
fn parse_markdown(name: &str, text: &str) -> Draft {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut body_start = 0;
    let mut fields: Vec<(String, Vec<String>)> = Vec::new();
    if lines.first().is_some_and(|line| line.trim_end() == "---") {
        if let Some(end) = lines
            .iter()
            .skip(1)
            .position(|line| line.trim_end() == "---")
        {
            fields = front_matter(&lines[1..=end]);
            body_start = end + 2;
        }
    }
    let body = lines[body_start.min(lines.len())..]
        .concat()
        .trim_start_matches(['\n', '\r'])
        .to_string();
    let field = |key: &str| -> Vec<String> {
        fields
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, values)| values.clone())
            .unwrap_or_default()
    };
    let first = |key: &str| field(key).join(", ");
    let heading = body.lines().find_map(|line| {
        line.strip_prefix("# ")
            .map(|title| title.trim().to_string())
    });
    let stem = name
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_string();
    let title = Some(first("title"))
        .filter(|title| !title.is_empty())
        .or(heading)
        .unwrap_or(stem);
    let source = Some(first("source"))
        .filter(|source| !source.is_empty())
        .unwrap_or_else(|| name.to_string());
    let mut participants = field("participants");
    participants.extend(field("participant"));
    Draft {
        place: name.to_string(),
        title,
        body,
        date: first("date"),
        note_type: first("type"),
        source,
        participants: participants
            .into_iter()
            .filter(|name| !name.trim().is_empty())
            .map(|name| DraftParticipant {
                name,
                ..DraftParticipant::default()
            })
            .collect(),
        tags: field("tags"),
        unreadable: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_gives_the_fields_and_the_heading_the_title() {
        let draft = parse_markdown(
            "dana.md",
            "---\ndate: 2026-03-01\ntype: usability test\ntags: [pricing, \"tax pots\"]\n\
             participants:\n  - Dana\n  - 'Sam K'\n---\n\n# Interview with Dana\n\nShe pays \
             taxes quarterly.\n",
        );
        assert_eq!(draft.title, "Interview with Dana");
        assert_eq!(draft.date, "2026-03-01");
        assert_eq!(draft.note_type, "usability test");
        assert_eq!(draft.tags, vec!["pricing", "tax pots"]);
        let names: Vec<&str> = draft.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Dana", "Sam K"]);
        assert_eq!(
            draft.body,
            "# Interview with Dana\n\nShe pays taxes quarterly.\n"
        );
        assert_eq!(draft.source, "dana.md");
    }

    #[test]
    fn without_front_matter_or_heading_the_file_name_is_the_title() {
        let draft = parse_markdown("call notes.md", "Just text.\n---\nmore");
        assert_eq!(draft.title, "call notes");
        assert_eq!(draft.body, "Just text.\n---\nmore");
        assert!(draft.tags.is_empty() && draft.date.is_empty());
    }
}
