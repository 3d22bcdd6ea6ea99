import dayjs from 'dayjs';

/** A moment from the API (ISO, UTC) as staff read it: their own clock, to the minute. */
export const dateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The same, to the second (history and audit entries). */
export const dateTimeSeconds = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/** A moment's calendar day on the staff's clock. */
export const dateOnly = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');
