//! The command-line face of the `northstar` binary. With no subcommand it opens the window;
//! subcommands work headless on the same database and never create or repair a file by accident.
//!
//! `export`, `check` and `backup` only read, and keep working while the app has the file open.
//! `restore` and `repair` change the file: they take its lock first and refuse while the app
//! (or another command) holds it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use northstar_core::backup::{backups_folder, describe_time, BackupReason, DatabaseSummary};
use northstar_core::check::check_database_file;
use northstar_core::export::export_json;
use northstar_core::files::{refuse_database_target, write_file};
use northstar_core::lock::{DatabaseLock, SharedReadLock};
use northstar_core::repair::repair_store;
use northstar_core::restore::{restore_database, save_copy};
use northstar_core::stakeholder::RoadmapFormat;
use northstar_core::{CoreError, Store};

use crate::cli_export::RoadmapOutput;
use crate::db_location::{data_dir, default_database_path};

#[derive(Debug, Parser)]
#[command(
    name = "northstar",
    version,
    about = "Northstar — a local-first workbench for digital product owners.",
    long_about = "Northstar — a local-first workbench for digital product owners.\n\n\
                  With no command, opens the app window. The data is one SQLite file: \
                  --db PATH or NORTHSTAR_DB, else northstar.db in the OS data folder. \
                  Backups are kept in a backups/ folder beside it."
)]
pub struct Cli {
    /// The database file to use.
    #[arg(long, global = true, env = "NORTHSTAR_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Milliseconds of quiet after a change before the app folds its journal into the file.
    #[arg(long, hide = true, default_value_t = 3000)]
    pub idle_checkpoint_ms: u64,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the whole database (products, items in rank order, every field) as JSON, or one
    /// product's roadmap for stakeholders (--format markdown|html --product NAME), or its
    /// timeline as a picture (--format png|svg --product NAME; PNG needs --out).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// The product whose roadmap to export (Markdown, HTML, PNG, SVG; JSON exports every
        /// product).
        #[arg(long, value_name = "NAME")]
        product: Option<String>,
        /// Write to this file instead of standard output (replaced atomically).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check the database's integrity, schema and backlog order without changing it.
    Check,
    /// Copy the database into its backups/ folder (or to --out), while the app runs or not.
    Backup {
        /// Write the copy to this file instead (replaced atomically).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the database with a backup or copy (the current file is backed up first).
    Restore {
        /// A Northstar database file, such as one from the backups/ folder.
        file: PathBuf,
    },
    /// Give tied or damaged backlog ranks new keys, keeping the order (backs up first).
    Repair,
    /// Import Kano questionnaire answers from a CSV file (respondent, item, functional,
    /// dysfunctional) into a product: all rows or, if any row has a problem, none.
    ImportKano {
        /// The CSV file.
        file: PathBuf,
        /// The product's name.
        #[arg(long, value_name = "NAME")]
        product: String,
        /// Only list what would be imported and every row's problems; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Import feedback as research notes from a CSV file (a support tool's or survey's export)
    /// or a folder of Markdown files: all rows or, if any row has a problem, none.
    ImportNotes {
        /// The CSV file, or the folder of .md files.
        source: PathBuf,
        /// The product's name.
        #[arg(long, value_name = "NAME")]
        product: String,
        /// Only print what would be imported and every row's problems; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Map a note's field to a CSV column (by its header, its number from 1, or none):
        /// title, body, date, source, type, participant, segment, company-size, tags.
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        maps: Vec<String>,
    },
    /// Search research notes and backlog items (best first, the matched words in [brackets]).
    Search {
        /// The words to look for (any text: it is never read as search syntax).
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// Only this product (its name); every product without it.
        #[arg(long, value_name = "NAME")]
        product: Option<String>,
        /// Print the hits as JSON (each with its snippet as segments).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Markdown,
    Html,
    /// The timeline as a PNG picture (needs --out).
    Png,
    /// The timeline as an SVG picture.
    Svg,
}

fn parse() -> Cli {
    let help = format!(
        "Log: {} (details of every error)",
        crate::logging::log_dir().display()
    );
    let matches = Cli::command().after_help(help).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
}

pub fn main() -> ExitCode {
    crate::logging::init();
    let cli = parse();
    let Some(command) = cli.command else {
        return crate::run_app(cli.db, Duration::from_millis(cli.idle_checkpoint_ms));
    };
    let path = cli.db.unwrap_or_else(|| default_database_path(&data_dir()));
    let result = match command {
        Command::Export {
            format: ExportFormat::Json,
            product: None,
            out,
        } => export(&path, out.as_deref()),
        Command::Export {
            format: ExportFormat::Json,
            product: Some(_),
            ..
        } => Err(
            "--product chooses the product of a roadmap export (--format markdown, html, png \
                  or svg); the JSON export holds every product"
                .into(),
        ),
        Command::Export {
            format:
                format @ (ExportFormat::Markdown
                | ExportFormat::Html
                | ExportFormat::Png
                | ExportFormat::Svg),
            product: Some(product),
            out,
        } => {
            let output = match format {
                ExportFormat::Html => RoadmapOutput::Roadmap(RoadmapFormat::Html),
                ExportFormat::Png => RoadmapOutput::Roadmap(RoadmapFormat::Png),
                ExportFormat::Svg => RoadmapOutput::Svg,
                _ => RoadmapOutput::Roadmap(RoadmapFormat::Markdown),
            };
            crate::cli_export::export_roadmap_text(&path, &product, output, out.as_deref())
        }
        Command::Export {
            format:
                ExportFormat::Markdown | ExportFormat::Html | ExportFormat::Png | ExportFormat::Svg,
            product: None,
            ..
        } => Err("a roadmap export needs the product: add --product NAME".into()),
        Command::Check => check(&path),
        Command::Backup { out } => backup(&path, out.as_deref()),
        Command::Restore { file } => restore(&path, &file),
        Command::Repair => repair(&path),
        Command::ImportKano {
            file,
            product,
            dry_run,
        } => crate::cli_kano::import_kano(&path, &file, &product, dry_run),
        Command::ImportNotes {
            source,
            product,
            dry_run,
            maps,
        } => crate::cli_feedback::import_notes(&path, &source, &product, dry_run, &maps),
        Command::Search {
            query,
            product,
            json,
        } => crate::cli_search::search_command(&path, &query, product.as_deref(), json),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("northstar: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The error in words; raw SQLite or OS text goes to the log.
pub(crate) fn describe(path: &Path, error: CoreError) -> String {
    match error {
        CoreError::File(problem) => format!("{}: {}", path.display(), problem.message),
        CoreError::NotFound {
            entity: "database file",
            ..
        } => format!("{}: no database file there", path.display()),
        CoreError::DiskFull => "the disk is full; nothing was written".into(),
        CoreError::Busy => format!(
            "{}: open in another Northstar window or process; close it there and try again",
            path.display()
        ),
        CoreError::Refused(reason) => reason,
        CoreError::Invalid { reason, .. } => reason,
        other => {
            tracing::error!("{}: {other}", path.display());
            format!(
                "{}: Northstar couldn’t read or write this file (details in the log: {})",
                path.display(),
                crate::logging::log_dir().display()
            )
        }
    }
}

/// A read-only command holds the file shared while it reads, so that an app starting meanwhile
/// waits instead of checkpointing under it; while an app holds the file, the read goes through
/// SQLite's locks beside the app's WAL instead. Bind the guard before the store, so that it is
/// dropped after the store's connections.
pub(crate) fn share_for_reading(path: &Path) -> Result<Option<SharedReadLock>, String> {
    SharedReadLock::try_acquire(path).map_err(|error| describe(path, error))
}

fn export(path: &Path, out: Option<&Path>) -> Result<ExitCode, String> {
    if let Some(out) = out {
        refuse_database_target(out, path).map_err(|error| describe(out, error))?;
    }
    let _reading = share_for_reading(path)?;
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
        Some(out) => {
            write_file(out, json.as_bytes()).map_err(|error| describe(out, error))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(path: &Path) -> Result<ExitCode, String> {
    let _reading = share_for_reading(path)?;
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
    let mut advice = Vec::new();
    if report.repairable > 0 {
        advice.push(
            "Run “northstar repair” to fix the order of the backlog and the boards (it backs the \
             file up first)."
                .to_string(),
        );
    }
    if report.findings.len() > report.repairable {
        advice.push(format!(
            "Repair can’t fix the other problems: restore a backup from {} with “northstar \
             restore FILE” (the current file is backed up first).",
            backups_folder(path).display()
        ));
    }
    Err(format!(
        "{}: problems found:\n{}\n{}",
        path.display(),
        findings.join("\n"),
        advice.join("\n")
    ))
}

fn backup(path: &Path, out: Option<&Path>) -> Result<ExitCode, String> {
    let _reading = share_for_reading(path)?;
    let store = Store::open_read_only(path).map_err(|error| describe(path, error))?;
    let written = match out {
        Some(out) => store
            .read(|connection| save_copy(connection, path, out))
            .map_err(|error| describe(out, error))?,
        None => store
            .back_up(BackupReason::Manual)
            .map_err(|error| describe(path, error))?,
    };
    println!("Backed up {} to {}", path.display(), written.display());
    Ok(ExitCode::SUCCESS)
}

fn summary_text(summary: &DatabaseSummary) -> String {
    let changed = summary
        .last_change_at
        .as_ref()
        .map(|at| format!(", last changed {}", describe_time(at)))
        .unwrap_or_default();
    format!(
        "{} product(s), {} item(s){changed}",
        summary.products, summary.items
    )
}

fn restore(path: &Path, file: &Path) -> Result<ExitCode, String> {
    let existed = path.exists();
    // Taking the lock creates an empty file where there was none.
    let lock = DatabaseLock::acquire(path).map_err(|error| describe(path, error))?;
    let restored = restore_database(path, file);
    if restored.is_err() && !existed {
        remove_if_empty(path);
    }
    drop(lock);
    let outcome = restored.map_err(|error| describe(file, error))?;
    println!(
        "Restored {} from {} ({}).",
        path.display(),
        file.display(),
        summary_text(&outcome.restored)
    );
    if let Some(replaced) = &outcome.replaced {
        println!("It replaced {}.", summary_text(replaced));
    }
    if let Some(backup) = &outcome.safety_backup {
        println!("The replaced file was backed up to {backup}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Removes the empty file a refused restore would otherwise leave where there was no database.
fn remove_if_empty(path: &Path) {
    if std::fs::metadata(path).is_ok_and(|metadata| metadata.len() == 0) {
        if let Err(error) = std::fs::remove_file(path) {
            tracing::warn!("could not remove the empty {}: {error}", path.display());
        }
    }
}

fn repair(path: &Path) -> Result<ExitCode, String> {
    // Only a good Northstar file is repaired; anything else is left exactly as it is.
    check_database_file(path).map_err(|error| describe(path, error))?;
    let _lock = DatabaseLock::acquire(path).map_err(|error| describe(path, error))?;
    let (store, _) = Store::open(path).map_err(|error| describe(path, error))?;
    let report = repair_store(&store).map_err(|error| describe(path, error))?;
    store.close().map_err(|error| describe(path, error))?;
    if report.repairs.is_empty() {
        println!("{}: nothing to repair.", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(backup) = &report.backup {
        println!("Backed up {} to {backup}", path.display());
    }
    println!("Repaired the rank of {} item(s):", report.repairs.len());
    for repair in &report.repairs {
        let place = match &repair.place {
            Some(place) => format!("{}, {place}", repair.product),
            None => repair.product.clone(),
        };
        println!(
            "  - “{}” ({place}): rank “{}” → “{}”",
            repair.title, repair.old_rank, repair.new_rank
        );
    }
    Ok(ExitCode::SUCCESS)
}
