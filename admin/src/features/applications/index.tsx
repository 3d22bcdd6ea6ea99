import type { AdminFeature } from '../types';

export const applicationsFeature: AdminFeature = {
  resources: [],
  routes: null,
  translations: { 'zh-CN': {}, en: {} },
};
