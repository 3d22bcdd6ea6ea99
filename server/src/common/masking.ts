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
