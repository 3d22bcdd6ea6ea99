import { Route } from 'react-router';
import { AuditOutlined, FileProtectOutlined, UploadOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { AuditLogList } from './audit-log';
import { DataUseCreate, DataUseList, DataUseShow } from './data-use-requests';
import { MemberImport } from './imports';
import { privacyEn, privacyZh } from './i18n';


/** M-11, M-12: data-use requests (appendix 5), the audit log, member import. */
export const privacyFeature: AdminFeature = {
  resources: [
    { name: 'data-use-requests', list: '/data-use-requests', create: '/data-use-requests/create', show: '/data-use-requests/show/:id', meta: { icon: <FileProtectOutlined />, parent: 'governance' } },
    { name: 'imports', list: '/imports', show: '/imports/show/:id', meta: { icon: <UploadOutlined />, parent: 'system-settings' } },
    { name: 'audit-log', list: '/audit-log', meta: { icon: <AuditOutlined />, parent: 'governance' } },
  ],
  routes: (
    <Route key="privacy">
      <Route path="/data-use-requests">
        <Route index element={<DataUseList />} />
        <Route path="create" element={<DataUseCreate />} />
        <Route path="show/:id" element={<DataUseShow />} />
      </Route>
      <Route path="/imports">
        <Route index element={<MemberImport />} />
        <Route path="show/:id" element={<MemberImport />} />
      </Route>
      <Route path="/audit-log" element={<AuditLogList />} />
    </Route>
  ),
  translations: { 'zh-CN': privacyZh, en: privacyEn },
  permissions: {
    'data-use-requests': { list: 'data-use:request', create: 'data-use:request', show: 'data-use:request' },
    imports: { list: 'members:import', create: 'members:import', show: 'members:import' },
    'audit-log': { list: 'audit:list' },
  },
};
