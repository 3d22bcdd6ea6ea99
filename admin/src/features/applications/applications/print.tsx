import type { ReactNode } from 'react';
import { useOne, useShow } from '@refinedev/core';
import { Alert, Empty } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFileUrl } from '../../../shared/download';
import type { PickupBatchDetail } from '../../../shared/api-types';
import { PrintPage } from '../../../shared/print-page';
import { useHobbies } from '../../../shared/hobbies';
import { ENUMS } from '../../../shared/member-enums';
import type { ApplicationDetail } from '../components/application-parts';
import { MaskedNotice } from '../../../shared/masked-notice';

const SHEET_CSS = `
.application-form { font-size: 13px; line-height: 1.7; }
.application-form h2 { text-align: center; margin: 0 0 4px; font-size: 20px; }
.application-form .meta { display: flex; justify-content: space-between; font-size: 12px; margin-bottom: 8px; }
.application-form h3 { font-size: 14px; font-weight: 700; margin: 10px 0 2px; border-bottom: 1px solid #000; }
.application-form .row { display: flex; flex-wrap: wrap; column-gap: 24px; }
.application-form .field { min-width: 30%; }
.application-form .field.wide { min-width: 100%; }
.application-form .value { display: inline-block; min-width: 120px; border-bottom: 1px solid #000; padding: 0 4px; }
.application-form .box { margin-right: 14px; white-space: nowrap; }
.application-form .note { font-size: 12px; }
.application-form table.grid { margin-top: 2px; }
.application-form .hobbies { display: grid; grid-template-columns: repeat(6, 1fr); }
@media print { .application-form h3 { break-after: avoid; } }
`;

type Form = Record<string, unknown>;
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

const Box = ({ on, children }: { on: boolean; children: ReactNode }) => (
  <span className="box" data-checked={on ? 'true' : 'false'}>
    {on ? '☑' : '☐'} {children}
  </span>
);

const Field = ({ n, label, value, wide }: { n?: number; label: string; value: unknown; wide?: boolean }) => (
  <div className={wide ? 'field wide' : 'field'}>
    {n !== undefined && `${n}、`}
    {label}：<span className="value">{str(value) || '\u00a0'}</span>
  </div>
);

