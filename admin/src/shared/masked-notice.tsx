import { useCan } from '@refinedev/core';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * "Some information is hidden" with the way to see it: a link to file a data-use request (M-11),
 * for users who may file one. `message` is the page's own sentence.
 */
export const MaskedNotice = ({ message, className }: { message: string; className?: string }) => {
  const { t } = useTranslation();
  const { data: can } = useCan({ resource: 'data-use-requests', action: 'create' });
  return (
    <Alert
      type="info"
      showIcon
      className={className}
      message={message}
      style={{ marginBottom: 16 }}
      data-testid="masked-notice"
      action={
        can?.can ? (
          <Link to="/data-use-requests/create" data-testid="request-access">
            <Button size="small" type="link">
              {t('masking.requestAccess')}
            </Button>
          </Link>
        ) : undefined
      }
    />
  );
};
