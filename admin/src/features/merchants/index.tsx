import { Route } from 'react-router';
import { ShopOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { merchantsEn, merchantsZh } from './i18n';
import { MerchantList } from './list';
import { MerchantShow } from './show';

/** B-1 to B-5: alliance merchants with their pipeline, agreements, reported changes, plaque and visits. */
export const merchantsFeature: AdminFeature = {
  resources: [{ name: 'merchants', list: '/merchants', show: '/merchants/show/:id', meta: { icon: <ShopOutlined /> } }],
  routes: (
    <Route key="merchants">
      <Route path="/merchants">
        <Route index element={<MerchantList />} />
        <Route path="show/:id" element={<MerchantShow />} />
      </Route>
    </Route>
  ),
  translations: { 'zh-CN': merchantsZh, en: merchantsEn },
  permissions: {
    merchants: { list: 'merchants:list', show: 'merchants:list', create: 'merchants:manage', edit: 'merchants:manage' },
    'merchant-agreements': { list: 'merchants:list', show: 'merchants:list' },
    'merchant-visits': { list: 'merchants:list', show: 'merchants:list', create: 'merchants:manage' },
  },
};
