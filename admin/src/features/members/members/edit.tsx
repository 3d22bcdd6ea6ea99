import { Edit, useForm } from '@refinedev/antd';
import type { HttpError } from '@refinedev/core';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberRecord } from '../../../shared/member-types';
import { errorNotification } from '../../../shared/mutations';
import { familyMemberBody, MemberFormFields, type MemberFormValues } from '../../../shared/member-form';
import { MaskedNotice } from '../../../shared/masked-notice';

// Never sent on edit: identity and placement are fixed once a member exists.
const READ_ONLY = new Set(['id', 'householdId', 'ownerId', 'household', 'masked', 'projectId', 'buildingId', 'unitId']);

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

/** PATCH carries only what changed, so masked values the user never touched are not written back. */
const changedFields = (values: MemberFormValues, original: MemberRecord | undefined): Partial<MemberFormValues> => {
  const patch: Record<string, unknown> = {};
  if (values.familyMembers) values = { ...values, familyMembers: values.familyMembers.map(familyMemberBody) };
  for (const [key, value] of Object.entries(values)) {
    if (READ_ONLY.has(key)) continue;
    const next = blankToNull(value);
    const before = blankToNull(
      key === 'familyMembers' ? original?.familyMembers?.map(familyMemberBody) : original?.[key as keyof MemberRecord],
    );
    if (JSON.stringify(next) !== JSON.stringify(before)) patch[key] = next;
  }
  return patch;
};

export const MemberEdit = () => {
  const { t } = useTranslation();
  const { formProps, saveButtonProps, onFinish, form, query } = useForm<MemberRecord, HttpError, MemberFormValues>({
    resource: 'members',
    action: 'edit',
    redirect: 'show',
    // Field errors land on their fields; the notification lists those no field on screen shows.
    errorNotification: errorNotification(t('errors.actionFailed'), true),
  });
  const record = query?.data?.data;

  return (
    <Edit
      saveButtonProps={{ ...saveButtonProps, disabled: !record || saveButtonProps.disabled, 'data-testid': 'member-save' } as typeof saveButtonProps}
      isLoading={query?.isLoading}
      canDelete={Boolean(record)}
    >
      {query?.isError && <Alert type="error" showIcon message={query.error?.message || t('errors.notFound')} style={{ marginBottom: 16 }} data-testid="record-error" />}
      {record?.masked && <MaskedNotice message={t('members.masked')} />}
      <Form<MemberFormValues>
        {...formProps}
        layout="vertical"
        scrollToFirstError={{ behavior: 'smooth', block: 'center', focus: true }}
        // Errors are already on the fields and in a notification; swallow the rejection.
        onFinish={(values) => onFinish(changedFields(values, record) as MemberFormValues).catch(() => undefined)}
      >
        <MemberFormFields form={form} mode="edit" record={record} />
      </Form>
    </Edit>
  );
};