/** Appendix 1: the application form (M-4) as the paper the applicant signs. Values as the API gives them (masked per M-11). */
export const ApplicationPrint = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const { result: app, query } = useShow<ApplicationDetail>({ resource: 'applications', id });
  const hobbies = useHobbies();
  const p = (k: string) => t(`applications.printForm.${k}`);
  const l = (k: string) => p(`labels.${k}`);
  const f: Form = app?.form ?? {};
  const options = (group: string, keys: readonly string[], checked: (k: string) => boolean) =>
    keys.map((k) => (
      <Box key={k} on={checked(k)}>
        {p(`options.${group}.${k}`)}
      </Box>
    ));
  const is = (field: string) => (k: string) => f[field] === k;
  const has = (field: string) => (k: string) => Array.isArray(f[field]) && (f[field] as unknown[]).includes(k);
  const family = Array.isArray(f.familyMembers) ? (f.familyMembers as Form[]) : [];
  const children = family.filter((m) => !m.relation || m.relation === 'CHILD');
  const childRows: Form[] = [...children, ...Array.from({ length: Math.max(0, 3 - children.length) }, () => ({}))];
  const hobbyIds = new Set(Array.isArray(f.hobbyIds) ? (f.hobbyIds as number[]) : []);

  return (
    <PrintPage width={820}>
      <style>{SHEET_CSS}</style>
      {query.isError && <Alert type="error" showIcon message={query.error?.message || t('errors.notFound')} />}
      {app && (
        <div className="application-form" data-testid="application-form">
          {app.masked && <MaskedNotice className="no-print" message={p('masked')} />}
          <h2>{p('title')}</h2>
          <div className="meta">
            <span>
              {p('applicationNo')}：{app.applicationNo}
            </span>
            <span>
              {p('unit')}：{app.projectName} {app.unitLabel}
            </span>
          </div>

          <h3>{p('sections.personal')}</h3>
          <div className="row">
            <div className="field wide">
              1、{l('title')}：{options('title', ENUMS.title, is('title'))}
            </div>
            <Field n={2} label={l('name')} value={f.name ?? app.applicantName} />
            <Field n={3} label={l('pinyin')} value={f.pinyin} />
            <Field n={4} label={l('birthDate')} value={f.birthDate} />
            <Field n={5} label={l('nationality')} value={f.nationality} />
            <Field n={6} label={l('nativeRegion')} value={f.nativeRegion} />
            <div className="field wide">
              7、{l('education')}：{options('education', ENUMS.education, is('education'))}
            </div>
            <Field n={8} label={l('homeAddress')} value={f.homeAddress} wide />
            <Field n={9} label={l('district')} value={f.district} />
            <Field n={10} label={l('homePhone')} value={f.homePhone} />
            <Field n={11} label={l('mobile')} value={f.mobile} />
            <Field n={12} label={l('fax')} value={f.fax} />
            <Field n={13} label={l('email')} value={f.email} />
          </div>

          <h3>{p('sections.occupation')}</h3>
          <div className="row">
            <Field n={1} label={l('employer')} value={f.employer} />
            <Field n={2} label={l('employerAddress')} value={f.employerAddress} />
            <Field n={3} label={l('employerPhone')} value={f.employerPhone} />
            <Field n={4} label={l('employerFax')} value={f.employerFax} />
            <Field n={5} label={l('businessType')} value={f.businessType} />
            <Field n={6} label={l('position')} value={f.position} />
            <div className="field wide">
              7、{l('notEmployed')}：{options('employmentStatus', ENUMS.employmentStatus.filter((s) => s !== 'EMPLOYED'), is('employmentStatus'))}
            </div>
          </div>

          <h3>{p('sections.marital')}</h3>
          <div>
            <Box on={f.maritalStatus === 'SINGLE'}>{p('options.maritalStatus.SINGLE')}</Box>
            <Box on={f.maritalStatus === 'MARRIED'}>{p('options.maritalStatus.MARRIED')}</Box>
            {l('weddingAnniversary')}：<span className="value">{str(f.weddingAnniversary) || '\u00a0'}</span>
          </div>

          <h3>{p('sections.family')}</h3>
          <div className="row">
            <Field n={1} label={l('spouseName')} value={f.spouseName} />
            <Field n={2} label={l('spouseBirthDate')} value={f.spouseBirthDate} />
            <Field n={3} label={l('spouseNationality')} value={f.spouseNationality} />
          </div>
          <div>4、{l('children')}：</div>
          <table className="grid">
            <thead>
              <tr>
                <th>{l('childName')}</th>
                <th>{l('childBirthDate')}</th>
                <th>{l('childSex')}</th>
              </tr>
            </thead>
            <tbody>
              {childRows.map((c, i) => (
                <tr key={i}>
                  <td>{str(c.name) || '\u00a0'}</td>
                  <td>{str(c.birthDate)}</td>
                  <td>{c.sex ? p(`options.sex.${str(c.sex)}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>{p('sections.mailing')}</h3>
          <div>
            {options('mailingAddress', ENUMS.mailingAddress, is('mailingAddress'))}
            <div className="note">{p('mailingNote')}</div>
          </div>

          <h3>{p('sections.hobbies')}</h3>
          <div className="hobbies" data-testid="hobbies">
            {hobbies.options.map((h) => (
              <Box key={h.value} on={hobbyIds.has(h.value)}>
                {h.label}
              </Box>
            ))}
          </div>
          <div>
            {l('hobbyOther')}：<span className="value">{str(f.hobbyOther) || '\u00a0'}</span>
          </div>

          <h3>{p('sections.other')}</h3>
          <div className="row">
            <div className="field wide">
              1、{l('joinReasons')}：{options('joinReasons', ENUMS.joinReasons, has('joinReasons'))}
            </div>
            <Field n={2} label={l('propertyBought')} value={f.propertyBought || `${app.projectName} ${app.unitLabel}`} wide />
            <Field n={3} label={l('carModel')} value={f.carModel} />
            <Field label={l('carPlate')} value={f.carPlate} />
          </div>

          <h3>{p('sections.signing')}</h3>
          <p style={{ margin: '4px 0 16px' }}>{p('declaration')}</p>
          <div className="row">
            <div className="field">
              {l('signature')}：<span className="value" style={{ minWidth: 180 }}>{'\u00a0'}</span>
            </div>
            <Field label={l('signedOn')} value={f.signedOn ?? app.receivedOn} />
          </div>
        </div>
      )}
    </PrintPage>
  );
};

/** The applicant's photo: the application's PHOTO document, fetched with the bearer token. */
const ApplicationPhoto = ({ applicationId }: { applicationId: number }) => {
  const { t } = useTranslation();
  const { result: app, query } = useOne<ApplicationDetail>({ resource: 'applications', id: applicationId });
  const doc = app ? [...app.documents].reverse().find((d) => d.kind === 'PHOTO' && d.mimeType.startsWith('image/')) : undefined;
  const photo = useFileUrl(doc ? `/applications/${applicationId}/documents/${doc.id}` : null);
  if (photo.url) return <img src={photo.url} alt="" data-testid="applicant-photo" style={{ width: '100%', height: '100%', objectFit: 'cover' }} />;
  if (query.isLoading || photo.loading) return null;
  const none = !query.isError && !photo.failed && !doc;
  return <span data-testid="no-photo">{t(none ? 'pickup-batches.photos.noPhoto' : 'pickup-batches.photos.unavailable')}</span>;
};

/** Appendix 3: the photo summary sheet of a pickup batch (M-5). */
export const PickupBatchPhotos = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const { result: b, query } = useShow<PickupBatchDetail>({ resource: 'pickup-batches', id });
  const p = (k: string) => t(`pickup-batches.photos.${k}`);
  return (
    <PrintPage width={900}>
      <style>{`
        .photo-sheet h2 { text-align: center; margin: 0 0 4px; }
        .photo-sheet .meta { text-align: center; font-size: 12px; margin-bottom: 12px; }
        .photo-sheet .cells { display: grid; grid-template-columns: repeat(4, 1fr); padding: 0 1px 1px 0; }
        .photo-sheet .cell { border: 1px solid #000; margin: 0 -1px -1px 0; padding: 8px; font-size: 12px; break-inside: avoid; }
        .photo-sheet .frame { width: 35mm; height: 45mm; margin: 0 auto 6px; border: 1px solid #000; display: flex; align-items: center; justify-content: center; color: #666; overflow: hidden; }
      `}</style>
      {query.isError && <Alert type="error" showIcon message={query.error?.message || t('errors.notFound')} />}
      {b && (
        <div className="photo-sheet" data-testid="photo-sheet">
          <h2>{p('title')}</h2>
          <div className="meta">
            {t('pickup-batches.fields.batchNo')}：{b.batchNo}　{t('pickup-batches.fields.pickupOn')}：{b.pickupOn}
          </div>
          {b.rows.length ? (
            <div className="cells">
              {b.rows.map((r) => (
                <div className="cell" key={r.applicationId} data-testid="photo-cell">
                  <div className="frame">
                    <ApplicationPhoto applicationId={r.applicationId} />
                  </div>
                  <div>
                    {p('number')}：{r.applicationNo}
                  </div>
                  <div>
                    {p('name')}：{r.name}
                  </div>
                  <div>
                    {p('unit')}：{r.projectName} {r.unit}
                  </div>
                </div>
              ))}
            </div>
          ) : (
            <Empty description={p('empty')} />
          )}
        </div>
      )}
    </PrintPage>
  );
};
