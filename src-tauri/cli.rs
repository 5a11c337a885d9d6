//! The command-line face of the `northstar` binary. With no subcommand it opens the window;
//! subcommands work headless on the same database and never create or repair a file by accident.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use northstar_core::check::check_database_file;
use northstar_core::export::export_json;
use northstar_core::{CoreError, Store};

use crate::db_location::{data_dir, default_database_path};

#[derive(Debug, Parser)]
#[command(
    name = "northstar",
    version,
    about = "Northstar — a local-first workbench for digital product owners.",
    long_about = "Northstar — a local-first workbench for digital product owners.\n\n\
                  With no command, opens the app window. The data is one SQLite file: \
                  --db PATH or NORTHSTAR_DB, else northstar.db in the OS data folder."
)]
pub struct Cli {
    /// The database file to use.
    #[arg(long, global = true, env = "NORTHSTAR_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the whole database (products, items in rank order, every field) as JSON.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file instead of standard output (replaced atomically).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check the database's integrity and schema without changing it.
    Check,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        return crate::run_app(cli.db);
    };
    let path = cli.db.unwrap_or_else(|| default_database_path(&data_dir()));
    let result = match command {
        Command::Export {
            format: ExportFormat::Json,
            out,
        } => export(&path, out.as_deref()),
        Command::Check => check(&path),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("northstar: {message}");
            ExitCode::FAILURE
        }
    }
}

fn describe(path: &Path, error: CoreError) -> String {
    match error {
        CoreError::File(problem) => format!("{}: {}", path.display(), problem.message),
        CoreError::NotFound {
            entity: "database file",
            ..
        } => {
            format!("{}: no database file there", path.display())
        }
        CoreError::DiskFull => "the disk is full; nothing was written".into(),
        other => format!("{}: {other}", path.display()),
    }
}

fn export(path: &Path, out: Option<&Path>) -> Result<ExitCode, String> {
    let store = Store::open_read_only(path).map_err(|error| describe(path, error))?;
    let json = store
        .read(export_json)
        .map_err(|error| describe(path, error))?;
    match out {
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(json.as_bytes())
                .map_err(|error| format!("writing failed: {error}"))?;
        }
        Some(out) => write_atomically(out, json.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes next to the target and renames, so a full disk never leaves a half-written export.
fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), String> {
    let target = std::path::absolute(target).map_err(|error| error.to_string())?;
    let folder = target
        .parent()
        .filter(|folder| folder.is_dir())
        .ok_or_else(|| format!("{}: the folder does not exist", target.display()))?;
    let file_name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    let scratch = folder.join(format!(".{}.partial", file_name.unwrap_or_default()));
    let written = std::fs::File::create(&scratch)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&scratch, &target));
    written.map_err(|error| {
        let _ = std::fs::remove_file(&scratch);
        format!(
            "{}: could not write the export ({error}); nothing was changed",
            target.display()
        )
    })
}

fn check(path: &Path) -> Result<ExitCode, String> {
    let report = check_database_file(path).map_err(|error| describe(path, error))?;
    if report.is_healthy() {
        println!(
            "{}: OK — schema version {}, {} product(s), {} item(s).",
            path.display(),
            report.schema_version,
            report.products,
            report.items
        );
        return Ok(ExitCode::SUCCESS);
    }
    let findings: Vec<String> = report
        .findings
        .iter()
        .map(|finding| format!("  - {finding}"))
        .collect();
    Err(format!(
        "{}: problems found:\n{}",
        path.display(),
        findings.join("\n")
    ))
}
