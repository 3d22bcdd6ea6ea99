import { useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import type { Hobby } from './member-types';

export const useHobbies = () => {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const { result, query } = useList<Hobby>({
    resource: 'hobbies',
    pagination: { mode: 'off' },
    sorters: [{ field: 'id', order: 'asc' }],
  });
  const hobbies = result?.data ?? [];
  const nameOf = (hobby: Hobby) => (english ? hobby.nameEn : hobby.nameZh);
  return {
    loading: query.isLoading,
    options: hobbies.map((h) => ({ value: h.id, label: nameOf(h) })),
    names: (ids: number[] | null | undefined) =>
      (ids ?? []).map((id) => {
        const hobby = hobbies.find((h) => h.id === id);
        return hobby ? nameOf(hobby) : String(id);
      }),
  };
};
