import type { ReactNode } from 'react';
import { CanAccess, useLink, useMenu, type TreeMenuItem } from '@refinedev/core';
import { useThemedLayoutContext, type RefineThemedLayoutSiderProps } from '@refinedev/antd';
import { Button, Layout, Menu, theme } from 'antd';
import { LeftOutlined, RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Wide enough for the longest label of each language (English group children: "Card-limit exceptions"). */
const WIDTH = { 'zh-CN': 216, en: 256 } as const;

/**
 * The menu: Refine's items (its groups and resources, each shown only when the user may open it;
 * a group with no page for the user is hidden by the access provider), wider than Refine's own
 * 200 px sider so English labels fit, and a label that still does not fit ends in "…" with the
 * whole label as its tooltip. Signing out lives in the header's user menu.
 */
export const MenuSider = ({ Title }: Pick<RefineThemedLayoutSiderProps, 'Title'>) => {
  const { token } = theme.useToken();
  const { i18n } = useTranslation();
  const Link = useLink();
  const { siderCollapsed, setSiderCollapsed } = useThemedLayoutContext();
  const { menuItems, selectedKey, defaultOpenKeys } = useMenu();
  const width = WIDTH[i18n.language.startsWith('en') ? 'en' : 'zh-CN'];

  const labelOf = (item: TreeMenuItem): string => String(item.label ?? item.meta?.label ?? item.name);

  const tree = (items: TreeMenuItem[]): ReactNode[] =>
    items.map((item) => {
      const label = labelOf(item);
      if (item.children.length > 0)
        return (
          <CanAccess key={item.key} resource={item.name} action="list" params={{ resource: item }}>
            <Menu.SubMenu key={item.key} icon={item.meta?.icon ?? <UnorderedListOutlined />} title={<span title={label} data-testid="menu-group" data-group={item.name}>{label}</span>}>
              {tree(item.children)}
            </Menu.SubMenu>
          </CanAccess>
        );
      return (
        <CanAccess key={item.key} resource={item.name} action="list" params={{ resource: item }}>
          <Menu.Item key={item.key} icon={item.meta?.icon ?? <UnorderedListOutlined />}>
            <Link to={item.list ?? ''} title={label} data-testid="menu-item" data-resource={item.name}>
              {label}
            </Link>
          </Menu.Item>
        </CanAccess>
      );
    });

  return (
    <Layout.Sider
      width={width}
      collapsible
      collapsed={siderCollapsed}
      collapsedWidth={80}
      breakpoint="lg"
      onCollapse={(collapsed, type) => {
        // Below the lg breakpoint the menu folds by itself; the button folds it at any width.
        if (type === 'clickTrigger' || type === 'responsive') setSiderCollapsed(collapsed);
      }}
      style={{ backgroundColor: token.colorBgContainer, borderRight: `1px solid ${token.colorBgElevated}` }}
      trigger={
        <Button type="text" style={{ borderRadius: 0, height: '100%', width: '100%', backgroundColor: token.colorBgElevated }}>
          {siderCollapsed ? <RightOutlined style={{ color: token.colorPrimary }} /> : <LeftOutlined style={{ color: token.colorPrimary }} />}
        </Button>
      }
      data-testid="sider"
    >
      <div
        style={{
          width: siderCollapsed ? 80 : width,
          padding: siderCollapsed ? 0 : '0 16px',
          display: 'flex',
          justifyContent: siderCollapsed ? 'center' : 'flex-start',
          alignItems: 'center',
          height: 64,
          backgroundColor: token.colorBgElevated,
          fontSize: 14,
        }}
      >
        {Title && <Title collapsed={siderCollapsed} />}
      </div>
      <Menu
        mode="inline"
        selectedKeys={selectedKey ? [selectedKey] : []}
        defaultOpenKeys={defaultOpenKeys}
        style={{ paddingTop: 8, border: 'none', overflow: 'auto', height: 'calc(100% - 72px)' }}
      >
        {tree(menuItems)}
      </Menu>
    </Layout.Sider>
  );
};
