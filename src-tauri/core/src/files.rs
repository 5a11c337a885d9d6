//! The one way Northstar writes a whole file (exports, backups, restores, "Save a copy…").
//!
//! Rules:
//! - The content goes to a scratch file with a unique name in the target's own folder, so the
//!   final rename never crosses file systems and two writers never share a scratch file.
//! - The scratch file is fsynced, renamed over the target in one step, and then the folder is
//!   fsynced, so after a crash or a power cut the target is either the old file or the new one.
//! - A file that is replaced keeps its permissions. A new file takes those of the file it is a
//!   copy of, when the caller names one (a backup of a private database stays private), else
//!   the usual ones for a new file: `0666` less the user's umask, as SQLite's own files get.
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

/// The permissions to copy onto the written file: the replaced file's, else `like`'s. `None`
/// keeps what the scratch file was created with.
fn kept_permissions(target: &Path, like: Option<&Path>) -> Option<Permissions> {
    std::fs::metadata(target)
        .or_else(|error| like.map_or(Err(error), std::fs::metadata))
        .ok()
        .map(|metadata| metadata.permissions())
}

/// A whole file written beside its target, synced, not yet in place: [`PendingFile::commit`]
/// renames it over the target; dropping it removes it.
pub struct PendingFile {
    scratch: tempfile::NamedTempFile,
    target: PathBuf,
    folder: PathBuf,
}

impl PendingFile {
    /// Where the content is until the commit (to inspect it first).
    pub fn path(&self) -> &Path {
        self.scratch.path()
    }

    /// Renames the file over the target in one step and makes that durable.
    pub fn commit(self) -> CoreResult<PathBuf> {
        let PendingFile {
            scratch,
            target,
            folder,
        } = self;
        scratch
            .persist(&target)
            .map_err(|error| CoreError::from(error.error))?;
        sync_folder(&folder)?;
        Ok(target)
    }
}

/// Writes the file that will replace `target`, with the permissions the module's rules give it
/// (`like`: the file it is a copy of). `fill` gets the scratch file's path and an open handle
/// to it (empty); it may write through the handle or through the path (SQLite's `VACUUM INTO`
/// does). Nothing is left behind when `fill` or any later step fails.
pub fn prepare_file(
    target: &Path,
    like: Option<&Path>,
    fill: impl FnOnce(&Path, &mut File) -> CoreResult<()>,
) -> CoreResult<PendingFile> {
    let (target, folder) = resolve_target(target)?;
    let prefix = format!(
        ".{}.",
        target
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".partial");
    #[cfg(unix)]
    {
        // Handed to open(2), which takes the umask off (tempfile's own default is 0600).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut scratch = builder.tempfile_in(&folder)?;
    let scratch_path = scratch.path().to_path_buf();
    fill(&scratch_path, scratch.as_file_mut())?;
    // Reopened, because `fill` may have written through the path with another handle.
    File::open(&scratch_path)?.sync_all()?;
    if let Some(permissions) = kept_permissions(&target, like) {
        std::fs::set_permissions(&scratch_path, permissions)?;
    }
    Ok(PendingFile {
        scratch,
        target,
        folder,
    })
}

/// Replaces `target` with a file that `fill` writes (see [`prepare_file`]).
pub fn replace_file(
    target: &Path,
    fill: impl FnOnce(&Path, &mut File) -> CoreResult<()>,
) -> CoreResult<PathBuf> {
    prepare_file(target, None, fill)?.commit()
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
    fn a_new_file_is_written_whole_with_the_permissions_of_any_new_file() {
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
            // What the user's umask makes of a new file, as any program creates it.
            let plain = dir.path().join("plain.txt");
            File::create(&plain).unwrap();
            let expected = std::fs::metadata(&plain).unwrap().permissions().mode();
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, expected & 0o777);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_copy_of_a_private_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("plan.db");
        std::fs::write(&original, b"data").unwrap();
        std::fs::set_permissions(&original, Permissions::from_mode(0o600)).unwrap();
        let copy = prepare_file(&dir.path().join("copy.db"), Some(&original), |_, file| {
            file.write_all(b"data")?;
            Ok(())
        })
        .unwrap()
        .commit()
        .unwrap();
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_pending_file_is_not_in_place_until_committed_and_gone_if_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.json");
        std::fs::write(&target, b"old").unwrap();
        let pending = prepare_file(&target, None, |_, file| {
            file.write_all(b"new")?;
            Ok(())
        })
        .unwrap();
        assert_eq!(std::fs::read(pending.path()).unwrap(), b"new");
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        drop(pending);
        assert_eq!(names_in(dir.path()), ["plan.json"]);
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
