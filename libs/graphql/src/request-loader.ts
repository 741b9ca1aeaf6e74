import DataLoader from 'dataloader';

const loadersByRequest = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/**
 * The DataLoader named `key` for this request (its GraphQL context), created on first use. Entity
 * references and per-complaint fields load through it, so N parents cost one query, and nothing is
 * cached beyond the request.
 */
export function requestLoader<K, V, C = K>(
  context: object,
  key: string,
  batch: DataLoader.BatchLoadFn<K, V>,
  options?: DataLoader.Options<K, V, C>,
): DataLoader<K, V, C> {
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(context, loaders);
  }
  let loader = loaders.get(key) as DataLoader<K, V, C> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V, C>(batch, options);
    loaders.set(key, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
