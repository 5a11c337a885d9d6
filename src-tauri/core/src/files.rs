//! The one way Northstar writes a whole file (exports, backups, restores, "Save a copy…").
//!
//! Rules:
//! - The content goes to a scratch file with a unique name in the target's own folder, so the
//!   final rename never crosses file systems and two writers never share a scratch file.
//! - The scratch file is fsynced, renamed over the target in one step, and then the folder is
//!   fsynced, so after a crash or a power cut the target is either the old file or the new one.
//! - A file that is replaced keeps its permissions; a new one gets `0644` like SQLite's own files.
//! - The database and its `-wal`/`-shm`/`-journal` companions are never a target: writing over
//!   them would destroy the data the copy was made from.

use std::fs::{File, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{CoreError, CoreResult};

/// The files SQLite keeps beside a database while it is open or after a crash.
const COMPANION_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// `path` with `suffix` appended to its file name (`plan.db` → `plan.db-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// The target as an absolute path in a folder that exists.
fn resolve_target(target: &Path) -> CoreResult<(PathBuf, PathBuf)> {
    let target = std::path::absolute(target)?;
    let folder = target
        .parent()
        .filter(|folder| folder.is_dir())
        .ok_or_else(|| {
            CoreError::Refused(format!("{}: the folder does not exist", target.display()))
        })?
        .to_path_buf();
    if target.is_dir() {
        return Err(CoreError::Refused(format!(
            "{}: that is a folder, not a file",
            target.display()
        )));
    }
    Ok((target, folder))
}

/// Whether two paths name the same file: the same path after resolving links, or (for hard
/// links) the same inode.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |path: &Path| -> Option<PathBuf> {
        let path = std::path::absolute(path).ok()?;
        match path.canonicalize() {
            Ok(path) => Some(path),
            // A file that does not exist yet: resolve its folder.
            Err(_) => {
                let folder = path.parent()?.canonicalize().ok()?;
                Some(folder.join(path.file_name()?))
            }
        }
    };
    if canonical(a).is_some_and(|a| Some(a) == canonical(b)) {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// Refuses `target` when it is `database` or one of its companion files.
pub fn refuse_database_target(target: &Path, database: &Path) -> CoreResult<()> {
    let mut protected = vec![database.to_path_buf()];
    protected.extend(
        COMPANION_SUFFIXES
            .iter()
            .map(|suffix| with_suffix(database, suffix)),
    );
    if protected.iter().any(|file| same_file(target, file)) {
        return Err(CoreError::Refused(format!(
            "{}: that is the database itself (or one of its working files); choose another file",
            target.display()
        )));
    }
    Ok(())
}

/// The permissions the written file gets: the replaced file's, else `0644` (SQLite's default for
/// new databases). `None` leaves the scratch file's own (outside Unix).
fn permissions_for(target: &Path) -> Option<Permissions> {
    match std::fs::metadata(target) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => default_permissions(),
    }
}

#[cfg(unix)]
fn default_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<Permissions> {
    None
}

/// Replaces `target` with a file that `fill` writes. `fill` gets the scratch file's path and an
/// open handle to it (empty); it may write through the handle or through the path (SQLite's
/// `VACUUM INTO` does). Nothing is left behind when `fill` or any later step fails.
pub fn replace_file(
    target: &Path,
    fill: impl FnOnce(&Path, &mut File) -> CoreResult<()>,
) -> CoreResult<PathBuf> {
    let (target, folder) = resolve_target(target)?;
    let prefix = format!(
        ".{}.",
        target
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    let mut scratch = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".partial")
        .tempfile_in(&folder)?;
    let scratch_path = scratch.path().to_path_buf();
    fill(&scratch_path, scratch.as_file_mut())?;
    // Reopened, because `fill` may have written through the path with another handle.
    File::open(&scratch_path)?.sync_all()?;
    if let Some(permissions) = permissions_for(&target) {
        std::fs::set_permissions(&scratch_path, permissions)?;
    }
    scratch
        .persist(&target)
        .map_err(|error| CoreError::from(error.error))?;
    sync_folder(&folder)?;
    Ok(target)
}

/// Replaces `target` with `bytes`.
pub fn write_file(target: &Path, bytes: &[u8]) -> CoreResult<PathBuf> {
    replace_file(target, |_, file| {
        file.write_all(bytes)?;
        Ok(())
    })
}

/// Makes a rename or a removal in `folder` durable.
pub fn sync_folder(folder: &Path) -> CoreResult<()> {
    #[cfg(unix)]
    File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_file_is_written_whole_with_default_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("export.json");
        write_file(&target, b"{}\n").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"{}\n");
        assert_eq!(
            names_in(dir.path()),
            ["export.json"],
            "no scratch file left"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("private.json");
        std::fs::write(&target, b"old").unwrap();
        std::fs::set_permissions(&target, Permissions::from_mode(0o600)).unwrap();
        write_file(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_and_no_scratch() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.json");
        std::fs::write(&target, b"old").unwrap();
        let result = replace_file(&target, |_, file| {
            file.write_all(b"half")?;
            Err(CoreError::DiskFull)
        });
        assert!(matches!(result, Err(CoreError::DiskFull)));
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert_eq!(names_in(dir.path()), ["plan.json"]);
    }

    #[test]
    fn a_missing_folder_or_a_folder_target_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            write_file(&dir.path().join("no/such/x.json"), b"x"),
            Err(CoreError::Refused(_))
        ));
        assert!(matches!(
            write_file(dir.path(), b"x"),
            Err(CoreError::Refused(_))
        ));
    }

    /// `path` relative to `base` (both absolute), with as many `..` as needed.
    fn pathdiff_like(path: &Path, base: &Path) -> PathBuf {
        let ups = base.components().count() - 1;
        let mut relative: PathBuf = std::iter::repeat_n("..", ups).collect();
        relative.extend(path.components().skip(1));
        relative
    }

    #[test]
    fn the_database_and_its_companions_are_never_targets() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("plan.db");
        std::fs::write(&database, b"data").unwrap();
        for target in [
            database.clone(),
            dir.path().join("plan.db-wal"),
            dir.path().join("plan.db-shm"),
            dir.path().join("./plan.db"),
        ] {
            assert!(
                matches!(
                    refuse_database_target(&target, &database),
                    Err(CoreError::Refused(_))
                ),
                "{} was accepted",
                target.display()
            );
        }
        #[cfg(unix)]
        {
            let link = dir.path().join("link.db");
            std::os::unix::fs::symlink(&database, &link).unwrap();
            assert!(refuse_database_target(&link, &database).is_err());
            let hard = dir.path().join("hard.db");
            std::fs::hard_link(&database, &hard).unwrap();
            assert!(refuse_database_target(&hard, &database).is_err());
        }
        assert!(refuse_database_target(&dir.path().join("copy.db"), &database).is_ok());
        // A relative path to a working file that does not exist yet.
        let cwd = std::env::current_dir().unwrap();
        let relative = pathdiff_like(&dir.path().join("plan.db-wal"), &cwd);
        assert!(refuse_database_target(&relative, &database).is_err());
    }
}
