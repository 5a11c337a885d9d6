//! The handlers of the "Back up now" and "Save a copy…" commands (declared in
//! `commands/appCommands.ts`): the view's buttons, the palette and the menus all run these.
import { useBackUpNow, useSaveDatabaseCopy } from "../../api";
import { announce } from "../../feedback/announcer";
import { backupMadeMessage, copySavedMessage } from "./backupWording";
import { setBackupNotice } from "./backupNotice";

/** Says what an action did: to screen readers, and in the Backups view when it is open. */
export function reportBackupAction(text: string) {
  announce(text);
  setBackupNotice(text);
}

export function useBackupCommands() {
  const backUp = useBackUpNow();
  const saveCopy = useSaveDatabaseCopy();
  return {
    backUpNow: () => {
      if (backUp.isPending) return;
      backUp.mutate(undefined, { onSuccess: (made) => reportBackupAction(backupMadeMessage(made)) });
    },
    /** The native dialog is open until this settles; a second one is not opened meanwhile. */
    saveDatabaseCopy: () => {
      if (saveCopy.isPending) return;
      saveCopy.mutate(undefined, {
        onSuccess: (path) => {
          // Cancelled in the dialog: nothing happened, so nothing is said.
          if (path !== null) reportBackupAction(copySavedMessage(path));
        },
      });
    },
  };
}
