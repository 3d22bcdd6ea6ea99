import { Create, useForm, useSelect } from '@refinedev/antd';
import { useCustom, type HttpError } from '@refinedev/core';
import { Alert, Card, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { API_URL } from '../../../providers/data-provider';
import { useEnum, type EnumName } from '../../../shared/member-enums';
import { errorNotification } from '../../../shared/mutations';
import { CHANNELS, type ChangeRequest } from '../components/record-parts';
import { useMemberFields } from '../../../shared/member-fields';

type FieldKind = 'text' | 'date' | { enum: EnumName; multiple?: boolean };

/** The member fields a change request can carry (lists are edited on the member page). */
const CHANGEABLE: Record<string, FieldKind> = {
  title: { enum: 'title' },
  name: 'text',
  pinyin: 'text',
  sex: { enum: 'sex' },
  birthDate: 'date',
  idType: { enum: 'idType' },
  idNumber: 'text',
  nationality: 'text',
  nativeRegion: 'text',
  education: { enum: 'education' },
  homeAddress: 'text',
  district: 'text',
  homePhone: 'text',
  mobile: 'text',
  fax: 'text',
  email: 'text',
  employmentStatus: { enum: 'employmentStatus' },
  employer: 'text',
  employerAddress: 'text',
  employerPhone: 'text',
  employerFax: 'text',
  businessType: 'text',
  position: 'text',
  maritalStatus: { enum: 'maritalStatus' },
  weddingAnniversary: 'date',
  spouseName: 'text',
  spouseBirthDate: 'date',
  spouseNationality: 'text',
  mailingAddress: { enum: 'mailingAddress' },
  hobbyOther: 'text',
  joinReasons: { enum: 'joinReasons', multiple: true },
  propertyBought: 'text',
  carModel: 'text',
  carPlate: 'text',
  status: { enum: 'status' },
  leftOn: 'date',
};

interface Values {
  memberId: number;
  channel: string;
  receivedOn: Dayjs;
  description: string;
  fields?: string[];
  changes?: Record<string, unknown>;
}

interface MemberOption {
  id: number;
  name: string;
  projectName: string;
  buildingName: string;
  unitNumber: string;
}

export const ChangeRequestCreate = () => {
  const { t } = useTranslation();
  const { options } = useEnum();
  const { fieldLabel } = useMemberFields();
  const [params] = useSearchParams();
  const preset = params.get('memberId') ? Number(params.get('memberId')) : undefined;
  const { formProps, saveButtonProps, onFinish, form } = useForm<ChangeRequest, HttpError, Values>({
    resource: 'change-requests',
    action: 'create',
    redirect: 'show',
    // Field errors land on their fields; the notification lists those no field on screen shows.
    errorNotification: errorNotification(t('errors.actionFailed'), true),
  });
  const { selectProps } = useSelect<MemberOption>({
    resource: 'members',
    optionLabel: (m) => `${m.name}（${m.projectName} ${m.buildingName}${m.unitNumber}）`,
    optionValue: (m) => String(m.id),
    defaultValue: preset,
    onSearch: (value) => [{ field: 'q', operator: 'eq', value: value.trim() || undefined }],
    pagination: { pageSize: 20 },
  });
  const fields = Form.useWatch('fields', form) ?? [];
  const receivedOn = Form.useWatch('receivedOn', form) as Dayjs | undefined;
  // The deadline in working days is a club setting (M-6: 1 by default).
  const { result: settings } = useCustom<{ changeRequestDays: number }>({ url: `${API_URL}/settings`, method: 'get' });
  const days = settings?.data?.changeRequestDays;
  const { result: due } = useCustom<{ date: string }>({
    url: `${API_URL}/calendar/working-days`,
    method: 'get',
    config: { query: { from: receivedOn?.format('YYYY-MM-DD'), add: String(days) } },
    queryOptions: { enabled: Boolean(receivedOn) && days !== undefined },
  });

  const toBody = (values: Values) => {
    const changes: Record<string, unknown> = {};
    for (const f of values.fields ?? []) {
      const v = values.changes?.[f];
      if (dayjs.isDayjs(v)) changes[f] = v.format('YYYY-MM-DD');
      else if (v === undefined || v === '') changes[f] = CHANGEABLE[f] === 'text' || CHANGEABLE[f] === 'date' ? null : v;
      else changes[f] = typeof v === 'string' ? v.trim() : v;
    }
    return {
      memberId: Number(values.memberId),
      channel: values.channel,
      receivedOn: values.receivedOn.format('YYYY-MM-DD'),
      description: values.description,
      ...(Object.keys(changes).length ? { changes } : {}),
    };
  };

  const input = (field: string) => {
    const kind = CHANGEABLE[field];
    if (kind === 'date') return <DatePicker style={{ width: '100%' }} />;
    if (kind === 'text') return <Input allowClear />;
    return <Select allowClear mode={kind.multiple ? 'multiple' : undefined} options={options(kind.enum)} />;
  };

  return (
    <Create saveButtonProps={{ ...saveButtonProps, 'data-testid': 'change-request-save' } as typeof saveButtonProps}>
      <Form<Values>
        {...formProps}
        layout="vertical"
        initialValues={{ receivedOn: dayjs(), channel: 'FAX', memberId: preset ? String(preset) : undefined, fields: [] }}
        onFinish={(values) => onFinish(toBody(values) as never).catch(() => undefined)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="memberId" label={t('records.changes.member')} rules={[{ required: true, message: t('records.changes.memberRequired') }]}>
              <Select {...selectProps} showSearch placeholder={t('records.changes.memberPlaceholder')} data-testid="change-request-member" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="channel" label={t('records.changes.channel')} rules={[{ required: true, message: t('records.changes.channelRequired') }]}>
              <Select options={CHANNELS.map((c) => ({ value: c, label: t(`records.changes.channels.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="receivedOn" label={t('records.changes.receivedOn')} rules={[{ required: true, message: t('records.changes.receivedOnRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        {due.data?.date && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('records.changes.dueHint', { date: due.data.date, days })} data-testid="due-hint" />}
        <Form.Item name="description" label={t('records.changes.description')} rules={[{ required: true, whitespace: true, message: t('records.changes.descriptionRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Card size="small" title={t('records.changes.changes')}>
          <Form.Item name="fields" label={t('records.changes.fieldsToChange')} extra={t('records.changes.fieldsHint')}>
            <Select mode="multiple" allowClear options={Object.keys(CHANGEABLE).map((f) => ({ value: f, label: fieldLabel(f) }))} optionFilterProp="label" />
          </Form.Item>
          <Row gutter={16}>
            {fields.map((f) => (
              <Col xs={24} md={12} key={f}>
                <Form.Item name={['changes', f]} label={fieldLabel(f)}>
                  {input(f)}
                </Form.Item>
              </Col>
            ))}
          </Row>
          {fields.length === 0 && <Typography.Text type="secondary">{t('records.changes.noChanges')}</Typography.Text>}
        </Card>
      </Form>
    </Create>
  );
};
