import { Create, useForm } from '@refinedev/antd';
import type { HttpError } from '@refinedev/core';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberForm, MemberRecord } from '../../../shared/member-types';
import { errorNotification } from '../../../shared/mutations';
import { CASCADE_FIELDS, createDefaults, familyMemberBody, MemberFormFields, type MemberFormValues } from '../../../shared/member-form';

/** Drops the cascade helpers and blank optional inputs; the server fills pinyin when it is absent. */
const toCreateBody = (values: MemberFormValues): Partial<MemberForm> => {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if ((CASCADE_FIELDS as readonly string[]).includes(key)) continue;
    if (value === '' || value === null || value === undefined) continue;
    body[key] = value;
  }
  body.familyMembers = (values.familyMembers ?? []).map(familyMemberBody);
  return body as Partial<MemberForm>;
};

export const MemberCreate = () => {
  const { t } = useTranslation();
  const { formProps, saveButtonProps, onFinish, form } = useForm<MemberRecord, HttpError, MemberFormValues>({
    resource: 'members',
    action: 'create',
    redirect: 'show',
    // Field errors land on their fields; the notification lists those no field on screen shows.
    errorNotification: errorNotification(t('errors.actionFailed'), true),
  });

  return (
    <Create saveButtonProps={{ ...saveButtonProps, 'data-testid': 'member-save' } as typeof saveButtonProps}>
      <Form<MemberFormValues>
        {...formProps}
        layout="vertical"
        initialValues={createDefaults()}
        scrollToFirstError
        // Errors are already on the fields and in a notification; swallow the rejection.
        onFinish={(values) => onFinish(toCreateBody(values) as MemberFormValues).catch(() => undefined)}
      >
        <MemberFormFields form={form} mode="create" />
      </Form>
    </Create>
  );
};
