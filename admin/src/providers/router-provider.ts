import { useCallback, useContext, useMemo } from 'react';
import { matchPath, useLocation, useParams } from 'react-router';
import { matchResourceFromRoute, QS_PARSE_DEPTH, ResourceContext, type ParseResponse, type RouterProvider } from '@refinedev/core';
import routerBindings from '@refinedev/react-router';
import qs from 'qs';

/**
 * Refine's react-router bindings with `parse` answering from a cache. Every Refine hook and
 * button asks `parse` which resource and action the address is (a list page of 20 rows has
 * dozens of them), and each matched the address against every route of every resource on its
 * own: with some 60 routes that was a good share of the script time of opening a list. The
 * match depends only on the address and the resource list, so it is worked out once per address.
 * Otherwise the same as @refinedev/react-router's own `parse`.
 */
type Match = ReturnType<typeof matchResourceFromRoute>;
const matches = new WeakMap<object, Map<string, Match>>();
const MAX_KEPT = 200;

function matchOf(pathname: string, resources: Parameters<typeof matchResourceFromRoute>[1]): Match {
  let byPath = matches.get(resources);
  if (!byPath) matches.set(resources, (byPath = new Map()));
  let match = byPath.get(pathname);
  if (!match) {
    if (byPath.size >= MAX_KEPT) byPath.clear();
    byPath.set(pathname, (match = matchResourceFromRoute(pathname, resources)));
  }
  return match;
}

// Parsed afresh each time: callers get their own objects (filters, sorters) to keep.
const parseSearch = (search: string) => qs.parse(search, { ignoreQueryPrefix: true, depth: QS_PARSE_DEPTH });

const numberIfPossible = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return `${n}` === value ? n : value;
};

const parse: RouterProvider['parse'] = () => {
  let params: Record<string, string | undefined> = useParams();
  const { pathname, search } = useLocation();
  const { resources } = useContext(ResourceContext);
  const { resource, action, matchedRoute } = useMemo(() => matchOf(pathname, resources), [resources, pathname]);
  if (Object.keys(params).length === 0 && matchedRoute) params = matchPath(matchedRoute, pathname)?.params ?? {};
  return useCallback((): ParseResponse => {
    const combined: Record<string, unknown> = { ...params, ...parseSearch(search) };
    return {
      ...(resource && { resource }),
      ...(action && { action }),
      ...(params.id && { id: decodeURIComponent(params.id) }),
      pathname,
      params: {
        ...combined,
        currentPage: numberIfPossible(combined.currentPage) as number | undefined,
        pageSize: numberIfPossible(combined.pageSize) as number | undefined,
        to: combined.to ? decodeURIComponent(String(combined.to)) : undefined,
      },
    } as ParseResponse;
  }, [pathname, search, params, resource, action]);
};

export const routerProvider: RouterProvider = { ...routerBindings, parse };
