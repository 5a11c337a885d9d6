//! The roadmap plan: goals with their key results, themes, releases with their load against
//! capacity, milestones, and an item's goal, theme and release. Progress, load, shares and every
//! sentence about them come from Rust; the rules of `queries.ts` apply (no retries, errors of
//! queries shown in place, errors of actions as toasts unless a form shows them in place).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { changeFeedOf } from "./changes";
import {
  backend,
  type GoalFields,
  type KeyResultFields,
  type MilestoneFields,
  type PlanLink,
  type ReleaseFields,
  type Saved,
  type ThemeFields,
} from "./client";

export const planKeys = {
  /** Every plan query (refetched on any change to the plan's tables, items or products). */
  all: ["plan"] as const,
  goals: (productId: string) => ["plan", "goals", productId] as const,
  themes: (productId: string) => ["plan", "themes", productId] as const,
  releases: (productId: string) => ["plan", "releases", productId] as const,
  release: (id: string) => ["plan", "release", id] as const,
  milestones: (productId: string) => ["plan", "milestones", productId] as const,
  itemPlan: (itemId: string) => ["plan", "item", itemId] as const,
};

const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

export function useGoals(productId: string) {
  return useQuery({ queryKey: planKeys.goals(productId), queryFn: () => backend.listGoals(productId), meta: SHOWN_IN_PLACE });
}

export function useThemes(productId: string) {
  return useQuery({ queryKey: planKeys.themes(productId), queryFn: () => backend.listThemes(productId), meta: SHOWN_IN_PLACE });
}

/** The product's releases in date order, each with Rust's load against its capacity. */
export function useReleases(productId: string) {
  return useQuery({ queryKey: planKeys.releases(productId), queryFn: () => backend.listReleases(productId), meta: SHOWN_IN_PLACE });
}

/** A release with its items in backlog order. */
export function useRelease(id: string) {
  return useQuery({ queryKey: planKeys.release(id), queryFn: () => backend.getRelease(id), meta: SHOWN_IN_PLACE });
}

export function useMilestones(productId: string) {
  return useQuery({ queryKey: planKeys.milestones(productId), queryFn: () => backend.listMilestones(productId), meta: SHOWN_IN_PLACE });
}

export function useItemPlan(itemId: string) {
  return useQuery({ queryKey: planKeys.itemPlan(itemId), queryFn: () => backend.getItemPlan(itemId), meta: SHOWN_IN_PLACE });
}

/** A write through the change feed, resolving once what it changed has been read again. */
function usePlanWrite<A, T>(send: (args: A) => Promise<Saved<T>>, errorShownInPlace: boolean) {
  const feed = changeFeedOf(useQueryClient());
  return useMutation({
    meta: errorShownInPlace ? SHOWN_IN_PLACE : undefined,
    mutationFn: async (args: A) => {
      const saved = await feed.track(() => send(args));
      await feed.apply(saved.change);
      return saved;
    },
  });
}

type InPlace = { errorShownInPlace?: boolean };
type Create<F> = { productId: string; fields: F };
type Update<F> = { id: string; fields: F };

export const useCreateGoal = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(({ productId, fields }: Create<GoalFields>) => backend.createGoal(productId, fields), errorShownInPlace);
export const useUpdateGoal = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(({ id, fields }: Update<GoalFields>) => backend.updateGoal(id, fields), errorShownInPlace);
export const useDeleteGoal = () => usePlanWrite(({ id }: { id: string }) => backend.deleteGoal(id), false);

export const useCreateKeyResult = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(
    ({ goalId, fields }: { goalId: string; fields: KeyResultFields }) => backend.createKeyResult(goalId, fields),
    errorShownInPlace,
  );
export const useUpdateKeyResult = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(({ id, fields }: Update<KeyResultFields>) => backend.updateKeyResult(id, fields), errorShownInPlace);
export const useDeleteKeyResult = () => usePlanWrite(({ id }: { id: string }) => backend.deleteKeyResult(id), false);

export const useCreateTheme = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(({ productId, fields }: Create<ThemeFields>) => backend.createTheme(productId, fields), errorShownInPlace);
export const useUpdateTheme = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(({ id, fields }: Update<ThemeFields>) => backend.updateTheme(id, fields), errorShownInPlace);
export const useDeleteTheme = () => usePlanWrite(({ id }: { id: string }) => backend.deleteTheme(id), false);

export const useCreateRelease = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(({ productId, fields }: Create<ReleaseFields>) => backend.createRelease(productId, fields), errorShownInPlace);
export const useUpdateRelease = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(({ id, fields }: Update<ReleaseFields>) => backend.updateRelease(id, fields), errorShownInPlace);
export const useDeleteRelease = () => usePlanWrite(({ id }: { id: string }) => backend.deleteRelease(id), false);

export const useCreateMilestone = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(
    ({ productId, fields }: Create<MilestoneFields>) => backend.createMilestone(productId, fields),
    errorShownInPlace,
  );
export const useUpdateMilestone = ({ errorShownInPlace = false }: InPlace = {}) =>
  usePlanWrite(({ id, fields }: Update<MilestoneFields>) => backend.updateMilestone(id, fields), errorShownInPlace);
export const useDeleteMilestone = () => usePlanWrite(({ id }: { id: string }) => backend.deleteMilestone(id), false);

/** Sets (or with null clears) an item's goal, theme or release: one undo step. */
export const useSetItemPlanLink = () =>
  usePlanWrite(
    ({ itemId, link, targetId }: { itemId: string; link: PlanLink; targetId: string | null }) =>
      backend.setItemPlanLink(itemId, link, targetId),
    false,
  );
