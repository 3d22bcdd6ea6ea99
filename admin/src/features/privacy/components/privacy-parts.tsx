import { allOf } from '../../../shared/enums';
import type { ImportMode, ImportStatus, InformationKind } from '../../../shared/api-types';

export type { DataUseRequest } from '../../../shared/api-types';

export interface ReportRow {
  row: number;
  column: string;
  message: string;
}

export interface ImportJob {
  id: number;
  fileName: string;
  mode: ImportMode;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  validRows: number;
  invalidRows: number;
  createdRows: number;
  skippedRows: number;
  progress: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  report?: ReportRow[];
  reportTotal?: number;
}

export const INFORMATION_KINDS = allOf<InformationKind>()(['ID_NUMBER', 'PHONE', 'ADDRESS', 'BIRTHDAY', 'EMAIL', 'FAMILY', 'OCCUPATION', 'BASIC_TABLE', 'MEMBER_LIST']);

export { dateOnly, dateTime } from '../../../shared/format';


