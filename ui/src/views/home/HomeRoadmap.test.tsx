import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import { renderWithBackend } from "../../../test/render-app";
import type { AppStatus } from "../../api";
import { Workspace } from "../../shell/Workspace";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function openHome() {
  window.history.replaceState(null, "", "#/products/p-demo/home");
  return renderWithBackend(<Workspace status={status} />, { roadmap: true });
}

describe("the product home's roadmap snapshot", () => {
  it("shows each lane's count and first cards as Rust sent them, and says when no release or milestone is planned", async () => {
    openHome();
    const lanes = await screen.findByRole("list", { name: "Now, Next and Later" });
    const items = within(lanes).getAllByRole("listitem").filter((item) => item.parentElement === lanes);
    expect(items.map((item) => within(item).getByRole("button").textContent)).toEqual(["Now: 2 cards", "Next: 1 card", "Later: 1 card"]);
    expect(within(screen.getByRole("list", { name: "First in Now" })).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Bank sync",
      "Receipt capture",
    ]);
    expect(screen.getAllByText("None planned")).toHaveLength(2);
  });

  it("names the next release and milestone with their days, follows a change, and each goes to its view", async () => {
    const user = userEvent.setup();
    const { fake } = openHome();
    await screen.findByRole("list", { name: "Now, Next and Later" });
    fake.handle("create_release", {
      productId: "p-demo",
      fields: { name: "2.0", startsOn: "2027-03-01", endsOn: "2027-05-28", capacity: null, capacityUnit: null },
    });
    fake.handle("create_milestone", { productId: "p-demo", fields: { name: "Beta launch", fallsOn: "2027-04-12", releaseId: null } });
    const release = await screen.findByRole("button", { name: "2.0, 1 Mar – 28 May 2027" });
    expect(screen.getByRole("button", { name: "Beta launch, 12 Apr 2027" })).toBeInTheDocument();
    await user.click(release);
    await waitFor(() => expect(window.location.hash).toBe("#/products/p-demo/releases"));
  });
});
