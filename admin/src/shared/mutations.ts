import { useCustomMutation, useInvalidate, useTranslate, type BaseRecord, type HttpError, type OpenNotificationParams } from '@refinedev/core';
import { useModal } from '@refinedev/antd';
import { Form, type FormInstance, type FormProps, type ModalProps } from 'antd';
import { API_URL } from '../providers/data-provider';

/**
 * The one way the admin changes data outside a resource's own create/edit pages: Refine's
 * `useCustomMutation`, then `useInvalidate` on the resources it touched (their lists and
 * records refetch by themselves), field errors on their form fields, every other error in one
 * notification (the server's message, and any field errors no field on screen shows).
 */

type Method = 'post' | 'put' | 'patch' | 'delete';

/** API field paths whose form field is named otherwise. */
export type Rename = Record<string, string> | ((path: string) => string);
const renamed = (rename: Rename, path: string) => (typeof rename === 'function' ? rename(path) : (rename[path] ?? path));

const errorText = (value: unknown): string => (Array.isArray(value) ? value.join('；') : typeof value === 'string' ? value : JSON.stringify(value));

/** The API's `errors` ({ "field.path": "text" }) as antd form fields; dotted paths reach Form.List rows. */
export const fieldErrors = (error: unknown, rename: Rename = {}): { name: (string | number)[]; errors: string[] }[] =>
  Object.entries((error as HttpError | undefined)?.errors ?? {}).map(([path, message]) => ({
    name: renamed(rename, path).split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors: Array.isArray(message) ? message.map(String) : [errorText(message)],
  }));

/**
 * The notification every failed change shows: the server's message, and the field errors no field
 * on screen shows (all of them when the change has no form). For Refine's useForm/useModalForm too:
 * `errorNotification: errorNotification(t('errors.actionFailed'), true)`.
 */
export const errorNotification =
  (fallback: string, withFields = false, rename: Rename = {}) =>
  (error?: HttpError): OpenNotificationParams => {
    // antd gives a field the id of its path joined by "_"; a path with no such input has no field on screen.
    const placed = (path: string) => Boolean(withFields && document.getElementById(renamed(rename, path).replace(/\./g, '_')));
    const unplaced = Object.entries(error?.errors ?? {})
      .filter(([path]) => !placed(path))
      .map(([, message]) => errorText(message));
    return {
      type: 'error',
      key: 'api-error',
      message: error?.message || fallback,
      description: unplaced.length ? unplaced.join('；') : undefined,
    };
  };

export interface RunOptions<R> {
  method?: Method;
  /** Shown as a success notification (may depend on the answer). */
  success?: string | ((answer: R) => string);
  /** Puts the answer's field errors on this form's fields. */
  form?: FormInstance;
  /** API field paths whose form field has another name ({ cardFeeFen: 'cardFeeYuan' }, or a function). */
  rename?: Rename;
}

/** A POST (or PUT, PATCH, DELETE) to an API path; resolves to the answer, or undefined when it failed (already shown). */
export function useApiMutation<T extends BaseRecord = BaseRecord>({ invalidates = [] }: { invalidates?: string[] } = {}) {
  const t = useTranslate();
  const invalidate = useInvalidate();
  const { mutateAsync, mutation } = useCustomMutation<T>();
  const run = async <R = T>(path: string, values?: unknown, { method = 'post', success, form, rename }: RunOptions<R> = {}): Promise<R | undefined> => {
    try {
      const res = await mutateAsync({
        url: `${API_URL}${path}`,
        method,
        values: (values ?? (method === 'delete' ? undefined : {})) as never,
        successNotification: success
          ? (res) => ({ type: 'success', key: 'api-success', message: typeof success === 'function' ? success(res?.data as unknown as R) : success })
          : false,
        errorNotification: errorNotification(t('errors.actionFailed'), Boolean(form), rename),
      });
      await Promise.all(invalidates.map((resource) => invalidate({ resource, invalidates: ['resourceAll'] })));
      return res.data as unknown as R;
    } catch (error) {
      if (form) form.setFields(fieldErrors(error, rename));
      return undefined;
    }
  };
  return { run, busy: mutation.isPending };
}

export interface ActionFormOptions<V, T> {
  /** The API path the form posts to (may depend on the values). */
  path: string | ((values: V) => string);
  method?: Method;
  /** What is sent; the form's values by default. */
  body?: (values: V) => unknown;
  /** Resources whose lists and records change. */
  invalidates?: string[];
  success?: string | ((answer: T) => string);
  onDone?: (answer: T) => void;
}

/**
 * A dialog with a form that posts to an action endpoint (issue a card, reverse a fee, reject a
 * request…): `show()` opens it, OK submits, field errors land on the fields, success closes it.
 */
export function useActionForm<V extends object = Record<string, unknown>, T extends BaseRecord = BaseRecord>(options: ActionFormOptions<V, T>) {
  const [form] = Form.useForm<V>();
  const { modalProps, show, close } = useModal();
  const { run, busy } = useApiMutation<T>({ invalidates: options.invalidates });
  const onFinish = async (values: V) => {
    const answer = await run<T>(typeof options.path === 'function' ? options.path(values) : options.path, options.body ? options.body(values) : values, {
      method: options.method,
      success: options.success,
      form,
    });
    if (answer === undefined) return;
    close();
    options.onDone?.(answer);
  };
  const formProps: FormProps<V> = { form, layout: 'vertical', onFinish: (v) => void onFinish(v), preserve: false };
  const dialogProps: ModalProps = { ...modalProps, okButtonProps: { loading: busy }, onOk: () => form.submit(), destroyOnHidden: true };
  return { form, formProps, modalProps: dialogProps, show, close, busy };
}
