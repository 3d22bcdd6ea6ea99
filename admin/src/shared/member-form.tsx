import { useList } from '@refinedev/core';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  type ColProps,
  type FormInstance,
  type FormItemProps,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FamilyMember, FamilyMemberInput, Household, MemberForm, MemberRecord } from './member-types';
import { useEnum } from './member-enums';
import { useHobbies } from './hobbies';
import { useLocationSelects } from './location-selects';

/** The form keeps 'YYYY-MM-DD' strings, as the API does; only the picker sees dayjs. */
export const dateItemProps: Pick<FormItemProps, 'getValueProps' | 'normalize'> = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

/** Cascade fields that only steer the create form; the API takes householdId and ownerId. */
export const CASCADE_FIELDS = ['projectId', 'buildingId', 'unitId'] as const;

export type MemberFormValues = Partial<MemberForm> & {
  projectId?: number;
  buildingId?: number;
  unitId?: number;
  status?: 'ACTIVE' | 'LEFT';
};

/** The API's family-member shape: stored rows come back with ids the write schema refuses. */
export const familyMemberBody = (f: Partial<FamilyMember> | Partial<FamilyMemberInput>): FamilyMemberInput => ({
  relation: f.relation as FamilyMemberInput['relation'],
  name: f.name ?? '',
  birthDate: f.birthDate || null,
  sex: f.sex || null,
});

export const createDefaults = (): MemberFormValues => {
  const today = dayjs().format('YYYY-MM-DD');
  return {
    relation: 'OWNER',
    idType: 'ID_CARD',
    nationality: '中国',
    employmentStatus: 'EMPLOYED',
    maritalStatus: 'SINGLE',
    mailingAddress: 'HOME',
    familyMembers: [],
    hobbyIds: [],
    joinReasons: [],
    signedOn: today,
    joinedOn: today,
  };
};

const half: ColProps = { xs: 24, md: 12, xl: 8 };
const full: ColProps = { xs: 24 };

interface Props {
  form: FormInstance<MemberFormValues>;
  mode: 'create' | 'edit';
  record?: MemberRecord;
}

