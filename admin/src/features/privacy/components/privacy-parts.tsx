import { allOf } from '../../../shared/enums';
import type { InformationKind } from '../../../shared/api-types';

export type { DataUseRequest, ImportJob, ReportRow } from '../../../shared/api-types';

export const INFORMATION_KINDS = allOf<InformationKind>()(['ID_NUMBER', 'PHONE', 'ADDRESS', 'BIRTHDAY', 'EMAIL', 'FAMILY', 'OCCUPATION', 'BASIC_TABLE', 'MEMBER_LIST']);

export { dateOnly, dateTime } from '../../../shared/format';


