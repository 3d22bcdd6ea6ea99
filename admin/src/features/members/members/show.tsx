import { useCan, useList, useShow } from '@refinedev/core';
import { DeleteButton, EditButton, ListButton, RefreshButton, Show } from '@refinedev/antd';
import { Alert, Card, Col, Descriptions, Empty, Row, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FamilyMember, MemberRecord } from '../../../shared/member-types';
import { useEnum, type EnumName } from '../../../shared/member-enums';
import { useHobbies } from '../../../shared/hobbies';
import { MemberHistorySection } from '../components/member-history';
import { MaskedNotice } from '../../../shared/masked-notice';
import { money } from '../../../shared/format';
import { oneLine, useWithTotal } from '../../../shared/table';
import type { CardRecord, CardStatus, FeeEntry } from '../../../shared/api-types';

/** Fields whose value is a date, a number or a phone: kept on one line. */
const ONE_LINE = new Set(['joinedOn', 'birthDate', 'idNumber', 'homePhone', 'mobile', 'fax', 'weddingAnniversary', 'spouseBirthDate', 'signedOn', 'carPlate']);

const CARD_COLORS: Record<CardStatus, string> = { IN_PRODUCTION: 'processing', READY: 'gold', ISSUED: 'success', VOID: 'default' };

/** The member's cards with their state, and the card fees paid for them (M-7, M-8, M-9). */
const MemberCards = ({ memberId }: { memberId: number }) => {
  const { t } = useTranslation();
  const withTotal = useWithTotal();
  const { data: canCards } = useCan({ resource: 'cards', action: 'list' });
  const { data: canFees } = useCan({ resource: 'fee-entries', action: 'list' });
  const filters = [{ field: 'memberId', operator: 'eq' as const, value: memberId }];
  const cards = useList<CardRecord>({ resource: 'cards', filters, pagination: { pageSize: 50 }, queryOptions: { enabled: Boolean(canCards?.can) } });
  const fees = useList<FeeEntry>({ resource: 'fee-entries', filters, pagination: { pageSize: 50 }, queryOptions: { enabled: Boolean(canFees?.can) } });
  if (!canCards?.can && !canFees?.can) return null;
  return (
    <Row gutter={16}>
      {canCards?.can && (
        <Col xs={24} xxl={12}>
          <Card title={t('member-show.cards')} size="small" style={{ marginBottom: 16 }} data-testid="section-cards">
            <Table<CardRecord>
              size="small"
              rowKey="id"
              loading={cards.query.isLoading}
              dataSource={cards.result.data}
              pagination={withTotal({ pageSize: 10, hideOnSinglePage: true, total: cards.result.total })}
              locale={{ emptyText: t('member-show.noCards') }}
              columns={[
                { dataIndex: 'cardNo', title: t('cards.fields.cardNo'), ...oneLine, render: (no: string, c) => <Link to={`/cards/show/${c.id}`}>{no}</Link> },
                { dataIndex: 'status', title: t('cards.fields.status'), ...oneLine, render: (s: CardStatus) => <Tag color={CARD_COLORS[s]}>{t(`cards.statuses.${s}`)}</Tag> },
                { dataIndex: 'readyOn', title: t('cards.fields.readyOn'), ...oneLine, render: (v: string | null) => v ?? '—' },
                { dataIndex: 'issuedOn', title: t('cards.fields.issuedOn'), ...oneLine, render: (v: string | null) => v ?? '—' },
                { dataIndex: 'replacesCardNo', title: t('cards.fields.replaces'), ...oneLine, render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Card>
        </Col>
      )}
      {canFees?.can && (
        <Col xs={24} xxl={12}>
          <Card title={t('member-show.fees')} size="small" style={{ marginBottom: 16 }} data-testid="section-fees">
            <Table<FeeEntry>
              size="small"
              rowKey="id"
              loading={fees.query.isLoading}
              dataSource={fees.result.data}
              pagination={withTotal({ pageSize: 10, hideOnSinglePage: true, total: fees.result.total })}
              locale={{ emptyText: t('member-show.noFees') }}
              columns={[
                { dataIndex: 'receiptNo', title: t('fee-entries.fields.receiptNo'), ...oneLine, render: (no: string, e) => <Link to={`/fee-entries/receipt/${e.id}`}>{no}</Link> },
                { dataIndex: 'kind', title: t('fee-entries.fields.kind'), ...oneLine, render: (k: string) => t(`fee-entries.kinds.${k}`) },
                {
                  dataIndex: 'amountFen',
                  title: t('fee-entries.fields.amount'),
                  align: 'right',
                  ...oneLine,
                  render: (fen: number, e) => (
                    <>
                      {money(fen)}
                      {e.waived && <Tag style={{ marginLeft: 8 }}>{t('fee-entries.waivedTag')}</Tag>}
                      {e.reversedById && <Tag color="red" style={{ marginLeft: 8 }}>{t('fee-entries.reversed')}</Tag>}
                    </>
                  ),
                },
                { dataIndex: 'paidOn', title: t('fee-entries.fields.paidOn'), ...oneLine },
                { dataIndex: 'cardNo', title: t('fee-entries.fields.cardNo'), ...oneLine, render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Card>
        </Col>
      )}
    </Row>
  );
};

export const MemberShow = () => {
  const { t } = useTranslation();
  const { label } = useEnum();
  const hobbies = useHobbies();
  const { result: m, query } = useShow<MemberRecord>({ resource: 'members' });

  const text = (value: unknown): ReactNode =>
    value === null || value === undefined || value === '' ? t('members.none') : String(value);
  const field = (name: string, value?: ReactNode) => {
    const shown = value ?? text(m?.[name as keyof MemberRecord]);
    return { key: name, label: t(`members.fields.${name}`), children: ONE_LINE.has(name) ? <span style={{ whiteSpace: 'nowrap' }}>{shown}</span> : shown };
  };
  const enumField = (name: keyof MemberRecord & string, enumName: EnumName = name as EnumName) =>
    field(name, label(enumName, m?.[name] as string | null | undefined));

  const section = (key: string, items: ReturnType<typeof field>[]) => (
    <Card key={key} title={t(`members.sections.${key}`)} size="small" style={{ marginBottom: 16 }} data-testid={`section-${key}`}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }} items={items} />
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
          {/* A record that is not there (deleted, another region's) cannot be edited or deleted. */}
          {editButtonProps && <EditButton {...editButtonProps} disabled={!m || editButtonProps.disabled} />}
          {deleteButtonProps && <DeleteButton {...deleteButtonProps} disabled={!m || deleteButtonProps.disabled} />}
          <RefreshButton />
        </>
      )}
    >
      {query.isError && <Alert type="error" showIcon message={query.error?.message || t('errors.notFound')} data-testid="record-error" />}
      {m && (
        <>
          {m.masked && <MaskedNotice message={t('members.masked')} />}
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
          <MemberCards memberId={m.id} />
          <MemberHistorySection memberId={m.id} />
        </>
      )}
    </Show>
  );
};
