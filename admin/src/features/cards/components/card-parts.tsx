import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import type { CardStatus } from '../../../shared/api-types';

export type { CardLimitException, CardRange, CardRecord, CardStatus, FeeEntry, FeeStatement, ProjectFigures, ReissueRequest } from '../../../shared/api-types';

const STATUS_COLORS: Record<CardStatus, string> = { IN_PRODUCTION: 'processing', READY: 'gold', ISSUED: 'success', VOID: 'default' };

export const CardStatusTag = ({ status }: { status: CardStatus }) => {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`cards.statuses.${status}`)}</Tag>;
};

export { count, dateTime, money, numeric, quarterLabel, quarterName } from '../../../shared/format';

