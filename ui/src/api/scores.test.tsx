import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { withFakeBackend } from "../../test/render-app";
import { backend } from "./client";
import { useItems } from "./queries";
import { useScoringScales, useSetScoreInputs } from "./scores";

describe("score hooks", () => {
  it("offer the scales Rust describes", async () => {
    const { wrapper } = withFakeBackend({ itemCount: 3 });
    const { result } = renderHook(() => useScoringScales(), { wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    const moscow = result.current.data?.inputs.find((spec) => spec.input === "moscow");
    expect(moscow?.scale).toEqual({
      type: "choices",
      choices: [
        { value: "must", label: "Must" },
        { value: "should", label: "Should" },
        { value: "could", label: "Could" },
        { value: "wont", label: "Won't" },
      ],
    });
  });

  it("set inputs on many items in one undoable step, and the list shows them once it resolves", async () => {
    const { wrapper } = withFakeBackend({ itemCount: 3 });
    const { result } = renderHook(() => ({ items: useItems("p-demo"), set: useSetScoreInputs() }), { wrapper });
    await waitFor(() => expect(result.current.items.data).toHaveLength(3));
    const ids = (result.current.items.data ?? []).slice(0, 2).map((item) => item.id);
    await act(() => result.current.set.mutateAsync({ itemIds: ids, changes: [{ input: "moscow", value: "must" }] }));
    expect(result.current.items.data?.map((item) => item.scores.moscow)).toEqual(["must", "must", null]);
    await expect(backend.getHistory()).resolves.toMatchObject({ undoLabel: "Set MoSCoW of 2 items to Must" });
  });
});
