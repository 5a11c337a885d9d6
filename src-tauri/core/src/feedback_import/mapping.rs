//! Which CSV column feeds which field of a note: detected from the header by the usual names
//! support tools and surveys give them, and overridable field by field.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, CoreResult};

/// A field of a note an import can fill from a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum FeedbackField {
    Title,
    Body,
    NotedOn,
    Source,
    NoteType,
    Participant,
    Segment,
    CompanySize,
    Tags,
}

impl FeedbackField {
    /// In the order a mapping form shows them.
    pub const ALL: [FeedbackField; 9] = [
        FeedbackField::Title,
        FeedbackField::Body,
        FeedbackField::NotedOn,
        FeedbackField::Source,
        FeedbackField::NoteType,
        FeedbackField::Participant,
        FeedbackField::Segment,
        FeedbackField::CompanySize,
        FeedbackField::Tags,
    ];

    /// The name the command line takes (`--map body=Description`).
    pub fn cli_name(self) -> &'static str {
        match self {
            FeedbackField::Title => "title",
            FeedbackField::Body => "body",
            FeedbackField::NotedOn => "date",
            FeedbackField::Source => "source",
            FeedbackField::NoteType => "type",
            FeedbackField::Participant => "participant",
            FeedbackField::Segment => "segment",
            FeedbackField::CompanySize => "company-size",
            FeedbackField::Tags => "tags",
        }
    }

    /// Header names (lower case, single spaces) that mean this field. The source is also
    /// where a support tool puts the ticket's type ("Email", "Chat"): the note's own type has
    /// a column only when the file says so.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            FeedbackField::Title => &["title", "subject", "summary", "headline"],
            FeedbackField::Body => &[
                "body",
                "description",
                "comment",
                "comments",
                "feedback",
                "message",
                "text",
                "content",
                "details",
            ],
            FeedbackField::NotedOn => &[
                "date",
                "created",
                "created at",
                "created on",
                "submitted",
                "submitted at",
                "submitted on",
                "timestamp",
            ],
            FeedbackField::Source => &["source", "channel", "type", "origin"],
            FeedbackField::NoteType => &["note type", "kind", "research type"],
            FeedbackField::Participant => &[
                "customer",
                "customer name",
                "name",
                "participant",
                "requester",
                "requester name",
                "respondent",
                "user",
            ],
            FeedbackField::Segment => &["segment", "plan", "tier", "customer segment"],
            FeedbackField::CompanySize => &[
                "company size",
                "employees",
                "company employees",
                "team size",
                "organization size",
            ],
            FeedbackField::Tags => &["tags", "tag", "labels", "label"],
        }
    }

    /// A field by its command-line name (in any case), or why none has it.
    pub fn parse_cli(name: &str) -> CoreResult<FeedbackField> {
        let wanted = name.trim().to_lowercase().replace('_', "-");
        FeedbackField::ALL
            .into_iter()
            .find(|field| field.cli_name() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = FeedbackField::ALL.iter().map(|f| f.cli_name()).collect();
                CoreError::invalid(
                    "mapping",
                    format!(
                        "“{}” is not a field: map one of {}.",
                        name.trim(),
                        names.join(", ")
                    ),
                )
            })
    }
}

/// For each field, the index of the column that fills it (from 0), or `null` for none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackMapping {
    pub title: Option<u32>,
    pub body: Option<u32>,
    pub noted_on: Option<u32>,
    pub source: Option<u32>,
    pub note_type: Option<u32>,
    pub participant: Option<u32>,
    pub segment: Option<u32>,
    pub company_size: Option<u32>,
    pub tags: Option<u32>,
}

impl FeedbackMapping {
    pub fn get(&self, field: FeedbackField) -> Option<u32> {
        *self.slot(field)
    }

    pub fn set(&mut self, field: FeedbackField, column: Option<u32>) {
        *self.slot_mut(field) = column;
    }

    fn slot(&self, field: FeedbackField) -> &Option<u32> {
        match field {
            FeedbackField::Title => &self.title,
            FeedbackField::Body => &self.body,
            FeedbackField::NotedOn => &self.noted_on,
            FeedbackField::Source => &self.source,
            FeedbackField::NoteType => &self.note_type,
            FeedbackField::Participant => &self.participant,
            FeedbackField::Segment => &self.segment,
            FeedbackField::CompanySize => &self.company_size,
            FeedbackField::Tags => &self.tags,
        }
    }

