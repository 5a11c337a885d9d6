import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS, type FakeOptions } from "../../test/fake-backend";
import { announcement, renderWithBackend } from "../../test/render-app";
import type { AppStatus } from "../api";
import { resetBacklogPrefsCache } from "../views/backlog/backlogPrefs";
import { Workspace } from "./Workspace";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function renderWorkspace(options: FakeOptions = {}) {
  return renderWithBackend(<Workspace status={status} />, options);
}

const views = () => screen.getByRole("navigation", { name: "Views" });

describe("Edit menu", () => {
  it("offers Undo/Redo (disabled when there is nothing), the shortcuts and the palette", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });

    await user.click(screen.getByRole("button", { name: "Edit" }));
    // Each item is named by what it shows: its label and its shortcut.
    const undo = await screen.findByRole("menuitem", { name: "Undo, Ctrl+Z" });
    expect(undo).toHaveAttribute("aria-disabled", "true");
    expect(undo).toHaveTextContent("Ctrl+Z");
    expect(screen.getByRole("menuitem", { name: "Redo, Ctrl+Shift+Z" })).toHaveTextContent("Ctrl+Shift+Z");
    expect(screen.getByRole("menuitem", { name: "Command palette, Ctrl+K" })).toHaveTextContent("Ctrl+K");

    await user.click(screen.getByRole("menuitem", { name: "Keyboard shortcuts, ?" }));
    expect(await screen.findByRole("dialog", { name: "Keyboard shortcuts" })).toBeInTheDocument();
  });

  it("names the change its Undo item undoes, and undoes it", async () => {
    const user = userEvent.setup();
    const { fake } = renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    // A change made elsewhere: the backend emits `data-changed`, so the history is refetched.
    act(() => void fake.handle("move_item", { id: "i-6", target: { to: "top" } }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Undo" })).toHaveAttribute("aria-disabled", "false"));

    await user.click(screen.getByRole("button", { name: "Edit" }));
    await user.click(await screen.findByRole("menuitem", { name: "Undo Move “Export to CSV” to top, Ctrl+Z" }));
    await waitFor(() => expect(announcement()).toBe("Undid Move “Export to CSV” to top"));
    expect(fake.titles()[0]).toBe("Bank sync");
  });

  it("keeps the focus on Undo when the last change was undone", async () => {
    const user = userEvent.setup();
    const { fake } = renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    act(() => void fake.handle("move_item", { id: "i-6", target: { to: "top" } }));
    const undo = screen.getByRole("button", { name: "Undo" });
    await waitFor(() => expect(undo).toHaveAttribute("aria-disabled", "false"));
    await user.click(undo);
    await waitFor(() => expect(undo).toHaveAttribute("aria-disabled", "true"));
    expect(undo).toHaveFocus();
  });
});

