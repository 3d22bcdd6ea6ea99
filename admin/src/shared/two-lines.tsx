import type { ReactNode } from 'react';
import { Typography } from 'antd';

/**
 * A list cell on two lines: the value, and under it in grey what places it (a household's project
 * over its unit, a member's name over their household), so a list fits 1280 px without a column more.
 */
export const TwoLines = ({ children, sub }: { children: ReactNode; sub: ReactNode }) => (
  <>
    {children}
    <br />
    <Typography.Text type="secondary">{sub}</Typography.Text>
  </>
);
