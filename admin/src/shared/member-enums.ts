import { useTranslation } from 'react-i18next';

export const ENUMS = {
  title: ['MR', 'MISS', 'MRS', 'MS'],
  sex: ['MALE', 'FEMALE'],
  relation: ['OWNER', 'SPOUSE', 'PARENT', 'CHILD', 'GRANDPARENT', 'GRANDCHILD'],
  familyRelation: ['CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SPOUSE'],
  status: ['ACTIVE', 'LEFT'],
  idType: ['ID_CARD', 'PASSPORT', 'OTHER'],
  education: ['SECONDARY_OR_BELOW', 'UNIVERSITY', 'POSTGRADUATE'],
  employmentStatus: ['EMPLOYED', 'RETIRED', 'JOB_SEEKING', 'HOMEMAKER', 'STUDENT', 'OTHER'],
  maritalStatus: ['SINGLE', 'MARRIED'],
  mailingAddress: ['HOME', 'OFFICE'],
  joinReasons: ['REFERRAL', 'STATUS', 'MERCHANT_NETWORK', 'ACTIVITIES'],
} as const;

export type EnumName = keyof typeof ENUMS;

/** Translated labels for the closed sets of the M-4 form. */
export const useEnum = () => {
  const { t } = useTranslation();
  const label = (name: EnumName, value: string | null | undefined): string =>
    value ? t(`members.enums.${name}.${value}`, { defaultValue: value }) : t('members.none');
  const options = (name: EnumName) => ENUMS[name].map((value) => ({ value, label: label(name, value) }));
  return { label, options };
};
