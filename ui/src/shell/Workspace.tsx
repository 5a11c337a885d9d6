import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  useCreateProduct,
  useDeleteProduct,
  useHistory,
  useProducts,
  useRedo,
  useStartNewDatabase,
  useUndo,
  useUpdateProduct,
  type AppStatus,
  type ItemSummary,
  type Product,
} from "../api";
import { quitApp } from "../api/lifecycle";
import { CAN_UNDO, declareAppCommands, PRESS_UNDO, type AppCommandHandlers } from "../commands/appCommands";
import { CommandPalette } from "../commands/palette/CommandPalette";
import { requestNote } from "../views/research/noteRequests";
import { CommandsContext, ContributeCommandsContext, type AppCommand } from "../commands/registry";
import { useGlobalShortcuts } from "../commands/useGlobalShortcuts";
import { ConfirmDialog, NameDialog } from "../components/Dialogs";
import { LogoMark } from "../components/icons";
import { LoadError, useLoadFailure } from "../components/LoadError";
import { announce } from "../feedback/announcer";
import { showError } from "../feedback/toasts";
import { quoteTitle } from "../lib/quote";
import { setThemePreference, useThemePreference } from "../theme/theme";
import { useBackupCommands } from "../views/backups/useBackupCommands";
import { RationalePrompt } from "../views/decisions/RationalePrompt";
import { DATABASE_VIEWS, databaseViewById, VIEWS } from "../views/viewTable";
import { requestFocus } from "./focusRequests";
import { OpenDatabaseDialog } from "./OpenDatabaseDialog";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { Sidebar } from "./Sidebar";
import { Toolbar } from "./Toolbar";
import { useFocusRescue } from "./useFocusRescue";
import { useWorkspaceRoute } from "./useWorkspaceRoute";
import { cx } from "../lib/classNames";
import styles from "./Workspace.module.css";

type Overlay =
  | { type: "createProduct" }
  | { type: "renameProduct"; product: Product }
  | { type: "deleteProduct"; product: Product }
  | { type: "shortcuts" }
  | { type: "palette" }
  | { type: "openDatabase" }
  | null;

const VIEW_ENTRIES = VIEWS.map(({ id, label }) => ({ id, label }));
const DATABASE_VIEW_ENTRIES = DATABASE_VIEWS.map(({ id, label, keywords }) => ({ id, label, keywords }));

