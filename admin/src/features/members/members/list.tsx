import {
  DeleteButton,
  EditButton,
  getDefaultSortOrder,
  List,
  ShowButton,
  useTable,
} from '@refinedev/antd';
import { Card, Form, Input, Select, Space, Table } from 'antd';
import { Link } from 'react-router';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MemberListItem } from '../../../shared/member-types';
import { useEnum } from '../../../shared/member-enums';
import { useLocationSelects } from '../../../shared/location-selects';
import { MemberExportButtons } from '../components/export-buttons';
import { SearchButtons, eqFilters, formValuesOf } from '../../../shared/search-bar';
import { oneLine, useWithTotal } from '../../../shared/table';
import { TwoLines } from '../../../shared/two-lines';

interface SearchValues {
  q?: string;
  projectId?: number;
  buildingId?: number;
  unitId?: number;
  sex?: string;
  status?: string;
}

const FILTER_FIELDS = ['q', 'projectId', 'buildingId', 'unitId', 'sex', 'status'] as const;

export const MemberList = () => {
  const { t } = useTranslation();
  const { label, options } = useEnum();
  const withTotal = useWithTotal();

  const { tableProps, searchFormProps, sorters, filters } = useTable<MemberListItem, { message: string; statusCode: number }, SearchValues>({
    resource: 'members',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    // No initial sorter: the API's default order is project, building, unit (M-1).
    onSearch: (values) => eqFilters(FILTER_FIELDS, values),
  });

  const initialValues = formValuesOf<SearchValues>(filters);

  const form = searchFormProps.form!;
  const projectId = Form.useWatch('projectId', form);
  const buildingId = Form.useWatch('buildingId', form);
  const { projectSelectProps, buildingSelectProps, unitSelectProps } = useLocationSelects(
    projectId ? Number(projectId) : undefined,
    buildingId ? Number(buildingId) : undefined,
  );

  // The export takes exactly what the list shows: its filters and search.
  const activeFilters = Object.fromEntries(
    filters.flatMap((f) => ('field' in f && f.value !== undefined && f.value !== '' ? [[f.field, f.value]] : [])),
  );

  return (
    <List headerButtons={({ defaultButtons }) => (
      <>
        <MemberExportButtons filters={activeFilters} />
        {defaultButtons}
      </>
    )}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          {...searchFormProps}
          layout="inline"
          initialValues={initialValues}
          onValuesChange={(changed: Partial<SearchValues>) => {
            if ('projectId' in changed) form.setFieldsValue({ buildingId: undefined, unitId: undefined });
            if ('buildingId' in changed) form.setFieldsValue({ unitId: undefined });
          }}
        >
          <Form.Item name="q">
            <Input
              data-testid="member-search"
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('members.searchPlaceholder')}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item name="projectId">
            <Select
              {...projectSelectProps}
              allowClear
              showSearch
              placeholder={t('members.allProjects')}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item name="buildingId">
            <Select
              {...buildingSelectProps}
              allowClear
              showSearch
              disabled={!projectId}
              placeholder={t('members.allBuildings')}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item name="unitId">
            <Select
              {...unitSelectProps}
              allowClear
              showSearch
              disabled={!buildingId}
              placeholder={t('members.allUnits')}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item name="sex">
            <Select allowClear options={options('sex')} placeholder={t('members.allSexes')} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              options={options('status')}
              placeholder={t('members.allStatuses')}
              style={{ width: 120 }}
            />
          </Form.Item>
          <SearchButtons form={form} fields={FILTER_FIELDS} submitTestId="member-search-submit" />
        </Form>
      </Card>
      <Table<MemberListItem> {...tableProps} pagination={withTotal(tableProps.pagination)} rowKey="id" data-testid="members-table" size="middle">
        <Table.Column<MemberListItem>
          key="projectId"
          dataIndex="projectName"
          title={t('members.fields.household')}
          sorter
          defaultSortOrder={getDefaultSortOrder('projectId', sorters)}
          render={(project: string, m) => <TwoLines sub={`${m.buildingName} ${m.unitNumber}`}>{project}</TwoLines>}
        />
        <Table.Column<MemberListItem>
          key="name"
          dataIndex="name"
          title={t('members.fields.shortName')}
          sorter
          defaultSortOrder={getDefaultSortOrder('name', sorters)}
          render={(name: string, m) => <Link to={`/members/show/${m.id}`}>{name}</Link>}
        />
        <Table.Column<MemberListItem>
          key="pinyin"
          dataIndex="pinyin"
          title={t('members.fields.pinyin')}
          sorter
          defaultSortOrder={getDefaultSortOrder('pinyin', sorters)}
        />
        <Table.Column<MemberListItem>
          dataIndex="relation"
          title={t('members.fields.relation')}
          {...oneLine}
          render={(value: string) => label('relation', value)}
        />
        <Table.Column<MemberListItem>
          dataIndex="sex"
          title={t('members.fields.sex')}
          {...oneLine}
          render={(value: string) => label('sex', value)}
        />
        <Table.Column<MemberListItem> dataIndex="mobile" title={t('members.fields.mobile')} {...oneLine} />
        <Table.Column<MemberListItem>
          key="joinedOn"
          dataIndex="joinedOn"
          title={t('members.fields.joinedOn')}
          sorter
          defaultSortOrder={getDefaultSortOrder('joinedOn', sorters)}
          {...oneLine}
        />
        <Table.Column<MemberListItem>
          title={t('table.actions')}
          {...oneLine}
          render={(_, record) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={record.id} />
              <EditButton hideText size="small" recordItemId={record.id} />
              <DeleteButton hideText size="small" recordItemId={record.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
};
