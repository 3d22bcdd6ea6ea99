import { useEffect, useState } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { DownloadOutlined, IdcardOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { httpClient } from '../../providers/http-client';
import { API_URL } from '../../providers/data-provider';
import { loadCurrentUser, type CurrentUser } from '../../providers/session';
import { useDownload, type DataUseRequest } from './shared';

const EXPORTING_ROLES = ['member_officer', 'club_manager', 'division_leader'];

/** Whether the signed-in user's exports come out unmasked (role, or an active grant with export). */
function useExportAccess() {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [grant, setGrant] = useState(false);
  useEffect(() => {
    let live = true;
    void loadCurrentUser().then(async (u) => {
      if (!live) return;
      setUser(u);
      if (!u || (u.permissions.includes('members:unmask') && EXPORTING_ROLES.includes(u.role))) return;
      const r = await httpClient.get<DataUseRequest[]>(`${API_URL}/data-use-requests`, { params: { mine: 'true', status: 'APPROVED', allowExport: 'true', _start: 0, _end: 50 } }).catch(() => null);
      if (live) setGrant(Boolean(r?.data.some((x) => x.active)));
    });
    return () => {
      live = false;
    };
  }, []);
  const unmasked = Boolean(user && ((user.permissions.includes('members:unmask') && EXPORTING_ROLES.includes(user.role)) || grant));
  return { user, unmasked, canBasicInfo: Boolean(user?.permissions.includes('members:export')) };
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
