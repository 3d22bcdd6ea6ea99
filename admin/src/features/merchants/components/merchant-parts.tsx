import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { allOf } from '../../../shared/enums';
import { useRegionName } from '../../../shared/regions';
import type { AgreementState, MerchantPipeline, MerchantStage, MerchantStatus, MerchantVisitMethod } from '../../../shared/api-types';

export const PIPELINES = allOf<MerchantPipeline>()(['ACTIVE', 'PASSIVE']);
export const STAGES = allOf<MerchantStage>()(['INFORMATION', 'NEGOTIATION', 'SIGNING']);
export const STATUSES = allOf<MerchantStatus>()(['PROSPECT', 'ACTIVE', 'ENDED']);
export const VISIT_METHODS = allOf<MerchantVisitMethod>()(['SITE', 'PHONE']);

/** Today in China (the club's day), as YYYY-MM-DD. */
export const clubToday = () => dayjs(Date.now() + (8 * 60 + new Date().getTimezoneOffset()) * 60_000).format('YYYY-MM-DD');

/** A region by the name staff use (南京区域), never its code. */
export const RegionName = ({ code }: { code: string }) => {
  const name = useRegionName(code);
  return <>{name ?? '…'}</>;
};

const STATUS_COLOURS: Record<MerchantStatus, string> = { PROSPECT: 'processing', ACTIVE: 'success', ENDED: 'default' };
export const StatusTag = ({ status }: { status: MerchantStatus }) => {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`merchants.statuses.${status}`)}</Tag>;
};

const STATE_COLOURS: Record<AgreementState, string> = { IN_TERM: 'success', ENDING: 'warning', ENDED: 'default' };
export const AgreementStateTag = ({ state }: { state: AgreementState }) => {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOURS[state]}>{t(`merchants.agreementStates.${state}`)}</Tag>;
};
