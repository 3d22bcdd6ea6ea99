import { clubToday } from '../calendar/calendar.service.js';
import { isoDay } from '../calendar/working-days.js';
import ExcelJS from 'exceljs';
import type { Response } from 'express';

/** Today in the club's time zone (Asia/Shanghai), for file names. */
export function fileDate(d = new Date()): string {
  return isoDay(clubToday(d));
}

/** Sets the headers of an xlsx download; the Chinese name for browsers, an ASCII fallback for the rest. */
export function sendXlsxHeaders(res: Response, asciiName: string, chineseName: string): void {
  res.status(200);
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Disposition');
  res.setHeader('Cache-Control', 'no-store');
}

export interface Column {
  header: string;
  key: string;
  width?: number;
}

/**
 * A streaming workbook with one sheet written straight to the response, for lists of any
 * length: rows are committed as they are added, so memory stays flat.
 */
export function streamingSheet(res: Response, sheetName: string, columns: Column[]) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    add(row: Record<string, unknown>) {
      sheet.addRow(row).commit();
    },
    async done() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
