import { useEffect, useRef } from "react";
import { commandForKey, isDialogOpen, type AppCommand } from "./registry";

/**
 * Runs the registry's commands from the keyboard, anywhere in the window (see `commandForKey` for
 * where keys are left alone), and the mouse's back and forward buttons (4 and 5).
 */
export function useGlobalShortcuts(commands: readonly AppCommand[]) {
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  }, [commands]);

  useEffect(() => {
    const run = (id: string) => {
      const command = latest.current.find((candidate) => candidate.id === id);
      if (command?.isEnabled) command.run();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandForKey(latest.current, event);
      if (command === null) return;
      event.preventDefault();
      if (command.isEnabled) command.run();
    };
    // Buttons 3 and 4 (the 4th and 5th) are back and forward; preventing the default keeps the
    // webview from navigating on its own.
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== 3 && event.button !== 4) return;
      event.preventDefault();
      // Leaving the view would close the dialog and lose what it holds (the editor's edits).
      if (isDialogOpen()) return;
      run(event.button === 3 ? "go.back" : "go.forward");
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("mouseup", onMouseUp);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("mouseup", onMouseUp);
    };
  }, []);
}