export const MemberFormFields = ({ form, mode, record }: Props) => {
  const { t } = useTranslation();
  const { options } = useEnum();
  const hobbies = useHobbies();

  const required = (field: string, select = false) => ({
    required: true,
    message: t(select ? 'members.requiredSelect' : 'members.required', { field: t(`members.fields.${field}`) }),
  });
  const item = (name: keyof MemberFormValues & string, node: ReactNode, extra: FormItemProps = {}, span = half) => (
    <Col {...span} key={name}>
      <Form.Item name={name} label={t(`members.fields.${name}`)} {...extra}>
        {node}
      </Form.Item>
    </Col>
  );
  const text = (name: keyof MemberFormValues & string, extra: FormItemProps = {}, span = half) =>
    item(name, <Input data-testid={`field-${name}`} allowClear />, extra, span);
  const date = (name: keyof MemberFormValues & string, extra: FormItemProps = {}) =>
    item(name, <DatePicker style={{ width: '100%' }} data-testid={`field-${name}`} />, { ...dateItemProps, ...extra });
  const select = (name: keyof MemberFormValues & string, enumName: Parameters<typeof options>[0], extra: FormItemProps = {}) =>
    item(name, <Select options={options(enumName)} placeholder={t('members.selectPlaceholder')} data-testid={`field-${name}`} />, extra);

  const section = (key: string, children: ReactNode) => (
    <Card title={t(`members.sections.${key}`)} size="small" style={{ marginBottom: 16 }} data-testid={`section-${key}`}>
      <Row gutter={16}>{children}</Row>
    </Card>
  );

  const employmentStatus = Form.useWatch('employmentStatus', form);
  const maritalStatus = Form.useWatch('maritalStatus', form);

  return (
    <>
      {mode === 'create' ? (
        <HouseholdCascade form={form} />
      ) : (
        record && (
          <Card title={t('members.sections.household')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 4 }}
              items={[
                { key: 'project', label: t('members.fields.project'), children: record.projectName },
                { key: 'building', label: t('members.fields.building'), children: record.buildingName },
                { key: 'unit', label: t('members.fields.unit'), children: record.unitNumber },
                {
                  key: 'owner',
                  label: t('members.fields.ownerId'),
                  children: record.household?.owners?.find((o) => o.id === record.ownerId)?.name ?? record.ownerId,
                },
              ]}
            />
            <Row gutter={16}>
              {select('relation', 'relation', { rules: [required('relation', true)] })}
              {select('status', 'status')}
              {date('joinedOn', { rules: [required('joinedOn', true)] })}
            </Row>
          </Card>
        )
      )}

      {section(
        'personal',
        <>
          {select('title', 'title', { rules: [required('title', true)] })}
          {text('name', { rules: [required('shortName')] })}
          {text('pinyin', { extra: t('members.pinyinHint') })}
          {select('sex', 'sex', { rules: [required('sex', true)] })}
          {date('birthDate', { rules: [required('birthDate', true)] })}
          {select('idType', 'idType', { rules: [required('idType', true)] })}
          {text('idNumber', { rules: [required('idNumber')] })}
          {text('nationality')}
          {text('nativeRegion')}
          {select('education', 'education')}
          {text('homeAddress', {}, { xs: 24, xl: 16 })}
          {text('district')}
          {text('homePhone')}
          {text('mobile', { rules: [required('mobile')] })}
          {text('fax')}
          {text('email', { rules: [{ type: 'email', message: t('members.invalidEmail') }] })}
        </>,
      )}

      {section(
        'employment',
        <>
          {item(
            'employmentStatus',
            <Radio.Group options={options('employmentStatus')} data-testid="field-employmentStatus" />,
            { rules: [required('employmentStatus', true)] },
            full,
          )}
          {employmentStatus === 'EMPLOYED' && (
            <>
              {text('employer')}
              {text('employerAddress')}
              {text('employerPhone')}
              {text('employerFax')}
              {text('businessType')}
              {text('position')}
            </>
          )}
        </>,
      )}

      {section(
        'marital',
        <>
          {item('maritalStatus', <Radio.Group options={options('maritalStatus')} data-testid="field-maritalStatus" />, {}, full)}
          {maritalStatus === 'MARRIED' && (
            <>
              {date('weddingAnniversary')}
              {text('spouseName')}
              {date('spouseBirthDate')}
              {text('spouseNationality')}
            </>
          )}
        </>,
      )}

      <Card title={t('members.sections.family')} size="small" style={{ marginBottom: 16 }} data-testid="section-family">
        <Form.List name="familyMembers">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Row gutter={16} key={key} align="top" data-testid={`family-member-${name}`}>
                  <Col xs={24} md={5}>
                    <Form.Item
                      name={[name, 'relation']}
                      label={t('members.fields.familyRelation')}
                      rules={[required('familyRelation', true)]}
                    >
                      <Select options={options('familyRelation')} placeholder={t('members.selectPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[name, 'name']} label={t('members.fields.familyName')} rules={[required('familyName')]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[name, 'birthDate']} label={t('members.fields.familyBirthDate')} {...dateItemProps}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={18} md={4}>
                    <Form.Item name={[name, 'sex']} label={t('members.fields.familySex')}>
                      <Select options={options('sex')} allowClear placeholder={t('members.selectPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={2}>
                    <Form.Item label=" ">
                      <Button
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(name)}
                        aria-label={t('members.removeFamilyMember')}
                        data-testid={`family-member-remove-${name}`}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ relation: 'CHILD', name: '', birthDate: null, sex: null })}
                data-testid="family-member-add"
              >
                {t('members.addFamilyMember')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      {section(
        'mailing',
        item('mailingAddress', <Radio.Group options={options('mailingAddress')} data-testid="field-mailingAddress" />, {}, full),
      )}

      {section(
        'hobbies',
        <>
          {item(
            'hobbyIds',
            <Select
              mode="multiple"
              allowClear
              loading={hobbies.loading}
              options={hobbies.options}
              optionFilterProp="label"
              placeholder={t('members.selectPlaceholder')}
              data-testid="field-hobbyIds"
            />,
            {},
            { xs: 24, xl: 16 },
          )}
          {text('hobbyOther')}
        </>,
      )}

      {section(
        'other',
        <>
          {item('joinReasons', <Checkbox.Group options={options('joinReasons')} data-testid="field-joinReasons" />, {}, full)}
          {text('propertyBought')}
          {text('carModel')}
          {text('carPlate')}
        </>,
      )}

      {section(
        'signing',
        <>
          {date('signedOn')}
          {mode === 'create' && date('joinedOn', { rules: [required('joinedOn', true)] })}
        </>,
      )}
    </>
  );
};

