//! The backlog's own commands, contributed to the registry while it is shown: its orders, the
//! framework its columns show, and the edits of the selection (Ctrl+K finds them all).
import type { AppCommand } from "../../commands/registry";
import type { BacklogOrder, ShownFramework } from "./backlogPrefs";

export type BacklogCommandState = {
  order: BacklogOrder;
  shown: ShownFramework;
  /** Labels from Rust's scales: "RICE", "Kano", "Value/effort". */
  labels: Record<ShownFramework | "moscow", string>;
  selectedCount: number;
  canSelect: boolean;
};

export type BacklogCommandHandlers = {
  setOrder: (order: BacklogOrder) => void;
  setShown: (shown: ShownFramework) => void;
  setSelectionCategory: (input: "moscow" | "kano") => void;
  setSelectionStatus: () => void;
  selectAll: () => void;
  clearSelection: () => void;
};

const ORDERS: readonly Exclude<BacklogOrder, "manual">[] = ["rice", "ice", "wsjf"];
const SHOWN: readonly ShownFramework[] = ["rice", "ice", "wsjf", "kano", "matrix"];

export function declareBacklogCommands(state: BacklogCommandState, handlers: BacklogCommandHandlers): AppCommand[] {
  const selection = state.selectedCount === 1 ? "the selected item" : `the ${state.selectedCount} selected items`;
  return [
    {
      id: "backlog.sort.manual",
      label: "Sort the backlog by manual rank",
      group: "Backlog",
      keywords: ["order", "rank", "priority"],
      isEnabled: state.order !== "manual",
      run: () => handlers.setOrder("manual"),
    },
    ...ORDERS.map(
      (order): AppCommand => ({
        id: `backlog.sort.${order}`,
        label: `Sort the backlog by ${state.labels[order]} score`,
        group: "Backlog",
        keywords: ["order", "score", "rank"],
        isEnabled: state.order !== order,
        run: () => handlers.setOrder(order),
      }),
    ),
    ...SHOWN.map(
      (shown): AppCommand => ({
        id: `backlog.show.${shown}`,
        label: `Show ${state.labels[shown]} in the backlog's columns`,
        group: "Backlog",
        keywords: ["column", "framework", "score"],
        isEnabled: state.shown !== shown,
        run: () => handlers.setShown(shown),
      }),
    ),
    {
      id: "backlog.selection.moscow",
      label: `Set ${state.labels.moscow} of ${selection}…`,
      group: "Backlog",
      keywords: ["bulk", "selection", "bucket", "must", "should", "could"],
      isEnabled: state.selectedCount > 0,
      run: () => handlers.setSelectionCategory("moscow"),
    },
    {
      id: "backlog.selection.kano",
      label: `Set ${state.labels.kano} category of ${selection}…`,
      group: "Backlog",
      keywords: ["bulk", "selection", "category"],
      isEnabled: state.selectedCount > 0,
      run: () => handlers.setSelectionCategory("kano"),
    },
    {
      id: "backlog.selection.status",
      label: `Set the status of ${selection}…`,
      group: "Backlog",
      keywords: ["bulk", "selection", "done", "shipped", "ready"],
      isEnabled: state.selectedCount > 0,
      run: handlers.setSelectionStatus,
    },
    {
      id: "backlog.selection.all",
      label: "Select every item shown in the backlog",
      group: "Backlog",
      keywords: ["bulk", "selection", "all"],
      isEnabled: state.canSelect,
      run: handlers.selectAll,
    },
    {
      id: "backlog.selection.clear",
      label: "Clear the backlog's selection",
      group: "Backlog",
      keywords: ["bulk", "selection", "deselect"],
      isEnabled: state.selectedCount > 0,
      run: handlers.clearSelection,
    },
  ];
}