    fn slot_mut(&mut self, field: FeedbackField) -> &mut Option<u32> {
        match field {
            FeedbackField::Title => &mut self.title,
            FeedbackField::Body => &mut self.body,
            FeedbackField::NotedOn => &mut self.noted_on,
            FeedbackField::Source => &mut self.source,
            FeedbackField::NoteType => &mut self.note_type,
            FeedbackField::Participant => &mut self.participant,
            FeedbackField::Segment => &mut self.segment,
            FeedbackField::CompanySize => &mut self.company_size,
            FeedbackField::Tags => &mut self.tags,
        }
    }
}

/// A header name as compared with the synonyms: lower case, `_` and `-` as spaces, single
/// spaces.
fn normalised(header: &str) -> String {
    header
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The mapping the header's names give: each field takes the first column named by one of
/// its synonyms, and a column feeds one field at most.
pub fn detect_mapping(header: &[String]) -> FeedbackMapping {
    let names: Vec<String> = header.iter().map(|name| normalised(name)).collect();
    let mut mapping = FeedbackMapping::default();
    let mut taken = vec![false; names.len()];
    for field in FeedbackField::ALL {
        let found = names
            .iter()
            .enumerate()
            .find(|(index, name)| !taken[*index] && field.synonyms().contains(&name.as_str()));
        if let Some((index, _)) = found {
            taken[index] = true;
            mapping.set(field, u32::try_from(index).ok());
        }
    }
    mapping
}

/// Refuses a mapping naming a column the file does not have.
pub fn check_mapping(mapping: &FeedbackMapping, columns: usize) -> CoreResult<()> {
    for field in FeedbackField::ALL {
        if let Some(index) = mapping.get(field) {
            if index as usize >= columns {
                return Err(CoreError::invalid(
                    "mapping",
                    format!(
                        "The file has {columns} columns: there is no column {} for the {}.",
                        index + 1,
                        field.cli_name()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The column a command-line `--map` names: a header name (in any case), its number from 1,
/// or `none`.
pub fn column_by_name(header: &[String], named: &str) -> CoreResult<Option<u32>> {
    let named = named.trim();
    if named.eq_ignore_ascii_case("none") || named.is_empty() {
        return Ok(None);
    }
    if let Some(index) = header
        .iter()
        .position(|name| normalised(name) == normalised(named))
    {
        return Ok(u32::try_from(index).ok());
    }
    match named.parse::<u32>() {
        Ok(number) if number >= 1 && (number as usize) <= header.len() => Ok(Some(number - 1)),
        _ => Err(CoreError::invalid(
            "mapping",
            format!(
                "The file has no column “{named}”: its columns are {}.",
                header
                    .iter()
                    .map(|name| format!("“{name}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn detects_the_usual_names_in_any_case_and_spelling() {
        let mapping = detect_mapping(&header(&[
            "Ticket ID",
            "Subject",
            "Description",
            "Created_At",
            "Channel",
            "Requester Name",
            "Plan",
            "Company-Size",
            "Labels",
        ]));
        assert_eq!(
            mapping,
            FeedbackMapping {
                title: Some(1),
                body: Some(2),
                noted_on: Some(3),
                source: Some(4),
                note_type: None,
                participant: Some(5),
                segment: Some(6),
                company_size: Some(7),
                tags: Some(8),
            }
        );
    }

    #[test]
    fn a_column_feeds_one_field_and_the_first_of_two_wins() {
        let mapping = detect_mapping(&header(&["comment", "feedback", "type", "note type"]));
        assert_eq!(mapping.body, Some(0));
        assert_eq!(mapping.source, Some(2));
        assert_eq!(mapping.note_type, Some(3));
        assert_eq!(
            detect_mapping(&header(&["id", "score"])),
            FeedbackMapping::default()
        );
    }

    #[test]
    fn columns_are_named_by_header_number_or_none_and_fields_by_cli_name() {
        let columns = header(&["Subject", "Description"]);
        assert_eq!(column_by_name(&columns, "description").unwrap(), Some(1));
        assert_eq!(column_by_name(&columns, "1").unwrap(), Some(0));
        assert_eq!(column_by_name(&columns, "none").unwrap(), None);
        assert!(column_by_name(&columns, "3").is_err());
        assert_eq!(
            FeedbackField::parse_cli("Company_Size").unwrap(),
            FeedbackField::CompanySize
        );
        assert!(FeedbackField::parse_cli("colour").is_err());
        let mapping = FeedbackMapping {
            body: Some(2),
            ..Default::default()
        };
        match check_mapping(&mapping, 2) {
            Err(CoreError::Invalid { reason, .. }) => assert_eq!(
                reason,
                "The file has 2 columns: there is no column 3 for the body."
            ),
            other => panic!("{other:?}"),
        }
    }
}
