import type { AdminFeature } from '../types';

export const recordsFeature: AdminFeature = {
  resources: [],
  routes: null,
  translations: { 'zh-CN': {}, en: {} },
};
