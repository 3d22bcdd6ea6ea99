import { useSelect } from '@refinedev/antd';
import type { Building, Project, Unit } from './member-types';

// Reference lists are short per parent; one large page avoids a half-filled dropdown.
const ALL = { mode: 'server' as const, pageSize: 500 };

/** M-1 cascade: project → building → unit, each list filtered by its parent. */
export const useLocationSelects = (projectId?: number | null, buildingId?: number | null) => {
  const { selectProps: projectSelectProps } = useSelect<Project>({
    resource: 'projects',
    optionLabel: 'name',
    optionValue: 'id',
    pagination: ALL,
    sorters: [{ field: 'id', order: 'asc' }],
  });
  const { selectProps: buildingSelectProps } = useSelect<Building>({
    resource: 'buildings',
    optionLabel: 'name',
    optionValue: 'id',
    pagination: ALL,
    filters: projectId ? [{ field: 'projectId', operator: 'eq', value: projectId }] : [],
    queryOptions: { enabled: !!projectId },
  });
  const { selectProps: unitSelectProps } = useSelect<Unit>({
    resource: 'units',
    optionLabel: 'number',
    optionValue: 'id',
    pagination: ALL,
    filters: buildingId ? [{ field: 'buildingId', operator: 'eq', value: buildingId }] : [],
    queryOptions: { enabled: !!buildingId },
  });
  return { projectSelectProps, buildingSelectProps, unitSelectProps };
};
