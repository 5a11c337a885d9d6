import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import { announcement, renderWithBackend } from "../../../test/render-app";
import type { AppStatus } from "../../api";
import { Workspace } from "../../shell/Workspace";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function open(view: string) {
  window.history.replaceState(null, "", `#/products/p-demo/${view}`);
  return renderWithBackend(<Workspace status={status} />);
}

describe("the Export roadmap menu", () => {
  it("offers HTML, Markdown and the timeline as PNG, and asks Rust for the chosen format", async () => {
    const user = userEvent.setup();
    const { fake } = open("timeline");
    await user.click(await screen.findByRole("button", { name: "Export roadmap" }));
    const items = await screen.findAllByRole("menuitem");
    expect(items.map((item) => item.textContent?.trim())).toEqual(["Export roadmap as HTML…", "Export roadmap as Markdown…", "Export timeline as PNG…"]);
    await user.click(screen.getByRole("menuitem", { name: "Export timeline as PNG…" }));
    await waitFor(() => expect(announcement()).toBe("Exported the timeline of Pocket Budget to /home/po/Documents/Pocket Budget roadmap.png"));
    const exports = fake.calls.filter((entry) => entry.command === "export_roadmap");
    expect(exports.map((entry) => entry.args)).toEqual([{ productId: "p-demo", format: "png" }]);
  });

  it("is on the Now / Next / Later board and not on the MoSCoW board", async () => {
    const user = userEvent.setup();
    const { fake, unmount } = open("roadmap");
    await user.click(await screen.findByRole("button", { name: "Export roadmap" }));
    await user.click(await screen.findByRole("menuitem", { name: "Export roadmap as Markdown…" }));
    await waitFor(() => expect(fake.calls.filter((entry) => entry.command === "export_roadmap").map((entry) => entry.args)).toEqual([{ productId: "p-demo", format: "markdown" }]));
    unmount();
    open("moscow");
    expect(await screen.findByRole("heading", { level: 1, name: "MoSCoW board" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Export roadmap" })).not.toBeInTheDocument();
  });
});
