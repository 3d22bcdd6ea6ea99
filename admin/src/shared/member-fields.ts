import { useTranslation } from 'react-i18next';
import { useEnum, type EnumName } from './member-enums';

export type { HistoryEntry } from './api-types';

/** Member fields whose values are codes of a closed set (translated with the member form's labels). */
const ENUM_FIELDS: Record<string, EnumName> = {
  title: 'title',
  sex: 'sex',
  relation: 'relation',
  status: 'status',
  idType: 'idType',
  education: 'education',
  employmentStatus: 'employmentStatus',
  maritalStatus: 'maritalStatus',
  mailingAddress: 'mailingAddress',
  joinReasons: 'joinReasons',
};

/** Labels and readable values of member fields, shared by the change requests and the history. */
export const useMemberFields = () => {
  const { t } = useTranslation();
  const { label: enumLabel } = useEnum();
  const fieldLabel = (field: string): string => {
    if (field === '_created') return t('member-history.created');
    if (field === '_deleted') return t('member-history.deleted');
    return t(`members.fields.${field}`, { defaultValue: t(`member-history.fields.${field}`, { defaultValue: field }) });
  };
  const valueText = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('members.none');
    const enumName = ENUM_FIELDS[field];
    if (enumName) {
      const codes = Array.isArray(value) ? value.map(String) : String(value).split(',');
      return codes.map((c) => enumLabel(enumName, c)).join(t('members.listSeparator'));
    }
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(t('members.listSeparator'));
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  return { fieldLabel, valueText };
};

