import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * How every list reads: its total under the table ("共 128 条" / "128 in total"), ids, amounts and
 * dates on one line. (A record that is not there is answered at once by the app-wide retry rule,
 * providers/query-client.ts.)
 */

/** A table's pagination with its total; `false` (no pagination) stays false. */
export function useWithTotal(): (pagination: false | TablePaginationConfig | undefined) => false | TablePaginationConfig {
  const { t } = useTranslation();
  return (pagination) => (pagination === false ? false : { ...pagination, showTotal: (total: number) => t('table.total', { count: total }) });
}

/** Column props for an id, number, date or short code: never broken over two lines. */
export const oneLine = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };
