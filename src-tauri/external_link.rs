//! Opening a link from a note in the system's browser or mail app. Notes are untrusted text, so
//! only `http`, `https` and `mailto` links are handed to the OS, and only as one argument of
//! the system's opener (never through a shell).

use std::process::{Command, Stdio};

use northstar_core::CoreError;

/// Longer links are refused (no real page needs more; a pasted blob is not a link).
const MAX_LINK_CHARS: usize = 4096;

/// Tests point this at a harmless program to see what would be opened.
const OPENER_VARIABLE: &str = "NORTHSTAR_LINK_OPENER";

fn refused(url: &str, why: &str) -> CoreError {
    let shown: String = url.chars().take(80).collect();
    let ellipsis = if url.chars().count() > 80 { "…" } else { "" };
    CoreError::invalid("url", format!("“{shown}{ellipsis}” was not opened: {why}"))
}

/// The link, checked: an absolute `http`/`https` URL with a host, or a `mailto:` address.
pub fn checked(url: &str) -> Result<url::Url, CoreError> {
    let trimmed = url.trim();
    if trimmed.chars().count() > MAX_LINK_CHARS {
        return Err(refused(trimmed, "the link is too long."));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(refused(trimmed, "the link contains control characters."));
    }
    let parsed = url::Url::parse(trimmed)
        .map_err(|_| refused(trimmed, "it is not a complete web or email address."))?;
    match parsed.scheme() {
        "http" | "https" if parsed.host_str().is_some_and(|host| !host.is_empty()) => Ok(parsed),
        "mailto" if parsed.path().contains('@') => Ok(parsed),
        "http" | "https" | "mailto" => Err(refused(
            trimmed,
            "it is not a complete web or email address.",
        )),
        _ => Err(refused(
            trimmed,
            "Northstar opens only web links (http, https) and email addresses (mailto).",
        )),
    }
}

fn opener() -> Command {
    if let Some(program) = std::env::var_os(OPENER_VARIABLE) {
        return Command::new(program);
    }
    if cfg!(target_os = "macos") {
        Command::new("/usr/bin/open")
    } else if cfg!(target_os = "windows") {
        let mut command = Command::new("rundll32");
        command.arg("url.dll,FileProtocolHandler");
        command
    } else {
        Command::new("xdg-open")
    }
}

/// Hands a checked link to the system's opener and waits for it to take it.
pub fn open(url: &str) -> Result<(), CoreError> {
    let link = checked(url)?;
    let status = opener()
        .arg(link.as_str())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => {
            tracing::warn!("the link opener exited with {status}");
            Err(CoreError::Refused(
                "The system could not open the link: no browser or mail app took it.".into(),
            ))
        }
        Err(error) => {
            tracing::warn!("could not start the link opener: {error}");
            Err(CoreError::Refused(
                "The system could not open the link: no browser or mail app is set up.".into(),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(url: &str) -> String {
        match checked(url) {
            Err(CoreError::Invalid { field, reason }) => {
                assert_eq!(field, "url");
                reason
            }
            other => panic!("{url}: expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn web_and_mail_links_pass() {
        for url in [
            "https://example.com/a?b=c#d",
            "http://localhost:8080/",
            " https://example.com ",
            "mailto:dana@example.com",
        ] {
            assert!(checked(url).is_ok(), "{url}");
        }
    }

    #[test]
    fn every_other_scheme_is_refused_in_words() {
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "tauri://localhost/",
            "vbscript:msgbox",
            "ftp://example.com/",
            "smb://server/share",
        ] {
            assert!(reason(url).contains("opens only web links"), "{url}");
        }
        assert!(reason("example.com").contains("not a complete"));
        assert!(reason("https://").contains("not a complete"));
        assert!(reason("mailto:").contains("not a complete"));
        assert!(reason("https://exa\nmple.com").contains("control characters"));
        assert!(reason(&format!("https://e.com/{}", "a".repeat(5000))).contains("too long"));
    }
}
