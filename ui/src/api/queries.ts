//! Query and mutation hooks: one hook per query and one per user action.
//!
//! Rules: queries never retry (the backend is local: a failure won't fix itself in a second) and
//! never go stale by time: the data only changes through the backend, which says what changed
//! (`changes.ts`). A write returns the change it made; the hook applies it (refetching only what
//! it affects) before it resolves, so callers see fresh data in `onSuccess`, and the echo of the
//! same change through `data-changed` is skipped. Write errors go to the one toast path through the
//! `QueryClient`'s mutation cache; a query's error is shown in place by the view that shows its
//! data (with a retry), not as a toast.
import {
  MutationCache,
  QueryCache,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { showError } from "../feedback/toasts";
import { changeFeedOf } from "./changes";
import {
  backend,
  subscribeToDataChanged,
  type AppStatus,
  type BacklogItem,
  type HistoryState,
  type ItemPatch,
  type ItemStatus,
  type ItemSummary,
  type MoveTarget,
  type NewItem,
  type ProductPatch,
  type Saved,
} from "./client";
import { applyPendingMoves, pendingMovesOf, usePendingMoves } from "./pendingMoves";
import { flushPendingSaves, registerPendingSave } from "./pendingSaves";

export const queryKeys = {
  appStatus: ["appStatus"] as const,
  products: ["products"] as const,
  allItems: ["items"] as const,
  items: (productId: string) => ["items", productId] as const,
  item: (id: string) => ["item", id] as const,
  history: ["history"] as const,
};

/** Set on queries whose errors a view shows in place: they don't also raise a toast. */
const SHOWN_IN_PLACE = { errorShownInPlace: true } as const;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.meta?.errorShownInPlace !== true) showError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.errorShownInPlace !== true) showError(error);
      },
    }),
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

// ---- Queries -------------------------------------------------------------------------------

export function useAppStatus() {
  return useQuery({ queryKey: queryKeys.appStatus, queryFn: backend.getAppStatus, meta: SHOWN_IN_PLACE });
}

export function useProducts(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.products, queryFn: backend.listProducts, enabled, meta: SHOWN_IN_PLACE });
}

/**
 * The product's ranked backlog as row summaries: Rust's order, with the moves still on their way
 * applied (`pendingMoves.ts`), so the order shown never goes back while moves are queued.
 */
export function useItems(productId: string | null) {
  const pending = usePendingMoves(useQueryClient(), productId);
  const showPending = useCallback(
    (items: ItemSummary[]) => (pending.length === 0 ? items : applyPendingMoves(items, pending)),
    [pending],
  );
  return useQuery({
    queryKey: productId === null ? ["items", "none"] : queryKeys.items(productId),
    queryFn: () => (productId === null ? Promise.resolve([]) : backend.listItems(productId)),
    enabled: productId !== null,
    meta: SHOWN_IN_PLACE,
    select: showPending,
  });
}

/** One item with every field (the editor). */
export function useItem(id: string) {
  return useQuery({ queryKey: queryKeys.item(id), queryFn: () => backend.getItem(id), meta: SHOWN_IN_PLACE });
}

export function useHistory(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.history, queryFn: backend.getHistory, enabled });
}

/** Applies every change the backend reports (edits, undo/redo, imports, another window). */
export function useDataChangedRefresh() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const feed = changeFeedOf(queryClient);
    return subscribeToDataChanged((change) => void feed.apply(change));
  }, [queryClient]);
}

// ---- Mutations -----------------------------------------------------------------------------

/** Runs a write through the change feed: resolves once what it changed has been refetched. */
function useWrite() {
  const feed = changeFeedOf(useQueryClient());
  return async <T>(write: () => Promise<Saved<T>>): Promise<Saved<T>> => {
    const saved = await feed.track(write);
    await feed.apply(saved.change);
    return saved;
  };
}

export function useCreateProduct() {
  const write = useWrite();
  return useMutation({
    mutationFn: ({ name }: { name: string }) => write(() => backend.createProduct(name)),
  });
}

export function useUpdateProduct() {
  const write = useWrite();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ProductPatch }) => write(() => backend.updateProduct(id, patch)),
  });
}

export function useDeleteProduct() {
  const write = useWrite();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => write(() => backend.deleteProduct(id)),
  });
}

export function useSetOpenProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => backend.setOpenProduct(id),
    onSuccess: (_result, { id }) => {
      queryClient.setQueryData<AppStatus>(queryKeys.appStatus, (status) =>
        status ? { ...status, openProductId: id } : status,
      );
    },
  });
}