describe("keyboard shortcuts sheet", () => {
  it("opens with ? and lists every shortcut the registry and the lists declare", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });

    await user.keyboard("?");
    const sheet = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    for (const keys of [
      "Ctrl+Z",
      "Ctrl+Shift+Z",
      "Ctrl+Y",
      "Ctrl+K",
      "Alt+←",
      "Ctrl+2",
      "Alt+↑",
      "Alt+Shift+↑",
      "Alt+Home",
      "Enter",
      "Del",
      "Shift+F10",
      "Space",
      "Ctrl+Enter",
      "?",
    ]) {
      expect(within(sheet).getAllByText(keys, { selector: "kbd" }).length, keys).toBeGreaterThan(0);
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

describe("navigation", () => {
  it("routes each view, marks it in the sidebar, focuses its heading and says where we are", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    expect(window.location.hash).toBe("#/products/p-demo/home");

    await user.click(within(views()).getByRole("button", { name: "Backlog" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Backlog" });
    expect(window.location.hash).toBe("#/products/p-demo/backlog");
    expect(within(views()).getByRole("button", { name: "Backlog" })).toHaveAttribute("aria-current", "page");
    expect(within(views()).getByRole("button", { name: "Home" })).not.toHaveAttribute("aria-current");
    await waitFor(() => expect(heading).toHaveFocus());
    expect(announcement()).toBe("Backlog, Pocket Budget");
  });

  it("goes back and forward with Alt+← / Alt+→ and the mouse's side buttons", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    await user.click(within(views()).getByRole("button", { name: "Backlog" }));
    await screen.findByRole("heading", { level: 1, name: "Backlog" });

    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    expect(window.location.hash).toBe("#/products/p-demo/home");
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await screen.findByRole("heading", { level: 1, name: "Backlog" });

    fireEvent.mouseUp(window, { button: 3 });
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    fireEvent.mouseUp(window, { button: 4 });
    await screen.findByRole("heading", { level: 1, name: "Backlog" });
  });

  it("opens the route in the URL, and replaces a route to a product that is gone", async () => {
    window.history.replaceState(null, "", "#/products/p-gone/backlog");
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Backlog" });
    expect(window.location.hash).toBe("#/products/p-demo/backlog");
  });
});

describe("loading and empty states", () => {
  it("shows a failed product list in place with a retry, not the first-product invitation", async () => {
    const user = userEvent.setup();
    const message = "Northstar couldn’t read or save your data. Nothing was changed.";
    renderWorkspace({ failFirst: { list_products: { kind: "Storage", detail: { message } } } });
    const failure = await screen.findByRole("alert");
    expect(failure).toHaveTextContent("Your products couldn’t be loaded.");
    expect(failure).toHaveTextContent(message);
    expect(screen.queryByText("Create your first product")).toBeNull();
    await user.click(within(failure).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Pocket Budget" })).toBeInTheDocument();
  });

  it("invites to create the first product only when there really is none", async () => {
    renderWorkspace({ empty: true });
    expect(await screen.findByRole("heading", { level: 1, name: "Create your first product" })).toBeInTheDocument();
  });
});

describe("data safety", () => {
  it("saves a Home field being edited before Undo runs, so Undo undoes that edit", async () => {
    const user = userEvent.setup();
    const { fake } = renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    act(() => void fake.handle("move_item", { id: "i-6", target: { to: "top" } }));
    const undo = screen.getByRole("button", { name: "Undo" });
    await waitFor(() => expect(undo).toHaveAttribute("aria-disabled", "false"));

    const vision = screen.getByRole("textbox", { name: "Vision" });
    await user.clear(vision);
    await user.type(vision, "Calm money.");
    // Pressing Undo blurs the field, whose save is slow to reach Rust: the undo must wait for it.
    fake.delayNext("update_product", 80);
    await user.click(undo);

    await waitFor(() => expect(fake.calls.some((call) => call.command === "undo")).toBe(true));
    const order = fake.calls.map((call) => call.command).filter((command) => command === "update_product" || command === "undo");
    expect(order).toEqual(["update_product", "undo"]);
    await waitFor(() => expect(vision).toHaveValue("Everyone knows where their money goes, without spreadsheets."));
    expect(fake.titles()[0]).toBe("Export to CSV");
  });

  it("keeps a Home draft whose save failed when the view is left, and shows it on return", async () => {
    const user = userEvent.setup();
    const { fake } = renderWorkspace();
    const vision = await screen.findByRole("textbox", { name: "Vision" });
    fake.failNext("update_product", { kind: "DiskFull", detail: { message: "Your disk is full, so nothing was saved." } });
    await user.clear(vision);
    await user.type(vision, "Calm money.");
    await user.click(within(views()).getByRole("button", { name: "Backlog" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Your disk is full, so nothing was saved.");
    await screen.findByRole("heading", { level: 1, name: "Backlog" });

    await user.click(within(views()).getByRole("button", { name: "Home" }));
    expect(await screen.findByRole("textbox", { name: "Vision" })).toHaveValue("Calm money.");
    expect(screen.getByText("Unsaved changes")).toBeInTheDocument();
  });

  it("after deleting the open product, opens another and gives its heading the focus", async () => {
    const user = userEvent.setup();
    const { fake } = renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    act(() => void fake.handle("create_product", { name: "Atlas" }));
    const products = screen.getByRole("navigation", { name: "Products" });
    await user.click(await within(products).findByRole("button", { name: "Atlas" }));
    await screen.findByRole("heading", { level: 1, name: "Atlas" });

    await user.click(within(products).getByRole("button", { name: "Product actions for Atlas" }));
    await user.click(await screen.findByRole("menuitem", { name: "Delete Atlas…" }));
    const confirm = await screen.findByRole("alertdialog", { name: "Delete “Atlas”?" });
    await waitFor(() => expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus());
    await user.click(within(confirm).getByRole("button", { name: "Delete product" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    await waitFor(() => expect(heading).toHaveFocus());
  });
});

describe("command palette", () => {
  it("opens with Ctrl+K, finds a command by a fuzzy query and runs it with Enter", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    await user.keyboard("{Control>}k{/Control}");
    const palette = await screen.findByRole("dialog", { name: "Command palette" });
    const input = within(palette).getByRole("combobox");
    await waitFor(() => expect(input).toHaveFocus());
    await user.keyboard("gobcklg");
    const options = within(palette).getAllByRole("option");
    expect(options[0]).toHaveTextContent("Go to Backlog");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Command palette" })).toBeNull());
    expect(await screen.findByRole("heading", { level: 1, name: "Backlog" })).toBeInTheDocument();

    // Back home, the command used last comes first.
    await user.click(within(views()).getByRole("button", { name: "Home" }));
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    await user.keyboard("{Control>}k{/Control}");
    const again = await screen.findByRole("dialog", { name: "Command palette" });
    expect(within(again).getAllByRole("option")[0]).toHaveTextContent("Go to Backlog");
  });

  it("offers the backlog's own commands in the palette while the backlog is shown, and runs them", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    await user.keyboard("{Control>}k{/Control}");
    let palette = await screen.findByRole("dialog", { name: "Command palette" });
    await user.keyboard("sort the backlog by wsjf");
    expect(within(palette).queryByRole("option", { name: /Sort the backlog by WSJF score/ })).toBeNull();
    await user.keyboard("{Escape}");

    await user.click(within(views()).getByRole("button", { name: "Backlog" }));
    await screen.findByRole("heading", { level: 1, name: "Backlog" });
    await user.keyboard("{Control>}k{/Control}");
    palette = await screen.findByRole("dialog", { name: "Command palette" });
    await user.keyboard("sort the backlog by wsjf");
    expect(within(palette).getAllByRole("option")[0]).toHaveTextContent("Sort the backlog by WSJF score");
    await user.keyboard("{Enter}");
    expect(await screen.findByText("Sorted by WSJF score. Items move in manual rank order only.")).toBeInTheDocument();
    window.localStorage.clear();
    resetBacklogPrefsCache();
  });

  it("finds an item by its title and puts the keyboard on its row in the backlog", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("heading", { level: 1, name: "Pocket Budget" });
    await user.keyboard("{Control>}k{/Control}");
    const palette = await screen.findByRole("dialog", { name: "Command palette" });
    await user.type(within(palette).getByRole("combobox"), "receipt");
    await waitFor(() => expect(within(palette).getAllByRole("option")[0]).toHaveTextContent("Receipt capture"));
    await user.keyboard("{Enter}");
    const row = await screen.findByRole("row", { name: /^4\. Receipt capture/ });
    await waitFor(() => expect(row).toHaveFocus());
  });
});
