//! A small in-memory stand-in for the Rust commands, for Vitest and the Playwright tests.
//! It mimics the contract (ranks, positions, history labels, `Invalid` reasons) and records
//! every call; it is test scaffolding, not a second implementation of the store.
import type {
  AppError,
  AppStatus,
  BacklogItem,
  DatabaseProblem,
  HistoryState,
  ItemPatch,
  MoveTarget,
  NewItem,
  Product,
  ProductPatch,
  StatusOption,
} from "../src/api";

export type FakeOptions = {
  /** Start on the database problem screen. */
  problem?: DatabaseProblem | null;
  /** Start with no products at all. */
  empty?: boolean;
  /** Number of demo backlog items (default 6). */
  itemCount?: number;
};

export type FakeCall = { command: string; args: Record<string, unknown> };

type Data = { products: Product[]; items: BacklogItem[]; openProductId: string | null };

export const STATUS_OPTIONS: StatusOption[] = [
  { value: "idea", label: "Idea" },
  { value: "discovery", label: "Discovery" },
  { value: "ready", label: "Ready" },
  { value: "in_progress", label: "In progress" },
  { value: "shipped", label: "Shipped" },
  { value: "archived", label: "Archived" },
];

export const DEMO_TITLES = [
  "Bank sync",
  "Spending insights",
  "Shared budgets",
  "Receipt capture",
  "Savings goals",
  "Export to CSV",
  "Bill reminders",
  "Multi-currency",
];

const NOW = "2026-01-05T09:00:00Z";

function demoData(options: FakeOptions): Data {
  if (options.empty) return { products: [], items: [], openProductId: null };
  const product: Product = {
    id: "p-demo",
    name: "Pocket Budget",
    vision: "Everyone knows where their money goes, without spreadsheets.",
    strategy: "",
    targetUsers: "",
    northStarMetric: "Weekly active budgeters",
    createdAt: NOW,
    updatedAt: NOW,
  };
  const statuses = ["in_progress", "ready", "discovery", "idea", "shipped", "idea", "archived", "idea"] as const;
  const kinds = ["feature", "opportunity", "story"] as const;
  const items = DEMO_TITLES.slice(0, options.itemCount ?? 6).map(
    (title, index): BacklogItem => ({
      id: `i-${index + 1}`,
      productId: product.id,
      title,
      description: index === 0 ? "Connect **bank accounts** so transactions import by themselves." : "",
      status: statuses[index % statuses.length] ?? "idea",
      kind: kinds[index % kinds.length] ?? "feature",
      rank: "",
      position: 0,
      createdAt: NOW,
      updatedAt: NOW,
    }),
  );
  return { products: [product], items, openProductId: product.id };
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Tauri rejects a failed command with the serialised error itself, not an `Error`: do the same. */
function fail(error: AppError | string): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw error;
}

function invalid(field: string, reason: string): AppError {
  return { kind: "Invalid", detail: { field, reason } };
}

function notFound(entity: string, id: string): AppError {
  return { kind: "NotFound", detail: { entity, id } };
}

function checkTitle(title: string) {
  if (title.trim() === "") fail(invalid("title", "An item needs a title."));
  if ([...title].length > 300) fail(invalid("title", "A title can be at most 300 characters long."));
}

