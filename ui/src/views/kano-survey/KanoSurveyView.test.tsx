import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS } from "../../../test/fake-backend";
import { recordedSurveyProduct } from "../../../test/fake-kano-commands";
import { renderWithBackend } from "../../../test/render-app";
import type { AppStatus } from "../../api";
import { Workspace } from "../../shell/Workspace";

// The contract's questionnaire product: every preview and result below is what Rust answered.
const productId = recordedSurveyProduct().products[0]?.id ?? "";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: productId,
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

function openSurvey() {
  window.history.replaceState(null, "", `#/products/${productId}/kano-survey`);
  return renderWithBackend(<Workspace status={status} />, { kanoSurvey: true });
}

const importButton = () => screen.getByRole("button", { name: /^Import \d+ answers$/ });

describe("the Kano survey view", () => {
  it("explains the expected file when there are no answers yet", async () => {
    openSurvey();
    await screen.findByRole("heading", { level: 2, name: "No questionnaire answers yet" });
    expect(screen.getByText(/respondent,item,functional,dysfunctional/)).toBeInTheDocument();
  });

  it("previews a file with problems: rows with problems first and highlighted, import unavailable with the reason", async () => {
    const user = userEvent.setup();
    const { fake } = openSurvey();
    await screen.findByRole("heading", { level: 2, name: "No questionnaire answers yet" });
    fake.chooseKanoFile("<questionnaires>/problems.csv");
    await user.click(screen.getByRole("button", { name: "Import answers…" }));
    await screen.findByRole("heading", { name: "Preview of problems.csv" });
    const table = screen.getByRole("table", { name: "Rows of problems.csv, rows with problems first" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("rowheader")[0]?.textContent)).toEqual(["3", "4", "5", "2"]);
    expect(within(rows[1] as HTMLElement).getByText("No item of this product is called “Search”.")).toBeInTheDocument();
    expect(importButton()).toHaveAttribute("aria-disabled", "true");
    expect(importButton()).toHaveAccessibleDescription(
      "3 rows have problems: fix them in the file, then choose the file again.",
    );
    await user.click(importButton());
    expect(fake.calls.some((call) => call.command === "import_kano_answers")).toBe(false);
  });

  it("shows a refused file's reason in place", async () => {
    const user = userEvent.setup();
    const { fake } = openSurvey();
    await screen.findByRole("heading", { level: 2, name: "No questionnaire answers yet" });
    fake.chooseKanoFile("<questionnaires>/latin1.csv");
    await user.click(screen.getByRole("button", { name: "Import answers…" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The file is not UTF-8 text on line 2: save it from your spreadsheet as “CSV UTF-8”.",
    );
  });

  it("imports a clean file, then shows results, the scatter, and sets an item's Kano to its mode", async () => {
    const user = userEvent.setup();
    const { fake } = openSurvey();
    await screen.findByRole("heading", { level: 2, name: "No questionnaire answers yet" });
    fake.chooseKanoFile("<questionnaires>/clean.csv");
    await user.click(screen.getByRole("button", { name: "Import answers…" }));
    await screen.findByRole("heading", { name: "Preview of clean.csv" });
    expect(importButton()).not.toHaveAttribute("aria-disabled", "true");
    await user.click(importButton());

    const results = await screen.findByRole("table", { name: "Kano results per item, in backlog order" });
    const offline = within(results).getByRole("row", { name: /^Offline mode/ });
    expect(within(offline).getByText("0.50")).toBeInTheDocument();
    expect(within(offline).getByText("−0.75")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Offline mode: Better 0.50, Worse −0.75" })).toHaveAttribute("tabindex", "0");
    expect(screen.getByRole("img", { name: "Dark mode: Better 0.75, Worse −0.25" })).toBeInTheDocument();
    expect(screen.getByText(/clean\.csv/, { selector: "strong" })).toBeInTheDocument();

    const set = within(offline).getByRole("button", { name: "Set Kano to Must-be for Offline mode" });
    await user.click(set);
    const blocked = await within(results).findByText("Its Kano category is already Must-be.");
    const button = within(results).getByRole("button", { name: "Set Kano to Must-be for Offline mode" });
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAccessibleDescription(blocked.textContent ?? "");
    expect(within(within(results).getByRole("row", { name: /^Offline mode/ })).getByText("Must-be", { selector: "td:not([class*=mode])" })).toBeInTheDocument();
  });
});
