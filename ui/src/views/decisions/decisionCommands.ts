//! A decision's own commands (its row menu and its keys while the row has the keyboard),
//! declared once like the backlog's row commands.
import type { Decision } from "../../api";
import type { AppCommand } from "../../commands/registry";
import { formatShortcut } from "../../commands/shortcut";

export type DecisionHandlers = {
  edit: (decision: Decision) => void;
  link: (decision: Decision) => void;
  delete: (decision: Decision) => void;
};

export function declareDecisionCommands(decision: Decision, handlers: DecisionHandlers): AppCommand[] {
  return [
    { id: "decision.edit", label: "Edit…", group: "Edit", shortcuts: [{ key: "Enter" }], isEnabled: true, run: () => handlers.edit(decision) },
    { id: "decision.link", label: "Link items…", group: "Edit", shortcuts: [{ key: "l" }], isEnabled: true, run: () => handlers.link(decision) },
    {
      id: "decision.delete",
      label: "Delete…",
      group: "Edit",
      shortcuts: [{ key: "Delete" }],
      isDanger: true,
      isEnabled: true,
      run: () => handlers.delete(decision),
    },
  ];
}

/** The row's keys in words, for its accessible description: "Enter: edit; L: link items; Del: delete." */
export function describeDecisionKeys(commands: readonly AppCommand[]): string {
  const parts = commands.flatMap((command) => {
    const shortcut = command.shortcuts?.[0];
    return shortcut ? [`${formatShortcut(shortcut)}: ${command.label.replace(/…$/, "").toLowerCase()}`] : [];
  });
  return `${parts.join("; ")}.`;
}
