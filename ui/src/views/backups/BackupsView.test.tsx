import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS, type FakeOptions } from "../../../test/fake-backend";
import { announcement, renderWithBackend } from "../../../test/render-app";
import type { AppStatus } from "../../api";
import { formatDateTime } from "../../lib/format";
import { Workspace } from "../../shell/Workspace";

const status: AppStatus = {
  databasePath: "/home/po/.local/share/northstar/northstar.db",
  problem: null,
  openProductId: "p-demo",
  statusOptions: STATUS_OPTIONS,
  logFolder: "/home/po/.local/state/northstar/logs",
};

/** The fake's clock: its backups are made at and after this moment. */
const NOW = "2026-01-05T09:00:00.000Z";
const at = (days: number, minutes = 0) => formatDateTime(new Date(Date.parse(NOW) - days * 86_400_000 + minutes * 60_000).toISOString());

function openBackups(options: FakeOptions = {}) {
  window.history.replaceState(null, "", "#/backups");
  return renderWithBackend(<Workspace status={status} />, options);
}

/** Text shown in the view itself (the live region, outside `main`, says it too). */
const inView = (text: string | RegExp) => within(screen.getByRole("main")).queryByText(text);
const table = () => screen.getByRole("table", { name: "Backups, newest first" });
const rowOf = (when: string) => within(table()).getByRole("row", { name: new RegExp(`^${when}`) });

