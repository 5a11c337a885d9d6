import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { announcement, renderWithBackend } from "../../../test/render-app";
import { useEffect, useState } from "react";
import { useUndo, type Decision, type Outscoring } from "../../api";
import { announce } from "../../feedback/announcer";
import { resetBacklogPrefsCache, setBacklogPrefs } from "../backlog/backlogPrefs";
import { RationalePrompt } from "./RationalePrompt";
import { askWhyAfterMove, dismissRationalePrompt, promptFramework, questionFrom } from "./rationalePrompt";

type Fake = ReturnType<typeof renderWithBackend>["fake"];

/** The contract session's product: Alpha, Beta, Gamma scored 100, 800 and 400 in RICE. */
function scoredProduct(fake: Fake) {
  const product = (fake.handle("create_product", { name: "Decisions" }) as { value: { id: string } }).value.id;
  const ids = ["Alpha", "Beta", "Gamma"].map(
    (title) =>
      (fake.handle("create_item", { input: { productId: product, title, description: null, status: null, kind: null } }) as {
        value: { id: string; rank: string };
      }).value,
  );
  [100, 800, 400].forEach((reach, index) =>
    fake.handle("set_score_inputs", {
      itemIds: [ids[index]?.id],
      changes: [
        { input: "riceReach", value: reach },
        { input: "riceImpact", value: 1 },
        { input: "riceConfidence", value: 100 },
        { input: "riceEffort", value: 1 },
      ],
    }),
  );
  return { product, alpha: ids[0] as { id: string; rank: string }, beta: ids[1] as { id: string; rank: string }, gamma: ids[2] as { id: string; rank: string } };
}

/** Sets the product the workspace shows (the prompt closes on another one). */
let showProduct: (id: string | null) => void = () => {};

/** The prompt as the workspace renders it, on the product `showProduct` set, with an Undo. */
function WorkspacePrompt() {
  const [productId, setProductId] = useState<string | null>(null);
  useEffect(() => {
    showProduct = setProductId;
  }, []);
  const undo = useUndo();
  return (
    <>
      <button type="button" onClick={() => undo.mutate()}>
        Undo
      </button>
      <RationalePrompt productId={productId} />
    </>
  );
}

afterEach(() => {
  dismissRationalePrompt();
  window.localStorage.clear();
  resetBacklogPrefsCache();
});

describe("questionFrom", () => {
  const answer = (items: Outscoring["items"], question: string | null): Outscoring => ({
    itemId: "i-3",
    itemTitle: "Gamma",
    framework: "rice",
    frameworkLabel: "RICE",
    score: { value: 400, breakdown: "400 × 1 × 100 % / 1 = 400" },
    items,
    question,
    decision: question ? "Rank “Gamma” above “Beta”" : null,
  });

  it("opens Rust's question, linking the moved item and the items that outscore it", () => {
    const beta = { id: "i-2", title: "Beta", score: { value: 800, breakdown: "800 × 1 × 100 % / 1 = 800" } };
    expect(questionFrom("p-1", answer([beta], "“Gamma” now sits above “Beta”, which scores higher in RICE. Why?"))).toEqual({
      productId: "p-1",
      question: "“Gamma” now sits above “Beta”, which scores higher in RICE. Why?",
      decision: "Rank “Gamma” above “Beta”",
      itemIds: ["i-3", "i-2"],
    });
  });

  it("asks nothing when nothing outscores the item", () => {
    expect(questionFrom("p-1", answer([], null))).toBeNull();
  });
});

describe("promptFramework", () => {
  it("compares by the framework the backlog shows, only when it orders items", () => {
    expect(promptFramework("p-1")).toBe("rice");
    setBacklogPrefs("p-1", { shown: "wsjf" });
    expect(promptFramework("p-1")).toBe("wsjf");
    setBacklogPrefs("p-1", { shown: "kano" });
    expect(promptFramework("p-1")).toBeNull();
  });
});

