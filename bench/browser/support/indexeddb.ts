/**
 * Plain IndexedDB helpers for browser benchmarks: the raw baselines Kata's storage is
 * compared with. Nothing here goes through Dexie or Kata's repositories.
 */

/** One index of an object store, as IndexedDB describes it. */
export interface IndexShape {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

/** An object store's shape: what `createObjectStore` and `createIndex` need to rebuild it. */
export interface StoreShape {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: IndexShape[];
}

export function requestToPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when the transaction commits; rejects if it aborts or fails. */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Deletes a database; waits (rather than failing) while another connection closes. */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete database ${name}`));
  });
}

/** Opens an existing database at whatever version it has. */
export function openExisting(name: string): Promise<IDBDatabase> {
  return requestToPromise(indexedDB.open(name));
}

/** Reads the shape of an object store of an open database. */
export function readStoreShape(db: IDBDatabase, storeName: string): StoreShape {
  const tx = db.transaction(storeName, 'readonly');
  const store = tx.objectStore(storeName);
  const indexes = Array.from(store.indexNames, (indexName) => {
    const index = store.index(indexName);
    return { name: index.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
  });
  return { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
}

/** Creates a new database (deleting any old one of that name) with one store of the given shape. */
export async function createDatabaseWithStore(name: string, storeName: string, shape: StoreShape): Promise<IDBDatabase> {
  await deleteDatabase(name);
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore(storeName, {
      keyPath: shape.keyPath,
      autoIncrement: shape.autoIncrement,
    });
    for (const index of shape.indexes) {
      store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  return requestToPromise(request);
}

/** Counts the records of a store (to check a benchmark really wrote what it timed). */
export async function countRecords(db: IDBDatabase, storeName: string): Promise<number> {
  return requestToPromise(db.transaction(storeName, 'readonly').objectStore(storeName).count());
}
