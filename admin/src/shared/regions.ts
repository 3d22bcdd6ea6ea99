import { useList, useOne } from '@refinedev/core';

/** A region as the reference list serves it (GET /api/regions/:code). */
interface Region {
  code: string;
  name: string;
}

/**
 * How staff name a region (上海区域), never its code: the header, the workbench's and the
 * dashboard's note to a regional user. Null for the group club (no region).
 */
export const useRegionName = (code: string | null | undefined): string | null => {
  const { result } = useOne<Region>({ resource: 'regions', id: code ?? '', queryOptions: { enabled: Boolean(code), staleTime: Infinity } });
  if (!code) return null;
  return result?.name ?? null;
};

/**
 * For lists: a function naming any region by its code, from the one reference list (read once and
 * kept). The code itself until the list has loaded; null for the group club (no region).
 */
export const useRegionLabel = (): ((code: string | null | undefined) => string | null) => {
  const { result } = useList<Region>({ resource: 'regions', pagination: { mode: 'off' }, queryOptions: { staleTime: Infinity } });
  return (code) => (code ? (result?.data.find((r) => r.code === code)?.name ?? code) : null);
};
