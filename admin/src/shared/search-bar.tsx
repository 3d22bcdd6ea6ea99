import type { CrudFilter } from '@refinedev/core';
import { Button, Form, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

/** A search form's values as simple-rest filters: one `eq` per field, text trimmed, empty fields dropped. */
export function eqFilters<F extends string>(fields: readonly F[], values: Partial<Record<F, unknown>>): CrudFilter[] {
  return fields.map<CrudFilter>((field) => {
    const raw = values[field];
    return { field, operator: 'eq', value: typeof raw === 'string' ? raw.trim() || undefined : raw };
  });
}

/** The form's starting values from the table's filters, so a link to a filtered list shows its filters. */
export function formValuesOf<V>(filters: CrudFilter[]): V {
  return Object.fromEntries(filters.flatMap((f) => ('field' in f && f.value !== undefined ? [[f.field, f.value]] : []))) as V;
}

/** Search and Reset for a list's filter form; Reset empties `fields` and searches again. */
export function SearchButtons({ form, fields, submitTestId }: { form: FormInstance; fields: readonly string[]; submitTestId?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid={submitTestId}>
          {t('buttons.search')}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue(Object.fromEntries(fields.map((f) => [f, undefined])));
            form.submit();
          }}
        >
          {t('buttons.reset')}
        </Button>
      </Space>
    </Form.Item>
  );
}
