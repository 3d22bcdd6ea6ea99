import type { AdminFeature } from '../types';

export const privacyFeature: AdminFeature = {
  resources: [],
  routes: null,
  translations: { 'zh-CN': {}, en: {} },
};
