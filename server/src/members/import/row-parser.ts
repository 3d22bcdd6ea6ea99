import { AppError, type FieldErrors } from '../../common/app-error.js';
import { t, type Lang } from '../../common/i18n.js';
import { renderFieldError, validate } from '../../common/validation.js';
import { MemberCreateInput } from '../../members/member.schema.js';
import type { Cell } from './xlsx-reader.js';
import { HEADER_BY_FIELD, IMPORT_COLUMNS, optionCode, optionLabels, type ImportColumn } from './columns.js';

export interface RowError {
  row: number;
  column: string;
  message: string;
  /**
   * The row as uploaded (cell text by header), on the first error of each row only, so the Excel
   * report shows what was typed beside what is wrong. Never in the JSON pages of the job.
   */
  values?: Record<string, string>;
}

/** YYYY-MM-DD from the usual ways dates are typed in China (2026-1-5, 2026/01/05, 2026.1.5, 2026年1月5日) or an Excel date. */
export function normaliseDate(cell: Cell): string | null {
  if (cell.number !== undefined && cell.number > 0 && cell.number < 80_000) {
    // An Excel serial day number (1900 system) that arrived without its date style.
    return new Date(Date.UTC(1899, 11, 30) + Math.round(cell.number) * 86_400_000).toISOString().slice(0, 10);
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cell.text);
  if (!m) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

const SEPARATORS = /[、,，;；/\s]+/;

/** Where a row says the member lives, and which owner they belong to. */
export interface Location {
  rowNumber: number;
  project: string;
  building: string;
  unit: string;
  ownerIdNumber: string;
}

export interface ParsedRow {
  rowNumber: number;
  project: string;
  building: string;
  unit: string;
  ownerIdNumber: string;
  hobbyNames: string[];
  /** MemberCreateInput without householdId/ownerId, validated. */
  input: Omit<MemberCreateInput, 'householdId' | 'ownerId'>;
}

/**
 * One sheet row → a validated member input, with the same zod rules as POST /api/members, or
 * the row's errors (column header + message in the caller's language).
 */
export function parseRow(
  rowNumber: number,
  cells: Map<ImportColumn, Cell>,
  hobbies: Map<string, number>,
  lang: Lang,
): { ok: ParsedRow } | { errors: RowError[]; location: Location | null } {
  const errors: RowError[] = [];
  const err = (column: string, message: string) => errors.push({ row: rowNumber, column, message });
  const out: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  const hobbyNames: string[] = [];

  for (const col of IMPORT_COLUMNS) {
    const cell = cells.get(col) ?? { text: '' };
    const text = cell.text.trim();
    raw[col.field] = text;
    if (!text) {
      if (col.required && col.field !== 'ownerIdNumber') err(col.header, t(lang, 'privacy.row.required'));
      continue;
    }
    if (col.kind === 'text') {
      if (col.field === 'idNumber' && cell.number !== undefined && !Number.isSafeInteger(cell.number)) {
        err(col.header, t(lang, 'privacy.row.numberId'));
        continue;
      }
      out[col.field] = text;
    } else if (col.kind === 'date') {
      const d = normaliseDate(cell);
      if (!d) err(col.header, t(lang, 'privacy.row.date', { value: text }));
      else out[col.field] = d;
    } else if (col.kind === 'hobbies') {
      const ids: number[] = [];
      for (const name of text.split(SEPARATORS).filter(Boolean)) {
        const id = hobbies.get(name) ?? hobbies.get(name.toLowerCase());
        if (id === undefined) err(col.header, t(lang, 'privacy.row.hobby', { value: name }));
        else if (!ids.includes(id)) ids.push(id);
        hobbyNames.push(name);
      }
      out.hobbyIds = ids;
    } else if (col.kind === 'children') {
      const children: Record<string, unknown>[] = [];
      for (const entry of text.split(/[；;\n]+/).map((e) => e.trim()).filter(Boolean)) {
        const [name, ...rest] = entry.split(/[\s,，]+/);
        const child: Record<string, unknown> = { relation: 'CHILD', name };
        for (const part of rest) {
          const sex = optionCode('sex', part);
          const date = normaliseDate({ text: part });
          if (sex) child.sex = sex;
          else if (date) child.birthDate = date;
          else err(col.header, t(lang, 'privacy.row.child', { value: entry }));
        }
        children.push(child);
      }
      out.familyMembers = children;
    } else if (col.kind === 'joinReasons') {
      const codes: string[] = [];
      for (const v of text.split(SEPARATORS).filter(Boolean)) {
        const code = optionCode('joinReasons', v);
        if (!code) err(col.header, t(lang, 'privacy.row.option', { value: v, options: optionLabels('joinReasons') }));
        else if (!codes.includes(code)) codes.push(code);
      }
      out.joinReasons = codes;
    } else {
      const code = optionCode(col.kind.option, text);
      if (!code) err(col.header, t(lang, 'privacy.row.option', { value: text, options: optionLabels(col.kind.option) }));
      else out[col.field] = code;
    }
  }
  if (!raw.ownerIdNumber && raw.relation && out.relation !== 'OWNER') err(HEADER_BY_FIELD.get('ownerIdNumber')!, t(lang, 'privacy.row.required'));

  const { project, building, unit, ownerIdNumber, ...form } = out as Record<string, string>;
  // A failed row still gets its unit and owner checked, so one report shows all its problems.
  const location: Location | null =
    raw.project && raw.building && raw.unit ? { rowNumber, project: raw.project, building: raw.building, unit: raw.unit, ownerIdNumber: ownerIdNumber || (out.relation === 'OWNER' ? String(out.idNumber ?? '') : '') } : null;
  // The same rules as the API: placeholders stand in for the household and owner, looked up later.
  const failed = new Set(errors.map((e) => e.column));
  try {
    const input = validate(MemberCreateInput, { householdId: 1, ownerId: 1, ...form });
    if (errors.length) return { errors, location };
    const { householdId: _h, ownerId: _o, ...rest } = input;
    return {
      ok: {
        rowNumber,
        project: raw.project,
        building: raw.building,
        unit: raw.unit,
        ownerIdNumber: ownerIdNumber || (out.relation === 'OWNER' ? (rest.idNumber as string) : ''),
        hobbyNames,
        input: rest,
      },
    };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    for (const [path, v] of Object.entries(e.fields)) {
      const header = HEADER_BY_FIELD.get(path.split('.')[0]) ?? path;
      if (failed.has(header)) continue; // already reported more precisely
      err(header, renderFieldError(v, lang));
    }
    return { errors, location };
  }
}

/** Field errors of M-2 (eligibility) as report rows. */
export function eligibilityRowErrors(rowNumber: number, fields: FieldErrors, lang: Lang): RowError[] {
  const columnOf: Record<string, string> = { birthDate: '出生日期', idNumber: '证件号码', ownerId: '业主证件号码' };
  return Object.entries(fields).map(([path, v]) => ({
    row: rowNumber,
    column: columnOf[path] ?? HEADER_BY_FIELD.get(path) ?? path,
    message: renderFieldError(v, lang),
  }));
}
