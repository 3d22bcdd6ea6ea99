import type { HttpError } from '@refinedev/core';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * How every list reads: its total under the table ("共 128 条" / "128 in total"), ids, amounts and
 * dates on one line, and a record that is not there (deleted, another region's) answered at once.
 */

/** A table's pagination with its total; `false` (no pagination) stays false. */
export function useWithTotal(): (pagination: false | TablePaginationConfig | undefined) => false | TablePaginationConfig {
  const { t } = useTranslation();
  return (pagination) => (pagination === false ? false : { ...pagination, showTotal: (total: number) => t('table.total', { count: total }) });
}

/** Column props for an id, number, date or short code: never broken over two lines. */
export const oneLine = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };

/**
 * React Query's retry for the admin's reads: a 4xx (not found, another region's, forbidden, bad
 * input) is the answer and is shown at once; only a network failure or a 5xx is tried again, twice.
 */
export const retryUnless4xx = (failures: number, error: unknown): boolean => {
  const status = (error as HttpError | undefined)?.statusCode ?? 0;
  return !(status >= 400 && status < 500) && failures < 2;
};

/** `queryOptions` for a show page's record. */
export const recordQueryOptions = { retry: retryUnless4xx } as const;