describe("the rationale prompt", () => {
  async function movedAboveHigherScored() {
    const view = renderWithBackend(
      <>
        <button type="button">the moved row</button>
        <WorkspacePrompt />
      </>,
      { empty: true },
    );
    const { product, gamma, beta, alpha } = scoredProduct(view.fake);
    act(() => showProduct(product));
    view.fake.handle("move_item", { id: gamma.id, target: { to: "top" } });
    screen.getByRole("button", { name: "the moved row" }).focus();
    announce("“Gamma” moved to position 1 of 3");
    await act(() => askWhyAfterMove({ productId: product, itemId: gamma.id, list: { list: "backlog" }, previousKey: gamma.rank }));
    return { ...view, product, gamma, beta, alpha };
  }

  it("opens beside the work after a move above higher-scored items, says so, and leaves the focus where it was", async () => {
    await movedAboveHigherScored();
    const prompt = await screen.findByRole("region", { name: "“Gamma” now sits above “Beta”, which scores higher in RICE. Why?" });
    expect(screen.getByRole("button", { name: "the moved row" })).toHaveFocus();
    expect(announcement()).toBe(
      "“Gamma” moved to position 1 of 3. “Gamma” now sits above “Beta”, which scores higher in RICE. Why? Press Alt+W to answer, or go on: it can be skipped.",
    );
    expect(within(prompt).getByRole("textbox", { name: "Rationale" })).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("records the answer as one decision linked to the moved item and the ones that outscore it", async () => {
    const user = userEvent.setup();
    const { fake, product } = await movedAboveHigherScored();
    const input = await screen.findByRole("textbox", { name: "Rationale" });
    await user.click(input);
    await user.type(input, "The launch partner needs it first{Enter}");
    await waitFor(() => expect(screen.queryByRole("region")).not.toBeInTheDocument());
    const [decision] = fake.handle("list_decisions", { productId: product, itemId: null }) as Decision[];
    expect(decision?.decision).toBe("Rank “Gamma” above “Beta”");
    expect(decision?.rationale).toBe("The launch partner needs it first");
    expect(decision?.items.map((item) => item.title)).toEqual(["Gamma", "Beta"]);
    expect(announcement()).toBe("Recorded the decision Rank “Gamma” above “Beta” in the decision log.");
  });

  it("is skipped with Escape or Skip, recording nothing", async () => {
    const user = userEvent.setup();
    const { fake, product } = await movedAboveHigherScored();
    await user.click(await screen.findByRole("textbox", { name: "Rationale" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    expect(announcement()).toBe("Skipped: no decision recorded.");
    expect(fake.handle("list_decisions", { productId: product, itemId: null })).toEqual([]);
  });

  it("shows Rust's refusal of an empty answer in place", async () => {
    const user = userEvent.setup();
    await movedAboveHigherScored();
    const prompt = await screen.findByRole("region");
    await user.click(within(prompt).getByRole("button", { name: "Record" }));
    expect(await within(prompt).findByRole("alert")).toHaveTextContent("Give the decision a rationale: why was it taken?");
    await user.click(within(prompt).getByRole("button", { name: "Skip" }));
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
  });

  it("asks nothing after a move down, or when the backlog shows Kano", async () => {
    const view = renderWithBackend(<WorkspacePrompt />, { empty: true });
    const { product, alpha, gamma } = scoredProduct(view.fake);
    act(() => showProduct(product));
    view.fake.handle("move_item", { id: alpha.id, target: { to: "bottom" } });
    await act(() => askWhyAfterMove({ productId: product, itemId: alpha.id, list: { list: "backlog" }, previousKey: alpha.rank }));
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    setBacklogPrefs(product, { shown: "kano" });
    view.fake.handle("move_item", { id: gamma.id, target: { to: "top" } });
    await act(() => askWhyAfterMove({ productId: product, itemId: gamma.id, list: { list: "backlog" }, previousKey: gamma.rank }));
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
    expect(view.fake.calls.filter((call) => call.command === "list_outscoring_items")).toHaveLength(1);
  });

  it("closes when the move is undone: the order it asked about is gone", async () => {
    const user = userEvent.setup();
    const { fake, product } = await movedAboveHigherScored();
    await screen.findByRole("region");
    await user.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(screen.queryByRole("region")).not.toBeInTheDocument());
    expect(fake.handle("list_decisions", { productId: product, itemId: null })).toEqual([]);
  });

  it("closes when the workspace shows another product or the database", async () => {
    await movedAboveHigherScored();
    await screen.findByRole("region");
    act(() => showProduct(null));
    await waitFor(() => expect(screen.queryByRole("region")).not.toBeInTheDocument());
  });

  it("stays open, with what was typed, after a move of another item that raises no question", async () => {
    const user = userEvent.setup();
    const { fake, product, alpha } = await movedAboveHigherScored();
    const input = await screen.findByRole("textbox", { name: "Rationale" });
    await user.type(input, "Partner deal");
    fake.handle("move_item", { id: alpha.id, target: { to: "bottom" } });
    await act(() => askWhyAfterMove({ productId: product, itemId: alpha.id, list: { list: "backlog" }, previousKey: alpha.rank }));
    expect(screen.getByRole("textbox", { name: "Rationale" })).toHaveValue("Partner deal");
  });

  it("closes when the item it asked about moves again without raising a question", async () => {
    const { fake, product, gamma } = await movedAboveHigherScored();
    await screen.findByRole("region");
    const moved = fake.handle("move_item", { id: gamma.id, target: { to: "bottom" } }) as { value: { rank: string } };
    expect(moved.value.rank).toBeTruthy();
    const atTop = (fake.handle("list_items", { productId: product }) as { id: string; rank: string }[])[0];
    await act(() =>
      askWhyAfterMove({ productId: product, itemId: gamma.id, list: { list: "backlog" }, previousKey: atTop?.rank ?? null }),
    );
    expect(screen.queryByRole("region")).not.toBeInTheDocument();
  });
});
