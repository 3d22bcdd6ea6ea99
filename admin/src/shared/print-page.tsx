import type { ReactNode } from 'react';
import { Button, Space } from 'antd';
import { PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Print pages: a toolbar hidden on paper, and the sheet itself. */
export const PrintPage = ({ children, width = 960 }: { children: ReactNode; width?: number }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="club-print">
      <style>{`
        .club-print .sheet { background: #fff; margin: 0 auto; padding: 24px 32px; max-width: ${width}px; color: #000; }
        .club-print table.grid { width: 100%; border-collapse: collapse; }
        .club-print table.grid th, .club-print table.grid td { border: 1px solid #000; padding: 6px 8px; font-size: 13px; text-align: left; }
        @media print {
          .no-print, .ant-layout-sider, .ant-layout-header, header { display: none !important; }
          .ant-layout, .ant-layout-content { background: #fff !important; margin: 0 !important; padding: 0 !important; }
          .club-print .sheet { padding: 0; max-width: none; }
          @page { margin: 12mm; }
        }
      `}</style>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button icon={<RollbackOutlined />} onClick={() => navigate(-1)}>
          {t('print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
          {t('print.print')}
        </Button>
      </Space>
      <div className="sheet">{children}</div>
    </div>
  );
};

