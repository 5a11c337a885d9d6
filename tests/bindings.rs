//! Exports `ui/src/bindings.ts` from the command list. `make test` then fails when the committed
//! file differs from this fresh export, so the UI can never drift from the Rust commands.

use std::path::Path;

#[test]
fn typescript_bindings_are_exported() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    northstar_app::export_bindings(&path).unwrap();
    let bindings = std::fs::read_to_string(&path).unwrap();
    for expected in ["moveItem", "undo", "AppError", "dataChanged", "MoveTarget"] {
        assert!(bindings.contains(expected), "bindings lack {expected}");
    }
}
