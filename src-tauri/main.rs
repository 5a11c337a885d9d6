// A double-clicked app has no console on Windows; the CLI face still prints when run from one.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    northstar_app::cli::main()
}
