import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MerchantVisitForm } from '../../../shared/api-types';
import { useActionForm } from '../../../shared/mutations';
import { VISIT_METHODS, clubToday } from './merchant-parts';

type Values = Omit<MerchantVisitForm, 'visitedOn'> & { visitedOn: Dayjs };

// A visit shows on the merchant's page and takes its item off the workbench.
const TOUCHES = ['merchant-visits', 'merchants', 'workbench'];

/** B-5: record a visit (on site or by phone) to the merchant; server field errors land on their fields. */
export const RecordVisitButton = ({ merchantId }: { merchantId: number }) => {
  const { t } = useTranslation();
  const visit = useActionForm<Values>({
    path: `/merchants/${merchantId}/visits`,
    invalidates: TOUCHES,
    success: t('merchants.visited'),
    body: (v): MerchantVisitForm => ({
      visitedOn: v.visitedOn.format('YYYY-MM-DD'),
      method: v.method,
      visitor: v.visitor,
      covered: v.covered,
      pricesObserved: v.pricesObserved || null,
      serviceObserved: v.serviceObserved || null,
      memberFeedback: v.memberFeedback || null,
    }),
  });
  const required = { required: true, whitespace: true, message: t('merchants.required') };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => visit.show()} data-testid="merchant-record-visit">
        {t('merchants.recordVisit')}
      </Button>
      <Modal {...visit.modalProps} title={t('merchants.visitTitle')} okText={t('merchants.recordVisit')} cancelText={t('buttons.cancel')}>
        <Form {...visit.formProps} initialValues={{ visitedOn: dayjs(clubToday()), method: 'SITE' }}>
          <Form.Item name="visitedOn" label={t('merchants.visitedOn')} rules={[{ required: true, message: t('merchants.requiredChoice') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="method" label={t('merchants.method')} rules={[{ required: true, message: t('merchants.requiredChoice') }]}>
            <Select options={VISIT_METHODS.map((m) => ({ value: m, label: t(`merchants.methods.${m}`) }))} />
          </Form.Item>
          <Form.Item name="visitor" label={t('merchants.visitor')} rules={[required]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="covered" label={t('merchants.covered')} rules={[required]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="pricesObserved" label={t('merchants.pricesObserved')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="serviceObserved" label={t('merchants.serviceObserved')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="memberFeedback" label={t('merchants.memberFeedback')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};