/** The app once a database is open: sidebar, toolbar, the routed view, the commands and dialogs. */
export function Workspace({ status }: { status: AppStatus }) {
  const products = useProducts(true);
  const productsFailure = useLoadFailure(products);
  const history = useHistory(true);
  const { navigation, product, view, databaseView, resolved } = useWorkspaceRoute(status, products.data);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [theme] = useThemePreference();

  const createProduct = useCreateProduct();
  const renameProduct = useUpdateProduct();
  const deleteProduct = useDeleteProduct();
  const undo = useUndo();
  const redo = useRedo();
  const startNewDatabase = useStartNewDatabase();
  const backupCommands = useBackupCommands();
  useFocusRescue();

  const { navigate } = navigation;
  const goToView = useCallback(
    (viewId: string) => {
      if (databaseViewById(viewId)) navigate({ productId: null, view: viewId });
      else if (product) navigate({ productId: product.id, view: viewId });
    },
    [product, navigate],
  );
  const openProduct = useCallback((id: string) => navigate({ productId: id, view: view?.id ?? "home" }), [navigate, view]);

  const runHistory = useCallback(
    (step: "undo" | "redo") => {
      const state = history.data;
      if (undo.isPending || redo.isPending || !state) return;
      // Named from Rust's answer: what was undone is what can now be redone (and the other way
      // round), which may be a change still on its way when the key was pressed.
      if (step === "undo" && state.canUndo) {
        undo.mutate(undefined, { onSuccess: ({ value }) => announce(`Undid ${value.redoLabel ?? "the last change"}`) });
      } else if (step === "redo" && state.canRedo) {
        redo.mutate(undefined, { onSuccess: ({ value }) => announce(`Redid ${value.undoLabel ?? "the change"}`) });
      }
    },
    [history.data, undo, redo],
  );

  const productHandlers = useMemo(
    () => ({
      renameProduct: (target: Product) => setOverlay({ type: "renameProduct", product: target }),
      deleteProduct: (target: Product) => setOverlay({ type: "deleteProduct", product: target }),
    }),
    [],
  );

  const handlers: AppCommandHandlers = {
    undo: () => runHistory("undo"),
    redo: () => runHistory("redo"),
    goBack: navigation.goBack,
    goForward: navigation.goForward,
    goToView,
    openProduct,
    newProduct: () => setOverlay({ type: "createProduct" }),
    ...productHandlers,
    addItem: () => {
      requestFocus({ kind: "newItemTitle" });
      goToView("backlog");
    },
    setTheme: (preference) => {
      setThemePreference(preference);
      announce(`Theme: ${preference === "system" ? "as the system" : preference}`);
    },
    openDatabase: () => setOverlay({ type: "openDatabase" }),
    startNewDatabase: () =>
      startNewDatabase.mutate(undefined, { onSuccess: (next) => announce(`Started a new database: ${next.databasePath}`) }),
    ...backupCommands,
    showShortcuts: () => setOverlay({ type: "shortcuts" }),
    openPalette: () => setOverlay({ type: "palette" }),
    quit: () => void quitApp().catch(showError),
  };
  const declared = declareAppCommands(
    {
      history: history.data,
      products: products.data ?? [],
      openProduct: product,
      views: VIEW_ENTRIES,
      databaseViews: DATABASE_VIEW_ENTRIES,
      currentView: databaseView?.id ?? view?.id ?? "",
      canGoBack: navigation.canGoBack,
      canGoForward: navigation.canGoForward,
      theme,
    },
    handlers,
  );
  // The shown view's own commands (the backlog's sorts and selection edits) come after the app's.
  const [contributed, setContributed] = useState<ReadonlyMap<string, readonly AppCommand[]>>(new Map());
  const contributeCommands = useCallback((owner: string, viewCommands: readonly AppCommand[] | null) => {
    setContributed((current) => {
      const next = new Map(current);
      if (viewCommands === null) next.delete(owner);
      else next.set(owner, viewCommands);
      return next;
    });
  }, []);
  const commands = [...declared, ...[...contributed.values()].flat()];
  useGlobalShortcuts(commands);

  // Arriving in another view: focus its heading and say where we are (not on the first load).
  const routeKey = resolved ? `${resolved.productId ?? ""}/${resolved.view}` : null;
  const previousRoute = useRef<string | null>(null);
  useEffect(() => {
    if (routeKey === null) return;
    const first = previousRoute.current === null;
    const changed = previousRoute.current !== routeKey;
    previousRoute.current = routeKey;
    if (first || !changed) return;
    document.querySelector<HTMLElement>("main h1")?.focus({ preventScroll: true });
    if (databaseView) announce(databaseView.label);
    else if (product && view) announce(`${view.label}, ${product.name}`);
  }, [routeKey, product, view, databaseView]);

  const closeOverlay = () => setOverlay(null);
  const onOpenItem = useCallback(
    (item: ItemSummary) => {
      requestFocus({ kind: "item", itemId: item.id });
      goToView("backlog");
    },
    [goToView],
  );

  const onOpenNote = useCallback(
    (noteId: string) => {
      requestNote(noteId);
      goToView("research");
    },
    [goToView],
  );

  const submitNewProduct = (name: string) =>
    createProduct.mutate(
      { name },
      {
        onSuccess: ({ value: created }) => {
          closeOverlay();
          navigate({ productId: created.id, view: "home" });
          announce(`Created ${quoteTitle(created.name)}`);
        },
      },
    );

  const submitRename = (target: Product, name: string) =>
    renameProduct.mutate(
      { id: target.id, patch: { name, vision: null, strategy: null, targetUsers: null, northStarMetric: null } },
      {
        onSuccess: ({ value: renamed }) => {
          closeOverlay();
          announce(`Renamed to ${quoteTitle(renamed.name)}`);
        },
      },
    );

  const confirmDeleteProduct = (target: Product) => {
    closeOverlay();
    deleteProduct.mutate(
      { id: target.id },
      { onSuccess: () => announce(`${quoteTitle(target.name)} deleted. ${PRESS_UNDO}`) },
    );
  };

  let content;
  if (databaseView) {
    // The database's views work whatever the products are (none, or not loaded).
    content = databaseView.render();
  } else if (productsFailure) {
    content = <LoadError title="Your products couldn’t be loaded." failure={productsFailure} />;
  } else if (products.isPending || view === undefined) {
    content = <div className="loading" aria-busy="true" />;
  } else if (product === null) {
    content = (
      <div className={cx("empty-state", styles.emptyHero)}>
        <LogoMark width={40} height={40} />
        <h1 tabIndex={-1}>Create your first product</h1>
        <p>A product holds its vision, strategy and a ranked backlog. You can rename or delete it later.</p>
        <button type="button" className="button button-primary" onClick={handlers.newProduct}>
          Create product
        </button>
      </div>
    );
  } else {
    content = view.render({ product, statusOptions: status.statusOptions, goTo: goToView });
  }

  return (
    <CommandsContext value={commands}>
      <ContributeCommandsContext value={contributeCommands}>
        <div className={styles.appShell}>
          <Sidebar
            products={products.data ?? []}
            openProductId={product?.id ?? null}
            currentView={databaseView?.id ?? (product ? (view?.id ?? null) : null)}
            onOpenProduct={openProduct}
            onNewProduct={handlers.newProduct}
            productHandlers={productHandlers}
            onView={goToView}
          />
          <div className={styles.mainColumn}>
            <Toolbar
              productName={databaseView ? "Database" : (product?.name ?? null)}
              viewName={databaseView?.label ?? view?.label ?? null}
            />
            <main className={styles.main}>
              {content}
            </main>
            <RationalePrompt productId={databaseView ? null : (product?.id ?? null)} />
          </div>

          <NameDialog
            isOpen={overlay?.type === "createProduct"}
            title="New product"
            description="Give it the name your team uses. You can change it later."
            initialName=""
            submitLabel="Create product"
            isSubmitting={createProduct.isPending}
            onSubmit={submitNewProduct}
            onCancel={closeOverlay}
          />
          <NameDialog
            isOpen={overlay?.type === "renameProduct"}
            title="Rename product"
            initialName={overlay?.type === "renameProduct" ? overlay.product.name : ""}
            submitLabel="Rename"
            isSubmitting={renameProduct.isPending}
            onSubmit={(name) => {
              if (overlay?.type === "renameProduct") submitRename(overlay.product, name);
            }}
            onCancel={closeOverlay}
          />
          <ConfirmDialog
            isOpen={overlay?.type === "deleteProduct"}
            title={overlay?.type === "deleteProduct" ? `Delete ${quoteTitle(overlay.product.name)}?` : "Delete product?"}
            confirmLabel="Delete product"
            onCancel={closeOverlay}
            onConfirm={() => {
              if (overlay?.type === "deleteProduct") confirmDeleteProduct(overlay.product);
            }}
          >
            <p>The product and its whole backlog are deleted. {CAN_UNDO}</p>
          </ConfirmDialog>
          <ShortcutsDialog isOpen={overlay?.type === "shortcuts"} onClose={closeOverlay} />
          <OpenDatabaseDialog isOpen={overlay?.type === "openDatabase"} currentPath={status.databasePath} onClose={closeOverlay} />
          <CommandPalette
            isOpen={overlay?.type === "palette"}
            onClose={closeOverlay}
            commands={commands}
            productId={product?.id ?? null}
            statusOptions={status.statusOptions}
            onOpenItem={onOpenItem}
            onOpenNote={onOpenNote}
          />
        </div>
      </ContributeCommandsContext>
    </CommandsContext>
  );
}