describe("the Backups view", () => {
  it("is a route under Database in the sidebar, reachable without any product", async () => {
    const user = userEvent.setup();
    renderWithBackend(<Workspace status={{ ...status, openProductId: null }} />, { empty: true });
    await screen.findByRole("heading", { level: 1, name: "Create your first product" });
    const entry = within(screen.getByRole("navigation", { name: "Database" })).getByRole("button", { name: "Backups" });
    await user.click(entry);
    const heading = await screen.findByRole("heading", { level: 1, name: "Backups" });
    expect(window.location.hash).toBe("#/backups");
    await waitFor(() => expect(heading).toHaveFocus());
    expect(entry).toHaveAttribute("aria-current", "page");
    expect(announcement()).toBe("Backups");
  });

  it("lists each backup newest first: when, why, what it holds, its size; and where the files are", async () => {
    openBackups({
      backups: [
        { reason: "automatic", daysAgo: 0 },
        { reason: "atExit", daysAgo: 1 },
        { reason: "manual", daysAgo: 2, unreadable: true },
      ],
    });
    await screen.findByRole("table", { name: "Backups, newest first" });
    const rows = within(table()).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getByRole("rowheader").textContent)).toEqual([at(0), at(1), at(2)]);
    expect(rowOf(at(0))).toHaveTextContent("Daily");
    expect(rowOf(at(0))).toHaveTextContent("1 product, 6 items");
    expect(rowOf(at(0))).toHaveTextContent(/\d+ KB/);
    expect(rowOf(at(1))).toHaveTextContent("When Northstar closed");
    expect(screen.getByText("/home/po/.local/share/northstar/northstar.db")).toBeInTheDocument();
    expect(screen.getByText("/home/po/.local/share/northstar/backups")).toBeInTheDocument();

    // A file that is named like a backup but can't be read says why, and can't be restored.
    const unreadable = rowOf(at(2));
    expect(unreadable).toHaveTextContent("Can’t be read: This file isn’t a Northstar database");
    expect(within(unreadable).queryByRole("button")).toBeNull();
    expect(within(rowOf(at(0))).getByRole("button", { name: `Restore the backup of ${at(0)}…` })).toBeVisible();
  });

  it("shows an empty state whose Back up now makes the first backup, and says so", async () => {
    const user = userEvent.setup();
    const { fake } = openBackups();
    const empty = await screen.findByRole("heading", { level: 2, name: "No backups yet" });
    expect(screen.queryByRole("table")).toBeNull();
    await user.click(within(empty.parentElement as HTMLElement).getByRole("button", { name: "Back up now" }));

    const made = `Backed up on ${at(0, 1)}: 1 product, 6 items.`;
    await waitFor(() => expect(announcement()).toBe(made));
    expect(inView(made)).toBeVisible();
    expect(rowOf(at(0, 1))).toHaveTextContent("Backed up by you");
    expect(fake.calls.filter((call) => call.command === "back_up_now")).toHaveLength(1);
  });

  it("shows a failed list in place with a retry, never as no backups", async () => {
    const user = userEvent.setup();
    const message = "Northstar couldn’t read or save your data. Nothing was changed.";
    openBackups({
      backups: [{ reason: "automatic", daysAgo: 0 }],
      failFirst: { list_backups: { kind: "Storage", detail: { message } } },
    });
    const failure = await screen.findByRole("alert");
    expect(failure).toHaveTextContent("The backups couldn’t be listed.");
    expect(failure).toHaveTextContent(message);
    expect(screen.queryByText("No backups yet")).toBeNull();
    await user.click(within(failure).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("table", { name: "Backups, newest first" })).toBeVisible();
  });

  it("asks before a restore, saying what is open now and what the backup holds; Cancel has the focus", async () => {
    const user = userEvent.setup();
    const { fake } = openBackups({ backups: [{ reason: "automatic", daysAgo: 1 }] });
    await screen.findByRole("table", { name: "Backups, newest first" });
    fake.handle("create_item", {
      input: { productId: "p-demo", title: "Made after the backup", description: null, status: null, kind: null },
    });

    await user.click(screen.getByRole("button", { name: `Restore the backup of ${at(1)}…` }));
    const dialog = await screen.findByRole("alertdialog", { name: `Restore the backup of ${at(1)}?` });
    await waitFor(() => expect(dialog).toHaveTextContent(`Open now1 product, 7 items, last changed ${at(0)}`));
    expect(dialog).toHaveTextContent(`The backup1 product, 6 items, backed up ${at(1)}`);
    expect(dialog).toHaveTextContent("Northstar backs up the database as it is now first");
    expect(dialog).toHaveTextContent("undo starts afresh");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();

    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(fake.calls.some((call) => call.command === "restore_backup")).toBe(false);
    expect(fake.titles()).toContain("Made after the backup");
  });

  it("restores: the data is the backup's, the history is empty, the replaced file is listed, and it says so", async () => {
    const user = userEvent.setup();
    const { fake } = openBackups({ backups: [{ reason: "automatic", daysAgo: 1 }] });
    await screen.findByRole("table", { name: "Backups, newest first" });
    fake.handle("create_item", {
      input: { productId: "p-demo", title: "Made after the backup", description: null, status: null, kind: null },
    });
    await waitFor(() => expect(screen.getByRole("button", { name: "Undo" })).toHaveAttribute("aria-disabled", "false"));

    await user.click(screen.getByRole("button", { name: `Restore the backup of ${at(1)}…` }));
    const dialog = await screen.findByRole("alertdialog");
    const confirm = within(dialog).getByRole("button", { name: "Restore backup" });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);

    const said = `Restored the backup of ${at(1)}: 1 product, 6 items. The database it replaced was backed up first.`;
    await waitFor(() => expect(announcement()).toBe(said));
    expect(inView(said)).toBeVisible();
    expect(fake.titles()).not.toContain("Made after the backup");
    expect(screen.getByRole("button", { name: "Undo" })).toHaveAttribute("aria-disabled", "true");
    const newest = within(table()).getAllByRole("row")[1] as HTMLElement;
    expect(newest).toHaveTextContent("Before a restore");
    expect(newest).toHaveTextContent("1 product, 7 items");
  });

  it("keeps Restore off until the backup has been read, and says why one can't be restored", async () => {
    const user = userEvent.setup();
    const { fake } = openBackups({ backups: [{ reason: "automatic", daysAgo: 1 }] });
    await screen.findByRole("table", { name: "Backups, newest first" });
    fake.failNext("preview_restore", {
      kind: "DatabaseUnavailable",
      detail: { message: "This Northstar database is damaged (the file is cut short). It was left untouched." },
    });
    await user.click(screen.getByRole("button", { name: `Restore the backup of ${at(1)}…` }));
    const dialog = await screen.findByRole("alertdialog");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "This backup can’t be restored. This Northstar database is damaged (the file is cut short).",
    );
    expect(within(dialog).getByRole("button", { name: "Restore backup" })).toBeDisabled();
  });

  it("Save a copy… says where the copy went; cancelling the dialog does nothing", async () => {
    const user = userEvent.setup();
    const { fake } = openBackups({ backups: [{ reason: "automatic", daysAgo: 0 }] });
    await screen.findByRole("table", { name: "Backups, newest first" });

    fake.chooseSavedCopyPath(null);
    await user.click(screen.getByRole("button", { name: "Save a copy…" }));
    await waitFor(() => expect(fake.calls.filter((call) => call.command === "save_database_copy")).toHaveLength(1));
    expect(announcement()).not.toMatch(/Saved a copy/);
    expect(inView(/Saved a copy/)).toBeNull();

    fake.chooseSavedCopyPath("/media/usb/plan.db");
    await user.click(screen.getByRole("button", { name: "Save a copy…" }));
    const said = "Saved a copy of the database to /media/usb/plan.db.";
    await waitFor(() => expect(announcement()).toBe(said));
    expect(inView(said)).toBeVisible();
  });
});
