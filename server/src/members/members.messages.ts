import type { Lang } from '../common/i18n-types.js';

/**
 * Server messages of the members feature's import (M-4) and of uploads, in both languages. Keys
 * start with 'members.import.' and 'uploads.'. (The import's older messages keep their
 * 'privacy.' keys, from when it lived in the privacy feature.)
 */
export const membersMessages = {
  'members.import.badZip': {
    zh: '文件已损坏，无法作为 Excel 文件（.xlsx）读取；请在 Excel 中重新保存后再导入',
    en: 'The file is damaged and cannot be read as an Excel file (.xlsx); save it again in Excel and retry',
  },
  'members.import.inflatedTooLarge': {
    zh: '文件解压后过大（超过 {mb} MB）或压缩比异常，不予读取；请删除多余的工作表、格式和空行，或拆分文件后再导入',
    en: 'The file unpacks to too much data (over {mb} MB) or is compressed suspiciously well; remove extra sheets, formatting and empty rows, or split the file',
  },
  'members.import.rowTooLong': {
    zh: '第 {row} 行内容过长（超过 {kb} KB）或没有结束，文件可能已损坏',
    en: 'Row {row} is too long (over {kb} KB) or never ends; the file may be damaged',
  },
  'members.import.tooManyRows': { zh: '一次最多导入 {max} 行，请拆分文件后再导入', en: 'At most {max} rows per import; split the file' },
  'members.import.tooManyColumns': { zh: '第 {row} 行超过 {max} 列，请只保留导入模板中的列', en: 'Row {row} has more than {max} columns; keep only the template’s columns' },
  'members.import.interrupted': {
    zh: '导入被中断（服务停止或重启）：已导入 {created} 人（至第 {row} 行），均已记入审计日志；重新导入同一文件即可继续，已导入的人会被跳过',
    en: 'The import was interrupted (the service stopped or restarted): {created} members were imported (up to row {row}), all in the audit log; import the same file again to go on, those already in are skipped',
  },
  'members.import.interruptedAtomic': {
    zh: '导入被中断（服务停止或重启）：按“全部成功才导入”方式，未导入任何人；请重新导入',
    en: 'The import was interrupted (the service stopped or restarted); as all-or-nothing, nobody was imported; import the file again',
  },
  'members.import.resumeOwnJob': { zh: '只有上传者本人可以继续这次导入', en: 'Only the person who uploaded it can go on with this import' },
  'members.import.notResumable': {
    zh: '只有中断或失败的“仅导入有效行”任务可以继续；“全部成功才导入”的任务请重新导入',
    en: 'Only an interrupted or failed valid-rows-only import can go on; import an all-or-nothing file again',
  },
  'members.import.resumeOtherFile': { zh: '这不是原来导入的文件（内容不一致），请上传同一个文件', en: 'This is not the file of the original import (its content differs); upload the same file' },
  'uploads.tooLarge': { zh: '文件不能超过 {mb} MB', en: 'The file must be at most {mb} MB' },
  'uploads.malformed': { zh: '上传内容有误：请在 file 字段中只上传一个文件', en: 'The upload is malformed: send one file in the "file" field' },
  'uploads.activeContent': {
    zh: '文件中含有网页或脚本内容（{what}），为安全起见不予接收；请上传扫描件或照片原件',
    en: 'The file contains web-page or script content ({what}) and is refused for safety; upload the original scan or photo',
  },
} as const satisfies Record<string, Record<Lang, string>>;
