import { useShow } from '@refinedev/core';
import { DeleteButton, EditButton, ListButton, RefreshButton, Show } from '@refinedev/antd';
import { Alert, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FamilyMember, MemberRecord } from '../../../shared/member-types';
import { useEnum, type EnumName } from '../../../shared/member-enums';
import { useHobbies } from '../../../shared/hobbies';
import { MemberHistorySection } from '../components/member-history';

export const MemberShow = () => {
  const { t } = useTranslation();
  const { label } = useEnum();
  const hobbies = useHobbies();
  const { result: m, query } = useShow<MemberRecord>({ resource: 'members' });

  const text = (value: unknown): ReactNode =>
    value === null || value === undefined || value === '' ? t('members.none') : String(value);
  const field = (name: string, value?: ReactNode) => ({
    key: name,
    label: t(`members.fields.${name}`),
    children: value ?? text(m?.[name as keyof MemberRecord]),
  });
  const enumField = (name: keyof MemberRecord & string, enumName: EnumName = name as EnumName) =>
    field(name, label(enumName, m?.[name] as string | null | undefined));

  const section = (key: string, items: ReturnType<typeof field>[]) => (
    <Card key={key} title={t(`members.sections.${key}`)} size="small" style={{ marginBottom: 16 }} data-testid={`section-${key}`}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );

  const employed = m?.employmentStatus === 'EMPLOYED';
  const married = m?.maritalStatus === 'MARRIED';

  return (
    <Show
      isLoading={query.isLoading}
      headerButtons={({ editButtonProps, deleteButtonProps }) => (
        <>
          <ListButton />
          {editButtonProps && <EditButton {...editButtonProps} />}
          {deleteButtonProps && <DeleteButton {...deleteButtonProps} />}
          <RefreshButton />
        </>
      )}
    >
      {query.isError && <Alert type="error" showIcon message={query.error?.message ?? t('errors.notFound')} />}
      {m && (
        <>
          {m.masked && <Alert type="info" showIcon message={t('members.masked')} style={{ marginBottom: 16 }} />}
          {section('household', [
            field('project', m.projectName),
            field('building', m.buildingName),
            field('unit', m.unitNumber),
            field('ownerId', (m.household?.owners ?? []).find((o) => o.id === m.ownerId)?.name ?? text(m.ownerId)),
            enumField('relation'),
            enumField('status'),
            field('joinedOn'),
            field('owners', (
              <Space wrap>
                {(m.household?.owners ?? []).map((o) => (
                  <Tag key={o.id}>{o.name}</Tag>
                ))}
              </Space>
            )),
          ])}
          {section('personal', [
            enumField('title'),
            field('name'),
            field('pinyin'),
            enumField('sex'),
            field('birthDate'),
            enumField('idType'),
            field('idNumber'),
            field('nationality'),
            field('nativeRegion'),
            enumField('education'),
            field('homeAddress'),
            field('district'),
            field('homePhone'),
            field('mobile'),
            field('fax'),
            field('email'),
          ])}
          {section('employment', [
            enumField('employmentStatus'),
            ...(employed
              ? [
                  field('employer'),
                  field('employerAddress'),
                  field('employerPhone'),
                  field('employerFax'),
                  field('businessType'),
                  field('position'),
                ]
              : []),
          ])}
          {section('marital', [
            enumField('maritalStatus'),
            ...(married
              ? [field('weddingAnniversary'), field('spouseName'), field('spouseBirthDate'), field('spouseNationality')]
              : []),
          ])}
          <Card title={t('members.sections.family')} size="small" style={{ marginBottom: 16 }} data-testid="section-family">
            {m.familyMembers?.length ? (
              <Table<FamilyMember>
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={m.familyMembers}
                columns={[
                  { dataIndex: 'relation', title: t('members.fields.familyRelation'), render: (v: string) => label('familyRelation', v) },
                  { dataIndex: 'name', title: t('members.fields.familyName') },
                  { dataIndex: 'birthDate', title: t('members.fields.familyBirthDate'), render: (v: string | null) => text(v) },
                  { dataIndex: 'sex', title: t('members.fields.familySex'), render: (v: string | null) => label('sex', v) },
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.noFamilyMembers')} />
            )}
          </Card>
          {section('mailing', [enumField('mailingAddress')])}
          {section('hobbies', [
            field('hobbyIds', (
              <Space wrap>
                {hobbies.names(m.hobbyIds).map((n) => (
                  <Tag key={n}>{n}</Tag>
                ))}
              </Space>
            )),
            field('hobbyOther'),
          ])}
          {section('other', [
            field('joinReasons', (m.joinReasons ?? []).map((r) => label('joinReasons', r)).join(t('members.listSeparator')) || t('members.none')),
            field('propertyBought'),
            field('carModel'),
            field('carPlate'),
          ])}
          {section('signing', [field('signedOn')])}
          <MemberHistorySection memberId={m.id} />
        </>
      )}
    </Show>
  );
};
