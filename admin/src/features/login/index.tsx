import { Route } from 'react-router';
import type { AdminFeature } from '../types';
import { LoginPage } from './login-page';

/** Signing in (its strings are core: the auth provider shares them). */
export const loginFeature: AdminFeature = {
  publicRoutes: <Route key="login" path="/login" element={<LoginPage />} />,
};
