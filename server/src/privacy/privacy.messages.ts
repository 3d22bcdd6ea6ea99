import type { Lang } from '../common/i18n-types.js';

/** Server messages of the privacy feature, in both languages. Keys start with 'privacy.'. */
export const privacyMessages = {
  'privacy.readsFreely': {
    zh: '您的角色可直接查阅会员资料，无需提交信息使用申请',
    en: 'Your role reads member data freely; no data-use request is needed',
  },
  'privacy.selfApproval': { zh: '不能审批自己提交的申请', en: 'You cannot decide on your own request' },
  'privacy.notPending': { zh: '该申请已处理完毕，不能再审批', en: 'This request has already been decided' },
  'privacy.alreadyDecided': { zh: '您这一级已审批过该申请', en: 'Your level has already decided on this request' },
  'privacy.notYourStep': {
    zh: '该申请无需您这一级审批（本部门员工的申请只需客户会经理审批）',
    en: 'This request does not need your approval (club staff requests need only the club manager)',
  },
  'privacy.unknownKind': { zh: '不支持的信息类别', en: 'Unknown kind of information' },
  'privacy.noteRequired': { zh: '驳回时请填写理由', en: 'Give a reason when rejecting' },
  'privacy.notXlsx': { zh: '请上传 Excel 文件（.xlsx 格式）', en: 'Upload an Excel file (.xlsx)' },
  'privacy.fileMissing': { zh: '请选择要导入的文件', en: 'Choose a file to import' },
  'privacy.noSheet': { zh: '文件中没有工作表', en: 'The file has no worksheet' },
  'privacy.missingHeaders': {
    zh: '表头不符合会员导入模板，缺少以下列：{columns}。请下载模板后按模板填写',
    en: 'The header row does not match the import template; missing columns: {columns}. Download the template and fill it in',
  },
  'privacy.emptyFile': { zh: '文件中没有会员数据行', en: 'The file has no member rows' },
  'privacy.badMode': { zh: '请选择导入方式：全部成功才导入，或只导入有效行', en: 'Choose the mode: all or nothing, or valid rows only' },
  // Row messages of the import report.
  'privacy.row.required': { zh: '此项为必填项', en: 'Required' },
  'privacy.row.option': { zh: '“{value}”不是可选值，可填：{options}', en: '"{value}" is not allowed; use one of: {options}' },
  'privacy.row.date': { zh: '日期“{value}”无效，请填写 YYYY-MM-DD', en: 'Invalid date "{value}"; use YYYY-MM-DD' },
  'privacy.row.numberId': {
    zh: '证件号码被 Excel 存成了数字，末几位已丢失，请把该列设为文本后重新填写',
    en: 'The ID number was stored as a number and lost its last digits; format the column as text and re-enter it',
  },
  'privacy.row.household': {
    zh: '找不到房号：{project} {building} {unit}（或不在您的区域内）',
    en: 'No such unit: {project} {building} {unit} (or outside your region)',
  },
  'privacy.row.ambiguousProject': {
    zh: '楼盘“{project}”有重名，请改填楼盘编号',
    en: 'More than one project is called "{project}"; use the project code',
  },
  'privacy.row.owner': {
    zh: '该房号的产权登记中没有证件号码为 {idNumber} 的业主',
    en: 'No owner with ID number {idNumber} is registered for this unit',
  },
  'privacy.row.child': { zh: '子女“{value}”应写作：姓名 出生日期 性别，多名子女用“；”分隔', en: 'Child "{value}": write name, birth date and sex; separate children with ；' },
  'privacy.row.hobby': { zh: '未知的兴趣爱好：{value}', en: 'Unknown hobby: {value}' },
  'privacy.row.duplicateInFile': { zh: '与第 {row} 行是同一人（同一房号、同一证件号码），已跳过', en: 'Same person as row {row} (same unit and ID number); skipped' },
  'privacy.row.tooManyErrors': { zh: '错误过多，仅保留前 {max} 条', en: 'Too many errors; only the first {max} are kept' },
  'privacy.import.failed': { zh: '导入失败：{message}', en: 'Import failed: {message}' },
} as const satisfies Record<string, Record<Lang, string>>;
