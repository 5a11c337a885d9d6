import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import { announcement, renderWithBackend } from "../../../test/render-app";
import type { AppStatus, BacklogItem } from "../../api";
import { Workspace } from "../../shell/Workspace";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function openBaselines() {
  window.history.replaceState(null, "", "#/products/p-demo/baselines");
  return renderWithBackend(<Workspace status={status} />);
}

type Fake = ReturnType<typeof openBaselines>["fake"];

const toLane = (fake: Fake, itemId: string, column: string) =>
  fake.handle("move_card", { itemId, board: "horizon", column, target: { to: "bottom" } });

describe("the Baselines view", () => {
  it("saves a baseline, shows Rust's refusal of a blank name, and compares it with today", async () => {
    const user = userEvent.setup();
    const { fake } = openBaselines();
    const [first] = fake.handle("list_items", { productId: "p-demo" }) as BacklogItem[];
    if (!first) throw new Error("the demo has items");
    toLane(fake, first.id, "now");
    expect(await screen.findByRole("heading", { name: "No baselines yet" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Save baseline…" }));
    const dialog = await screen.findByRole("dialog", { name: "Save baseline" });
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    await user.type(name, "   ");
    await user.click(within(dialog).getByRole("button", { name: "Save baseline" }));
    await waitFor(() => expect(name).toHaveAccessibleDescription("Give the baseline a name, e.g. “Q2 planning”."));
    await user.clear(name);
    await user.type(name, "Q2 planning");
    await user.click(within(dialog).getByRole("button", { name: "Save baseline" }));
    const list = await screen.findByRole("list", { name: "Baselines" });
    expect(await within(list).findByText("Q2 planning")).toBeInTheDocument();

    toLane(fake, first.id, "next");
    await user.click(screen.getByRole("button", { name: "Compare with “Q2 planning”" }));
    expect(await screen.findByRole("heading", { name: "Compared with “Q2 planning”" })).toBeInTheDocument();
    expect(screen.getByText("1 change since “Q2 planning”.")).toBeInTheDocument();
    const moved = screen.getByRole("region", { name: "Moved between lanes: 1" });
    expect(within(moved).getByText(first.title)).toBeInTheDocument();
    expect(within(moved).getByText("Now → Next")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Added to the roadmap: 0" })).toBeInTheDocument();
  });

  it("renames and deletes a baseline", async () => {
    const user = userEvent.setup();
    const { fake } = openBaselines();
    fake.handle("save_baseline", { productId: "p-demo", name: "Q2" });
    await user.click(await screen.findByRole("button", { name: "Rename baseline “Q2”" }));
    const dialog = await screen.findByRole("dialog", { name: "Rename baseline" });
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    await user.clear(name);
    await user.type(name, "Q2 planning");
    await user.click(within(dialog).getByRole("button", { name: "Rename" }));
    await user.click(await screen.findByRole("button", { name: "Delete baseline “Q2 planning”" }));
    expect(await screen.findByRole("heading", { name: "No baselines yet" })).toBeInTheDocument();
  });

  it("exports the roadmap through Rust's save dialog and says where the file went", async () => {
    const user = userEvent.setup();
    const { fake } = openBaselines();
    await user.click(await screen.findByRole("button", { name: "Export roadmap" }));
    await user.click(await screen.findByRole("menuitem", { name: "Export roadmap as HTML…" }));
    await waitFor(() => expect(announcement()).toBe("Exported the roadmap of Pocket Budget to /home/po/Documents/Pocket Budget roadmap.html"));
    const call = fake.calls.find((entry) => entry.command === "export_roadmap");
    expect(call?.args).toEqual({ productId: "p-demo", format: "html" });
  });
});
