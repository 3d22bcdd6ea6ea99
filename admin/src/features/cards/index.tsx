import { Route } from 'react-router';
import { AccountBookOutlined, CreditCardOutlined, FileDoneOutlined, NumberOutlined, SafetyCertificateOutlined, SyncOutlined } from '@ant-design/icons';
import type { AdminFeature } from '../types';
import { CardList, CardPrint, CardShow, IssueRecordPrint } from './cards/pages';
import { RangeCreate, RangeList } from './card-ranges';
import { ReissueList } from './card-reissue-requests';
import { ExceptionList } from './card-limit-exceptions';
import { FeeList, ReceiptPrint } from './fee-entries';
import { StatementList } from './fee-statements';
import { cardsEn, cardsZh } from './i18n';

/** M-3, M-7, M-8, M-9, M-10: cards, number ranges, reissues, card-limit exceptions, fees. */
export const cardsFeature: AdminFeature = {
  resources: [
    { name: 'cards', list: '/cards', show: '/cards/show/:id', meta: { icon: <CreditCardOutlined />, parent: 'card-management' } },
    { name: 'card-reissue-requests', list: '/card-reissue-requests', meta: { icon: <SyncOutlined />, parent: 'card-management' } },
    { name: 'card-limit-exceptions', list: '/card-limit-exceptions', meta: { icon: <SafetyCertificateOutlined />, parent: 'card-management' } },
    { name: 'card-ranges', list: '/card-ranges', create: '/card-ranges/create', meta: { icon: <NumberOutlined />, parent: 'card-management' } },
    { name: 'fee-entries', list: '/fee-entries', show: '/fee-entries/receipt/:id', meta: { icon: <AccountBookOutlined />, parent: 'card-management' } },
    { name: 'fee-statements', list: '/fee-statements', meta: { icon: <FileDoneOutlined />, parent: 'card-management' } },
  ],
  routes: (
    <Route key="cards">
      <Route path="/cards">
        <Route index element={<CardList />} />
        <Route path="show/:id" element={<CardShow />} />
        <Route path="print/:id" element={<CardPrint />} />
        <Route path="issue-record" element={<IssueRecordPrint />} />
      </Route>
      <Route path="/card-ranges">
        <Route index element={<RangeList />} />
        <Route path="create" element={<RangeCreate />} />
      </Route>
      <Route path="/card-reissue-requests" element={<ReissueList />} />
      <Route path="/card-limit-exceptions" element={<ExceptionList />} />
      <Route path="/fee-entries">
        <Route index element={<FeeList />} />
        <Route path="receipt/:id" element={<ReceiptPrint />} />
      </Route>
      <Route path="/fee-statements" element={<StatementList />} />
    </Route>
  ),
  translations: { 'zh-CN': cardsZh, en: cardsEn },
  permissions: {
    cards: { list: 'cards:list', show: 'cards:list', create: 'cards:manage', edit: 'cards:manage' },
    'card-ranges': { list: 'cards:list', show: 'cards:list', create: 'cards:ranges', edit: 'cards:ranges' },
    'card-reissue-requests': { list: 'cards:list', show: 'cards:list', create: 'cards:manage', edit: 'cards:manage' },
    'card-limit-exceptions': {
      list: 'cards:list',
      show: 'cards:list',
      create: 'card-exceptions:request',
      'approve-manager': 'card-exceptions:approve-manager',
      'approve-leader': 'card-exceptions:approve-leader',
    },
    'fee-entries': { list: 'fees:list', show: 'fees:list', create: 'fees:record' },
    'fee-statements': { list: 'fees:list', show: 'fees:list', create: 'fees:record', edit: 'fees:sign' },
  },
};