export function useCreateItem() {
  const write = useWrite();
  return useMutation({
    mutationFn: ({ input }: { input: NewItem }) => write(() => backend.createItem(input)),
  });
}

export function useUpdateItem() {
  const write = useWrite();
  return useMutation({
    mutationFn: ({ item, patch }: { item: BacklogItem; patch: ItemPatch }) =>
      write(() => backend.updateItem(item.id, patch)),
  });
}

/** Sets the status of a selection of items: one undo step ("Set status of 5 items to Shipped"). */
export function useSetItemsStatus() {
  const write = useWrite();
  return useMutation({
    mutationFn: ({ itemIds, status }: { itemIds: string[]; status: ItemStatus }) =>
      write(() => backend.setItemsStatus(itemIds, status)),
  });
}

export function useDeleteItem() {
  const write = useWrite();
  return useMutation({
    mutationFn: ({ item }: { item: Pick<ItemSummary, "id"> }) => write(() => backend.deleteItem(item.id)),
  });
}

export type MoveRequest = {
  item: ItemSummary;
  target: MoveTarget;
};

export type MoveResult = {
  /** False when the item was already there (Rust changed nothing). */
  moved: boolean;
  /** Its 1-based place in Rust's order after the move. */
  position: number | null;
  total: number;
};

/**
 * Moves an item: every list of the product shows the move at once (the order Rust will make,
 * `pendingMoves.ts`) and until Rust's order after it is in; if it fails, the lists show Rust's
 * order again (with the later moves still on their way). Moves run one after another (a quick
 * Alt+↑ Alt+↑ must reach Rust in order).
 */
export function useMoveItem() {
  const queryClient = useQueryClient();
  const write = useWrite();
  const { mutateAsync } = useMutation({
    scope: { id: "move-item" },
    mutationFn: async ({ item, target, shown }: MoveRequest & { shown: () => void }): Promise<MoveResult> => {
      let saved;
      try {
        saved = await write(() => backend.moveItem(item.id, target));
      } finally {
        // Rust's order after the move is in the cache now (or the move failed), and nothing has
        // rendered it yet: from now on the lists show Rust's order instead of the prediction.
        shown();
      }
      const order = queryClient.getQueryData<ItemSummary[]>(queryKeys.items(item.productId)) ?? [];
      const index = order.findIndex((candidate) => candidate.id === item.id);
      return { moved: saved.change !== null, position: index >= 0 ? index + 1 : null, total: order.length };
    },
    // Rust refused: read its order again, in case the refusal came from a change made elsewhere.
    onError: (_error, { item }) => queryClient.invalidateQueries({ queryKey: queryKeys.items(item.productId) }),
  });
  return useCallback(
    (request: MoveRequest): Promise<MoveResult> => {
      const shown = pendingMovesOf(queryClient).add(request.item.productId, { itemId: request.item.id, target: request.target });
      const settled = mutateAsync({ ...request, shown }).finally(shown);
      // An undo pressed while the move is on its way (or queued) must undo this move, not the
      // change before it: undo and redo wait for it like for a pending save.
      const unregister = registerPendingSave(() => settled.then(() => undefined));
      settled.then(unregister, unregister);
      return settled;
    },
    [queryClient, mutateAsync],
  );
}

/** Every undo and redo runs under this key, so what depends on the order it was shown (the
 * rationale prompt's question about the last move) can tell one is under way. */
export const HISTORY_STEP_KEY = ["history-step"] as const;

function useHistoryStep(step: () => Promise<Saved<HistoryState>>) {
  const queryClient = useQueryClient();
  const write = useWrite();
  return useMutation({
    mutationKey: HISTORY_STEP_KEY,
    mutationFn: async () => {
      // A field being saved (Home's blur-save) or a move on its way must reach Rust before the
      // undo does.
      await flushPendingSaves();
      return write(step);
    },
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.history, saved.value),
  });
}

export function useUndo() {
  return useHistoryStep(backend.undo);
}

export function useRedo() {
  return useHistoryStep(backend.redo);
}

function useDatabaseSwitch<TArgs>(open: (args: TArgs) => Promise<AppStatus>) {
  const queryClient = useQueryClient();
  const feed = changeFeedOf(queryClient);
  return useMutation({
    mutationFn: (args: TArgs) => feed.track(() => open(args)),
    onSuccess: async (status) => {
      queryClient.setQueryData(queryKeys.appStatus, status);
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== queryKeys.appStatus[0],
      });
    },
  });
}

export function useOpenDatabase() {
  return useDatabaseSwitch(({ path }: { path: string }) => backend.openDatabase(path));
}

export function useStartNewDatabase() {
  return useDatabaseSwitch(() => backend.startNewDatabase());
}