/** Create only: project → building → unit → household → owner, then the relation to that owner (M-1, M-2). */
const HouseholdCascade = ({ form }: { form: FormInstance<MemberFormValues> }) => {
  const { t } = useTranslation();
  const { options } = useEnum();
  const projectId = Form.useWatch('projectId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const unitId = Form.useWatch('unitId', form);
  const householdId = Form.useWatch('householdId', form);
  const { projectSelectProps, buildingSelectProps, unitSelectProps } = useLocationSelects(projectId, buildingId);

  const { result, query } = useList<Household>({
    resource: 'households',
    filters: unitId ? [{ field: 'unitId', operator: 'eq', value: unitId }] : [],
    pagination: { mode: 'off' },
    queryOptions: { enabled: !!unitId },
  });
  const households = unitId ? (result?.data ?? []) : [];
  const household = households.find((h) => h.id === householdId);

  // A unit is one household (M-1): pick it, and its only owner, without asking.
  useEffect(() => {
    if (!unitId || query.isFetching) return;
    const current = form.getFieldValue('householdId');
    if (households.length === 1 && current !== households[0].id) {
      form.setFieldsValue({ householdId: households[0].id, ownerId: undefined });
    }
  }, [unitId, households, query.isFetching, form]);
  useEffect(() => {
    if (household?.owners.length === 1 && form.getFieldValue('ownerId') === undefined) {
      form.setFieldsValue({ ownerId: household.owners[0].id });
    }
  }, [household, form]);

  const required = (field: string) => ({
    required: true,
    message: t('members.requiredSelect', { field: t(`members.fields.${field}`) }),
  });

  return (
    <Card title={t('members.sections.household')} size="small" style={{ marginBottom: 16 }} data-testid="section-household">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="projectId" label={t('members.fields.project')} rules={[required('project')]}>
            <Select
              {...projectSelectProps}
              showSearch
              placeholder={t('members.selectPlaceholder')}
              onChange={(value) => {
                form.setFieldsValue({ projectId: value as unknown as number, buildingId: undefined, unitId: undefined, householdId: undefined, ownerId: undefined });
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="buildingId" label={t('members.fields.building')} rules={[required('building')]}>
            <Select
              {...buildingSelectProps}
              showSearch
              disabled={!projectId}
              placeholder={t('members.selectPlaceholder')}
              onChange={(value) => {
                form.setFieldsValue({ buildingId: value as unknown as number, unitId: undefined, householdId: undefined, ownerId: undefined });
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="unitId" label={t('members.fields.unit')} rules={[required('unit')]}>
            <Select
              {...unitSelectProps}
              showSearch
              disabled={!buildingId}
              placeholder={t('members.selectPlaceholder')}
              onChange={(value) => {
                form.setFieldsValue({ unitId: value as unknown as number, householdId: undefined, ownerId: undefined });
              }}
            />
          </Form.Item>
        </Col>
        {unitId && !query.isFetching && households.length === 0 && (
          <Col span={24}>
            <Alert type="warning" showIcon message={t('members.noHousehold')} style={{ marginBottom: 16 }} />
          </Col>
        )}
        <Col xs={24} md={8} style={households.length > 1 ? undefined : { display: 'none' }}>
          <Form.Item name="householdId" label={t('members.fields.householdId')} rules={[required('householdId')]}>
            <Select
              loading={query.isFetching}
              options={households.map((h) => ({
                value: h.id,
                label: `${h.unitLabel}（${h.owners.map((o) => o.name).join('、')}）`,
              }))}
              onChange={(value: number) => form.setFieldsValue({ householdId: value, ownerId: undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="ownerId" label={t('members.fields.ownerId')} rules={[required('ownerId')]}>
            <Select
              disabled={!household}
              placeholder={household ? t('members.selectPlaceholder') : t('members.pickUnitFirst')}
              options={(household?.owners ?? []).map((o) => ({ value: o.id, label: o.name }))}
              data-testid="field-ownerId"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="relation" label={t('members.fields.relation')} rules={[required('relation')]}>
            <Select options={options('relation')} data-testid="field-relation" />
          </Form.Item>
        </Col>
        {household && (
          <Col span={24}>
            <Space wrap data-testid="household-owners">
              <span>{t('members.householdOwners')}</span>
              {household.owners.map((o) => (
                <Tag key={o.id}>{o.name}</Tag>
              ))}
            </Space>
          </Col>
        )}
      </Row>
    </Card>
  );
};
