import { useCallback, useEffect, useRef, useState } from "react";
import {
  useCreateProduct,
  useDeleteProduct,
  useHistory,
  useProducts,
  useRedo,
  useUndo,
  useUpdateProduct,
  type AppStatus,
  type Product,
} from "../api";
import { quitApp } from "../api/lifecycle";
import { ConfirmDialog, NameDialog } from "../components/Dialogs";
import { showError } from "../feedback/toasts";
import { LogoMark } from "../components/icons";
import { announce } from "../feedback/announcer";
import { quoteTitle } from "../lib/quote";
import { globalHistoryAction, globalShortcutsSheetKey, type HistoryAction } from "../lib/shortcuts";
import { BacklogView } from "../views/backlog/BacklogView";
import { HomeView } from "../views/home/HomeView";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { Sidebar, type View } from "./Sidebar";
import { Toolbar } from "./Toolbar";
import { useOpenProduct } from "./useOpenProduct";

type ProductDialog = { type: "create" } | { type: "rename"; product: Product } | { type: "delete"; product: Product } | null;

const VIEW_NAMES: Record<View, string> = { home: "Home", backlog: "Backlog" };

function isQuitKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "q";
}

/** The app once a database is open: sidebar, toolbar, the current view, product dialogs. */
export function Workspace({ status }: { status: AppStatus }) {
  const products = useProducts(true);
  const history = useHistory(true);
  const { openProduct, open } = useOpenProduct(status, products.data);
  const [view, setView] = useState<View>("home");
  const [productDialog, setProductDialog] = useState<ProductDialog>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  const createProduct = useCreateProduct();
  const renameProduct = useUpdateProduct();
  const deleteProduct = useDeleteProduct();
  const undo = useUndo();
  const redo = useRedo();

  const runHistory = useCallback(
    (action: HistoryAction) => {
      const state = history.data;
      if (undo.isPending || redo.isPending || !state) return;
      if (action === "undo" && state.canUndo) {
        undo.mutate(undefined, { onSuccess: () => announce(`Undid ${state.undoLabel ?? "the last change"}`) });
      } else if (action === "redo" && state.canRedo) {
        redo.mutate(undefined, { onSuccess: () => announce(`Redid ${state.redoLabel ?? "the change"}`) });
      }
    },
    [history.data, undo, redo],
  );

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere but in a text field (where they undo typing);
  // `?` opens the keyboard shortcuts sheet (but is typed in a text field).
  const runHistoryRef = useRef(runHistory);
  useEffect(() => {
    runHistoryRef.current = runHistory;
  }, [runHistory]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Ctrl+Q quits through Rust, the same path as closing the window.
      if (isQuitKey(event)) {
        event.preventDefault();
        quitApp().catch(showError);
        return;
      }
      if (globalShortcutsSheetKey(event)) {
        event.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      const action = globalHistoryAction(event);
      if (action === null) return;
      event.preventDefault();
      runHistoryRef.current(action);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const onNewProduct = useCallback(() => setProductDialog({ type: "create" }), []);
  const onRenameProduct = useCallback((product: Product) => setProductDialog({ type: "rename", product }), []);
  const onDeleteProduct = useCallback((product: Product) => setProductDialog({ type: "delete", product }), []);
  const closeDialog = () => setProductDialog(null);

  const submitNewProduct = (name: string) =>
    createProduct.mutate(
      { name },
      {
        onSuccess: (created) => {
          closeDialog();
          open(created.id);
          setView("home");
          announce(`Created ${quoteTitle(created.name)}`);
        },
      },
    );

  const submitRename = (product: Product, name: string) =>
    renameProduct.mutate(
      { id: product.id, patch: { name, vision: null, strategy: null, targetUsers: null, northStarMetric: null } },
      {
        onSuccess: (renamed) => {
          closeDialog();
          announce(`Renamed to ${quoteTitle(renamed.name)}`);
        },
      },
    );

  const confirmDeleteProduct = (product: Product) => {
    closeDialog();
    deleteProduct.mutate(
      { id: product.id },
      { onSuccess: () => announce(`${quoteTitle(product.name)} deleted. Press Ctrl+Z to undo.`) },
    );
  };

  let content;
  if (products.isPending) {
    content = <div className="loading" aria-busy="true" />;
  } else if (openProduct === null) {
    content = (
      <div className="empty-state empty-state-hero">
        <LogoMark width={40} height={40} />
        <h1>Create your first product</h1>
        <p>A product holds its vision, strategy and a ranked backlog. You can rename or delete it later.</p>
        <button type="button" className="button button-primary" onClick={onNewProduct}>
          Create product
        </button>
      </div>
    );
  } else if (view === "home") {
    content = (
      <HomeView
        key={openProduct.id}
        product={openProduct}
        statusOptions={status.statusOptions}
        onOpenBacklog={() => setView("backlog")}
      />
    );
  } else {
    content = <BacklogView key={openProduct.id} product={openProduct} statusOptions={status.statusOptions} />;
  }

  return (
    <div className="app-shell">
      <Sidebar
        products={products.data ?? []}
        openProductId={openProduct?.id ?? null}
        view={view}
        onOpenProduct={open}
        onNewProduct={onNewProduct}
        onRenameProduct={onRenameProduct}
        onDeleteProduct={onDeleteProduct}
        onView={setView}
      />
      <div className="main-column">
        <Toolbar
          productName={openProduct?.name ?? null}
          viewName={VIEW_NAMES[view]}
          history={history.data}
          onUndo={() => runHistory("undo")}
          onRedo={() => runHistory("redo")}
          onShowShortcuts={() => setShortcutsOpen(true)}
        />
        <main className="main">{content}</main>
      </div>

      <NameDialog
        isOpen={productDialog?.type === "create"}
        title="New product"
        description="Give it the name your team uses. You can change it later."
        initialName=""
        submitLabel="Create product"
        isSubmitting={createProduct.isPending}
        onSubmit={submitNewProduct}
        onCancel={closeDialog}
      />
      <NameDialog
        isOpen={productDialog?.type === "rename"}
        title="Rename product"
        initialName={productDialog?.type === "rename" ? productDialog.product.name : ""}
        submitLabel="Rename"
        isSubmitting={renameProduct.isPending}
        onSubmit={(name) => {
          if (productDialog?.type === "rename") submitRename(productDialog.product, name);
        }}
        onCancel={closeDialog}
      />
      <ConfirmDialog
        isOpen={productDialog?.type === "delete"}
        title={productDialog?.type === "delete" ? `Delete ${quoteTitle(productDialog.product.name)}?` : "Delete product?"}
        confirmLabel="Delete product"
        onCancel={closeDialog}
        onConfirm={() => {
          if (productDialog?.type === "delete") confirmDeleteProduct(productDialog.product);
        }}
      >
        <p>The product and its whole backlog are deleted. You can undo this with Ctrl+Z.</p>
      </ConfirmDialog>
      <ShortcutsDialog isOpen={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