export function createFakeBackend(options: FakeOptions = {}) {
  let data = demoData(options);
  let problem = options.problem ?? null;
  const undoStack: { label: string; before: Data }[] = [];
  const redoStack: { label: string; before: Data }[] = [];
  const calls: FakeCall[] = [];
  const failures = new Map<string, AppError>();
  const changeListeners = new Set<(reason: string) => void>();
  let counter = 100;

  const positioned = (productId: string) =>
    data.items
      .filter((item) => item.productId === productId)
      .map((item, index) => ({ ...item, position: index + 1, rank: String(index + 1).padStart(6, "0") }));

  const findItem = (id: string) => {
    const item = positioned(data.items.find((candidate) => candidate.id === id)?.productId ?? "").find(
      (candidate) => candidate.id === id,
    );
    if (!item) fail(notFound("item", id));
    return item;
  };

  const history = (): HistoryState => ({
    canUndo: undoStack.length > 0,
    canRedo: redoStack.length > 0,
    undoLabel: undoStack.at(-1)?.label ?? null,
    redoLabel: redoStack.at(-1)?.label ?? null,
  });

  const status = (): AppStatus => ({
    databasePath: "/home/po/.local/share/northstar/northstar.db",
    problem,
    openProductId: data.openProductId,
    statusOptions: STATUS_OPTIONS,
    logFolder: "/home/po/.local/state/northstar/logs",
  });

  /** Runs `change` as one undoable step. */
  const record = <T>(label: string, change: () => T): T => {
    const before = clone(data);
    const result = change();
    undoStack.push({ label, before });
    redoStack.length = 0;
    notify(label);
    return result;
  };

  const notify = (reason: string) => {
    for (const listener of changeListeners) listener(reason);
  };

  const step = (from: typeof undoStack, to: typeof undoStack) => {
    const entry = from.pop();
    if (entry) {
      to.push({ label: entry.label, before: clone(data) });
      data = entry.before;
      notify("history");
    }
    return history();
  };

  const moveItem = (id: string, target: MoveTarget): BacklogItem => {
    const item = findItem(id);
    const list = data.items.filter((candidate) => candidate.productId === item.productId);
    const others = list.filter((candidate) => candidate.id !== id);
    const index = item.position - 1;
    let newIndex: number;
    switch (target.to) {
      case "top":
        newIndex = 0;
        break;
      case "bottom":
        newIndex = others.length;
        break;
      case "up":
        newIndex = Math.max(0, index - 1);
        break;
      case "down":
        newIndex = Math.min(others.length, index + 1);
        break;
      case "before":
        newIndex = others.findIndex((candidate) => candidate.id === target.itemId);
        break;
      case "after":
        newIndex = others.findIndex((candidate) => candidate.id === target.itemId) + 1;
        break;
    }
    const where = target.to === "top" ? "to top" : target.to === "bottom" ? "to bottom" : target.to;
    return record(`Move “${item.title}” ${where}`, () => {
      const moving = list[index];
      if (moving) others.splice(newIndex, 0, moving);
      data.items = [...data.items.filter((candidate) => candidate.productId !== item.productId), ...others];
      return findItem(id);
    });
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    get_app_status: () => status(),
    open_database: ({ path }) => {
      if (typeof path !== "string" || path.trim() === "") fail(invalid("path", "Choose a file to open."));
      problem = null;
      return status();
    },
    retry_open_database: () => {
      problem = null;
      return status();
    },
    start_new_database: () => {
      problem = null;
      data = demoData({});
      undoStack.length = 0;
      redoStack.length = 0;
      return status();
    },
    list_products: () => data.products,
    create_product: ({ name }) => {
      const trimmed = String(name).trim();
      if (trimmed === "") fail(invalid("name", "A product needs a name."));
      return record(`Create “${trimmed}”`, () => {
        const product: Product = {
          id: `p-${counter++}`,
          name: trimmed,
          vision: "",
          strategy: "",
          targetUsers: "",
          northStarMetric: "",
          createdAt: NOW,
          updatedAt: NOW,
        };
        data.products.push(product);
        return product;
      });
    },
    update_product: ({ id, patch }) => {
      const product = data.products.find((candidate) => candidate.id === id);
      if (!product) fail(notFound("product", String(id)));
      const changes = patch as ProductPatch;
      if (typeof changes.name === "string" && changes.name.trim() === "") fail(invalid("name", "A product needs a name."));
      return record(`Edit “${product.name}”`, () => {
        const target = data.products.find((candidate) => candidate.id === id) as Product;
        for (const [key, value] of Object.entries(changes)) {
          if (value !== null) (target as Record<string, unknown>)[key] = value;
        }
        return { ...target };
      });
    },
    delete_product: ({ id }) => {
      const product = data.products.find((candidate) => candidate.id === id);
      if (!product) fail(notFound("product", String(id)));
      return record(`Delete “${product.name}”`, () => {
        data.products = data.products.filter((candidate) => candidate.id !== id);
        data.items = data.items.filter((item) => item.productId !== id);
        return null;
      });
    },
    set_open_product: ({ id }) => {
      data.openProductId = String(id);
      return null;
    },
    list_items: ({ productId }) => positioned(String(productId)),
    create_item: ({ input }) => {
      const newItem = input as NewItem;
      checkTitle(newItem.title);
      return record(`Add “${newItem.title}”`, () => {
        const id = `i-${counter++}`;
        data.items.push({
          id,
          productId: newItem.productId,
          title: newItem.title,
          description: newItem.description ?? "",
          status: newItem.status ?? "idea",
          kind: newItem.kind ?? "feature",
          rank: "",
          position: 0,
          createdAt: NOW,
          updatedAt: NOW,
        });
        return findItem(id);
      });
    },
    update_item: ({ id, patch }) => {
      const item = findItem(String(id));
      const changes = patch as ItemPatch;
      if (typeof changes.title === "string") checkTitle(changes.title);
      return record(`Edit “${item.title}”`, () => {
        const target = data.items.find((candidate) => candidate.id === id) as BacklogItem;
        for (const [key, value] of Object.entries(changes)) {
          if (value !== null) (target as Record<string, unknown>)[key] = value;
        }
        return findItem(String(id));
      });
    },
    delete_item: ({ id }) => {
      const item = findItem(String(id));
      return record(`Delete “${item.title}”`, () => {
        data.items = data.items.filter((candidate) => candidate.id !== id);
        return null;
      });
    },
    move_item: ({ id, target }) => moveItem(String(id), target as MoveTarget),
    get_history: () => history(),
    undo: () => step(undoStack, redoStack),
    redo: () => step(redoStack, undoStack),
  };

  return {
    calls,
    /** The IPC handler: returns the command's data, or throws an `AppError` like Tauri rejects. */
    handle(command: string, args: Record<string, unknown> = {}): unknown {
      calls.push({ command, args: clone(args) });
      const failure = failures.get(command);
      if (failure) {
        failures.delete(command);
        fail(failure);
      }
      const handler = handlers[command];
      if (!handler) fail(`Command ${command} not found`);
      return clone(handler(args));
    },
    /** Makes the next call of `command` fail with `error`. */
    failNext(command: string, error: AppError) {
      failures.set(command, error);
    },
    onChange(listener: (reason: string) => void) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    titles: (productId = "p-demo") => positioned(productId).map((item) => item.title),
  };
}

export type FakeBackend = ReturnType<typeof createFakeBackend>;
