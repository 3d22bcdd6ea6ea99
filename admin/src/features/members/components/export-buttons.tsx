import { useCustom } from '@refinedev/core';
import { Button, Space, Tooltip } from 'antd';
import { DownloadOutlined, IdcardOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { API_URL } from '../../../providers/data-provider';
import { useDownload } from '../../../shared/download';

/** How the signed-in user's exports come out — the API decides (M-11: role, or a valid request that allows export). */
function useExportAccess() {
  const { result } = useCustom<{ unmasked: boolean; basicInfo: boolean }>({ url: `${API_URL}/member-exports/access`, method: 'get' });
  return { unmasked: Boolean(result?.data?.unmasked), canBasicInfo: Boolean(result?.data?.basicInfo) };
}

/**
 * "导出 Excel" for the members list: exports what the list shows (its filters and search,
 * every page), masked unless the user may export unmasked (M-11). Mount it in the list's
 * header and pass the list's current filters as API query parameters, e.g.
 * `<MemberExportButton filters={{ q, projectId, sex }} />`.
 */
export const MemberExportButton = ({ filters = {} }: { filters?: Record<string, unknown> }) => {
  const { t } = useTranslation();
  const { unmasked } = useExportAccess();
  const { start, busy } = useDownload();
  return (
    <Tooltip title={unmasked ? t('member-export.unmaskedHint') : t('member-export.maskedHint')}>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void start('/members/export.xlsx', filters, 'members.xlsx')} data-testid="member-export">
        {t('member-export.export')}
      </Button>
    </Tooltip>
  );
};

/** "基本信息表": the member basic-information table for care and announcements (M-12); member officer only. */
export const MemberBasicInfoButton = ({ filters = {} }: { filters?: Record<string, unknown> }) => {
  const { t } = useTranslation();
  const { canBasicInfo } = useExportAccess();
  const { start, busy } = useDownload();
  if (!canBasicInfo) return null;
  return (
    <Tooltip title={t('member-export.basicInfoHint')}>
      <Button icon={<IdcardOutlined />} loading={busy} onClick={() => void start('/members/basic-info.xlsx', filters, 'member-basic-info.xlsx')} data-testid="member-basic-info">
        {t('member-export.basicInfo')}
      </Button>
    </Tooltip>
  );
};

/** Both buttons side by side, for the members list header. */
export const MemberExportButtons = ({ filters = {} }: { filters?: Record<string, unknown> }) => (
  <Space>
    <MemberExportButton filters={filters} />
    <MemberBasicInfoButton filters={filters} />
  </Space>
);
