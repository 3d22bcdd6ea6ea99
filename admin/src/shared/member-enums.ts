import { useTranslation } from 'react-i18next';
import { allOf } from './enums';
import type {
  Education,
  EmploymentStatus,
  FamilyMemberInput,
  IdType,
  JoinReason,
  MailingAddress,
  MaritalStatus,
  MemberStatus,
  Relation,
  Sex,
  Title,
} from './api-types';

/** The closed sets of the M-4 form, in display order, each checked against the server's enum. */
export const ENUMS = {
  title: allOf<Title>()(['MR', 'MISS', 'MRS', 'MS']),
  sex: allOf<Sex>()(['MALE', 'FEMALE']),
  relation: allOf<Relation>()(['OWNER', 'SPOUSE', 'PARENT', 'CHILD', 'GRANDPARENT', 'GRANDCHILD']),
  familyRelation: allOf<FamilyMemberInput['relation'] & string>()(['CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SPOUSE']),
  status: allOf<MemberStatus>()(['ACTIVE', 'LEFT']),
  idType: allOf<IdType>()(['ID_CARD', 'PASSPORT', 'OTHER']),
  education: allOf<Education>()(['SECONDARY_OR_BELOW', 'UNIVERSITY', 'POSTGRADUATE']),
  employmentStatus: allOf<EmploymentStatus>()(['EMPLOYED', 'RETIRED', 'JOB_SEEKING', 'HOMEMAKER', 'STUDENT', 'OTHER']),
  maritalStatus: allOf<MaritalStatus>()(['SINGLE', 'MARRIED']),
  mailingAddress: allOf<MailingAddress>()(['HOME', 'OFFICE']),
  joinReasons: allOf<JoinReason>()(['REFERRAL', 'STATUS', 'MERCHANT_NETWORK', 'ACTIVITIES']),
};

export type EnumName = keyof typeof ENUMS;

/** Translated labels for the closed sets of the M-4 form. */
export const useEnum = () => {
  const { t } = useTranslation();
  const label = (name: EnumName, value: string | null | undefined): string =>
    value ? t(`members.enums.${name}.${value}`, { defaultValue: value }) : t('members.none');
  const options = (name: EnumName) => ENUMS[name].map((value) => ({ value, label: label(name, value) }));
  return { label, options };
};
