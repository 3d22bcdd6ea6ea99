// M-11: personal data is masked for everyone who may not read it freely.

export function maskIdNumber(v: string | null): string | null {
  if (!v) return v;
  if (v.length <= 8) return `${v.slice(0, 1)}${'*'.repeat(Math.max(v.length - 2, 1))}${v.slice(-1)}`;
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

export function maskPhone(v: string | null): string | null {
  if (!v) return v;
  if (v.length < 7) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

export function maskEmail(v: string | null): string | null {
  if (!v) return v;
  const at = v.indexOf('@');
  if (at < 1) return '***';
  return `${v[0]}***${v.slice(at)}`;
}

/** Keeps the city and district; hides the street, building and door. */
export function maskAddress(v: string | null): string | null {
  if (!v) return v;
  const keep = Math.min(6, Math.floor(v.length / 2));
  return `${v.slice(0, keep)}****`;
}

/** A birthday keeps its year (age bands stay readable) and hides month and day. */
export function maskDate(v: string | null): string | null {
  if (!v) return v;
  return `${v.slice(0, 4)}-**-**`;
}

/** Which kinds of personal data a reader sees unmasked (M-11). */
export interface Visibility {
  idNumber: boolean;
  phone: boolean;
  email: boolean;
  address: boolean;
  birthday: boolean;
}

export const ALL_VISIBLE: Visibility = { idNumber: true, phone: true, email: true, address: true, birthday: true };
export const NONE_VISIBLE: Visibility = { idNumber: false, phone: false, email: false, address: false, birthday: false };

export function anyVisible(v: Visibility): boolean {
  return v.idNumber || v.phone || v.email || v.address || v.birthday;
}

export function allVisible(v: Visibility): boolean {
  return v.idNumber && v.phone && v.email && v.address && v.birthday;
}

/** The personal-data kinds a data-use request may name (appendix 5), as field visibility. */
export function visibilityOfKinds(kinds: readonly string[]): Visibility {
  const has = (k: string) => kinds.includes(k);
  return { idNumber: has('ID_NUMBER'), phone: has('PHONE'), email: has('EMAIL'), address: has('ADDRESS'), birthday: has('BIRTHDAY') || has('FAMILY') };
}
