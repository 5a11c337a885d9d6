import { describe, expect, it, vi } from "vitest";
import { declareBacklogCommands, type BacklogCommandHandlers } from "./backlogCommands";

const labels = { rice: "RICE", ice: "ICE", wsjf: "WSJF", kano: "Kano", matrix: "Value/effort", moscow: "MoSCoW" };

function handlers(): BacklogCommandHandlers {
  return {
    setOrder: vi.fn(),
    setShown: vi.fn(),
    setSelectionCategory: vi.fn(),
    setSelectionStatus: vi.fn(),
    selectAll: vi.fn(),
    clearSelection: vi.fn(),
  };
}

describe("declareBacklogCommands", () => {
  it("offers every other order and runs it", () => {
    const actions = handlers();
    const commands = declareBacklogCommands({ order: "manual", shown: "rice", labels, selectedCount: 0, canSelect: true }, actions);
    const sorts = commands.filter((command) => command.id.startsWith("backlog.sort."));
    expect(sorts.map((command) => [command.label, command.isEnabled])).toEqual([
      ["Sort the backlog by manual rank", false],
      ["Sort the backlog by RICE score", true],
      ["Sort the backlog by ICE score", true],
      ["Sort the backlog by WSJF score", true],
    ]);
    sorts[2]?.run();
    expect(actions.setOrder).toHaveBeenCalledWith("ice");
  });

  it("enables the selection's edits only when rows are selected, and names how many", () => {
    const actions = handlers();
    const none = declareBacklogCommands({ order: "rice", shown: "kano", labels, selectedCount: 0, canSelect: true }, actions);
    expect(none.filter((command) => command.id.startsWith("backlog.selection.") && command.isEnabled).map((command) => command.id)).toEqual([
      "backlog.selection.all",
    ]);
    const three = declareBacklogCommands({ order: "rice", shown: "kano", labels, selectedCount: 3, canSelect: true }, actions);
    const moscow = three.find((command) => command.id === "backlog.selection.moscow");
    expect(moscow).toMatchObject({ label: "Set MoSCoW of the 3 selected items…", isEnabled: true });
    moscow?.run();
    expect(actions.setSelectionCategory).toHaveBeenCalledWith("moscow");
    expect(three.find((command) => command.id === "backlog.selection.status")?.label).toBe("Set the status of the 3 selected items…");
  });
});
