export type Title = 'MR' | 'MISS' | 'MRS' | 'MS';
export type Sex = 'MALE' | 'FEMALE';
export type Relation = 'OWNER' | 'SPOUSE' | 'PARENT' | 'CHILD' | 'GRANDPARENT' | 'GRANDCHILD';
export type FamilyRelation = 'CHILD' | 'PARENT' | 'GRANDPARENT' | 'GRANDCHILD' | 'SPOUSE';
export type EmploymentStatus = 'EMPLOYED' | 'RETIRED' | 'JOB_SEEKING' | 'HOMEMAKER' | 'STUDENT' | 'OTHER';
export type JoinReason = 'REFERRAL' | 'STATUS' | 'MERCHANT_NETWORK' | 'ACTIVITIES';

export interface MemberListItem {
  id: number;
  name: string;
  pinyin: string;
  title: Title;
  sex: Sex;
  birthDate: string;
  mobile: string;
  idNumber: string;
  relation: Relation;
  status: string;
  joinedOn: string;
  regionCode: string;
  projectId: number;
  projectName: string;
  buildingId: number;
  buildingName: string;
  unitId: number;
  unitNumber: string;
}

export interface FamilyMember {
  relation: FamilyRelation;
  name: string;
  birthDate: string | null;
  sex: Sex | null;
}

export interface Owner {
  id: number;
  name: string;
}

/** The M-4 application form as the API reads and writes it. */
export interface MemberForm {
  householdId: number;
  ownerId: number;
  relation: Relation;
  title: Title;
  name: string;
  pinyin?: string | null;
  sex: Sex;
  birthDate: string;
  idType: 'ID_CARD' | 'PASSPORT' | 'OTHER';
  idNumber: string;
  nationality?: string | null;
  nativeRegion?: string | null;
  education?: 'SECONDARY_OR_BELOW' | 'UNIVERSITY' | 'POSTGRADUATE' | null;
  homeAddress?: string | null;
  district?: string | null;
  homePhone?: string | null;
  mobile: string;
  fax?: string | null;
  email?: string | null;
  employer?: string | null;
  employerAddress?: string | null;
  employerPhone?: string | null;
  employerFax?: string | null;
  businessType?: string | null;
  position?: string | null;
  employmentStatus: EmploymentStatus;
  maritalStatus: 'SINGLE' | 'MARRIED';
  weddingAnniversary?: string | null;
  spouseName?: string | null;
  spouseBirthDate?: string | null;
  spouseNationality?: string | null;
  familyMembers: FamilyMember[];
  mailingAddress: 'HOME' | 'OFFICE';
  hobbyIds: number[];
  hobbyOther?: string | null;
  joinReasons: JoinReason[];
  propertyBought?: string | null;
  carModel?: string | null;
  carPlate?: string | null;
  signedOn?: string | null;
  joinedOn: string;
  extra?: Record<string, unknown>;
}

export interface MemberRecord extends MemberListItem, Omit<MemberForm, keyof MemberListItem> {
  masked: boolean;
  household: { id: number; unitLabel: string; owners: Owner[] };
}

export interface Project {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  city: string;
}
export interface Building {
  id: number;
  projectId: number;
  name: string;
}
export interface Unit {
  id: number;
  buildingId: number;
  projectId: number;
  number: string;
}
export interface Household {
  id: number;
  unitId: number;
  unitLabel: string;
  projectId: number;
  owners: Owner[];
}
export interface Hobby {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
}
