import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../test/fake-backend";
import { renderWithBackend } from "../../test/render-app";
import type { AppStatus } from "../api";
import { Workspace } from "./Workspace";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function renderWorkspace() {
  return renderWithBackend(<Workspace status={status} />);
}

describe("Edit menu", () => {
  it("offers Undo/Redo (disabled when there is nothing) and the keyboard shortcuts", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });

    await user.click(screen.getByRole("button", { name: "Edit" }));
    const undo = await screen.findByRole("menuitem", { name: "Undo" });
    expect(undo).toHaveAttribute("aria-disabled", "true");
    expect(undo).toHaveTextContent("Ctrl+Z");
    const redo = screen.getByRole("menuitem", { name: "Redo" });
    expect(redo).toHaveAttribute("aria-disabled", "true");
    expect(redo).toHaveTextContent("Ctrl+Shift+Z");

    await user.click(screen.getByRole("menuitem", { name: "Keyboard shortcuts" }));
    expect(await screen.findByRole("dialog", { name: "Keyboard shortcuts" })).toBeInTheDocument();
  });

  it("names the change its Undo item undoes, and undoes it", async () => {
    const user = userEvent.setup();
    const { fake } = renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    // A change through the backend: it emits `data-changed`, so the history is refetched.
    act(() => void fake.handle("move_item", { id: "i-6", target: { to: "top" } }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Undo" })).toBeEnabled());

    await user.click(screen.getByRole("button", { name: "Edit" }));
    const undo = await screen.findByRole("menuitem", { name: "Undo Move “Export to CSV” to top" });
    expect(undo).not.toHaveAttribute("aria-disabled");
    await user.click(undo);

    await waitFor(() => expect(fake.calls.some((call) => call.command === "undo")).toBe(true));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Undid Move “Export to CSV” to top"));
    expect(fake.titles()[0]).toBe("Bank sync");
  });
});

describe("keyboard shortcuts sheet", () => {
  it("opens with ? and lists every shortcut", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });

    await user.keyboard("?");
    const sheet = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    for (const keys of [
      "Ctrl+Z",
      "Ctrl+Shift+Z",
      "Ctrl+Y",
      "Alt+↑ / Alt+↓",
      "Alt+Shift+↑ / Alt+Shift+↓",
      "Alt+Home / Alt+End",
      "Enter",
      "Delete",
      "↑ / ↓",
      "?",
    ]) {
      expect(within(sheet).getByText(keys, { selector: "kbd" })).toBeInTheDocument();
    }

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Keyboard shortcuts" })).toBeNull());
  });

  it("leaves ? to text fields", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    const vision = await screen.findByRole("textbox", { name: "Vision" });
    await user.click(vision);
    await user.keyboard("?");
    expect(vision).toHaveValue("Everyone knows where their money goes, without spreadsheets.?");
    expect(screen.queryByRole("dialog", { name: "Keyboard shortcuts" })).toBeNull();
  });
});
