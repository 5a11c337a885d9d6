//! Query and mutation hooks: one hook per user action.
//!
//! Rules: queries never retry (the backend is local: a failure won't fix itself in a second);
//! every mutation invalidates the queries it affects and stays pending until they have been
//! fetched again, so callers see fresh data in `onSuccess`; errors go to the one toast path via
//! the `QueryClient`'s caches (see `createQueryClient`). The `dataChanged` event invalidates
//! everything (undo/redo, imports, another window).
import {
  MutationCache,
  QueryCache,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from "@tanstack/react-query";
import { useEffect } from "react";
import { showError } from "../feedback/toasts";
import {
  backend,
  subscribeToDataChanged,
  type AppStatus,
  type BacklogItem,
  type HistoryState,
  type ItemPatch,
  type MoveTarget,
  type NewItem,
  type ProductPatch,
} from "./client";

export const queryKeys = {
  appStatus: ["appStatus"] as const,
  products: ["products"] as const,
  allItems: ["items"] as const,
  items: (productId: string) => ["items", productId] as const,
  history: ["history"] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => showError(error) }),
    mutationCache: new MutationCache({ onError: (error) => showError(error) }),
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

// ---- Queries -------------------------------------------------------------------------------

export function useAppStatus() {
  return useQuery({ queryKey: queryKeys.appStatus, queryFn: backend.getAppStatus });
}

export function useProducts(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.products, queryFn: backend.listProducts, enabled });
}

export function useItems(productId: string | null) {
  return useQuery({
    queryKey: productId === null ? ["items", "none"] : queryKeys.items(productId),
    queryFn: () => (productId === null ? Promise.resolve([]) : backend.listItems(productId)),
    enabled: productId !== null,
  });
}

export function useHistory(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.history, queryFn: backend.getHistory, enabled });
}

/** Refetches every query whenever the backend says the data changed. */
export function useDataChangedRefresh() {
  const queryClient = useQueryClient();
  useEffect(() => subscribeToDataChanged(() => void queryClient.invalidateQueries()), [queryClient]);
}

// ---- Mutations -----------------------------------------------------------------------------

function useInvalidate() {
  const queryClient = useQueryClient();
  return (keys: readonly QueryKey[] | "all") =>
    keys === "all"
      ? queryClient.invalidateQueries()
      : Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateProduct() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ name }: { name: string }) => backend.createProduct(name),
    onSettled: () => invalidate([queryKeys.products, queryKeys.history]),
  });
}

export function useUpdateProduct() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ProductPatch }) => backend.updateProduct(id, patch),
    onSettled: () => invalidate([queryKeys.products, queryKeys.history]),
  });
}

export function useDeleteProduct() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => backend.deleteProduct(id),
    onSettled: () => invalidate([queryKeys.products, queryKeys.allItems, queryKeys.history, queryKeys.appStatus]),
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
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ input }: { input: NewItem }) => backend.createItem(input),
    onSettled: (_item, _error, { input }) => invalidate([queryKeys.items(input.productId), queryKeys.history]),
  });
}

export function useUpdateItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ item, patch }: { item: BacklogItem; patch: ItemPatch }) => backend.updateItem(item.id, patch),
    onSettled: (_item, _error, { item }) => invalidate([queryKeys.items(item.productId), queryKeys.history]),
  });
}

export function useDeleteItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ item }: { item: BacklogItem }) => backend.deleteItem(item.id),
    onSettled: (_result, _error, { item }) => invalidate([queryKeys.items(item.productId), queryKeys.history]),
  });
}

export function useMoveItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ item, target }: { item: BacklogItem; target: MoveTarget }) => backend.moveItem(item.id, target),
    onSettled: (_moved, _error, { item }) => invalidate([queryKeys.items(item.productId), queryKeys.history]),
  });
}

function useHistoryStep(step: () => Promise<HistoryState>) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: step,
    onSuccess: (history) => queryClient.setQueryData(queryKeys.history, history),
    // Undo can touch anything (a product, an item, the open product): refetch it all.
    onSettled: () => invalidate("all"),
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
  return useMutation({
    mutationFn: open,
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
