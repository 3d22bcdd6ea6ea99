import { Create } from '@refinedev/antd';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../../shared/mutations';
import { CASCADE_FIELDS, createDefaults, dateItemProps, familyMemberBody, MemberFormFields, type MemberFormValues } from '../../../shared/member-form';
import { DOCUMENT_KINDS, useEnumOptions } from '../components/application-parts';
import type { ApplicationReceipt } from '../../../shared/api-types';

type Values = MemberFormValues & {
  collectionPoint?: string;
  collectionPlace?: string;
  receivedOn?: string;
  documentsPresent?: string[];
};

const INTAKE = ['collectionPoint', 'collectionPlace', 'receivedOn', 'documentsPresent', 'householdId', 'ownerId'];

/** The member form's values as the API's `form` (M-4): no cascade helpers, no blanks. */
const formBody = (values: Values): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if ((CASCADE_FIELDS as readonly string[]).includes(key) || INTAKE.includes(key)) continue;
    if (value === '' || value === null || value === undefined) continue;
    body[key] = value;
  }
  body.familyMembers = (values.familyMembers ?? []).map(familyMemberBody);
  return body;
};

/** Receiving an application at a collection point: the M-4 form, the M-5 checklist and the scans. */
export const ApplicationReceive = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<Record<string, UploadFile[]>>({});
  const { pointOptions, documentOptions } = useEnumOptions();
  const { run, busy: saving } = useApiMutation<ApplicationReceipt>({ invalidates: ['applications'] });

  const submit = async () => {
    let values: Values;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true) as Values;
    } catch (error) {
      // The form is long: bring the first problem into view, or it looks as if nothing happened.
      const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center', focus: true });
      return;
    }
    const body = {
      householdId: values.householdId,
      ownerId: values.ownerId,
      form: formBody(values),
      collectionPoint: values.collectionPoint,
      collectionPlace: values.collectionPlace || null,
      receivedOn: values.receivedOn,
      documentsPresent: values.documentsPresent ?? [],
    };
    // The form's fields sit at the top level; the API names them form.<field>. Any warnings (M-3) go with the receipt.
    const app = await run('/applications', body, {
      form,
      rename: (path) => path.replace(/^form\./, ''),
      success: (a) => [t('applications.receive.received', { no: a.applicationNo, receipt: a.receiptNo ?? '—', due: a.dueOn ?? '—' }), ...(a.warnings ?? []).map((w) => w.message)].join('；'),
    });
    if (!app) {
      const first = form.getFieldsError().find((f) => f.errors.length);
      if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center', focus: true });
      return;
    }
    for (const kind of DOCUMENT_KINDS) {
      for (const f of files[kind] ?? []) {
        const fd = new FormData();
        fd.append('kind', kind);
        fd.append('file', f as unknown as File, f.name);
        await run(`/applications/${app.id}/documents`, fd);
      }
    }
    navigate(`/applications/show/${app.id}`);
  };

  return (
    <Create
      saveButtonProps={{ onClick: () => void submit(), loading: saving, children: t('applications.receive.submit'), 'data-testid': 'application-save' } as never}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ ...createDefaults(), collectionPoint: 'MANAGEMENT_OFFICE', receivedOn: dayjs().format('YYYY-MM-DD'), documentsPresent: [] }}
        scrollToFirstError={{ behavior: 'smooth', block: 'center', focus: true }}
      >
        <Card title={t('applications.receive.sectionIntake')} size="small" style={{ marginBottom: 16 }} data-testid="section-intake">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="collectionPoint" label={t('applications.fields.collectionPoint')} rules={[{ required: true }]}>
                <Select options={pointOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="collectionPlace" label={t('applications.fields.collectionPlace')}>
                <Input allowClear maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="receivedOn" label={t('applications.fields.receivedOn')} rules={[{ required: true }]} {...dateItemProps}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="documentsPresent" label={t('applications.receive.documentsChecklist')}>
                <Checkbox.Group options={documentOptions} data-testid="documents-checklist" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <MemberFormFields form={form as never} mode="create" />
        <Card title={t('applications.receive.uploads')} size="small" style={{ marginBottom: 16 }}>
          <Alert type="info" showIcon message={t('applications.receive.uploadHint')} style={{ marginBottom: 12 }} />
          <Row gutter={16}>
            {documentOptions.map((d) => (
              <Col xs={24} md={12} xl={6} key={d.value}>
                <Upload
                  accept=".jpg,.jpeg,.png,.pdf"
                  multiple
                  fileList={files[d.value] ?? []}
                  beforeUpload={(file) => {
                    setFiles((cur) => ({ ...cur, [d.value]: [...(cur[d.value] ?? []), file as unknown as UploadFile] }));
                    return false;
                  }}
                  onRemove={(file) => setFiles((cur) => ({ ...cur, [d.value]: (cur[d.value] ?? []).filter((f) => f.uid !== file.uid) }))}
                >
                  <Button icon={<UploadOutlined />}>{d.label}</Button>
                </Upload>
              </Col>
            ))}
          </Row>
        </Card>
      </Form>
    </Create>
  );
};
