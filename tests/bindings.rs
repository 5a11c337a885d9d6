//! Exports `ui/src/bindings.ts` from the command list, and fails when the file it found was out
//! of date (the fresh export is written, ready to commit), so the UI can never drift from the
//! Rust commands. `make test` also compares the result with the committed file.

use std::path::Path;

#[test]
fn typescript_bindings_are_exported_and_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    northstar_app::export_bindings(&path).unwrap();
    let bindings = std::fs::read_to_string(&path).unwrap();
    for expected in ["moveItem", "undo", "AppError", "dataChanged", "MoveTarget"] {
        assert!(bindings.contains(expected), "bindings lack {expected}");
    }
    assert!(
        before == bindings,
        "ui/src/bindings.ts was out of date; the fresh export has been written: commit it"
    );
}
